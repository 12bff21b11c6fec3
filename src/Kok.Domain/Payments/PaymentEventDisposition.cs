namespace Kok.Domain.Payments;

/// <summary>
/// What a <see cref="IPaymentEventHandler"/> did with an event, as the sender must learn it: all but
/// <see cref="RetryLater"/> are a success for the sender, so it stops delivering.
/// </summary>
public enum PaymentEventDisposition
{
    /// <summary>The event changed state.</summary>
    Processed,

    /// <summary>The event (or its effect) was already recorded, or told nothing new; nothing changed.</summary>
    Duplicate,

    /// <summary>The event does not concern anything we track (e.g. a payment not started by us).</summary>
    Ignored,

    /// <summary>The event cannot be applied yet (it overtook an earlier one, or its subject kept changing): send it again.</summary>
    RetryLater,
}
