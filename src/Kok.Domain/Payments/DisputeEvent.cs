namespace Kok.Domain.Payments;

/// <summary>
/// One of the provider's events about a dispute. All four carry the dispute's full snapshot
/// (<see cref="Dispute"/>), so a consumer can act on whichever comes first; <see cref="PaymentEvent.Metadata"/> is the
/// dispute's own and never holds our ids (the provider copies none into disputes).
/// </summary>
public abstract record DisputeEvent(
    string EventId,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string> Metadata,
    PaymentDispute Dispute) : PaymentEvent(EventId, Created, Metadata);
