using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Domain.Membership;
using Kok.Domain.Tests.Membership;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Kok.Domain.Tests.Dues.DuesMailFixtures;
using static Kok.Domain.Tests.Membership.MemberFixtures;

namespace Kok.Domain.Tests.Dashboard;

/// <summary>One staff reminder per click, not per double-click: a second one to the same member within ten minutes is refused.</summary>
public sealed class StaffReminderTests
{
    private readonly FakeTimeProvider time = new(ChargedAt.AddDays(20));
    private readonly InMemoryMemberRepository members = new();
    private readonly InMemoryAuditTrail audit = new();
    private readonly Mock<IMemberMailQueue> mails = new();
    private readonly Mock<IIdGenerator> ids = new();
    private int nextId;

    public StaffReminderTests()
    {
        ids.Setup(i => i.NewId("aud")).Returns(() => $"aud_{Interlocked.Increment(ref nextId)}");
        members.Put(Reminded(1));
    }

    private RemindMember Remind => new(members, mails.Object, audit, ids.Object, time);

    [Fact]
    public async Task A_second_click_within_ten_minutes_is_refused_with_the_time_of_the_first()
    {
        var first = await Remind.ExecuteAsync(MemberId, "oid-1", "Office", default);
        var clickedAt = time.GetUtcNow();
        time.Advance(TimeSpan.FromMinutes(9) + TimeSpan.FromSeconds(59));

        var second = await Remind.ExecuteAsync(MemberId, "oid-2", "Other office", default);

        Assert.Equal(StaffActionOutcome.Done, first.Outcome);
        Assert.Equal(StaffActionOutcome.Conflict, second.Outcome);
        Assert.Equal(clickedAt, second.LastReminderAt);
        Assert.Equal(clickedAt + TimeSpan.FromMinutes(10), second.NextReminderAt);
        Assert.Equal(MembershipStatus.Overdue, second.Status);
        mails.Verify(q => q.EnqueueAsync(It.IsAny<MemberMailRequest>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Single(audit.Entries);
    }

    [Fact]
    public async Task Ten_minutes_after_the_last_reminder_another_is_allowed()
    {
        await Remind.ExecuteAsync(MemberId, "oid-1", "Office", default);
        time.Advance(RemindMember.MinimumGap);

        var again = await Remind.ExecuteAsync(MemberId, "oid-1", "Office", default);

        Assert.Equal(StaffActionOutcome.Done, again.Outcome);
        Assert.Null(again.LastReminderAt);
        mails.Verify(q => q.EnqueueAsync(It.IsAny<MemberMailRequest>(), It.IsAny<CancellationToken>()), Times.Exactly(2));
        Assert.Equal(2, audit.Entries.Count);
    }

    [Fact]
    public async Task Two_clicks_at_the_same_moment_send_one_reminder()
    {
        // The second click reads "no reminder yet" too, and only then does the first write: the race a check
        // followed by a separate record would lose.
        RemindMemberResult? secondResult = null;
        audit.BeforeConditionalWrite = async () => secondResult = await Remind.ExecuteAsync(MemberId, "oid-2", "Other office", default);

        var first = await Remind.ExecuteAsync(MemberId, "oid-1", "Office", default);

        var outcomes = new[] { first, secondResult! };
        Assert.Single(outcomes, r => r.Outcome == StaffActionOutcome.Done);
        var refused = Assert.Single(outcomes, r => r.Outcome == StaffActionOutcome.Conflict);
        Assert.Equal(time.GetUtcNow(), refused.LastReminderAt);
        mails.Verify(q => q.EnqueueAsync(It.IsAny<MemberMailRequest>(), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Single(audit.Entries);
    }

    [Fact]
    public async Task Reminders_to_different_members_do_not_hold_each_other_up()
    {
        var other = Reminded(1);
        var otherId = "mem_" + new string('b', 20);
        members.Put(Member.FromSnapshot(other.ToSnapshot() with { Id = otherId }));

        var one = await Remind.ExecuteAsync(MemberId, "oid-1", "Office", default);
        var two = await Remind.ExecuteAsync(otherId, "oid-1", "Office", default);

        Assert.Equal((StaffActionOutcome.Done, StaffActionOutcome.Done), (one.Outcome, two.Outcome));
    }
}
