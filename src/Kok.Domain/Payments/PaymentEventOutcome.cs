namespace Kok.Domain.Payments;

/// <summary>What a <see cref="IPaymentEventHandler"/> did with an event; every outcome is a success for the sender.</summary>
public enum PaymentEventOutcome
{
    /// <summary>The event changed state.</summary>
    Processed,

    /// <summary>The event (or its effect) was already recorded; nothing changed.</summary>
    Duplicate,

    /// <summary>The event does not concern anything we track (e.g. a payment not started by us).</summary>
    Ignored,
}
