namespace Kok.Domain.BankTransfers;

/// <summary>The answer of a statement import: what was matched, what was already known, what is left for staff.</summary>
public sealed record BankImportResult(
    IReadOnlyList<BankImportLine> Matched,
    IReadOnlyList<BankImportLine> AlreadyKnown,
    IReadOnlyList<BankImportLine> Unmatched);
