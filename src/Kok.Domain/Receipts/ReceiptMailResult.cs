using Kok.Domain.Mail;

namespace Kok.Domain.Receipts;

/// <summary>The outcome of one receipt mail request, with ids safe to log.</summary>
public sealed record ReceiptMailResult(ReceiptMailOutcome Outcome, MailKind? MailKind = null, string? ReceiptNumber = null);
