using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Mail;
using Kok.Domain.Receipts;

namespace Kok.Domain.Membership;

/// <summary>
/// Supporting members as seen by the receipt mailer: every paid dues payment gets a mail with a receipt of kind
/// Mitgliedsbeitrag (membership fee); members always give an address, so one can always be issued. One read.
/// </summary>
public sealed class MemberReceiptSubjects(IMemberRepository members) : IReceiptSubjectSource
{
    public ReceiptSubjectKind Kind => ReceiptSubjectKind.Membership;

    public async Task<ReceiptSubjectPayment?> LoadAsync(string subjectId, string paymentId, CancellationToken cancellationToken)
    {
        // Ids come from a queue message: checked for shape before they reach storage keys.
        if (!Member.IsWellFormedId(subjectId) || !RandomIdGenerator.IsWellFormed(paymentId, Member.PaymentIdPrefix))
        {
            return null;
        }

        var stored = await members.GetAsync(subjectId, cancellationToken).ConfigureAwait(false);
        if (stored?.Member is not { } member)
        {
            return null;
        }

        var payment = member.Payments.FirstOrDefault(p => p.Id == paymentId);
        var key = ReceiptPaymentKey.For(ReceiptSubjectKind.Membership, subjectId, paymentId);
        return new ReceiptSubjectPayment
        {
            Key = key,
            State = PaymentReceiptState.Of(payment),
            AmountCents = payment?.AmountCents ?? 0,
            PaidOn = payment?.PaidAt is { } paidAt ? GermanTime.DateOf(paidAt) : null,
            Recipient = new MailRecipient(member.Email, member.Salutation),
            Language = MailLanguageCode.Parse(member.Locale),
            ReceiptName = member.Name,
            ReceiptAddressLines = member.Address.Lines(),
            WantsReceipt = true,
            PaidMail = PaidPaymentMail.MembershipFee,
            PaidMailSubjectId = key.Value,
        };
    }
}
