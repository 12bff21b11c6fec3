using Kok.Domain.Privacy;
using Kok.Domain.SelfService;

namespace Kok.Domain.Mail;

/// <summary>
/// The last step before a prepared mail goes out, the same for every kind, so no composer can forget it: every mail
/// ends with the link to Mein KOK, where the supporter sees all their gifts, receipts and mails (signing in first);
/// optional mails (<see cref="MailObligations"/>) are not sent to an address that objected and else carry the
/// unsubscribe link as well.
/// </summary>
public sealed class MailFinishing(MailObjections objections, SelfServiceLinks meinKok)
{
    public async Task<PreparedMail> FinishAsync(MailKind kind, PreparedMail prepared, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        if (prepared.Message is not { } message)
        {
            return prepared;
        }

        // A mail still waiting for a supporter whose data was erased has nobody to go to (Art. 17 DSGVO).
        if (Privacy.Erasure.ErasedSupporter.IsErased(message.To.Email))
        {
            return PreparedMail.Skip(Privacy.Erasure.ErasedSupporter.SkipReason, prepared.ReceiptNumber);
        }

        var optional = MailObligations.RespectsObjection(kind);
        if (optional && await objections.HasObjectedAsync(message.To.Email, cancellationToken).ConfigureAwait(false))
        {
            return PreparedMail.Skip(MailObjections.SkipReason, prepared.ReceiptNumber);
        }

        var finished = message.WithFooterLink(MeinKokWords(message.Language), meinKok.Page(message.Language));
        return PreparedMail.Send(optional ? objections.WithUnsubscribeLink(finished) : finished, prepared.ReceiptNumber);
    }

    private static string MeinKokWords(MailLanguage language) => language == MailLanguage.English
        ? "All your donations, dues and receipts, and what you can change yourself, are in Mein KOK (you sign in with your email address):"
        : "Alle Ihre Spenden, Beiträge und Bescheinigungen und was Sie selbst ändern können, finden Sie in Mein KOK (Anmeldung mit Ihrer E-Mail-Adresse):";
}
