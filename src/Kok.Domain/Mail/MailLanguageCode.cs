namespace Kok.Domain.Mail;

/// <summary>Maps language codes ("de", "en", "en-GB") to <see cref="MailLanguage"/> and back.</summary>
public static class MailLanguageCode
{
    /// <summary>"en…" is English; everything else, including nothing, is German.</summary>
    public static MailLanguage Parse(string? code) =>
        code is not null && code.Trim().StartsWith("en", StringComparison.OrdinalIgnoreCase)
            ? MailLanguage.English
            : MailLanguage.German;

    public static string ToCode(this MailLanguage language) => language == MailLanguage.English ? "en" : "de";
}
