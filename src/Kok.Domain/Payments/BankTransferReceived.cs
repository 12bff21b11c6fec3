using Kok.Domain.BankTransfers;

namespace Kok.Domain.Payments;

/// <summary>
/// A credit on the association's account, read from a bank statement, that names <see cref="Code"/>. The event id is
/// the statement entry's identity (<see cref="BankStatementEntry.Identity"/>), so the same entry imported again is a
/// duplicate to the donation it paid.
/// </summary>
public sealed record BankTransferReceived(
    string EventId,
    DateTimeOffset Created,
    IReadOnlyDictionary<string, string> Metadata,
    ReferenceCode Code,
    long AmountCents) : PaymentEvent(EventId, Created, Metadata);
