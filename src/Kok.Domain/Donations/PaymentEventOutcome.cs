namespace Kok.Domain.Donations;

/// <summary>What <see cref="HandlePaymentEvent"/> did with a provider event.</summary>
public enum PaymentEventOutcome
{
    /// <summary>The donation changed and was saved.</summary>
    Applied,

    /// <summary>The event told nothing new; nothing was written.</summary>
    NoChange,

    /// <summary>The event id was processed before; nothing was written.</summary>
    Duplicate,

    /// <summary>No donation could be found for the event.</summary>
    DonationNotFound,

    /// <summary>The event refers to a payment not known yet; the provider should deliver it again later.</summary>
    NotYetApplicable,

    /// <summary>The donation kept changing under us; the provider should deliver the event again later.</summary>
    ConcurrencyConflict,
}
