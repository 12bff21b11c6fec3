namespace Kok.Domain.Mail;

/// <summary>
/// What a supporter mail is about. Together with a subject id it names one mail in the <see cref="IMailLog"/>, so
/// each is sent at most once however often its queue message arrives. Stored by name: never renumber.
/// </summary>
public enum MailKind
{
    /// <summary>Thanks for one payment of a one-time donation, with or without its Zuwendungsbestätigung.</summary>
    DonationThankYou,

    /// <summary>Thanks after the first payment of a monthly donation; one per donation.</summary>
    MonthlyDonationThankYou,

    /// <summary>Confirms a membership fee of a Fördermitglied (supporting member) with its receipt.</summary>
    MembershipFeeReceipt,

    /// <summary>Tells the supporter that a receipt was withdrawn (storniert) after a refund or a return.</summary>
    ReceiptWithdrawn,

    /// <summary>Welcomes a new Fördermitglied once the first dues arrived; one per member.</summary>
    MemberWelcome,

    /// <summary>Confirms that a membership was cancelled; one per member.</summary>
    MemberCancellationConfirmed,

    /// <summary>Tells a new member that the first dues could not be collected and how to retry; one per member.</summary>
    MemberFirstPaymentFailed,

    /// <summary>SEPA pre-notification of a year's dues; one per member and period.</summary>
    DuesPreNotification,

    /// <summary>A year's dues could not be collected; one per member and period.</summary>
    DuesChargeFailed,

    /// <summary>A reminder of overdue dues; one per member, period and reminder number.</summary>
    DuesReminder,

    /// <summary>The membership lapsed for unpaid dues; one per member and period.</summary>
    DuesLapsed,

    /// <summary>A reminder of unpaid dues that staff sent by hand; one per member, period and staff action.</summary>
    DuesStaffReminder,

    /// <summary>A payment of a monthly donation failed; one per payment.</summary>
    MonthlyPaymentFailed,

    /// <summary>A monthly donation ended because its payments failed; one per donation.</summary>
    MonthlyDonationEnded,

    /// <summary>The yearly Sammelbestätigung of a monthly donor, attached; one per receipt number.</summary>
    AnnualReceipt,

    /// <summary>A receipt was withdrawn and, where payments still count, reissued under a new number; one per withdrawn receipt.</summary>
    ReceiptCorrected,

    /// <summary>Where and how to transfer a donation (account, amount, reference code); one per donation.</summary>
    TransferInstructions,

    /// <summary>Confirms a change the donor made to a monthly donation on "Mein KOK" (amount, pause, end); one per change.</summary>
    MonthlyDonationChanged,

    /// <summary>Confirms a new annual amount the member set on "Mein KOK"; one per change.</summary>
    MembershipAmountChanged,

    /// <summary>A friendly reminder that a transfer donation's money has not come yet (account, amount, reference code); one per donation.</summary>
    TransferReminder,

    /// <summary>Confirms that the new payment method a supporter set up on "Mein KOK" was taken over; one per setup.</summary>
    PaymentMethodChanged,

    /// <summary>Confirms the new postal address (and receipt choice) a supporter set on "Mein KOK"; one per change.</summary>
    AddressChanged,

    /// <summary>Where and how to transfer a new member's first dues (account, amount, reference code); one per member.</summary>
    MemberTransferInstructions,

    /// <summary>Asks a member paying by bank transfer for a year's dues (account, amount, reference code); one per member and period.</summary>
    DuesTransferRequest,

    /// <summary>Confirms that a supporter's request on "Mein KOK" to erase their data arrived; one per request.</summary>
    ErasureRequested,
}
