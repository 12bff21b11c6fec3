namespace Kok.Domain.Receipts;

/// <summary>Which mail a paid payment calls for; the subject's rules decide.</summary>
public enum PaidPaymentMail
{
    /// <summary>No mail, e.g. a later payment of a monthly donation (confirmed by the yearly Sammelbestätigung).</summary>
    None,

    /// <summary>Thank-you for a one-time donation; with a Zuwendungsbestätigung when wanted and an address is known.</summary>
    OneTimeDonation,

    /// <summary>Thank-you for the first payment of a monthly donation, without receipt.</summary>
    MonthlyDonationStart,

    /// <summary>A Fördermitglied's (supporting member's) dues, with a receipt of kind Mitgliedsbeitrag.</summary>
    MembershipFee,
}
