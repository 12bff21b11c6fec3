namespace Kok.Domain.Payments;

/// <summary>Where a dispute stands, in words that do not depend on the provider.</summary>
public enum DisputeStatus
{
    /// <summary>Not known to this version (a status the provider added later); treat as open.</summary>
    Unknown,

    /// <summary>The issuer asks questions before a chargeback (Stripe: <c>warning_needs_response</c>, <c>warning_under_review</c>); no money taken yet.</summary>
    Inquiry,

    /// <summary>A chargeback under way (Stripe: <c>needs_response</c>, <c>under_review</c>): the money is held back until it is decided.</summary>
    Open,

    /// <summary>Decided for the association: the money stays or comes back.</summary>
    Won,

    /// <summary>Decided for the payer: the money is gone for good.</summary>
    Lost,

    /// <summary>An inquiry closed without a chargeback (Stripe: <c>warning_closed</c>): the money stays.</summary>
    InquiryClosed,

    /// <summary>Avoided by paying the money back before a chargeback (Stripe: <c>prevented</c>); a refund event follows.</summary>
    Prevented,
}
