using Kok.Domain.BankTransfers;
using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Mail;
using Kok.Domain.Payments;
using Kok.Domain.Privacy;
using Kok.Domain.Receipts;
using Kok.Domain.Tests.Donations;
using Kok.Domain.Tests.Mail;
using Kok.Domain.Tests.Receipts;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Kok.Domain.Tests.BankTransfers;

public sealed class TransferRemindersTests
{
    private static readonly BankAccount Account = BankAccount.From("KOK e.V.", "DE02120300000000202051", null, "Beispielbank")!;

    private readonly InMemoryDonationRepository donations = new();
    private readonly Agenda agenda = new();
    private readonly InMemoryMailLog log = new();
    private readonly Mock<IMailSender> sender = new();
    private readonly FakeTimeProvider clock = new(DonationFixtures.T0);
    private readonly List<MailMessage> sent = [];
    private readonly Donation donation;

    public TransferRemindersTests()
    {
        sender.Setup(s => s.SendAsync(It.IsAny<MailMessage>(), It.IsAny<CancellationToken>()))
            .Callback<MailMessage, CancellationToken>((m, _) => sent.Add(m))
            .ReturnsAsync(new MailSent("msg"));
        donation = Add(DonationFixtures.DonationId, PaymentMethodKind.BankTransfer);
    }

    [Fact]
    public void A_transfer_donation_waits_under_the_day_it_was_made_until_its_money_comes_and_a_card_donation_never()
    {
        Assert.Equal(new DateOnly(2025, 3, 1), donation.AwaitingTransferSince);
        Assert.Null(Donation.Create("don_cardcardcardcardcard", DonationFixtures.Request(method: PaymentMethodKind.Card), DonationFixtures.T0).AwaitingTransferSince);

        Assert.Null(Paid(donation).AwaitingTransferSince);
    }

    [Fact]
    public async Task Day_13_sends_nothing_day_14_one_reminder_with_the_code_and_a_second_run_nothing_more()
    {
        clock.SetUtcNow(DonationFixtures.T0.AddDays(13));
        var early = await RunAsync();
        Assert.Equal(new TransferReminderRunReport(0, 0, 0, 0), early);
        Assert.Empty(sent);

        clock.SetUtcNow(DonationFixtures.T0.AddDays(14));
        var due = await RunAsync();
        clock.SetUtcNow(DonationFixtures.T0.AddDays(15));
        agenda.Rows[donation.Id] = new DateOnly(2025, 3, 1); // as if the first run died before taking the row away
        var again = await RunAsync();

        Assert.Equal(new TransferReminderRunReport(1, 1, 0, 0), due);
        Assert.Equal(1, again.Due);
        var mail = Assert.Single(sent);
        Assert.Contains(donation.TransferCode!.Value, mail.Subject, StringComparison.Ordinal);
        Assert.Contains(donation.TransferCode!.Value, mail.Text, StringComparison.Ordinal);
        Assert.Contains("DE02 1203 0000 0000 2020 51", mail.Text, StringComparison.Ordinal);
        Assert.Contains("25,50 €", mail.Text, StringComparison.Ordinal);
        Assert.Contains("Erinnerung", mail.Subject, StringComparison.Ordinal);
        Assert.Empty(agenda.Rows);
        Assert.Equal(MailLogState.Sent, log[new MailLogKey(MailKind.TransferReminder, donation.Id)]!.State);
    }

