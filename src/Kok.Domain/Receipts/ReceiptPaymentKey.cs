namespace Kok.Domain.Receipts;

/// <summary>
/// Names one payment across subject kinds, e.g. <c>donation:don_…:pay_…</c>: the register's key for "this payment
/// already has a receipt" and the mail log's subject id. Made of ids only, so it may appear in logs and storage keys.
/// </summary>
public sealed record ReceiptPaymentKey
{
    private ReceiptPaymentKey(string value)
    {
        Value = value;
    }

    public string Value { get; }

    public static ReceiptPaymentKey For(ReceiptSubjectKind kind, string subjectId, string paymentId)
    {
        var subject = SubjectKey(kind, subjectId);
        RequireId(paymentId, nameof(paymentId));
        return new ReceiptPaymentKey(subject + ":" + paymentId);
    }

    /// <summary>The subject alone, e.g. <c>donation:don_…</c>, for mails sent once per subject.</summary>
    public static string SubjectKey(ReceiptSubjectKind kind, string subjectId)
    {
        RequireId(subjectId, nameof(subjectId));
        var prefix = kind switch
        {
            ReceiptSubjectKind.Donation => "donation",
            ReceiptSubjectKind.Membership => "membership",
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown subject kind."),
        };
        return prefix + ":" + subjectId;
    }

    /// <summary>Rebuilds a key read back from storage.</summary>
    public static ReceiptPaymentKey Parse(string value)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value);
        var parts = value.Split(':');
        if (parts.Length != 3 || parts.Any(p => !IsId(p)))
        {
            throw new FormatException("Not a receipt payment key.");
        }

        return new ReceiptPaymentKey(value);
    }

    public override string ToString() => Value;

    private static void RequireId(string id, string name)
    {
        if (!IsId(id))
        {
            throw new ArgumentException("Ids in payment keys consist of ASCII letters, digits, _ and - only.", name);
        }
    }

    private static bool IsId(string? id) =>
        !string.IsNullOrEmpty(id) && id.Length <= 64 && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');
}
