namespace Kok.Domain.Payments;

/// <summary>
/// Why money did not arrive or came back, in words for staff and supporters: German and English, no provider jargon.
/// <see cref="Code"/> is the provider's short code as received (kept for staff who talk to the provider).
/// </summary>
public sealed record PaymentProblemText(string Code, string German, string English)
{
    public string In(Mail.MailLanguage language) => language == Mail.MailLanguage.English ? English : German;
}
