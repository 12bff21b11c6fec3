using Kok.Domain.Mail;

namespace Kok.Domain.Dashboard;

/// <summary>
/// One mail about a member as the mail log knows it: kind, state (pending while retried, sent, failed for good),
/// when it was last tried or completed, and the receipt it carried. No address, no text.
/// </summary>
public sealed record MemberMailLine(MailKind Kind, MailLogState Status, DateTimeOffset? At, string SubjectId, string? ReceiptNumber, int Attempts)
{
    public static MemberMailLine Of(MailLogEntry entry)
    {
        ArgumentNullException.ThrowIfNull(entry);
        return new MemberMailLine(
            entry.Key.Kind, entry.State, entry.CompletedAt ?? entry.LastAttemptAt, entry.Key.SubjectId, entry.ReceiptNumber, entry.Attempts);
    }
}
