namespace Kok.Domain.Privacy.Erasure;

/// <summary>A receipt in the register as the retention run sees it: no personal data.</summary>
public sealed record RegisteredReceipt(string Number, DateOnly IssueDate);
