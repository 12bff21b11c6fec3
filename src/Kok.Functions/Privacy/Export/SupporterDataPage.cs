using System.Text;
using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Membership;
using Kok.Domain.Privacy.Export;
using Kok.Functions.Membership;

namespace Kok.Functions.Privacy.Export;

/// <summary>
/// The readable copy of a supporter's data (<see cref="SupporterDataExport"/>), German or English, in the frame and
/// look of the member pages (<see cref="MemberPage"/>): one section per part of the copy, each record as a list of
/// facts, receipts with a link to the archived PDF, and at the end every place the data is stored with why and how
/// long. Every value is HTML-encoded.
/// </summary>
public static class SupporterDataPage
{
    /// <param name="jsonPath">Where the same copy is downloaded as JSON; null where there is no such link (staff's answer to a post).</param>
    public static string Html(MemberPageContext page, SupporterDataExport export, string? jsonPath, bool languageSwitch = true)
    {
        ArgumentNullException.ThrowIfNull(page);
        ArgumentNullException.ThrowIfNull(export);
        var w = new ExportWords(page.English);
        var title = w.T("Ihre Daten bei KOK e.V.", "Your data at KOK e.V.");
        var body = new StringBuilder();
        body.Append($"<h1>{E(title)}</h1>\n");
        body.Append($"<p class=\"lead\">{E(w.T("Alles, was wir unter Ihrer E-Mail-Adresse gespeichert haben (Auskunft nach Art. 15 DSGVO), Stand ", "Everything we store under your e-mail address (access under Art. 15 GDPR), as of "))}{E(w.Time(export.CreatedAt))}.</p>\n");
        if (jsonPath is not null)
        {
            body.Append($"<p><a href=\"{E(jsonPath)}\" download>{E(w.T("Alle Daten als Datei herunterladen (JSON, mit den Zuwendungsbestätigungen)", "Download all data as a file (JSON, with the donation receipts)"))}</a></p>\n");
        }

        body.Append(Section("addresses", H(nameof(SupporterDataExport.EmailAddresses), w), w, export.EmailAddresses, a => Facts((w.T("E-Mail", "E-mail"), a))));
        body.Append(Section("donations", H(nameof(SupporterDataExport.Donations), w), w, export.Donations, d => Donation(d, w)));
        body.Append(Section("memberships", H(nameof(SupporterDataExport.Memberships), w), w, export.Memberships, m => Membership(m, w)));
        body.Append(Section("receipts", H(nameof(SupporterDataExport.Receipts), w), w, export.Receipts, r => Receipt(r, w)));
        body.Append(Section("mails", H(nameof(SupporterDataExport.Mails), w), w, export.Mails, m => Facts(
            (w.T("Betreff", "Subject"), m.Subject), (w.T("Stand", "Status"), w.Of(m.State)), (w.T("Zeit", "Time"), w.Time(m.At)),
            (w.T("Beleg", "Receipt"), m.ReceiptNumber))));
        body.Append(Section("consents", H(nameof(SupporterDataExport.Consents), w), w, export.Consents, c => Facts(
            (w.T("Zu", "For"), c.Concerning),
            (w.T("Datenschutzhinweise", "Privacy notice"), c.PrivacyNoticeVersion ?? w.T("nicht erfasst", "not recorded")),
            (w.T("Zeit", "Time"), w.Time(c.At)),
            (w.T("Öffentlich nennen", "Name publicly"), c.ListPublicly is { } list ? w.YesNo(list) : null))));
        body.Append(Section("audit", H(nameof(SupporterDataExport.AuditEntries), w), w, export.AuditEntries, a => Facts(
            (w.T("Zu", "For"), a.Concerning), (w.T("Aktion", "Action"), a.Action), (w.T("Durch", "By"), a.By), (w.T("Zeit", "Time"), w.Time(a.At)),
            (w.T("Angaben", "Details"), a.Facts.Count == 0 ? null : string.Join("; ", a.Facts.Select(f => f.Key + ": " + f.Value))))));
        body.Append($"<section aria-labelledby=\"objection-title\"><h2 id=\"objection-title\">{E(H(nameof(SupporterDataExport.ObjectedToMail), w))}</h2>\n<p>");
        body.Append(E(export.ObjectedToMail
            ? w.T("Sie haben freiwilligen E-Mails widersprochen; wir schicken nur noch, was Gesetz oder Vertrag verlangen.", "You objected to optional mails; we only send what law or contract require.")
            : w.T("Kein Widerspruch gegen E-Mails gespeichert.", "No objection to mail is recorded.")));
        body.Append("</p></section>\n");
        body.Append(Section("bank", H(nameof(SupporterDataExport.BankEntries), w), w, export.BankEntries, b => Facts(
            (w.T("Zu", "For"), b.DonationId),
            (w.T("Stand", "Status"), b.Outcome is { } outcome ? w.Of(outcome) : null),
            (w.T("Betrag", "Amount"), b.AmountCents is { } cents ? w.Euro(cents) : null),
            (w.T("Buchungstag", "Booked on"), b.BookingDate is { } day ? w.Day(day) : null),
            (w.T("Zahlende Person", "Payer"), b.PayerName),
            ("IBAN", b.PayerIbanMasked),
            (w.T("Verwendungszweck", "Reference"), b.Remittance),
            (w.T("Kontokennung", "Account pseudonym"), b.RemembersPayerAccount ? w.T("ein Prüfwert Ihrer IBAN, um spätere Überweisungen zuzuordnen", "a hash of your IBAN, to match later transfers") : null))));
        body.Append(Section("erasure", H(nameof(SupporterDataExport.ErasureRequests), w), w, export.ErasureRequests, r => Facts(
            (w.T("Nummer", "Number"), r.RequestId),
            (w.T("Eingegangen", "Received"), w.Time(r.RequestedAt)),
            (w.T("Ihre Nachricht", "Your message"), r.Message))));
        body.Append(Section("stores", H(nameof(SupporterDataExport.Stores), w), w, export.Stores, s => Facts(
            (w.T("Speicherort", "Store"), s.Store),
            (w.T("Angaben", "Data"), string.Join("; ", s.Fields)),
            (w.T("Zweck", "Purpose"), s.Purpose),
            (w.T("Bei Löschung", "On erasure"), w.Of(s.OnErasure)),
            (w.T("In dieser Auskunft", "In this copy"), string.Join(" ", new[] { SectionHeading(s.Section, w) is { } heading ? heading + "." : null, s.CoveredBy }.OfType<string>())))));
        return MemberPage.Document(page, title, body.ToString(), languageSwitch);
    }

