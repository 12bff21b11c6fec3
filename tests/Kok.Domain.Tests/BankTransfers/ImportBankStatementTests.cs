using Kok.Domain.BankTransfers;
using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Domain.Donations;
using Kok.Domain.Payments;
using Kok.Domain.Receipts;
using Kok.Domain.Tests.Donations;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Kok.Domain.Tests.BankTransfers;

public sealed class ImportBankStatementTests
{
    private readonly InMemoryDonationRepository donations = new();
    private readonly Mock<IReceiptMailQueue> mails = new();
    private readonly Mock<IAuditTrail> audit = new();
    private readonly EntryLog log = new();
    private readonly Donation donation;

    public ImportBankStatementTests()
    {
        donation = Donation.Create(DonationFixtures.DonationId, DonationFixtures.Request(method: PaymentMethodKind.BankTransfer, amountCents: 25_50), DonationFixtures.T0);
        donations.TryAddAsync(donation, default).GetAwaiter().GetResult();
        foreach (var reference in donation.References)
        {
            donations.Index[reference] = donation.Id;
        }
    }

    private ReferenceCode Code => donation.TransferCode!;

    [Fact]
    public async Task A_credit_with_the_code_and_the_amount_pays_the_donation_and_asks_for_its_receipt()
    {
        var result = await ImportAsync(Credit(25_50, $"Spende {Code.Value.ToLowerInvariant().Replace('-', ' ')}"));

        var line = Assert.Single(result.Matched);
        Assert.Equal(donation.Id, line.DonationId);
        Assert.Contains(Code.Value, line.ExplanationDe, StringComparison.Ordinal);
        Assert.Equal(DonationStatus.Paid, (await donations.GetAsync(donation.Id, default))!.Donation.Status);
        mails.Verify(m => m.EnqueueAsync(It.Is<ReceiptMailRequest>(r => r.SubjectId == donation.Id && r.Purpose == ReceiptMailPurpose.Paid), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(BankEntryOutcome.Matched, Assert.Single(log.Records.Values).Outcome);
    }

    [Theory]
    [InlineData(25_00)]
    [InlineData(30_00)]
    public async Task Another_amount_is_left_for_staff_with_both_amounts_named(long cents)
    {
        var result = await ImportAsync(Credit(cents, Code.Value));

        var line = Assert.Single(result.Unmatched);
        Assert.Equal(donation.Id, line.DonationId);
        Assert.Contains("25,50 €", line.ExplanationDe, StringComparison.Ordinal);
        Assert.Contains("€25.50", line.ExplanationEn, StringComparison.Ordinal);
        Assert.Equal(DonationStatus.Pending, (await donations.GetAsync(donation.Id, default))!.Donation.Status);
    }

    [Fact]
    public async Task An_entry_without_a_known_code_is_unmatched_and_says_why()
    {
        var unknown = ReferenceCode.Derive("someone else");

        var result = await ImportAsync(Credit(25_50, "Mitgliedsbeitrag"), Credit(25_50, unknown.Value, reference: "R2"));

        Assert.Equal(["Kein Spendencode im Verwendungszweck.", $"Code {unknown.Value} gehört zu keiner Spende."], result.Unmatched.Select(l => l.ExplanationDe));
        Assert.Empty(result.Matched);
        var kept = log.Unmatched.Values.Single(u => u.Remittance == "Mitgliedsbeitrag");
        Assert.Equal(("Eva Zahler", "DE89 **** 3000", 25_50L), (kept.PayerName, kept.PayerIbanMasked, kept.AmountCents));
    }

    [Fact]
    public async Task The_same_file_again_records_nothing_new()
    {
        var file = new[] { Credit(25_50, Code.Value), Credit(5_00, "Danke", reference: "R2") };
        await ImportAsync(file);
        mails.Invocations.Clear();

        var again = await ImportAsync(file);

        Assert.Empty(again.Matched);
        Assert.Empty(again.Unmatched);
        Assert.Equal(2, again.AlreadyKnown.Count);
        mails.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task An_import_that_died_after_the_payment_is_finished_by_importing_again_without_a_second_mail()
    {
        var entry = Credit(25_50, Code.Value);
        var payments = new HandlePaymentEvent(donations, mails.Object);
        await payments.ExecuteAsync(new BankTransferReceived("bank:" + entry.Identity, DonationFixtures.T0, new Dictionary<string, string>(), Code, 25_50), donation.Id, default);
        mails.Invocations.Clear();

        var result = await ImportAsync(entry);

        Assert.Single(result.Matched);
        Assert.True(log.Records.ContainsKey(entry.Identity));
        mails.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task A_second_credit_with_the_code_of_a_paid_donation_is_left_for_staff()
    {
        await ImportAsync(Credit(25_50, Code.Value));

        var result = await ImportAsync(Credit(25_50, Code.Value, reference: "R-second"));

        Assert.Contains("schon bezahlt", Assert.Single(result.Unmatched).ExplanationDe, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_import_is_audited_with_its_counts()
    {
        await ImportAsync(Credit(25_50, Code.Value), Credit(1_00, "x", reference: "R2"));

        audit.Verify(a => a.RecordAsync(
            It.Is<AuditEntry>(e => e.Action == ImportBankStatement.ImportAuditAction && e.StaffId == "staff-1" && e.Details!.Contains("matched=1") && e.Details.Contains("unmatched=1")),
            It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_staff_assignment_that_died_after_its_record_is_finished_by_sending_it_again_and_refused_for_another_decision()
    {
        var entry = Credit(30_00, Code.Value);
        await ImportAsync(entry);
        var unmatched = log.Unmatched[entry.Identity];
        Assert.True(await log.TryDecideAsync(
            new BankEntryRecord(entry.Identity, BankEntryOutcome.Assigned, donation.Id, 30_00, unmatched.BookingDate, unmatched.ImportedAt), default));

        var other = await DecideAsync(entry.Identity, new BankEntryDecisionForm(DecideBankEntry.NotADonation, null));
        var finished = await DecideAsync(entry.Identity, new BankEntryDecisionForm(DecideBankEntry.Assign, donation.Id));
        var again = await DecideAsync(entry.Identity, new BankEntryDecisionForm(DecideBankEntry.Assign, donation.Id));

        Assert.Equal((StaffActionOutcome.Conflict, BankEntryOutcome.Assigned), (other.Outcome, other.Decision));
        Assert.Equal(StaffActionOutcome.Done, finished.Outcome);
        Assert.Equal(StaffActionOutcome.Conflict, again.Outcome);
        var paid = (await donations.GetAsync(donation.Id, default))!.Donation;
        Assert.Equal((DonationStatus.Paid, 30_00L), (paid.Status, Assert.Single(paid.Payments).AmountCents));
        Assert.Empty(log.Unmatched);
        mails.Verify(m => m.EnqueueAsync(It.Is<ReceiptMailRequest>(r => r.Purpose == ReceiptMailPurpose.Paid), It.IsAny<CancellationToken>()), Times.Once);
        audit.Verify(a => a.RecordAsync(It.Is<AuditEntry>(e => e.Action == DecideBankEntry.AuditAction && e.Subject == donation.Id), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Not_a_donation_excludes_the_entry_and_writes_nothing_to_any_donation()
    {
        var entry = Credit(1_00, "Rueckerstattung Porto");
        await ImportAsync(entry);
        mails.Invocations.Clear();

        var result = await DecideAsync(entry.Identity, new BankEntryDecisionForm(DecideBankEntry.NotADonation, null));

        Assert.Equal((StaffActionOutcome.Done, BankEntryOutcome.Excluded), (result.Outcome, result.Decision));
        Assert.Equal(BankEntryOutcome.Excluded, log.Records[entry.Identity].Outcome);
        Assert.Empty(log.Unmatched);
        Assert.Equal(DonationStatus.Pending, (await donations.GetAsync(donation.Id, default))!.Donation.Status);
        mails.VerifyNoOtherCalls();
    }

    private Task<BankEntryDecisionResult> DecideAsync(string identity, BankEntryDecisionForm form) =>
        new DecideBankEntry(log, donations, new HandlePaymentEvent(donations, mails.Object), audit.Object, new RandomIdGenerator(), new FakeTimeProvider(DonationFixtures.T0))
            .ExecuteAsync(identity, form, "staff-1", "Sam Staff", default);

    private Task<BankImportResult> ImportAsync(params BankStatementEntry[] entries) =>
        new ImportBankStatement(log, donations, new HandlePaymentEvent(donations, mails.Object), audit.Object, new RandomIdGenerator(), new FakeTimeProvider(DonationFixtures.T0))
            .ExecuteAsync(entries, "staff-1", "Sam Staff", default);

    private static BankStatementEntry Credit(long cents, string remittance, string reference = "R1") => new()
    {
        AccountIban = "DE02120300000000202051",
        AmountCents = cents,
        Currency = "EUR",
        BookingDate = new DateOnly(2026, 12, 4),
        PayerName = "Eva Zahler",
        PayerIban = "DE89370400440532013000",
        Remittance = remittance,
        BankReference = reference,
    };

    internal sealed class EntryLog : IBankEntryLog
    {
        public Dictionary<string, BankEntryRecord> Records { get; } = new(StringComparer.Ordinal);

        public Task<BankEntryRecord?> GetAsync(string identity, CancellationToken cancellationToken) =>
            Task.FromResult(Records.GetValueOrDefault(identity));

        public Dictionary<string, UnmatchedBankEntry> Unmatched { get; } = new(StringComparer.Ordinal);

        public Task RecordAsync(BankEntryRecord record, CancellationToken cancellationToken)
        {
            Records[record.Identity] = record;
            return Task.CompletedTask;
        }

        public Task AddUnmatchedAsync(UnmatchedBankEntry entry, CancellationToken cancellationToken)
        {
            Unmatched[entry.Identity] = entry;
            return Task.CompletedTask;
        }

        public Task<ListPage<UnmatchedBankEntry>> ListUnmatchedAsync(string? after, CancellationToken cancellationToken) =>
            Task.FromResult(new ListPage<UnmatchedBankEntry>([.. Unmatched.Values], null));

        public Task<UnmatchedBankEntry?> GetUnmatchedAsync(string identity, CancellationToken cancellationToken) =>
            Task.FromResult(Unmatched.GetValueOrDefault(identity));

        public Task<bool> TryDecideAsync(BankEntryRecord decided, CancellationToken cancellationToken)
        {
            if (Records.TryGetValue(decided.Identity, out var current) && current.Outcome != BankEntryOutcome.Unmatched && current != decided)
            {
                return Task.FromResult(false);
            }

            Records[decided.Identity] = decided;
            return Task.FromResult(true);
        }

        public Dictionary<string, string> Payers { get; } = new(StringComparer.Ordinal);

        public Task RememberPayerAsync(string payerKey, string donationId, CancellationToken cancellationToken)
        {
            Payers[payerKey] = donationId;
            return Task.CompletedTask;
        }

        public Task<string?> FindPayerAsync(string payerKey, CancellationToken cancellationToken) =>
            Task.FromResult(Payers.GetValueOrDefault(payerKey));

        public Task RemoveUnmatchedAsync(string identity, CancellationToken cancellationToken)
        {
            Unmatched.Remove(identity);
            return Task.CompletedTask;
        }
    }
}
