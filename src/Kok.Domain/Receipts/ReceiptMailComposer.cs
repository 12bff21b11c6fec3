using System.Globalization;
using Kok.Domain.Mail;

namespace Kok.Domain.Receipts;

/// <summary>
/// Writes the thank-you and receipt mails in German or English. Up to 300 EUR each mail also carries, in German,
/// the Beleg for the simplified proof (<see cref="SimplifiedDonationProof"/>), so the supporter's bank statement plus
/// this mail suffice for the Finanzamt.
/// </summary>
public sealed class ReceiptMailComposer
{
    private const string MissionGerman = "Ihre Unterstützung stärkt unsere Arbeit gegen Menschenhandel und Ausbeutung.";

    private const string MissionEnglish = "Your support strengthens our work against human trafficking and exploitation.";

    private readonly OrganisationProfile organisation;

    public ReceiptMailComposer(OrganisationProfile organisation)
    {
        ArgumentNullException.ThrowIfNull(organisation);
        this.organisation = organisation;
    }

    /// <summary>Thanks for a one-time donation for which no receipt is attached (none requested or no address).</summary>
    public MailMessage OneTimeDonationThankYou(MailRecipient to, MailLanguage language, long amountCents, DateOnly paymentDate)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(amountCents);
        var english = language == MailLanguage.English;
        var body = Start(to, language);
        body.Paragraph(english
            ? $"Thank you very much for your donation of {English(amountCents)}, which we received on {English(paymentDate)}. {MissionEnglish}"
            : $"vielen Dank für Ihre Spende über {German(amountCents)}, die am {GermanDate.Format(paymentDate)} bei uns eingegangen ist. {MissionGerman}");
        if (SimplifiedDonationProof.AppliesTo(amountCents))
        {
            body.Paragraph(english
                ? $"If you would nevertheless like a formal donation receipt (Zuwendungsbestätigung), please send your postal address to {organisation.ContactEmail}."
                : $"Wenn Sie dennoch eine Zuwendungsbestätigung wünschen, schreiben Sie uns bitte mit Ihrer Postanschrift an {organisation.ContactEmail}.");
            AddSimplifiedProof(body, language, new(ReceiptKind.Donation, amountCents, paymentDate, Monthly: false));
        }
        else
        {
            body.Paragraph(english
                ? $"We will gladly issue a donation receipt (Zuwendungsbestätigung) for your tax return. Please send your postal address to {organisation.ContactEmail}."
                : $"Für Ihre Steuererklärung stellen wir Ihnen gern eine Zuwendungsbestätigung aus. Bitte schreiben Sie uns dazu Ihre Postanschrift an {organisation.ContactEmail}.");
        }