    /// <summary>The heading under which the page shows a section of the copy (as the JSON names it, a property of <see cref="SupporterDataExport"/>).</summary>
    private static string? SectionHeading(string? section, ExportWords w) => section switch
    {
        null => null,
        nameof(SupporterDataExport.EmailAddresses) => w.T("E-Mail-Adressen", "E-mail addresses"),
        nameof(SupporterDataExport.Mails) => w.T("Mails von uns", "Mails from us"),
        nameof(SupporterDataExport.Consents) => w.T("Einwilligungen", "Consents"),
        nameof(SupporterDataExport.Stores) => w.T("Wo und warum wir Daten speichern", "Where and why we store data"),
        nameof(SupporterDataExport.Donations) => w.T("Spenden", "Donations"),
        nameof(SupporterDataExport.Memberships) => w.T("Mitgliedschaft und Beiträge", "Membership and fees"),
        nameof(SupporterDataExport.Receipts) => w.T("Zuwendungsbestätigungen", "Donation receipts"),
        nameof(SupporterDataExport.AuditEntries) => w.T("Protokoll unserer Bearbeitung", "Record of our actions"),
        nameof(SupporterDataExport.ObjectedToMail) => w.T("Widerspruch gegen E-Mails", "Objection to mail"),
        nameof(SupporterDataExport.BankEntries) => w.T("Überweisungen auf unserem Konto", "Transfers to our account"),
        nameof(SupporterDataExport.ErasureRequests) => w.T("Ihr Antrag auf Löschung", "Your request for erasure"),
        _ => section,
    };

    private static string H(string section, ExportWords w) => SectionHeading(section, w)!;

    private static string Donation(ExportedDonation d, ExportWords w) =>
        $"<h3>{E(w.T("Spende", "Donation"))} ({E(w.Of(d.Interval))}), {E(w.Time(d.CreatedAt))}</h3>\n" + Facts(
            (w.T("Nummer", "Number"), d.DonationId),
            (w.T("Betrag", "Amount"), w.Euro(d.AmountCents)),
            (w.T("Rhythmus", "Interval"), w.Of(d.Interval)),
            (w.T("Stand", "Status"), w.Of(d.Status)),
            (w.T("Zahlungsart", "Payment method"), w.Of(d.PaymentMethod)),
            ("Name", d.Donor.Name),
            (w.T("E-Mail", "E-mail"), d.Donor.Email),
            (w.T("Anschrift", "Address"), Address(d.Donor.Address)),
            (w.T("Bestätigung erbeten", "Receipt wanted"), w.YesNo(d.WantsReceipt)),
            (w.T("Sprache", "Language"), d.Locale),
            (w.T("Begonnen", "Started"), w.Time(d.CreatedAt)),
            (w.T("Beendet", "Ended"), d.EndedAt is null ? null : w.Time(d.EndedAt)),
            (w.T("Kunden-Nr. bei Stripe", "Stripe customer"), d.CustomerId),
            (w.T("Abo bei Stripe", "Stripe subscription"), d.SubscriptionId),
            (w.T("Zahlungen", "Payments"), Payments(d.Payments, w)));

