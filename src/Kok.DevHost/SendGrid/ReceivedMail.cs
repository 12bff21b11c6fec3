namespace Kok.DevHost.SendGrid;

/// <summary>One accepted mail/send request, as the stand-in keeps it; <see cref="Id"/> is the X-Message-Id it answered.</summary>
internal sealed record ReceivedMail
{
    public required string Id { get; init; }

    public required ReceivedAddress From { get; init; }

    public ReceivedAddress? ReplyTo { get; init; }

    public required IReadOnlyList<ReceivedAddress> To { get; init; }

    public required string Subject { get; init; }

    public string? Text { get; init; }

    public string? Html { get; init; }

    public required IReadOnlyList<ReceivedAttachment> Attachments { get; init; }

    /// <summary>Custom headers such as List-Unsubscribe.</summary>
    public IReadOnlyDictionary<string, string> Headers { get; init; } = new Dictionary<string, string>();

    public required DateTimeOffset ReceivedAt { get; init; }
}
