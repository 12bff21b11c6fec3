using System.Web;
using Kok.Domain.Membership;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Kok.Domain.Tests.Membership.MemberFixtures;

namespace Kok.Domain.Tests.Membership;

public class CancelMembershipTests
{
    private readonly InMemoryMemberRepository repository = new();
    private readonly List<MemberMailRequest> mails = [];
    private readonly FakeTimeProvider time = new(T0.AddMonths(1));
    private readonly CancelMembership useCase;
    private readonly string token;

    public CancelMembershipTests()
    {
        var queue = new Mock<IMemberMailQueue>();
        queue.Setup(q => q.EnqueueAsync(It.IsAny<MemberMailRequest>(), It.IsAny<CancellationToken>()))
            .Callback<MemberMailRequest, CancellationToken>((r, _) => mails.Add(r)).Returns(Task.CompletedTask);
        useCase = new CancelMembership(repository, queue.Object, Links(), time);
        repository.TryAddAsync(ActiveMember(), default).GetAwaiter().GetResult();
        token = HttpUtility.ParseQueryString(Links().CancelUrl(MemberId, T0).Query)["token"]!;
    }

    [Fact]
    public async Task Valid_link_shows_the_membership()
    {
        var shown = Assert.IsType<CancelPageShown>(await useCase.ShowAsync(MemberId, token, default));

        Assert.Equal(MembershipStatus.Active, shown.Member.Status);
        Assert.True(shown.CanCancel);
    }

    [Fact]
    public async Task Cancelling_by_link_schedules_the_end_and_confirms_once()
    {
        var cancelled = Assert.IsType<MembershipCancelled>(await useCase.ByMemberAsync(MemberId, token, default));

        Assert.Equal(MemberCancellation.WillEnd, cancelled.Outcome);
        Assert.Equal(MembershipStatus.Cancelling, repository.Stored(MemberId).Status);
        Assert.Equal(Member.CancelledByMember, repository.Stored(MemberId).CancelledBy);
        Assert.Equal([new ScheduledEnding(MemberId, new DateOnly(2027, 3, 1))], repository.Endings);

        var again = Assert.IsType<MembershipCancelled>(await useCase.ByMemberAsync(MemberId, token, default));
        Assert.Equal(MemberCancellation.AlreadyCancelled, again.Outcome);
        Assert.Equal([new MemberMailRequest(MemberMailKind.CancellationConfirmed, MemberId)], mails);
    }

    [Theory]
    [InlineData("tampered")]
    [InlineData("expired")]
    [InlineData("foreign")]
    public async Task Bad_links_change_nothing(string kind)
    {
        var badToken = kind switch
        {
            "tampered" => token[..^2] + (token[^2] == 'x' ? "y" : "x") + token[^1],
            "foreign" => HttpUtility.ParseQueryString(Links().CancelUrl("mem_zzzzzzzzzzzzzzzzzzzz", T0).Query)["token"]!,
            _ => token,
        };
        if (kind == "expired")
        {
            time.SetUtcNow(T0.AddDays(61));
        }

        var rejected = Assert.IsType<CancelLinkRejected>(await useCase.ByMemberAsync(MemberId, badToken, default));

        Assert.Equal(kind == "expired" ? LinkTokenCheck.Expired : LinkTokenCheck.Invalid, rejected.Reason);
        Assert.IsType<CancelLinkRejected>(await useCase.ShowAsync(MemberId, badToken, default));
        Assert.Equal(MembershipStatus.Active, repository.Stored(MemberId).Status);
        Assert.Empty(mails);
        Assert.Empty(repository.Endings);
    }

    [Fact]
    public async Task Staff_can_cancel_and_unknown_members_are_not_found()
    {
        var cancelled = Assert.IsType<MembershipCancelled>(await useCase.ByStaffAsync(MemberId, "oid-1", default));

        Assert.Equal(MemberCancellation.WillEnd, cancelled.Outcome);
        Assert.Equal("staff:oid-1", repository.Stored(MemberId).CancelledBy);
        Assert.IsType<CancelMemberNotFound>(await useCase.ByStaffAsync("mem_zzzzzzzzzzzzzzzzzzzz", "oid-1", default));
    }

    [Fact]
    public async Task Daily_run_ends_the_membership_once_the_paid_period_is_over()
    {
        await useCase.ByMemberAsync(MemberId, token, default);
        var run = new EndCancelledMemberships(repository, time);

        time.SetUtcNow(new DateTimeOffset(2027, 2, 28, 12, 0, 0, TimeSpan.Zero));
        Assert.Equal(0, await run.ExecuteAsync(default));
        Assert.Equal(MembershipStatus.Cancelling, repository.Stored(MemberId).Status);

        time.SetUtcNow(new DateTimeOffset(2027, 3, 1, 2, 0, 0, TimeSpan.Zero));
        Assert.Equal(1, await run.ExecuteAsync(default));
        Assert.Equal(MembershipStatus.Ended, repository.Stored(MemberId).Status);
        Assert.Empty(repository.Endings);
        Assert.Equal(0, await run.ExecuteAsync(default));
    }

    [Fact]
    public async Task Daily_run_drops_stale_entries()
    {
        // What a crash between an ending's entry and its member's write leaves behind.
        repository.Endings.Add(new ScheduledEnding(MemberId, new DateOnly(2026, 3, 15)));

        Assert.Equal(0, await new EndCancelledMemberships(repository, time).ExecuteAsync(default));

        Assert.Empty(repository.Endings);
        Assert.Equal(MembershipStatus.Active, repository.Stored(MemberId).Status);
    }
}
