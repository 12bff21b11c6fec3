using System.Text.RegularExpressions;
using Kok.Domain.Common;
using Kok.Domain.Mail;
using Kok.Domain.Privacy.ErasureRequests;

namespace Kok.Domain.SelfService;

/// <summary>
/// "Mein KOK": the signed-in supporter asks for their data to be erased (Art. 17 DSGVO). Nothing is erased here:
/// staff look at what would go and what tax law keeps, and carry it out (<see cref="Privacy.Erasure.EraseSupporter"/>),
/// which closes the request. One request is open per supporter: asking again while it is open answers the same request
/// and records and mails nothing twice. The address recorded is the one of the supporter's records (the session holds
/// only its hash). A short confirmation mail goes out once per request.
/// Storage cost: the supporter's records, one point read and one insert, the mail log's insert and replace.
/// </summary>
public sealed partial class RequestOwnErasure(
    ISupporterDirectory directory,
    IErasureRequestStore store,
    IIdGenerator ids,
    MailDispatcher mail,
    SelfServiceLinks links,
    TimeProvider time)
{
    public const int MaxMessageLength = 500;
    public const string IdPrefix = "era";

    public async Task<ErasureRequestResult> ExecuteAsync(
        string supporterKey, string? message, IReadOnlyCollection<string>? wrongTypeFields, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        FieldRules.WrongType(errors, wrongTypeFields ?? []);

        // A textarea sends line breaks; the staff list shows one line, so they become spaces before the usual checks.
        var oneLine = message is null ? null : LineBreaks().Replace(message, " ");
        var text = string.IsNullOrWhiteSpace(oneLine) || errors.Contains("message")
            ? null
            : FieldRules.RequiredText(errors, "message", oneLine, MaxMessageLength);
        if (!errors.IsEmpty)
        {
            return new ErasureRequestResult(ErasureRequestOutcome.Invalid, Errors: errors);
        }

        if (await store.GetOpenAsync(supporterKey, cancellationToken).ConfigureAwait(false) is { } open)
        {
            return new ErasureRequestResult(ErasureRequestOutcome.AlreadyOpen, open);
        }

        var records = await directory.FindAsync(supporterKey, cancellationToken).ConfigureAwait(false);
        if (records.Recipient is not { } recipient)
        {
            return new ErasureRequestResult(ErasureRequestOutcome.NotFound);
        }

        var request = new OpenErasureRequest(ids.NewId(IdPrefix), supporterKey, recipient.Email, text, time.GetUtcNow());
        if (!await store.TryAddAsync(request, cancellationToken).ConfigureAwait(false))
        {
            // Two tabs asked at once: the other one's request stands.
            return await store.GetOpenAsync(supporterKey, cancellationToken).ConfigureAwait(false) is { } other
                ? new ErasureRequestResult(ErasureRequestOutcome.AlreadyOpen, other)
                : throw new InvalidOperationException("An erasure request was neither recorded nor found open.");
        }

        // Filed with the membership, else the newest donation, where the overview finds the supporter's mails.
        var owner = records.Members.Count > 0 ? records.Members[0].Id : records.Donations[0].Id;
        var sent = await SelfServiceMail.TrySendAsync(
            mail, new MailLogKey(MailKind.ErasureRequested, $"{owner}:{request.RequestId}"),
            Compose(recipient, records.Language, links.Page(records.Language), request.RequestedAt), cancellationToken).ConfigureAwait(false);
        return new ErasureRequestResult(ErasureRequestOutcome.Requested, request, MailSent: sent);
    }

    /// <summary>The supporter's open request, for the page to show that it arrived; null when none is open.</summary>
    public Task<OpenErasureRequest?> OpenAsync(string supporterKey, CancellationToken cancellationToken) =>
        store.GetOpenAsync(supporterKey, cancellationToken);

    /// <summary>The confirmation that the request arrived and what happens next, in the supporter's language.</summary>
    public static MailMessage Compose(MailRecipient to, MailLanguage language, Uri page, DateTimeOffset requestedAt)
    {
        ArgumentNullException.ThrowIfNull(to);
        var en = language == MailLanguage.English;
        var day = requestedAt.ToString(en ? "d MMMM yyyy" : "d. MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo(en ? "en-GB" : "de-DE"));
        return new MailBodyBuilder(language)
            .Paragraph(en ? $"Dear {to.Name}," : $"Guten Tag {to.Name},")
            .Paragraph(en
                ? $"we received your request of {day} on \"Mein KOK\" to erase your data. Our office will erase everything we are not required to keep by tax law, usually within a month, and will end any running monthly donation or membership. Donation receipts and the payments they rest on are kept locked for the legal period and then deleted."
                : $"Ihren Antrag vom {day} bei „Mein KOK“, Ihre Daten zu löschen, haben wir erhalten. Unsere Geschäftsstelle löscht alles, was wir nicht nach dem Steuerrecht aufbewahren müssen, in der Regel innerhalb eines Monats, und beendet eine laufende monatliche Spende oder Mitgliedschaft. Zuwendungsbestätigungen und die Zahlungen, auf denen sie beruhen, bleiben für die gesetzliche Frist gesperrt aufbewahrt und werden danach gelöscht.")
            .Paragraph(en ? "Until then you can still see your details on \"Mein KOK\":" : "Bis dahin sehen Sie Ihre Angaben weiter bei „Mein KOK“:", page)
            .Paragraph(en
                ? "If you did not make this request, please reply to this mail."
                : "Wenn Sie diesen Antrag nicht selbst gestellt haben, antworten Sie bitte auf diese Mail.")
            .Paragraph(en ? "Kind regards, your KOK team" : "Mit freundlichen Grüßen, Ihr KOK-Team")
            .Build(to, en ? "Your request to erase your data" : "Ihr Antrag auf Löschung Ihrer Daten");
    }

    [GeneratedRegex(@"\r\n|\r|\n")]
    private static partial Regex LineBreaks();
}
