namespace Kok.Domain.Receipts;

/// <summary>What a paid payment belongs to. Serialise by name ("Donation"), not by number, on queues.</summary>
public enum ReceiptSubjectKind
{
    Donation,
}
