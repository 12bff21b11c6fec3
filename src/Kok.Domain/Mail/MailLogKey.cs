namespace Kok.Domain.Mail;

/// <summary>
/// Names one mail: its kind and the id of what it is about (a payment key such as
/// <c>donation:don_…:pay_…</c>, or a donation key for once-per-donation mails). Ids only, never personal data,
/// because the key becomes a storage key.
/// </summary>
public sealed record MailLogKey
{
    public MailLogKey(MailKind kind, string subjectId)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind));
        }

        ArgumentException.ThrowIfNullOrWhiteSpace(subjectId);
        if (subjectId.Length > 200 || subjectId.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '_' or '-' or ':' or '.')))
        {
            throw new ArgumentException("A mail subject id consists of ASCII letters, digits and _ - : . only.", nameof(subjectId));
        }

        Kind = kind;
        SubjectId = subjectId;
    }

    public MailKind Kind { get; }

    public string SubjectId { get; }
}
