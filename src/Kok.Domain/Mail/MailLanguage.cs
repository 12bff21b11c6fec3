namespace Kok.Domain.Mail;

/// <summary>Language of supporter-facing texts. German unless the supporter chose English.</summary>
public enum MailLanguage
{
    German,
    English,
}
