using Kok.Domain.Mail;

namespace Kok.Domain.Privacy;

/// <summary>
/// The classification of every mail kind for objections to mail (docs/privacy.md lists it with the reasons). A new
/// mail kind must be placed here before it can be sent: the switch has no default that would let it slip through.
/// </summary>
public static class MailObligations
{
    public static MailObligation Of(MailKind kind) => kind switch
    {
        MailKind.DonationThankYou => MailObligation.Contractual,
        MailKind.MonthlyDonationThankYou => MailObligation.Contractual,
        MailKind.MembershipFeeReceipt => MailObligation.Legal,
        MailKind.ReceiptWithdrawn => MailObligation.Legal,
        MailKind.MemberWelcome => MailObligation.Contractual,
        MailKind.MemberCancellationConfirmed => MailObligation.Contractual,
        MailKind.MemberFirstPaymentFailed => MailObligation.Contractual,
        MailKind.DuesPreNotification => MailObligation.Legal,
        MailKind.DuesChargeFailed => MailObligation.Contractual,
        MailKind.DuesReminder => MailObligation.Optional,
        MailKind.DuesLapsed => MailObligation.Contractual,
        MailKind.DuesStaffReminder => MailObligation.Optional,
        MailKind.MonthlyPaymentFailed => MailObligation.Contractual,
        MailKind.MonthlyDonationEnded => MailObligation.Contractual,
        MailKind.AnnualReceipt => MailObligation.Legal,
        MailKind.ReceiptCorrected => MailObligation.Legal,
        MailKind.TransferInstructions => MailObligation.Contractual,
        MailKind.MonthlyDonationChanged => MailObligation.Contractual,
        MailKind.MembershipAmountChanged => MailObligation.Contractual,
        MailKind.TransferReminder => MailObligation.Optional,
        MailKind.PaymentMethodChanged => MailObligation.Contractual,
        MailKind.AddressChanged => MailObligation.Contractual,
        MailKind.MemberTransferInstructions => MailObligation.Contractual,
        MailKind.DuesTransferRequest => MailObligation.Contractual,
        MailKind.ErasureRequested => MailObligation.Contractual,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Every mail kind needs its place in MailObligations."),
    };

    /// <summary>Whether an objection to mail stops <paramref name="kind"/>.</summary>
    public static bool RespectsObjection(MailKind kind) => Of(kind) == MailObligation.Optional;
}
