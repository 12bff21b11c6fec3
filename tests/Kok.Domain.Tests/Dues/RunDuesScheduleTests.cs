using Kok.Domain.Common;
using Kok.Domain.Dues;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Domain.Tests.Membership;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Kok.Domain.Tests.Dues;

/// <summary>The daily run over the agenda: one step per member, repeatable, resumable, reading only the members due.</summary>
public sealed class RunDuesScheduleTests
{
    private readonly InMemoryMemberRepository repository = new();
    private readonly List<MemberMailRequest> mails = [];
    private readonly List<DuesChargeMessage> charges = [];
    private readonly List<TimeSpan?> chargeDelays = [];
    private readonly FakeTimeProvider clock = new();

    private RunDuesSchedule Run(DuesPolicy? policy = null)
    {
        var mailQueue = new Mock<IMemberMailQueue>();
        mailQueue.Setup(q => q.EnqueueAsync(It.IsAny<MemberMailRequest>(), It.IsAny<CancellationToken>()))
            .Callback<MemberMailRequest, CancellationToken>((r, _) => { lock (mails) { mails.Add(r); } })
            .Returns(Task.CompletedTask);
        var chargeQueue = new Mock<IDuesChargeQueue>();
        chargeQueue.Setup(q => q.EnqueueAsync(It.IsAny<DuesChargeMessage>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()))
            .Callback<DuesChargeMessage, TimeSpan?, CancellationToken>((m, delay, _) =>
            {
                lock (charges)
                {
                    charges.Add(m);
                    chargeDelays.Add(delay);
                }
            })
            .Returns(Task.CompletedTask);
        return new RunDuesSchedule(repository, mailQueue.Object, chargeQueue.Object, policy ?? DuesPolicy.Default, clock);
    }

    private void Today(int year, int month, int day) => clock.SetUtcNow(new DateTimeOffset(year, month, day, 5, 0, 0, TimeSpan.Zero));

