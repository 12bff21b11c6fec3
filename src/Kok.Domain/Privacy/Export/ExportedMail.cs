using Kok.Domain.Mail;

namespace Kok.Domain.Privacy.Export;

/// <summary>
/// A mail in the log: its kind, its subject in the supporter's language, what became of it (sent, failed, skipped
/// after an objection) and when. The log keeps no mail text; the address is the supporter's own.
/// </summary>
public sealed record ExportedMail(MailKind Kind, string Subject, MailLogState State, DateTimeOffset At, string? ReceiptNumber);
