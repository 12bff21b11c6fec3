namespace Kok.Domain.Dues;

/// <summary>
/// A credit on the association's account that pays a member's dues: found by the member's reference code in a bank
/// statement, or assigned by staff (<see cref="DecidedByStaff"/>: then a smaller amount pays the period too).
/// <see cref="EventId"/> is the statement entry's identity, so the same credit pays once.
/// </summary>
public sealed record DuesTransferPayment(string EventId, long AmountCents, DateOnly PaidOn, string Reference, bool DecidedByStaff);