    private static string Membership(MemberView m, ExportWords w) =>
        $"<h3>{E(w.T("Mitgliedschaft", "Membership"))}, {E(w.Time(m.CreatedAt))}</h3>\n" + Facts(
            (w.T("Nummer", "Number"), m.MemberId),
            (w.T("Art", "Kind"), w.Of(m.Kind)),
            ("Name", m.Name),
            (w.T("Ansprechperson", "Contact person"), m.ContactPerson),
            (w.T("E-Mail", "E-mail"), m.Email),
            (w.T("Anschrift", "Address"), Address(m.Address)),
            (w.T("Jahresbeitrag", "Annual fee"), w.Euro(m.AnnualAmountCents)),
            (w.T("Zahlungsart", "Payment method"), w.Of(m.PaymentMethod)),
            (w.T("Gespeicherte Zahlungsart", "Saved payment method"), m.SavedPaymentMethod is { } saved
                ? w.Of(saved.Kind) + (saved.Last4 is null ? string.Empty : " …" + saved.Last4) + (saved.MandateReference is null ? string.Empty : ", " + w.T("Mandat ", "mandate ") + saved.MandateReference)
                : null),
            (w.T("Stand", "Status"), w.Of(m.Status)),
            (w.T("Mitglied seit", "Member since"), m.MemberSince is null ? null : w.Day(m.MemberSince)),
            (w.T("Bezahlt bis", "Paid until"), m.PaidThrough is null ? null : w.Day(m.PaidThrough)),
            (w.T("Nächster Beitrag", "Next fee"), m.NextDuesDate is null ? null : w.Day(m.NextDuesDate)),
            (w.T("Gekündigt", "Cancelled"), m.CancelledAt is null ? null : w.Time(m.CancelledAt)),
            (w.T("Endet am", "Ends on"), m.EndsOn is null ? null : w.Day(m.EndsOn)),
            (w.T("Kunden-Nr. bei Stripe", "Stripe customer"), m.CustomerId),
            (w.T("Verlauf", "History"), string.Join("; ", m.StatusHistory.Select(h => w.Time(h.At) + ": " + w.Of(h.Status)))),
            (w.T("Beiträge", "Fees"), Payments(m.Payments, w)));

    private static string Receipt(ExportedReceipt r, ExportWords w) =>
        $"<h3>{E(w.Of(r.Form))} {E(r.Number)}</h3>\n" + Facts(
            (w.T("Betrag", "Amount"), w.Euro(r.AmountCents)),
            (w.T("Ausgestellt", "Issued"), w.Day(r.IssueDate)),
            ("Name", r.DonorName),
            (w.T("Anschrift", "Address"), string.Join(", ", r.DonorAddressLines)),
            (w.T("Storniert", "Withdrawn"), r.WithdrawnOn is null ? null : w.Day(r.WithdrawnOn)),
            (w.T("Ersetzt durch", "Replaced by"), r.ReplacedBy))
        + $"<p><a href=\"{E(r.DownloadPath)}\">{E(w.T("PDF herunterladen", "Download PDF"))} ({E(r.Number)})</a></p>\n";

    private static string Payments(IReadOnlyList<PaymentView> payments, ExportWords w) =>
        payments.Count == 0
            ? w.T("keine", "none")
            : string.Join("; ", payments.Select(p => $"{w.Time(p.PaidAt ?? p.CreatedAt)}: {w.Euro(p.AmountCents)} ({w.Of(p.Status)})"));

    private static string? Address(PostalAddress? address) => address is null ? null : string.Join(", ", address.Lines());

    private static string Section<T>(string id, string heading, ExportWords w, IReadOnlyList<T> items, Func<T, string> item) =>
        $"<section aria-labelledby=\"{id}-title\"><h2 id=\"{id}-title\">{E(heading)}</h2>\n"
        + (items.Count == 0 ? $"<p>{E(w.T("Keine.", "None."))}</p>\n" : string.Concat(items.Select(item)))
        + "</section>\n";

    /// <summary>A list of facts; a fact without a value is left out.</summary>
    private static string Facts(params (string Label, string? Value)[] facts) =>
        "<dl class=\"facts\">" + string.Concat(facts.Where(f => !string.IsNullOrEmpty(f.Value)).Select(f => $"<dt>{E(f.Label)}</dt><dd>{E(f.Value!)}</dd>")) + "</dl>\n";

    private static string E(string value) => MemberPage.E(value);
}
