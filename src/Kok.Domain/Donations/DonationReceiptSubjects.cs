using Kok.Domain.Common;
using Kok.Domain.Mail;
using Kok.Domain.Receipts;

namespace Kok.Domain.Donations;

/// <summary>
/// Donations as seen by the receipt mailer, with their mail rules: each payment of a one-time donation is thanked
/// (with a Zuwendungsbestätigung when wanted and an address is known); of a monthly donation only the first paid
/// payment is, once per donation, because monthly donors get a yearly Sammelbestätigung instead. One read.
/// </summary>
public sealed class DonationReceiptSubjects(IDonationRepository donations) : IReceiptSubjectSource
{
    public ReceiptSubjectKind Kind => ReceiptSubjectKind.Donation;

    public async Task<ReceiptSubjectPayment?> LoadAsync(string subjectId, string paymentId, CancellationToken cancellationToken)
    {
        // Ids come from a queue message: checked for shape before they reach storage keys.
        if (!Donation.IsWellFormedId(subjectId) || !RandomIdGenerator.IsWellFormed(paymentId, Donation.PaymentIdPrefix))
        {
            return null;
        }

        var stored = await donations.GetAsync(subjectId, cancellationToken).ConfigureAwait(false);
        if (stored is null)
        {
            return null;
        }

        var donation = stored.Donation;
        var payment = donation.Payments.FirstOrDefault(p => p.Id == paymentId);
        var key = ReceiptPaymentKey.For(ReceiptSubjectKind.Donation, subjectId, paymentId);
        var once = donation.Interval == DonationInterval.Once;
        return new ReceiptSubjectPayment
        {
            Key = key,
            State = PaymentReceiptState.Of(payment),
            AmountCents = payment?.AmountCents ?? 0,
            PaidOn = payment?.PaidAt is { } paidAt ? GermanTime.DateOf(paidAt) : null,
            Recipient = new MailRecipient(donation.Donor.Email, donation.Donor.Name),
            Language = MailLanguageCode.Parse(donation.Locale),
            ReceiptName = donation.Donor.Name,
            ReceiptAddressLines = donation.Donor.Address?.Lines() ?? [],
            WantsReceipt = donation.WantsReceipt,
            PaidMail = once ? PaidPaymentMail.OneTimeDonation
                : IsFirstPaid(donation, payment) ? PaidPaymentMail.MonthlyDonationStart
                : PaidPaymentMail.None,
            PaidMailSubjectId = once ? key.Value : ReceiptPaymentKey.SubjectKey(ReceiptSubjectKind.Donation, subjectId),
            FailureCode = payment?.FailureCode,
            EndedForFailedPayments = donation.Status == DonationStatus.Cancelled && donation.EndReason == Payments.SubscriptionEndReason.PaymentFailed,
            Ended = donation.Status == DonationStatus.Cancelled,
            FailureMayBeRetried = !once,
            TransferCode = donation.TransferCode,
            AskedAmountCents = donation.AmountCents,
        };
    }


    /// <summary>Earliest paid (refunded ones count: they were paid first), so a redelivery picks the same one.</summary>
    private static bool IsFirstPaid(Donation donation, Payment? payment) =>
        payment?.PaidAt is not null
        && donation.Payments
            .Where(p => p.PaidAt is not null)
            .OrderBy(p => p.PaidAt)
            .ThenBy(p => p.CreatedAt)
            .ThenBy(p => p.Id, StringComparer.Ordinal)
            .First().Id == payment.Id;
}
