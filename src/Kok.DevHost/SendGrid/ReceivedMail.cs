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

    public required DateTimeOffset ReceivedAt { get; init; }
}
