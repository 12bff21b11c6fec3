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

/// <summary>A donation made from a statement line gets the address its receipt needs from staff, once (issue 18, item 4).</summary>
public sealed class ReceiptAddressTests
{
    private static readonly AddressForm Berlin = new() { Street = "Hauptstr. 1", PostalCode = "10115", City = "Berlin", Country = "de" };

    private readonly InMemoryDonationRepository donations = new();
    private readonly Mock<IReceiptMailQueue> receiptMails = new();
    private readonly Mock<IAuditTrail> audit = new();
    private readonly ImportBankStatementTests.EntryLog log = new();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 5, 9, 0, 0, TimeSpan.Zero));

    private Task<ReceiptAddressResult> AddAsync(string donationId, AddressForm? address, string? email = null) =>
        new AddReceiptAddress(donations, receiptMails.Object, audit.Object, new RandomIdGenerator(), clock)
            .ExecuteAsync(donationId, new(address, email), "staff-1", "Sam Staff", default);

    private async Task<string> DonationFromStatementAsync()
    {
        var entry = new BankStatementEntry
        {
            AccountIban = "DE02120300000000202051",
            AmountCents = 2500,
            Currency = "EUR",
            BookingDate = new DateOnly(2026, 3, 4),
            PayerName = "Eva Zahler",
            PayerIban = "DE89370400440532013000",
            Remittance = "Spende",
            BankReference = "R1",
        };
        var payments = new HandlePaymentEvent(donations, receiptMails.Object);
        await new ImportBankStatement(log, donations, payments, audit.Object, new RandomIdGenerator(), clock).ExecuteAsync([entry], "staff-1", "Sam Staff", default);
        var decided = await new DecideBankEntry(log, donations, payments, audit.Object, new RandomIdGenerator(), clock)
            .ExecuteAsync(entry.Identity, new BankEntryDecisionForm(DecideBankEntry.NewDonation, null), "staff-1", "Sam Staff", default);
        receiptMails.Invocations.Clear();
        audit.Invocations.Clear();
        return decided.DonationId!;
    }

    [Fact]
    public async Task Staff_give_the_address_and_email_the_donation_wants_its_receipt_and_the_receipt_mailer_is_asked_once()
    {
        var id = await DonationFromStatementAsync();

        var result = await AddAsync(id, Berlin, "eva@example.org");

        Assert.Equal(StaffActionOutcome.Done, result.Outcome);
        var donation = (await donations.GetAsync(id, default))!.Donation;
        Assert.True(donation.WantsReceipt);
        Assert.Equal(("eva@example.org", "10115", "DE"), (donation.Donor.Email, donation.Donor.Address!.PostalCode, donation.Donor.Address.Country));
        Assert.False(donation.AwaitsReceiptAddress);
        receiptMails.Verify(m => m.EnqueueAsync(
            It.Is<ReceiptMailRequest>(r => r.SubjectKind == ReceiptSubjectKind.Donation && r.SubjectId == id && r.PaymentId == donation.TransferPaymentId && r.Purpose == ReceiptMailPurpose.Paid),
            It.IsAny<CancellationToken>()), Times.Once);
        audit.Verify(a => a.RecordAsync(It.Is<AuditEntry>(e => e.Subject == id && e.Action == AddReceiptAddress.AuditAction && e.StaffId == "staff-1"), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task Without_an_email_the_placeholder_stays_and_the_receipt_is_still_asked_for()
    {
        var id = await DonationFromStatementAsync();

        Assert.Equal(StaffActionOutcome.Done, (await AddAsync(id, Berlin)).Outcome);

        var donation = (await donations.GetAsync(id, default))!.Donation;
        Assert.Equal((true, DecideBankEntry.NoEmail(id)), (donation.WantsReceipt, donation.Donor.Email));
        receiptMails.Verify(m => m.EnqueueAsync(It.IsAny<ReceiptMailRequest>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_second_call_is_a_conflict_changes_nothing_and_only_asks_the_idempotent_mailer_again()
    {
        var id = await DonationFromStatementAsync();
        await AddAsync(id, Berlin, "eva@example.org");
        var version = (await donations.GetAsync(id, default))!.Version;

        var second = await AddAsync(id, Berlin with { City = "Hamburg", PostalCode = "20095" }, "other@example.org");

        Assert.Equal(StaffActionOutcome.Conflict, second.Outcome);
        var stored = (await donations.GetAsync(id, default))!;
        Assert.Equal((version, "Berlin", "eva@example.org"), (stored.Version, stored.Donation.Donor.Address!.City, stored.Donation.Donor.Email));
        audit.Verify(a => a.RecordAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()), Times.Once);
    }

    [Fact]
    public async Task A_bad_address_names_the_field_and_writes_nothing()
    {
        var id = await DonationFromStatementAsync();
        var version = (await donations.GetAsync(id, default))!.Version;

        var result = await AddAsync(id, Berlin with { PostalCode = null }, "not an address");

        Assert.Equal(StaffActionOutcome.Invalid, result.Outcome);
        Assert.Contains("address.postalCode", result.Errors!.Keys);
        Assert.Contains("email", result.Errors!.Keys);
        Assert.Equal(version, (await donations.GetAsync(id, default))!.Version);
        receiptMails.VerifyNoOtherCalls();
        audit.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Unknown_donations_are_not_found_and_a_missing_address_is_invalid()
    {
        Assert.Equal(StaffActionOutcome.NotFound, (await AddAsync("don_aaaaaaaaaaaaaaaaaaaa", Berlin)).Outcome);
        Assert.Equal(StaffActionOutcome.NotFound, (await AddAsync("nonsense", Berlin)).Outcome);
        Assert.Contains("address", (await AddAsync("don_aaaaaaaaaaaaaaaaaaaa", null)).Errors!.Keys);
    }

    [Fact]
    public void Only_a_paid_one_time_donation_made_from_a_statement_line_waits_for_an_address()
    {
        var fromForm = DonationFixtures.NewDonation();
        Assert.False(fromForm.AwaitsReceiptAddress);
        Assert.False(fromForm.AddReceiptAddress(new PostalAddress("Hauptstr. 1", "10115", "Berlin", "DE"), null));

        var id = RandomIdGenerator.Derive(Donation.IdPrefix, "test", "unpaid");
        var unpaid = Donation.Create(id, new DonationRequest(
            2500, DonationInterval.Once, PaymentMethodKind.BankTransfer, new ContactDetails("Eva Zahler", DecideBankEntry.NoEmail(id), null), WantsReceipt: false, "de"), clock.GetUtcNow());
        Assert.False(unpaid.AwaitsReceiptAddress);
        Assert.False(unpaid.AddReceiptAddress(new PostalAddress("Hauptstr. 1", "10115", "Berlin", "DE"), null));
    }

    [Fact]
    public async Task An_unpaid_donation_is_a_conflict()
    {
        var id = RandomIdGenerator.Derive(Donation.IdPrefix, "test", "unpaid");
        await donations.TryAddAsync(Donation.Create(id, new DonationRequest(
            2500, DonationInterval.Once, PaymentMethodKind.BankTransfer, new ContactDetails("Eva Zahler", DecideBankEntry.NoEmail(id), null), WantsReceipt: false, "de"), clock.GetUtcNow()), default);

        var result = await AddAsync(id, Berlin);

        Assert.Equal(StaffActionOutcome.Conflict, result.Outcome);
        Assert.Contains("not paid", result.Reason!, StringComparison.Ordinal);
        receiptMails.VerifyNoOtherCalls();
    }
}
