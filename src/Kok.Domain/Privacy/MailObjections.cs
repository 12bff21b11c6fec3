using Kok.Domain.Mail;

namespace Kok.Domain.Privacy;

/// <summary>
/// What <see cref="MailDispatcher"/> asks before an optional mail (<see cref="MailObligations"/>) goes out: whether
/// the address objected, and else the unsubscribe link the mail carries (footer and List-Unsubscribe header).
/// </summary>
public sealed class MailObjections(IMailObjectionKeys keys, IMailObjectionList list, MailObjectionLinks links)
{
    /// <summary>The reason logged for a mail not sent because of an objection.</summary>
    public const string SkipReason = "objected_to_mail";

    public Task<bool> HasObjectedAsync(string email, CancellationToken cancellationToken) =>
        list.ContainsAsync(keys.KeyOf(email), cancellationToken);

    /// <summary><paramref name="message"/> with the unsubscribe footer and header for its recipient.</summary>
    public MailMessage WithUnsubscribeLink(MailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        return message.WithUnsubscribe(links.Unsubscribe(keys.KeyOf(message.To.Email), message.Language));
    }
}
