namespace Kok.Domain.Mail;

/// <summary>A file sent with a mail. <see cref="FileName"/> is a bare name without path, safe for a MIME header.</summary>
public sealed record MailAttachment
{
    public MailAttachment(string fileName, string contentType, byte[] content)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(fileName);
        ArgumentException.ThrowIfNullOrWhiteSpace(contentType);
        ArgumentNullException.ThrowIfNull(content);
        if (fileName.Any(c => char.IsControl(c) || c is '/' or '\\' or '"'))
        {
            throw new ArgumentException("File name must be a bare name.", nameof(fileName));
        }

        FileName = fileName;
        ContentType = contentType;
        Content = content;
    }

    public string FileName { get; }

    public string ContentType { get; }

#pragma warning disable CA1819 // The adapter hands the bytes straight to the mail API; a copy would buy nothing.
    public byte[] Content { get; }
#pragma warning restore CA1819
}
