using Kok.Domain.Common;
using Kok.Domain.Mail;

namespace Kok.Domain.SelfService;

/// <summary>
/// "Send me a sign-in link": when the address belongs to a donor or member, stores a new <see cref="SignInLink"/> and
/// mails it; otherwise does nothing. The caller answers both the same way, so the form never tells whether an address
/// is known. Only a malformed address or a filled honeypot is refused (that says nothing about who gives). A failure
/// of the lookup fails alike for every address; one after it is a <see cref="SignInLinkNotSentException"/>.
/// </summary>
public sealed class RequestSignInLink(
    ISupporterDirectory directory,
    ISignInLinkStore links,
    IMailSender mail,
    SelfServiceLinks urls,
    TimeProvider time)
{
    /// <summary>Null when done (mailed or not), else what is wrong with the form.</summary>
    public async Task<ValidationErrors?> ExecuteAsync(SignInLinkForm form, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var errors = new ValidationErrors();
        FieldRules.WrongType(errors, form.WrongTypeFields ?? []);
        FieldRules.Honeypot(errors, "website", form.Website);
        var email = FieldRules.Email(errors, "email", form.Email);
        if (!errors.IsEmpty || email is null)
        {
            return errors;
        }

        var key = SupporterKey.Of(email);
        var records = await directory.FindAsync(key, cancellationToken).ConfigureAwait(false);
        if (records.Recipient is not { } recipient)
        {
            return null;
        }

        var (link, token) = SignInLink.Issue(key, time.GetUtcNow());
        var language = records.Language;
        try
        {
            await links.AddAsync(link, cancellationToken).ConfigureAwait(false);

            // A refused mail (MailRejected) is not retried: the supporter sees no mail and can ask again.
            await mail.SendAsync(SignInMailComposer.Compose(recipient, language, urls.SignIn(token, language)), cancellationToken).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new SignInLinkNotSentException("The sign-in link was not sent.", ex);
        }

        return null;
    }
}
