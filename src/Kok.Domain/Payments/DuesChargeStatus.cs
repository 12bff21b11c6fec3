namespace Kok.Domain.Payments;

/// <summary>Where an off-session dues charge stands right after the provider answered.</summary>
public enum DuesChargeStatus
{
    /// <summary>The money is there (cards).</summary>
    Succeeded,

    /// <summary>Accepted but not settled (SEPA debits); the outcome comes later by webhook.</summary>
    Processing,

    /// <summary>The card needs the holder's authentication (SCA), which an off-session charge cannot give.</summary>
    RequiresAction,

    /// <summary>Declined or otherwise refused.</summary>
    Failed,
}