    [Fact]
    public async Task An_english_donor_gets_the_reminder_in_english()
    {
        var english = Add("don_englishenglishenglis", PaymentMethodKind.BankTransfer, "en");
        agenda.Rows.Remove(donation.Id);
        clock.SetUtcNow(DonationFixtures.T0.AddDays(20));

        await RunAsync();

        var mail = Assert.Single(sent);
        Assert.Contains("reminder", mail.Subject, StringComparison.Ordinal);
        Assert.Contains("€25.50", mail.Text, StringComparison.Ordinal);
        Assert.Contains(english.TransferCode!.Value, mail.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_donation_whose_money_came_gets_no_reminder_and_leaves_the_agenda()
    {
        await PayAsync(donation);
        clock.SetUtcNow(DonationFixtures.T0.AddDays(14));

        var report = await RunAsync();

        Assert.Equal(new TransferReminderRunReport(1, 0, 1, 0), report);
        Assert.Empty(sent);
        Assert.Empty(agenda.Rows);
    }

    [Fact]
    public async Task A_failed_mail_stays_on_the_agenda_for_the_next_run()
    {
        sender.Setup(s => s.SendAsync(It.IsAny<MailMessage>(), It.IsAny<CancellationToken>())).ThrowsAsync(new HttpRequestException("down"));
        clock.SetUtcNow(DonationFixtures.T0.AddDays(14));

        var report = await RunAsync();

        Assert.Equal(new TransferReminderRunReport(1, 0, 0, 1), report);
        Assert.Single(agenda.Rows);
    }

    [Fact]
    public async Task Without_an_account_nothing_is_sent_and_the_agenda_stays()
    {
        clock.SetUtcNow(DonationFixtures.T0.AddDays(14));

        var report = await RunAsync(BankTransferSettings.NotOffered);

        Assert.Equal(new TransferReminderRunReport(1, 0, 0, 1), report);
        Assert.Empty(sent);
        Assert.Single(agenda.Rows);
    }

    [Fact]
    public void The_reminder_is_an_optional_mail_that_respects_objections() =>
        Assert.True(MailObligations.RespectsObjection(MailKind.TransferReminder));

    [Theory]
    [InlineData(14, "2025-03-15", "2025-03-01")]
    [InlineData(1, "2025-03-01", "2025-02-28")]
    public void The_run_reminds_donations_made_reminder_days_before_today_or_earlier(int days, string today, string madeOnOrBefore) =>
        Assert.Equal(DateOnly.Parse(madeOnOrBefore, System.Globalization.CultureInfo.InvariantCulture),
            TransferReminders.MadeOnOrBefore(DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture), days));

    private Task<TransferReminderRunReport> RunAsync(BankTransferSettings? settings = null) =>
        new TransferReminders(
                agenda,
                donations,
                new TransferReminderMails(ReceiptTestData.ConfiguredOrganisation, new MailDispatcher(log, sender.Object, clock)),
                settings ?? new BankTransferSettings(Account),
                clock)
            .ExecuteAsync(default);

    private Donation Add(string id, PaymentMethodKind method, string locale = "de")
    {
        var request = DonationFixtures.Request(method: method) with { Locale = locale };
        var created = Donation.Create(id, request, DonationFixtures.T0);
        donations.TryAddAsync(created, default).GetAwaiter().GetResult();
        if (created.AwaitingTransferSince is { } day)
        {
            agenda.Rows[created.Id] = day;
        }

        return created;
    }

    private static Donation Paid(Donation donation)
    {
        donation.Apply(new BankTransferReceived("bank:R1", DonationFixtures.T0.AddDays(3), new Dictionary<string, string>(), donation.TransferCode!, donation.AmountCents));
        return donation;
    }

    private async Task PayAsync(Donation donation)
    {
        var stored = (await donations.GetAsync(donation.Id, default))!;
        Assert.True(await donations.TrySaveAsync(Paid(stored.Donation), stored.Version, [], default));
    }

    /// <summary>The agenda as the projection keeps it: donation id → day made.</summary>
    private sealed class Agenda : ITransferReminderAgenda
    {
        public Dictionary<string, DateOnly> Rows { get; } = [];

        public Task<IReadOnlyList<TransferReminderEntry>> MadeOnOrBeforeAsync(DateOnly day, CancellationToken cancellationToken) =>
            Task.FromResult<IReadOnlyList<TransferReminderEntry>>(
                Rows.Where(r => r.Value <= day).OrderBy(r => r.Value).Select(r => new TransferReminderEntry(r.Key, r.Value)).ToList());

        public Task RemoveAsync(TransferReminderEntry entry, CancellationToken cancellationToken)
        {
            Rows.Remove(entry.DonationId);
            return Task.CompletedTask;
        }
    }
}
