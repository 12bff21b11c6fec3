namespace Kok.Domain.Payments;

/// <summary>
/// What the payment webhook's use cases did with an event, for donations and members alike: the one outcome the
/// webhook maps to its answer. All but <see cref="RetryLater"/> are a success for the sender, so it stops delivering.
/// </summary>
public enum PaymentEventDisposition
{
    /// <summary>The event changed state, which was saved.</summary>
    Processed,

    /// <summary>The event id was applied before; nothing was written.</summary>
    Duplicate,

    /// <summary>The event told nothing new (its facts were known); nothing was written.</summary>
    Unchanged,

    /// <summary>The event does not concern anything we track (e.g. a payment not started by us).</summary>
    Ignored,

    /// <summary>
    /// The event cannot be applied yet: it overtook the one it needs (a refund before its payment, an event found only
    /// through an index entry not written yet), or its subject kept changing. The sender must deliver it again.
    /// </summary>
    RetryLater,
}
