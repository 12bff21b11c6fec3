namespace Kok.Domain.Payments;

/// <summary>
/// A credit from a bank statement that the import could not match and staff assigned to a transfer donation
/// (<see cref="BankTransfers.DecideBankEntry"/>). Staff decided, so it pays the donation whatever its code or amount;
/// the event id is the statement entry's identity, as for <see cref="BankTransferReceived"/>, so the entry pays once.
/// </summary>
public sealed record BankTransferAssigned(
    string EventId,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string> Metadata,
    long AmountCents) : PaymentEvent(EventId, Created, Metadata);