    private static Member Active(int n, PaymentMethodKind method = PaymentMethodKind.SepaDebit)
    {
        var id = RandomIdGenerator.Derive(Member.IdPrefix, "dues-test", n.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var member = Member.Create(id, MemberFixtures.Request(method: method), MemberFixtures.T0);
        member.AttachCheckout(new CheckoutSession("cs_" + n, MemberFixtures.CheckoutUrl));
        var metadata = new Dictionary<string, string> { ["memberId"] = id };
        member.Apply(new CheckoutCompleted("evt_" + n, MemberFixtures.T0, metadata, "cs_" + n, id, true, false, "pi_" + n, null, "cus_" + n, 6000));
        member.RecordPaymentMethod(new SavedPaymentMethod("pm_" + n, method, "3000", "mandate_" + n, "cus_" + n));
        return member;
    }

    [Fact]
    public async Task Pre_notifies_on_its_day_charges_on_the_due_date_and_a_second_run_the_same_day_does_nothing()
    {
        var member = Active(1);
        repository.Put(member);

        Today(2027, 2, 14);
        Assert.Equal(0, (await Run().ExecuteAsync(default)).Examined);

        Today(2027, 2, 15);
        var report = await Run().ExecuteAsync(default);
        Assert.Equal(1, report.PreNotified);
        Assert.Equal(0, (await Run().ExecuteAsync(default)).Examined);
        Assert.Equal(MemberMailRequest.ForPeriod(MemberMailKind.DuesPreNotification, member.Id, new DateOnly(2027, 3, 1)), Assert.Single(mails));

        Today(2027, 3, 1);
        Assert.Equal(1, (await Run().ExecuteAsync(default)).ChargesRequested);
        Assert.Equal(0, (await Run().ExecuteAsync(default)).Examined);
        Assert.Equal(new DuesChargeMessage(member.Id, new DateOnly(2027, 3, 1)), Assert.Single(charges));
        Assert.Equal(DuesEntryStatus.Pending, repository.Stored(member.Id).DuesEntryFor(new DateOnly(2027, 3, 1))!.Status);
    }

    [Fact]
    public async Task A_missed_pre_notification_moves_the_charge_so_the_notice_is_never_short()
    {
        var member = Active(1);
        repository.Put(member);

        Today(2027, 2, 25);
        await Run().ExecuteAsync(default);
        Today(2027, 3, 1);
        Assert.Equal(0, (await Run().ExecuteAsync(default)).Examined);
        Today(2027, 3, 11);
        Assert.Equal(1, (await Run().ExecuteAsync(default)).ChargesRequested);
    }

    [Fact]
    public async Task Overdue_members_get_their_reminders_and_lapse_after_the_grace_period()
    {
        var member = Active(1);
        member.RecordPreNotification(new DateOnly(2027, 2, 15));
        member.RequestDuesCharge(new DateOnly(2027, 3, 1));
        Today(2027, 3, 1);
        member.RecordDuesCharge(new DateOnly(2027, 3, 1), new DuesChargeResult(DuesChargeStatus.Failed, "pi_x", "card_declined"), clock.GetUtcNow());
        repository.Put(member);

        foreach (var (month, day) in new[] { (3, 8), (3, 22), (5, 30) })
        {
            Today(2027, month, day);
            await Run().ExecuteAsync(default);
            Today(2027, month, day);
            Assert.Equal(0, (await Run().ExecuteAsync(default)).Examined);
        }

        Assert.Equal(
            [MemberMailKind.DuesReminder, MemberMailKind.DuesReminder, MemberMailKind.DuesLapsed],
            mails.Select(m => m.Kind));
        Assert.Equal([1, 2, null], mails.Select(m => m.ReminderNumber));
        Assert.Equal(MembershipStatus.Lapsed, repository.Stored(member.Id).Status);
        Assert.Empty(repository.Agenda);
    }

    [Fact]
    public async Task The_run_reads_only_the_members_due_today()
    {
        for (var n = 0; n < 200; n++)
        {
            repository.Put(Active(n));
        }

        // Members who joined another day are not on today's agenda at all.
        var other = Member.Create(RandomIdGenerator.Derive(Member.IdPrefix, "other"), MemberFixtures.Request(), MemberFixtures.T0.AddDays(40));
        repository.Put(other);

        Today(2027, 2, 15);
        var report = await Run().ExecuteAsync(default);

        Assert.Equal(200, report.Examined);
        Assert.Equal(200, report.PreNotified);
        Assert.Equal(200, mails.Select(m => m.MemberId).Distinct().Count());
    }

    [Fact]
    public async Task Charge_requests_are_released_at_the_configured_pace_however_many_instances_take_them()
    {
        for (var n = 0; n < 9; n++)
        {
            repository.Put(Active(n));
        }

        var policy = DuesPolicy.Default with { MaxChargesPerSecond = 4 };
        Today(2027, 2, 15);
        await Run(policy).ExecuteAsync(default);
        Today(2027, 3, 1);
        Assert.Equal(9, (await Run(policy).ExecuteAsync(default)).ChargesRequested);

        // The n-th request becomes visible n / 4 seconds after the run: 9 charges spread over 2 seconds, not at once.
        Assert.Equal(
            [null, .. Enumerable.Range(1, 8).Select(n => (TimeSpan?)TimeSpan.FromMilliseconds(250 * n))],
            chargeDelays.OrderBy(d => d ?? TimeSpan.Zero));
    }

    [Fact]
    public async Task A_long_run_puts_each_charge_request_on_the_queue_at_most_the_lead_ahead_of_its_release_and_keeps_the_pace()
    {
        // 120 charges at 4 a second are 30 seconds of releases: without waiting, the run would put all of them on the
        // queue at once, the last invisible for 30 seconds.
        const int members = 120;
        for (var n = 0; n < members; n++)
        {
            repository.Put(Active(n));
        }

        var policy = DuesPolicy.Default with { MaxChargesPerSecond = 4 };
        Today(2027, 2, 15);
        await Run(policy).ExecuteAsync(default);
        Today(2027, 3, 1);
        var start = clock.GetUtcNow();
        var releases = new List<DateTimeOffset>();
        var sentAhead = new List<TimeSpan>();
        var chargeQueue = new Mock<IDuesChargeQueue>();
        chargeQueue.Setup(q => q.EnqueueAsync(It.IsAny<DuesChargeMessage>(), It.IsAny<TimeSpan?>(), It.IsAny<CancellationToken>()))
            .Callback<DuesChargeMessage, TimeSpan?, CancellationToken>((_, delay, _) =>
            {
                lock (releases)
                {
                    releases.Add(clock.GetUtcNow() + (delay ?? TimeSpan.Zero));
                    sentAhead.Add(delay ?? TimeSpan.Zero);
                }
            })
            .Returns(Task.CompletedTask);
        var run = new RunDuesSchedule(repository, Mock.Of<IMemberMailQueue>(), chargeQueue.Object, policy, clock)
            .ExecuteAsync(default);

        // The fake clock moves only when told: a quarter second at a time until the run is done (it waits on it).
        var steps = 0;
        while (!run.IsCompleted && steps++ < 10_000)
        {
            clock.Advance(TimeSpan.FromMilliseconds(250));
            await Task.Delay(1);
        }

        Assert.Equal(members, (await run).ChargesRequested);
        var mostAhead = RunDuesSchedule.ReleaseLead + TimeSpan.FromSeconds((double)RunDuesSchedule.Parallelism / policy.MaxChargesPerSecond);
        Assert.All(sentAhead, ahead => Assert.True(ahead <= mostAhead, $"sent {ahead} ahead of its release"));

        // Never faster than the pace: the n-th release (in time order) no earlier than n / 4 seconds after the start.
        // (The clock may move between the run's reading and this recording, which can only make a release later.)
        var ordered = releases.Order().ToList();
        Assert.All(Enumerable.Range(0, members), n => Assert.True(ordered[n] >= start + TimeSpan.FromSeconds(n / 4.0), $"release {n} too early"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(101)]
    public void The_pace_stays_within_what_Stripe_allows(int perSecond) =>
        Assert.NotEmpty((DuesPolicy.Default with { MaxChargesPerSecond = perSecond }).Validate());

    [Fact]
    public async Task A_run_that_dies_half_way_is_finished_by_the_next_without_repeating_the_members_done()
    {
        for (var n = 0; n < 20; n++)
        {
            repository.Put(Active(n));
        }

        Today(2027, 2, 15);
        var saves = 0;
        repository.BeforeSave = _ =>
        {
            if (Interlocked.Increment(ref saves) > 8)
            {
                throw new IOException("storage went away");
            }
        };
        await Assert.ThrowsAnyAsync<Exception>(() => Run().ExecuteAsync(default));
        var done = repository.Agenda.Where(e => e.Date == new DateOnly(2027, 3, 1)).Select(e => e.MemberId).ToHashSet();
        Assert.Equal(8, done.Count);
        var mailsBefore = mails.Count;

        repository.BeforeSave = null;
        var rerun = await Run().ExecuteAsync(default);

        Assert.Equal(12, rerun.PreNotified);
        Assert.Equal(20, repository.Agenda.Count(e => e.Date == new DateOnly(2027, 3, 1)));
        Assert.DoesNotContain(mails.Skip(mailsBefore), m => done.Contains(m.MemberId));
        Assert.Equal(20, mails.Select(m => m.MemberId).Distinct().Count());
    }

    [Fact]
    public async Task Stale_agenda_entries_are_dropped_without_acting()
    {
        var member = Active(1);
        repository.Put(member);
        repository.Agenda.Add(new DuesAgendaEntry(member.Id, new DateOnly(2027, 1, 1)));
        repository.Agenda.Add(new DuesAgendaEntry("mem_gonegonegonegonegone", new DateOnly(2027, 1, 1)));

        Today(2027, 1, 2);
        var report = await Run().ExecuteAsync(default);

        Assert.Equal(2, report.Stale);
        Assert.Empty(mails);
        Assert.Equal([new DuesAgendaEntry(member.Id, new DateOnly(2027, 2, 15))], repository.Agenda);
    }
}
