using Kok.Domain.BankTransfers;
using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Domain.Donations;
using Kok.Domain.Dues;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Domain.Receipts;
using Kok.Domain.Tests.Donations;
using Kok.Domain.Tests.Membership;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Kok.Domain.Tests.BankTransfers;

/// <summary>Statement entries and members' dues: matched by the member's code, and staff's two new decisions.</summary>
public sealed class DuesStatementEntryTests
{
    private readonly InMemoryMemberRepository members = new();
    private readonly InMemoryDonationRepository donations = new();
    private readonly Mock<IReceiptMailQueue> receiptMails = new();
    private readonly Mock<IMemberMailQueue> memberMails = new();
    private readonly Mock<IAuditTrail> audit = new();
    private readonly ImportBankStatementTests.EntryLog log = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero));
    private readonly Member member;

    public DuesStatementEntryTests()
    {
        member = Member.Create(MemberFixtures.MemberId, MemberFixtures.Request(method: PaymentMethodKind.BankTransfer), MemberFixtures.T0);
        members.TryAddAsync(member, default).GetAwaiter().GetResult();
    }

    private string Code => member.DuesTransferCode!.Value;

    private PayDuesByTransfer Dues() =>
        new(members, receiptMails.Object, memberMails.Object, donations, new HandlePaymentEvent(donations, receiptMails.Object), clock);

    private Task<BankImportResult> ImportAsync(params BankStatementEntry[] entries) =>
        new ImportBankStatement(log, donations, new HandlePaymentEvent(donations, receiptMails.Object), audit.Object, new RandomIdGenerator(), clock, Dues())
            .ExecuteAsync(entries, "staff-1", "Sam Staff", default);

    private Task<BankEntryDecisionResult> DecideAsync(string identity, BankEntryDecisionForm form) =>
        new DecideBankEntry(log, donations, new HandlePaymentEvent(donations, receiptMails.Object), audit.Object, new RandomIdGenerator(), clock, Dues())
            .ExecuteAsync(identity, form, "staff-1", "Sam Staff", default);

    [Fact]
    public async Task A_credit_with_a_member_s_code_in_lower_case_with_spaces_pays_the_first_year()
    {
        var result = await ImportAsync(Credit(6000, "Beitrag " + Code.ToLowerInvariant().Replace('-', ' ')));

        var line = Assert.Single(result.Matched);
        Assert.Equal(member.Id, line.MemberId);
        Assert.Contains(member.Id, line.ExplanationDe, StringComparison.Ordinal);
        Assert.Equal(MembershipStatus.Active, members.Stored(member.Id).Status);
        receiptMails.Verify(m => m.EnqueueAsync(It.Is<ReceiptMailRequest>(r => r.SubjectKind == ReceiptSubjectKind.Membership && r.SubjectId == member.Id), It.IsAny<CancellationToken>()), Times.Once);
        Assert.Equal(member.Id, log.Records.Values.Single().MemberId);
        Assert.Empty(log.Payers);
    }

    [Fact]
    public async Task A_larger_credit_pays_the_dues_and_records_the_extra_as_a_donation_named_in_the_explanation()
    {
        var result = await ImportAsync(Credit(10000, Code));

        var line = Assert.Single(result.Matched);
        var extra = (await donations.GetAsync(line.DonationId!, default))!.Donation;
        Assert.Equal((4000L, DonationStatus.Paid), (extra.AmountCents, extra.Status));
        Assert.Contains("40,00 €", line.ExplanationDe, StringComparison.Ordinal);
        Assert.Contains(extra.Id, line.ExplanationEn, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_smaller_credit_is_left_for_staff_naming_the_member_and_staff_can_assign_it_to_the_dues()
    {
        var entry = Credit(3000, Code);
        var result = await ImportAsync(entry);

        var line = Assert.Single(result.Unmatched);
        Assert.Equal(member.Id, line.MemberId);
        Assert.Contains("Teilzahlung", line.ExplanationDe, StringComparison.Ordinal);
        Assert.Equal(member.Id, log.Unmatched[entry.Identity].MemberId);
        Assert.Equal(MembershipStatus.Pending, members.Stored(member.Id).Status);

        var decided = await DecideAsync(entry.Identity, new BankEntryDecisionForm(DecideBankEntry.AssignDues, null, member.Id));

        Assert.Equal((StaffActionOutcome.Done, BankEntryOutcome.AssignedToDues, member.Id), (decided.Outcome, decided.Decision, decided.MemberId));
        Assert.Equal(MembershipStatus.Active, members.Stored(member.Id).Status);
        Assert.Equal(3000, members.Stored(member.Id).FirstPayment!.AmountCents);
        Assert.Empty(log.Unmatched);
        audit.Verify(a => a.RecordAsync(It.Is<AuditEntry>(e => e.Subject == member.Id && e.Action == DecideBankEntry.AuditAction), It.IsAny<CancellationToken>()), Times.Once);

        var second = await DecideAsync(entry.Identity, new BankEntryDecisionForm(DecideBankEntry.NotADonation, null));
        Assert.Equal((StaffActionOutcome.Conflict, BankEntryOutcome.AssignedToDues), (second.Outcome, second.Decision));
    }

    [Theory]
    [InlineData(null, "memberId")]
    [InlineData("mem_x", "memberId")]
    [InlineData("mem_zzzzzzzzzzzzzzzzzzzz", "memberId")]
    public async Task Assigning_to_dues_with_a_missing_malformed_or_unknown_member_is_refused_on_memberId_and_writes_nothing(string? memberId, string field)
    {
        var entry = Credit(6000, "no code");
        await ImportAsync(entry);
        var before = log.Records[entry.Identity];

        var result = await DecideAsync(entry.Identity, new BankEntryDecisionForm(DecideBankEntry.AssignDues, null, memberId));

        Assert.Equal(StaffActionOutcome.Invalid, result.Outcome);
        Assert.Equal([field], result.Errors!.Keys);
        Assert.Equal(before, log.Records[entry.Identity]);
        Assert.Single(log.Unmatched);
        audit.Verify(a => a.RecordAsync(It.Is<AuditEntry>(e => e.Action == DecideBankEntry.AuditAction), It.IsAny<CancellationToken>()), Times.Never);
    }

    [Fact]
    public async Task Assigning_to_dues_of_a_member_who_owes_nothing_is_refused_on_memberId()
    {
        await ImportAsync(Credit(6000, Code, "paid"));
        var entry = Credit(6000, "no code");
        await ImportAsync(entry);

        var result = await DecideAsync(entry.Identity, new BankEntryDecisionForm(DecideBankEntry.AssignDues, null, member.Id));

        Assert.Equal(StaffActionOutcome.Invalid, result.Outcome);
        Assert.Contains("memberId", result.Errors!.Keys);
    }

    [Fact]
    public async Task A_new_donation_from_the_payer_is_paid_by_the_transfer_without_mail_or_receipt()
    {
        var entry = Credit(2500, "Spende");
        await ImportAsync(entry);
        receiptMails.Invocations.Clear();

        var result = await DecideAsync(entry.Identity, new BankEntryDecisionForm(DecideBankEntry.NewDonation, null));

        Assert.Equal((StaffActionOutcome.Done, BankEntryOutcome.NewDonation), (result.Outcome, result.Decision));
        var donation = (await donations.GetAsync(result.DonationId!, default))!.Donation;
        Assert.Equal((DonationStatus.Paid, 2500L, "Eva Zahler", PaymentMethodKind.BankTransfer), (donation.Status, donation.AmountCents, donation.Donor.Name, donation.PaymentMethod));
        Assert.Equal((false, (PostalAddress?)null), (donation.WantsReceipt, donation.Donor.Address));
        Assert.EndsWith(".invalid", donation.Donor.Email, StringComparison.Ordinal);
        Assert.Equal(DecideBankEntry.NewDonationId(entry.Identity), donation.Id);
        receiptMails.VerifyNoOtherCalls();
        Assert.Equal(StaffActionOutcome.Conflict, (await DecideAsync(entry.Identity, new BankEntryDecisionForm(DecideBankEntry.NewDonation, null))).Outcome);
    }

    [Fact]
    public async Task A_new_donation_needs_a_name_when_the_statement_names_no_payer()
    {
        var entry = Credit(2500, "Spende", payer: null);
        await ImportAsync(entry);

        var missing = await DecideAsync(entry.Identity, new BankEntryDecisionForm(DecideBankEntry.NewDonation, null));
        Assert.Equal((StaffActionOutcome.Invalid, "name"), (missing.Outcome, missing.Errors!.Keys.Single()));
        Assert.Empty(await AllDonationsAsync());

        var given = await DecideAsync(entry.Identity, new BankEntryDecisionForm(DecideBankEntry.NewDonation, null, Name: "Anna Beispiel"));
        Assert.Equal("Anna Beispiel", (await donations.GetAsync(given.DonationId!, default))!.Donation.Donor.Name);
    }

    [Fact]
    public async Task An_unknown_decision_is_refused_naming_the_four_choices()
    {
        var result = await DecideAsync(Credit(1, "x").Identity, new BankEntryDecisionForm("refund", null));

        Assert.Equal(StaffActionOutcome.Invalid, result.Outcome);
        Assert.Contains(DecideBankEntry.AssignDues, result.Errors!["decision"].Single(), StringComparison.Ordinal);
        Assert.Contains(DecideBankEntry.NewDonation, result.Errors!["decision"].Single(), StringComparison.Ordinal);
    }

    private async Task<IReadOnlyList<Donation>> AllDonationsAsync() =>
        (await donations.GetAsync(DecideBankEntry.NewDonationId(Credit(2500, "Spende").Identity), default)) is { } stored ? [stored.Donation] : [];

    private static BankStatementEntry Credit(long cents, string remittance, string reference = "R1", string? payer = "Eva Zahler") => new()
    {
        AccountIban = "DE02120300000000202051",
        AmountCents = cents,
        Currency = "EUR",
        BookingDate = new DateOnly(2026, 3, 4),
        PayerName = payer,
        PayerIban = "DE89370400440532013000",
        Remittance = remittance,
        BankReference = reference,
    };
}
