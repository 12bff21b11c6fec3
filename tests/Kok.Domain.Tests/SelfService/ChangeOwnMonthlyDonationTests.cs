using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Domain.Donations;
using Kok.Domain.Mail;
using Kok.Domain.Payments;
using Kok.Domain.SelfService;
using Kok.Domain.Tests.Mail;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Kok.Domain.Tests.Donations.DonationFixtures;

namespace Kok.Domain.Tests.SelfService;

public sealed class ChangeOwnMonthlyDonationTests
{
    private static readonly string Key = SupporterKey.Of("erika@example.de");
    private readonly FakeTimeProvider clock = new(T0.AddDays(10));
    private readonly Mock<ISupporterDirectory> directory = new();
    private readonly Mock<ISubscriptionGateway> gateway = new();
    private readonly Mock<IAuditTrail> audit = new();
    private readonly Mock<IMailSender> sender = new();
    private readonly InMemoryMailLog mailLog = new();
    private readonly List<SubscriptionChange> changes = [];
    private readonly List<AuditEntry> entries = [];
    private readonly List<MailMessage> mails = [];
    private readonly SequentialIds ids = new();

    public ChangeOwnMonthlyDonationTests()
    {
        gateway.Setup(g => g.ChangeAsync(It.IsAny<SubscriptionChange>(), It.IsAny<CancellationToken>()))
            .Callback<SubscriptionChange, CancellationToken>((c, _) => changes.Add(c)).Returns(Task.CompletedTask);
        audit.Setup(a => a.RecordAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Callback<AuditEntry, CancellationToken>((e, _) => entries.Add(e)).Returns(Task.CompletedTask);
        sender.Setup(s => s.SendAsync(It.IsAny<MailMessage>(), It.IsAny<CancellationToken>()))
            .Callback<MailMessage, CancellationToken>((m, _) => mails.Add(m)).ReturnsAsync(new MailSent("msg_1"));
    }

    [Fact]
    public async Task A_new_amount_goes_to_the_provider_is_audited_as_by_the_supporter_and_confirmed_by_mail()
    {
        Owns(RunningMonthly());

        var result = await UseCase().ExecuteAsync(Key, DonationId, new MonthlyDonationChangeForm(MonthlyDonationChangeKind.Amount, Amount: 30m), default);

        Assert.Equal(SupporterChangeOutcome.Requested, result.Outcome);
        Assert.True(result.MailSent);
        var change = Assert.Single(changes);
        Assert.Equal((SubscriptionId, 3000L, (DateTimeOffset?)null, false), (change.SubscriptionId, change.NewAmountCents!.Value, change.PauseUntil, change.CancelAtPeriodEnd));
        var entry = Assert.Single(entries);
        Assert.Equal((DonationId, ChangeOwnMonthlyDonation.AmountChangedAction, ChangeOwnMonthlyDonation.SupporterActorId), (entry.Subject, entry.Action, entry.StaffId));
        Assert.Contains(new KeyValuePair<string, string>(AuditFacts.AmountCents, "3000"), entry.Facts);
        Assert.Contains("30,00 €", Assert.Single(mails).Text, StringComparison.Ordinal);
        Assert.Equal(MailKind.MonthlyDonationChanged, Assert.Single(mailLog.Entries).Key.Kind);
    }

    [Fact]
    public async Task A_pause_of_n_months_lasts_until_n_months_from_now_and_a_cancellation_asks_for_the_end_of_the_period()
    {
        Owns(RunningMonthly());

        await UseCase().ExecuteAsync(Key, DonationId, new MonthlyDonationChangeForm(MonthlyDonationChangeKind.Pause, Months: 3m), default);
        await UseCase().ExecuteAsync(Key, DonationId, new MonthlyDonationChangeForm(MonthlyDonationChangeKind.Cancel), default);

        Assert.Equal(clock.GetUtcNow().AddMonths(3), changes[0].PauseUntil);
        Assert.True(changes[1].CancelAtPeriodEnd);
        Assert.Null(changes[1].NewAmountCents);
        Assert.Equal([ChangeOwnMonthlyDonation.PausedAction, ChangeOwnMonthlyDonation.CancelledAction], entries.Select(e => e.Action));
        Assert.NotEqual(changes[0].IdempotencyKey, changes[1].IdempotencyKey);
    }

    [Theory]
    [InlineData(0.99, null)]
    [InlineData(10000.01, null)]
    [InlineData(null, null)]
    [InlineData(null, "amount")]
    public async Task A_bad_amount_is_refused_naming_the_field_before_anything_is_read_or_changed(double? amount, string? wrongType)
    {
        var form = new MonthlyDonationChangeForm(MonthlyDonationChangeKind.Amount, Amount: (decimal?)amount, WrongTypeFields: wrongType is null ? null : [wrongType]);

        var result = await UseCase().ExecuteAsync(Key, DonationId, form, default);

        Assert.Equal(SupporterChangeOutcome.Invalid, result.Outcome);
        Assert.True(result.Errors!.Contains("amount"));
        AssertNothingDone();
        directory.VerifyNoOtherCalls();
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(7.0)]
    [InlineData(1.5)]
    [InlineData(null)]
    public async Task A_pause_outside_one_to_six_whole_months_is_refused_naming_months(double? months)
    {
        var result = await UseCase().ExecuteAsync(Key, DonationId, new MonthlyDonationChangeForm(MonthlyDonationChangeKind.Pause, Months: (decimal?)months), default);

        Assert.Equal(SupporterChangeOutcome.Invalid, result.Outcome);
        Assert.True(result.Errors!.Contains("months"));
        AssertNothingDone();
    }

    [Fact]
    public async Task A_donation_the_supporter_does_not_own_is_not_found_and_nothing_is_done()
    {
        Owns();

        var result = await UseCase().ExecuteAsync(Key, DonationId, new MonthlyDonationChangeForm(MonthlyDonationChangeKind.Cancel), default);

        Assert.Equal(SupporterChangeOutcome.NotFound, result.Outcome);
        AssertNothingDone();
    }

    [Fact]
    public async Task One_time_ended_and_ending_donations_cannot_be_changed()
    {
        var ending = RunningMonthly();
        ending.Apply(Terms("evt_end", minutes: 5, cancelAtPeriodEnd: true));
        var ended = RunningMonthly();
        ended.Apply(Ended("evt_ended", month: 1));

        foreach (var donation in new[] { NewDonation(), ending, ended })
        {
            Owns(donation);
            var result = await UseCase().ExecuteAsync(Key, DonationId, new MonthlyDonationChangeForm(MonthlyDonationChangeKind.Cancel), default);
            Assert.Equal(SupporterChangeOutcome.NotChangeable, result.Outcome);
        }

        AssertNothingDone();
    }

    [Fact]
    public async Task A_mail_that_cannot_be_sent_leaves_the_change_made_and_says_so()
    {
        Owns(RunningMonthly());
        sender.Setup(s => s.SendAsync(It.IsAny<MailMessage>(), It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("down"));

        var result = await UseCase().ExecuteAsync(Key, DonationId, new MonthlyDonationChangeForm(MonthlyDonationChangeKind.Cancel), default);

        Assert.Equal(SupporterChangeOutcome.Requested, result.Outcome);
        Assert.False(result.MailSent);
        Assert.Single(changes);
        Assert.Single(entries);
    }

    [Fact]
    public void The_donation_follows_the_newest_terms_the_provider_states_whatever_the_order()
    {
        var donation = RunningMonthly();
        var pausedUntil = T0.AddMonths(3);

        donation.Apply(Terms("evt_new", minutes: 20, amount: 3000, pausedUntil: pausedUntil));
        var late = donation.Apply(Terms("evt_old", minutes: 10, amount: 2000));

        Assert.Equal(ApplyOutcome.NoChange, late.Outcome);
        Assert.Equal((3000L, (DateTimeOffset?)pausedUntil, (DateTimeOffset?)null), (donation.AmountCents, donation.PausedUntil, donation.EndsAt));
        var restored = Donation.FromSnapshot(donation.ToSnapshot());
        Assert.Equal((3000L, (DateTimeOffset?)pausedUntil), (restored.AmountCents, restored.PausedUntil));
        Assert.True(restored.IsRunningMonthly);

        donation.Apply(Terms("evt_cancel", minutes: 30, amount: 3000, cancelAtPeriodEnd: true));
        Assert.Equal(T0.AddMonths(1), donation.EndsAt);
        Assert.Null(donation.PausedUntil);
        Assert.False(donation.IsRunningMonthly);
    }

    private static Donation RunningMonthly()
    {
        var donation = NewDonation(DonationInterval.Monthly, amountCents: 1000);
        donation.Apply(CompletedSubscription("evt_cs", paid: true));
        donation.Apply(Invoice("evt_in", month: 0));
        return donation;
    }

    private static SubscriptionUpdated Terms(string eventId, int minutes, long amount = 1000, DateTimeOffset? pausedUntil = null, bool cancelAtPeriodEnd = false) =>
        new(eventId, T0.AddMinutes(minutes), new Dictionary<string, string>(), SubscriptionId, CustomerId, SubscriptionState.Active, null,
            CollectionPaused: pausedUntil is not null, pausedUntil, cancelAtPeriodEnd, amount, "price_2", T0.AddMonths(1));

    private void Owns(params Donation[] donations) =>
        directory.Setup(d => d.FindAsync(Key, It.IsAny<CancellationToken>())).ReturnsAsync(new SupporterRecords(donations, []));

    private void AssertNothingDone()
    {
        Assert.Empty(changes);
        Assert.Empty(entries);
        Assert.Empty(mails);
    }

    private ChangeOwnMonthlyDonation UseCase() => new(
        directory.Object,
        gateway.Object,
        audit.Object,
        ids,
        new MailDispatcher(mailLog, sender.Object, clock),
        new SelfServiceLinks(new Uri("https://spenden.example.org")),
        clock);

    private sealed class SequentialIds : IIdGenerator
    {
        private int next;

        public string NewId(string prefix) => $"{prefix}_{++next:D20}";
    }
}
