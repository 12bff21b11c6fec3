namespace Kok.Domain.Mail;

/// <summary>
/// The log of one mail (see <see cref="MailLogKey"/>): whether it went out, how often it was tried and why it failed.
/// Holds ids, counts, times and the mail service's reasons only, no address or text. Transitions return a new entry;
/// <see cref="Version"/> is the storage version it was loaded with (null before it was first stored).
/// </summary>
public sealed record MailLogEntry
{
    /// <summary>Longest reason or error kept; mail service explanations can be long.</summary>
    public const int MaxTextLength = 500;

    private MailLogEntry(MailLogKey key, DateTimeOffset firstAttemptAt)
    {
        Key = key;
        FirstAttemptAt = firstAttemptAt;
        LastAttemptAt = firstAttemptAt;
    }

    public MailLogKey Key { get; }

    public MailLogState State { get; init; }

    /// <summary>How many workers started on the mail (a queue redelivery after a failure starts again).</summary>
    public int Attempts { get; init; }

    public DateTimeOffset FirstAttemptAt { get; init; }

    public DateTimeOffset LastAttemptAt { get; init; }

    /// <summary>
    /// While set and in the future, a worker is sending the mail and others keep off. Cleared when the attempt ends;
    /// only a crashed worker leaves it behind, and it expires on its own.
    /// </summary>
    public DateTimeOffset? LeaseUntil { get; init; }

    /// <summary>The mail service's id of the sent mail, for tracing delivery.</summary>
    public string? MessageId { get; init; }

    /// <summary>The receipt attached to (or announced by) the mail, if any.</summary>
    public string? ReceiptNumber { get; init; }

    /// <summary>Why the mail service refused the mail (state <see cref="MailLogState.Failed"/>).</summary>
    public string? FailureReason { get; init; }

    /// <summary>The last transient error (an exception type), kept while the queue retries.</summary>
    public string? LastError { get; init; }

    public DateTimeOffset? CompletedAt { get; init; }

    public string? Version { get; init; }

    public bool IsFinal => State is MailLogState.Sent or MailLogState.Failed;

    public static MailLogEntry Begin(MailLogKey key, DateTimeOffset now, TimeSpan lease)
    {
        ArgumentNullException.ThrowIfNull(key);
        return new MailLogEntry(key, now) { State = MailLogState.Pending, Attempts = 1, LeaseUntil = now + lease };
    }

    /// <summary>Rebuilds a stored entry (for storage adapters).</summary>
    public static MailLogEntry Restore(MailLogKey key, DateTimeOffset firstAttemptAt) => new(key, firstAttemptAt);

    public bool IsLeasedAt(DateTimeOffset now) => State == MailLogState.Pending && LeaseUntil is { } until && until > now;

    /// <summary>Another attempt on a pending mail whose previous attempt ended or whose worker vanished.</summary>
    public MailLogEntry Retake(DateTimeOffset now, TimeSpan lease)
    {
        RequirePending();
        if (IsLeasedAt(now))
        {
            throw new InvalidOperationException("Another worker holds the mail.");
        }

        return this with { Attempts = Attempts + 1, LastAttemptAt = now, LeaseUntil = now + lease };
    }

    public MailLogEntry MarkSent(string messageId, string? receiptNumber, DateTimeOffset now)
    {
        RequirePending();
        return this with
        {
            State = MailLogState.Sent,
            MessageId = Clip(messageId),
            ReceiptNumber = receiptNumber,
            LeaseUntil = null,
            CompletedAt = now,
        };
    }

    /// <summary>Final: the mail service refused the mail, or it must not be sent any more.</summary>
    public MailLogEntry MarkFailed(string reason, string? receiptNumber, DateTimeOffset now)
    {
        RequirePending();
        return this with
        {
            State = MailLogState.Failed,
            FailureReason = Clip(string.IsNullOrWhiteSpace(reason) ? "(no reason given)" : reason),
            ReceiptNumber = receiptNumber,
            LeaseUntil = null,
            CompletedAt = now,
        };
    }

    /// <summary>The attempt ended with a transient error; the entry stays pending and free for the next attempt.</summary>
    public MailLogEntry MarkAttemptFailed(string error, DateTimeOffset now)
    {
        RequirePending();
        return this with { LastError = Clip(error), LeaseUntil = null, LastAttemptAt = now };
    }

    private void RequirePending()
    {
        if (State != MailLogState.Pending)
        {
            throw new InvalidOperationException($"The mail is already {State}.");
        }
    }

    private static string? Clip(string? value)
    {
        if (value is null)
        {
            return null;
        }

        var line = MailText.SingleLine(value);
        return line.Length > MaxTextLength ? line[..MaxTextLength] : line;
    }
}
