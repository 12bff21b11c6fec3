namespace Kok.Domain.Receipts;

/// <summary>The outcome of a correction: the withdrawn receipt's number and the replacement's, if any (ids only).</summary>
public sealed record ReceiptCorrectionResult(ReceiptCorrectionOutcome Outcome, string? Withdrawn = null, string? Replacement = null);
