namespace Kok.Domain.Receipts;

/// <summary>The outcome of one donor group's message and the receipt concerned, if any (ids only, fit for logs).</summary>
public sealed record AnnualReceiptResult(AnnualReceiptOutcome Outcome, string? ReceiptNumber = null, string? Mail = null);