        Finish(body, language);
        return body.Build(to, english ? $"Thank you for your donation – {organisation.ShortName}" : $"Vielen Dank für Ihre Spende – {organisation.ShortName}");
    }

    /// <summary>Thanks for a one-time donation, with its Zuwendungsbestätigung attached.</summary>
    public MailMessage OneTimeDonationThankYou(MailRecipient to, MailLanguage language, RenderedReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(to);
        var document = RequireValid(receipt, ReceiptKind.Donation);
        var english = language == MailLanguage.English;
        var body = Start(to, language);
        body.Paragraph(english
            ? $"Thank you very much for your donation of {English(document.AmountCents)}, which we received on {English(document.PaymentDate)}. {MissionEnglish}"
            : $"vielen Dank für Ihre Spende über {German(document.AmountCents)}, die am {GermanDate.Format(document.PaymentDate)} bei uns eingegangen ist. {MissionGerman}");
        AttachedReceiptParagraph(body, language, document);
        if (SimplifiedDonationProof.AppliesTo(document.AmountCents))
        {
            AddSimplifiedProof(body, language, new(ReceiptKind.Donation, document.AmountCents, document.PaymentDate, Monthly: false));
        }

        Finish(body, language);
        return body.Build(
            to,
            english
                ? $"Thank you for your donation – donation receipt no. {document.Number}"
                : $"Vielen Dank für Ihre Spende – Zuwendungsbestätigung Nr. {document.Number}",
            [Attachment(receipt)]);
    }

    /// <summary>
    /// Thanks after the first payment of a monthly donation. No receipt is attached: monthly donors get one
    /// Sammelbestätigung (collective receipt over a period) per calendar year.
    /// </summary>
    public MailMessage MonthlyDonationThankYou(MailRecipient to, MailLanguage language, long monthlyAmountCents, DateOnly firstPaymentDate)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(monthlyAmountCents);
        var english = language == MailLanguage.English;
        var body = Start(to, language);
        body.Paragraph(english
            ? $"Thank you very much for supporting {organisation.ShortName} with a monthly donation of {English(monthlyAmountCents)}. Your first payment reached us on {English(firstPaymentDate)}. {MissionEnglish}"
            : $"vielen Dank, dass Sie den {organisation.ShortName} mit einer monatlichen Spende von {German(monthlyAmountCents)} unterstützen. Ihre erste Zahlung ist am {GermanDate.Format(firstPaymentDate)} bei uns eingegangen. {MissionGerman}");
        body.Paragraph(english
            ? "Regular donations let us plan our work reliably. Once a year, at the beginning of the following year, we will send you a collective donation receipt (Sammelbestätigung) covering all your donations of the calendar year."
            : "Regelmäßige Spenden geben unserer Arbeit Planungssicherheit. Ihre Zuwendungsbestätigung erhalten Sie einmal jährlich: Anfang des Folgejahres senden wir Ihnen eine Sammelbestätigung über alle Ihre Spenden des Kalenderjahres.");
        body.Paragraph(english
            ? $"If you would like to change or end your monthly donation, please write to {organisation.ContactEmail}."
            : $"Wenn Sie Ihre monatliche Spende ändern oder beenden möchten, schreiben Sie uns bitte an {organisation.ContactEmail}.");
        if (SimplifiedDonationProof.AppliesTo(monthlyAmountCents))
        {
            AddSimplifiedProof(body, language, new(ReceiptKind.Donation, monthlyAmountCents, firstPaymentDate, Monthly: true));
        }

        Finish(body, language);
        return body.Build(
            to,
            english ? $"Thank you for your monthly donation – {organisation.ShortName}" : $"Vielen Dank für Ihre monatliche Spende – {organisation.ShortName}");
    }

    /// <summary>Confirms a paid membership fee of a Fördermitglied (supporting member), with its receipt attached.</summary>
    public MailMessage MembershipFeeReceived(MailRecipient to, MailLanguage language, RenderedReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(to);
        var document = RequireValid(receipt, ReceiptKind.MembershipFee);
        var english = language == MailLanguage.English;
        var body = Start(to, language);
        body.Paragraph(english
            ? $"Thank you very much for your membership fee of {English(document.AmountCents)} as a supporting member (Fördermitglied) of {organisation.ShortName}, which we received on {English(document.PaymentDate)}. {MissionEnglish}"
            : $"vielen Dank für Ihren Mitgliedsbeitrag als Fördermitglied des {organisation.ShortName} über {German(document.AmountCents)}, der am {GermanDate.Format(document.PaymentDate)} bei uns eingegangen ist. {MissionGerman}");
        AttachedReceiptParagraph(body, language, document);
        if (SimplifiedDonationProof.AppliesTo(document.AmountCents))
        {
            AddSimplifiedProof(body, language, new(ReceiptKind.MembershipFee, document.AmountCents, document.PaymentDate, Monthly: false));
        }

        Finish(body, language);
        return body.Build(
            to,
            english
                ? $"Your membership fee – receipt no. {document.Number}"
                : $"Ihr Mitgliedsbeitrag – Zuwendungsbestätigung Nr. {document.Number}",
            [Attachment(receipt)]);
    }

    /// <summary>Tells the supporter that a receipt is void because the payment was refunded.</summary>
    /// <summary>
    /// The receipt was withdrawn because the money was refunded or, with <paramref name="takenBackByBank"/>, because the
    /// payer's bank took it back (a returned debit or a reclaimed payment).
    /// </summary>
    public MailMessage ReceiptWithdrawn(MailRecipient to, MailLanguage language, ReceiptDocument withdrawnReceipt, bool takenBackByBank = false)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(withdrawnReceipt);
        if (!withdrawnReceipt.IsWithdrawn)
        {
            throw new ArgumentException("The receipt has not been withdrawn.", nameof(withdrawnReceipt));
        }

        var document = withdrawnReceipt;
        var english = language == MailLanguage.English;
        var kindEnglish = document.Kind == ReceiptKind.MembershipFee ? "membership fee" : "donation";
        var kindGerman = document.Kind == ReceiptKind.MembershipFee ? "Ihr Mitgliedsbeitrag" : "Ihre Spende";
        var body = Start(to, language);
        var (whatEnglish, whatGerman) = takenBackByBank
            ? ("has been taken back through your bank (a returned or reclaimed payment), so it did not reach us", "wurde über Ihre Bank zurückgebucht und ist damit nicht bei uns geblieben")
            : ("has been refunded to you", "wurde Ihnen erstattet");
        body.Paragraph(english
            ? $"Your {kindEnglish} of {English(document.AmountCents)} made on {English(document.PaymentDate)} {whatEnglish}. We have therefore withdrawn the donation receipt (Zuwendungsbestätigung) no. {document.Number} of {English(document.IssueDate)}; it is no longer valid."
            : $"{kindGerman} über {German(document.AmountCents)} vom {GermanDate.Format(document.PaymentDate)} {whatGerman}. Deshalb haben wir die Zuwendungsbestätigung Nr. {document.Number} vom {GermanDate.Format(document.IssueDate)} storniert; sie ist ungültig.");
        body.Paragraph(english
            ? "Please do not use it for your tax return and destroy any printed copies. If you have already submitted it to your tax office (Finanzamt), please let them know that it has been withdrawn."
            : "Bitte verwenden Sie sie nicht für Ihre Steuererklärung und vernichten Sie vorhandene Ausdrucke. Falls Sie die Bestätigung bereits bei Ihrem Finanzamt eingereicht haben, teilen Sie ihm bitte mit, dass sie storniert wurde.");
        if (SimplifiedDonationProof.AppliesTo(document.AmountCents))
        {
            body.Paragraph(english
                ? "The same applies to the confirmation for the simplified proof (Beleg) in our earlier e-mail about this payment."
                : "Dasselbe gilt für den Beleg zum vereinfachten Zuwendungsnachweis in unserer früheren E-Mail zu dieser Zahlung.");
        }

        body.Paragraph(english
            ? $"If you have any questions, please contact us at {organisation.ContactEmail}."
            : $"Bei Fragen erreichen Sie uns unter {organisation.ContactEmail}.");
        Closing(body, language);
        return body.Build(
            to,
            english ? $"Donation receipt no. {document.Number} withdrawn" : $"Zuwendungsbestätigung Nr. {document.Number} storniert");
    }

    /// <summary>Sends the yearly Sammelbestätigung of a monthly donor, attached.</summary>
    public MailMessage AnnualReceipt(MailRecipient to, MailLanguage language, RenderedReceipt receipt)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(receipt);
        var document = receipt.Document;
        if (document.Form != ReceiptForm.Sammelbestaetigung || document.IsWithdrawn || document.IsDraft)
        {
            throw new ArgumentException("Expected a valid Sammelbestätigung.", nameof(receipt));
        }

        var english = language == MailLanguage.English;
        var year = document.Period.Year;
        var body = Start(to, language);
        body.Paragraph(english
            ? $"Thank you very much for supporting us regularly in {year}: your {document.Lines.Count} donations came to {English(document.AmountCents)}. {MissionEnglish}"
            : $"herzlichen Dank, dass Sie uns {year} regelmäßig unterstützt haben: Ihre {document.Lines.Count} Spenden ergeben zusammen {German(document.AmountCents)}. {MissionGerman}");
        body.Paragraph(english
            ? $"Attached you will find your collective donation receipt (Sammelbestätigung) no. {document.Number} for {year} as a PDF for your German tax return; its annex lists every donation. It was created by machine and is valid without a handwritten signature; please print it out and keep it."
            : $"Im Anhang finden Sie Ihre Sammelbestätigung Nr. {document.Number} für {year} als PDF für Ihre Steuererklärung; die Anlage listet jede Spende einzeln auf. Sie wurde maschinell erstellt und ist ohne eigenhändige Unterschrift gültig; bitte drucken Sie sie aus und bewahren Sie sie auf.");
        Finish(body, language);
        return body.Build(
            to,
            english
                ? $"Your donation receipt for {year} – no. {document.Number}"
                : $"Ihre Sammelbestätigung für {year} – Nr. {document.Number}",
            [Attachment(receipt)]);
    }

    /// <summary>
    /// Tells the supporter that a receipt was withdrawn (storniert) and, when there is one, sends the corrected
    /// receipt that replaces it under a new number.
    /// </summary>
    public MailMessage ReceiptCorrected(MailRecipient to, MailLanguage language, ReceiptDocument withdrawn, RenderedReceipt? replacement)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(withdrawn);
        if (!withdrawn.IsWithdrawn)
        {
            throw new ArgumentException("The receipt has not been withdrawn.", nameof(withdrawn));
        }

        var english = language == MailLanguage.English;
        var body = Start(to, language);
        body.Paragraph(english
            ? $"We have withdrawn your donation receipt (Zuwendungsbestätigung) no. {withdrawn.Number} of {English(withdrawn.IssueDate)} over {English(withdrawn.AmountCents)}; it is no longer valid. Please do not use it for your tax return and destroy any printed copies. If you have already submitted it to your tax office (Finanzamt), please let them know."
            : $"wir haben Ihre Zuwendungsbestätigung Nr. {withdrawn.Number} vom {GermanDate.Format(withdrawn.IssueDate)} über {German(withdrawn.AmountCents)} storniert; sie ist ungültig. Bitte verwenden Sie sie nicht für Ihre Steuererklärung und vernichten Sie vorhandene Ausdrucke. Falls Sie sie bereits bei Ihrem Finanzamt eingereicht haben, teilen Sie ihm dies bitte mit.");
        if (replacement is not null)
        {
            var document = replacement.Document;
            body.Paragraph(english
                ? $"Attached you will find the corrected receipt no. {document.Number} over {English(document.AmountCents)}, which replaces it. It was created by machine and is valid without a handwritten signature; please print it out and keep it."
                : $"Im Anhang finden Sie die berichtigte Zuwendungsbestätigung Nr. {document.Number} über {German(document.AmountCents)}, die sie ersetzt. Sie wurde maschinell erstellt und ist ohne eigenhändige Unterschrift gültig; bitte drucken Sie sie aus und bewahren Sie sie auf.");
        }
        else
        {
            body.Paragraph(english
                ? "No payment of this receipt still counts (for example because it was paid back), so there is no new receipt."
                : "Keine Zahlung dieser Bestätigung zählt mehr (etwa weil sie zurückgezahlt wurde); deshalb gibt es keine neue Bestätigung.");
        }

        Finish(body, language);
        return body.Build(
            to,
            english ? $"Donation receipt no. {withdrawn.Number} corrected" : $"Zuwendungsbestätigung Nr. {withdrawn.Number} berichtigt",
            replacement is null ? [] : [Attachment(replacement)]);
    }

    private static ReceiptDocument RequireValid(RenderedReceipt receipt, ReceiptKind kind)
    {
        ArgumentNullException.ThrowIfNull(receipt);
        if (receipt.Document.Kind != kind)
        {
            throw new ArgumentException($"Expected a receipt for {kind}.", nameof(receipt));
        }

        if (receipt.Document.IsWithdrawn)
        {
            throw new ArgumentException("A withdrawn receipt cannot be sent.", nameof(receipt));
        }

        return receipt.Document;
    }

    private static MailAttachment Attachment(RenderedReceipt receipt) =>
        new(receipt.Document.FileName, RenderedReceipt.ContentType, receipt.Content);

    private static MailBodyBuilder Start(MailRecipient to, MailLanguage language)
    {
        var body = new MailBodyBuilder(language);
        var name = to.Name;
        body.Paragraph(language == MailLanguage.English
            ? (name.Length > 0 ? $"Dear {name}," : "Hello,")
            : (name.Length > 0 ? $"Guten Tag {name}," : "Guten Tag,"));
        return body;
    }

    private static void AttachedReceiptParagraph(MailBodyBuilder body, MailLanguage language, ReceiptDocument document) =>
        body.Paragraph(language == MailLanguage.English
            ? $"Attached you will find your donation receipt (Zuwendungsbestätigung) no. {document.Number} as a PDF for your German tax return. It was created by machine and is valid without a handwritten signature; please print it out and keep it."
            : $"Im Anhang finden Sie Ihre Zuwendungsbestätigung Nr. {document.Number} als PDF für Ihre Steuererklärung. Sie wurde maschinell erstellt und ist ohne eigenhändige Unterschrift gültig; bitte drucken Sie sie aus und bewahren Sie sie auf.");

    private void Finish(MailBodyBuilder body, MailLanguage language)
    {
        body.Paragraph(language == MailLanguage.English
            ? $"If you have any questions, please contact us at {organisation.ContactEmail}."
            : $"Bei Fragen erreichen Sie uns unter {organisation.ContactEmail}.");
        Closing(body, language);
    }

    private void Closing(MailBodyBuilder body, MailLanguage language) =>
        body.Lines(language == MailLanguage.English ? "Kind regards" : "Herzliche Grüße", organisation.Name);

    /// <summary>
    /// The Beleg of § 50 Abs. 4 EStDV. Always German, because the Finanzamt is its reader; English mails introduce it.
    /// </summary>
    private void AddSimplifiedProof(MailBodyBuilder body, MailLanguage language, ProofFacts facts)
    {
        var (kind, amountCents, paymentDate, monthly) = facts;
        if (language == MailLanguage.English)
        {
            body.Paragraph(
                "For your German tax return: for amounts up to €300, your bank statement together with the following "
                + "confirmation is sufficient proof for the tax office. It is in German, as the tax office expects. "
                + "Please keep this e-mail.");
        }

        body.Box("Beleg zum vereinfachten Zuwendungsnachweis (§ 50 Abs. 4 EStDV)", box =>
        {
            box.Facts(
                ("Zuwendungsempfänger", string.Join(", ", new[] { organisation.Name }.Concat(organisation.AddressLines))),
                ("Art der Zuwendung", kind == ReceiptKind.MembershipFee ? "Mitgliedsbeitrag" : "Spende (Geldzuwendung)"),
                ("Betrag", monthly ? $"{German(amountCents)} monatlich" : German(amountCents)),
                (monthly ? "Tag der ersten Zuwendung" : "Tag der Zuwendung", GermanDate.Format(paymentDate)));
            box.Paragraph(OfficialReceiptWording.ExemptionStatement(organisation));
            box.Paragraph(OfficialReceiptWording.UseOfFundsStatement(organisation));
            box.Paragraph(
                "Für Zuwendungen bis 300 € genügt dem Finanzamt dieser Beleg zusammen mit Ihrem Kontoauszug "
                + "(Buchungsbestätigung des Kreditinstituts) als Nachweis (§ 50 Abs. 4 Satz 1 Nr. 2 Buchst. b EStDV). "
                + "Bitte bewahren Sie diesen Beleg auf.");
        });
    }

    private static string German(long cents) => GermanAmountInFigures.Format(cents);

    private static string English(long cents)
    {
        var euros = cents / 100;
        var rest = cents % 100;
        return "€" + euros.ToString("#,0", CultureInfo.InvariantCulture) + "." + rest.ToString("00", CultureInfo.InvariantCulture);
    }

    private static string English(DateOnly date) => date.ToString("d MMMM yyyy", CultureInfo.InvariantCulture);

    /// <summary>What the simplified proof states: the kind of gift, its amount, its day, and whether it is monthly.</summary>
    private readonly record struct ProofFacts(ReceiptKind Kind, long AmountCents, DateOnly PaymentDate, bool Monthly);
}
