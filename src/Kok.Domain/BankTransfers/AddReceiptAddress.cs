using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Domain.Donations;
using Kok.Domain.Receipts;

namespace Kok.Domain.BankTransfers;

/// <summary>
/// Staff give a donation made from a bank statement line ("new donation from this payer", <see cref="DecideBankEntry"/>)
/// the donor's postal address and, when known, a real e-mail address
/// (<c>POST /api/dashboard/donations/{id}/receipt-address</c>): the donation then wants its receipt
/// (<see cref="Donation.AddReceiptAddress"/>), and its Zuwendungsbestätigung is issued through the single-receipt path
/// (<see cref="SendReceiptMail"/> via the receipt-mail queue: the register's number, the archived PDF, and the mail
/// when a real e-mail is known; without one the receipt is issued and staff download it from the receipts list).
/// The form is checked as every address form (400 naming the field, nothing written). Once: a donation that has its
/// address already, or is not paid, is a conflict; that answer asks the receipt mailer again, which finishes a first
/// call that died after saving and is a no-op otherwise (the mail log and the register act once per payment).
/// Audited. Storage cost: one point read, one conditional write, one queue message, one audit insert.
/// </summary>
public sealed class AddReceiptAddress(
    IDonationRepository donations,
    IReceiptMailQueue receiptMails,
    IAuditTrail audit,
    IIdGenerator ids,
    TimeProvider time)
{
    public const string AuditAction = "donation.receipt_address_added";
    public const string AddressField = "address";
    public const string EmailField = "email";
    private const int MaxSaveAttempts = 5;

    public async Task<ReceiptAddressResult> ExecuteAsync(
        string donationId, ReceiptAddressForm form, string staffId, string staffName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new ValidationErrors();
        FieldRules.WrongType(errors, form.WrongTypeFields ?? []);
        var newAddress = FieldRules.Address(errors, AddressField, form.Address, required: true);
        var newEmail = form.Email is null ? null : FieldRules.Email(errors, EmailField, form.Email);
        if (!errors.IsEmpty || newAddress is null)
        {
            return new ReceiptAddressResult(StaffActionOutcome.Invalid, errors.ToDictionary());
        }

        if (!Donation.IsWellFormedId(donationId))
        {
            return new ReceiptAddressResult(StaffActionOutcome.NotFound);
        }

        for (var attempt = 0; attempt < MaxSaveAttempts; attempt++)
        {
            if (await donations.GetAsync(donationId, cancellationToken).ConfigureAwait(false) is not { } stored)
            {
                return new ReceiptAddressResult(StaffActionOutcome.NotFound);
            }

            var donation = stored.Donation;
            if (!donation.AddReceiptAddress(newAddress, newEmail))
            {
                return await ConflictAsync(donation, cancellationToken).ConfigureAwait(false);
            }

            if (await donations.TrySaveAsync(donation, stored.Version, [], cancellationToken).ConfigureAwait(false))
            {
                await EnqueueAsync(donation, cancellationToken).ConfigureAwait(false);
                await audit.RecordAsync(
                    new AuditEntry(ids.NewId(RecomputeDashboardTotals.AuditIdPrefix), donation.Id, AuditAction, staffId, staffName, time.GetUtcNow(),
                        AuditFacts.Format((AuditFacts.PaymentId, donation.TransferPaymentId))),
                    cancellationToken).ConfigureAwait(false);
                return new ReceiptAddressResult(StaffActionOutcome.Done);
            }
        }

        throw new InvalidOperationException("The donation kept changing while its address was added; please try again.");
    }

    private async Task<ReceiptAddressResult> ConflictAsync(Donation donation, CancellationToken cancellationToken)
    {
        if (donation.Status != DonationStatus.Paid)
        {
            return new ReceiptAddressResult(StaffActionOutcome.Conflict, Reason:
                "Diese Spende ist nicht bezahlt; eine Zuwendungsbestätigung gibt es erst für Geld, das angekommen ist / this donation is not paid, so it gets no receipt.");
        }

        if (donation is { Interval: DonationInterval.Once, WantsReceipt: true, Donor.Address: not null })
        {
            // A first call may have saved the address and died before asking for the receipt.
            await EnqueueAsync(donation, cancellationToken).ConfigureAwait(false);
            return new ReceiptAddressResult(StaffActionOutcome.Conflict, Reason:
                "Diese Spende hat ihre Anschrift und ihre Zuwendungsbestätigung schon / this donation has its address and its receipt already.");
        }

        return new ReceiptAddressResult(StaffActionOutcome.Conflict, Reason:
            "Diese Spende wartet nicht auf eine Anschrift (nur aus einem Kontoauszug angelegte Spenden) / this donation does not wait for an address (only donations made from a statement line do).");
    }

    private Task EnqueueAsync(Donation donation, CancellationToken cancellationToken) =>
        receiptMails.EnqueueAsync(new ReceiptMailRequest(ReceiptSubjectKind.Donation, donation.Id, donation.TransferPaymentId), cancellationToken);
}
