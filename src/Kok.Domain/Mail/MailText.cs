using System.Text;

namespace Kok.Domain.Mail;

/// <summary>Small text guards shared by mail builders.</summary>
public static class MailText
{
    /// <summary>
    /// Collapses every control character (CR, LF, tab, …) and run of spaces into one space, so a value can go into a
    /// header such as the subject without starting a new header line.
    /// </summary>
    public static string SingleLine(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder(value.Length);
        var pendingSpace = false;
        foreach (var c in value)
        {
            if (char.IsControl(c) || char.IsWhiteSpace(c) || c is '\u2028' or '\u2029' or '\u0085')
            {
                pendingSpace = builder.Length > 0;
                continue;
            }

            if (pendingSpace)
            {
                builder.Append(' ');
                pendingSpace = false;
            }

            builder.Append(c);
        }

        return builder.ToString();
    }
}
