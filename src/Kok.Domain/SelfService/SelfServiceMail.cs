using Kok.Domain.Mail;

namespace Kok.Domain.SelfService;

/// <summary>Confirmation mails of "Mein KOK" changes, sent once per change through the mail log.</summary>
internal static class SelfServiceMail
{
    /// <summary>The end of every change confirmation: thanks, "not you? reply", greeting.</summary>
    public static MailBodyBuilder ChangeMailClosing(this MailBodyBuilder body, bool en)
    {
        ArgumentNullException.ThrowIfNull(body);
        return body
            .Paragraph(en
                ? "Thank you for supporting our work against human trafficking. If you did not make this change, please reply to this mail."
                : "Danke, dass Sie unsere Arbeit gegen Menschenhandel unterstützen. Wenn Sie diese Änderung nicht selbst vorgenommen haben, antworten Sie bitte auf diese Mail.")
            .Paragraph(en ? "Kind regards, your KOK team" : "Mit freundlichen Grüßen, Ihr KOK-Team");
    }

    /// <summary>
    /// The change is made whatever happens to the mail: a mail that cannot be sent now stays in the mail log as not
    /// sent (staff see it there), and the page confirms the change in any case. True when it went out.
    /// </summary>
    public static async Task<bool> TrySendAsync(MailDispatcher mail, MailLogKey key, MailMessage message, CancellationToken cancellationToken)
    {
        try
        {
            var sent = await mail.SendOnceAsync(key, _ => Task.FromResult(PreparedMail.Send(message)), cancellationToken).ConfigureAwait(false);
            return sent.Outcome is MailDispatchOutcome.Sent or MailDispatchOutcome.AlreadySent;
        }
#pragma warning disable CA1031 // Any failure of the mail leaves the change made; the mail log shows the attempt.
        catch (Exception ex) when (ex is not OperationCanceledException)
#pragma warning restore CA1031
        {
            return false;
        }
    }
}
