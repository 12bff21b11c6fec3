using System.Text;
using Kok.Domain.Mail;

namespace Kok.Functions.Mail;

/// <summary>Makes values safe for the places SendGrid puts them into mail headers.</summary>
internal static class SendGridText
{
    private const int MaxNameLength = 100;

    /// <summary>
    /// A display name on one line without the characters SendGrid mishandles: it splits recipient names at ',' and
    /// ';' and then silently drops the mail as sent to an invalid address; quotes and angle brackets would end the
    /// quoted name or start an address in the header it builds.
    /// </summary>
    public static string DisplayName(string name)
    {
        var builder = new StringBuilder(name.Length);
        foreach (var c in name)
        {
            builder.Append(c is ',' or ';' or '"' or '<' or '>' or '\\' ? ' ' : c);
        }

        var single = MailText.SingleLine(builder.ToString());
        return single.Length <= MaxNameLength ? single : single[..MaxNameLength].TrimEnd();
    }

    /// <summary>
    /// The MIME type without parameters: SendGrid refuses attachment types containing ';' or line breaks.
    /// </summary>
    public static string MediaType(string contentType)
    {
        var type = contentType.Split(';', 2)[0].Trim();
        var slash = type.IndexOf('/', StringComparison.Ordinal);
        var valid = slash > 0 && slash < type.Length - 1
            && type.All(c => c < 128 && !char.IsControl(c) && !char.IsWhiteSpace(c) && c is not ('"' or ',' or '<' or '>'));
        return valid ? type.ToLowerInvariant() : "application/octet-stream";
    }
}
