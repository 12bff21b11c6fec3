using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Domain.Donations;
using Kok.Domain.Mail;
using Kok.Domain.Membership;

namespace Kok.Domain.SelfService;

/// <summary>
/// "Mein KOK": the signed-in supporter sets a new postal address for the receipts still to come (one address for all
/// their donations and memberships: receipts are addressed to the person), and for running monthly donations whether
/// they still want the annual receipt. Receipts already issued are archived PDFs and are never changed; a correction
/// of one goes through staff. The form is checked as the public forms check an address (400 naming the field,
/// nothing written). Each changed donation or membership is audited as done by the supporter; one confirmation mail.
/// Storage cost: the supporter's records, per donation and membership one point read and one conditional write (none
/// when nothing changes), one audit insert per change, the mail log's insert and replace.
/// </summary>
public sealed class ChangeOwnAddress(
    ISupporterDirectory directory,
    IMemberRepository members,
    IDonationRepository donations,
    IAuditTrail audit,
    IIdGenerator ids,
    MailDispatcher mail,
    SelfServiceLinks links,
    TimeProvider time)
{
    public const string MemberAction = "member.address_changed";
    public const string DonationAction = "donation.address_changed";
    private const int MaxSaveAttempts = 5;

    public async Task<SupporterChangeResult> ExecuteAsync(
        string supporterKey, AddressForm? address, bool? wantsReceipt, IReadOnlyCollection<string>? wrongTypeFields, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        FieldRules.WrongType(errors, wrongTypeFields ?? []);
        var newAddress = FieldRules.Address(errors, "address", address, required: true);
        if (!errors.IsEmpty || newAddress is null)
        {
            return new SupporterChangeResult(SupporterChangeOutcome.Invalid, errors);
        }

        var records = await directory.FindAsync(supporterKey, cancellationToken).ConfigureAwait(false);
        if (records.Recipient is not { } recipient)
        {
            return new SupporterChangeResult(SupporterChangeOutcome.NotFound);
        }

        var changeId = ids.NewId(RecomputeDashboardTotals.AuditIdPrefix);
        var changed = 0;
        foreach (var member in records.Members)
        {
            changed += await SaveAsync(
                async () => await members.GetAsync(member.Id, cancellationToken).ConfigureAwait(false) is { } stored
                    ? (stored.Member.ChangeAddress(newAddress), () => members.TrySaveAsync(stored.Member, stored.Version, [], cancellationToken))
                    : (false, null),
                member.Id, MemberAction, changeId, cancellationToken).ConfigureAwait(false);
        }

        foreach (var donation in records.Donations)
        {
            changed += await SaveAsync(
                async () => await donations.GetAsync(donation.Id, cancellationToken).ConfigureAwait(false) is { } stored
                    ? (stored.Donation.ChangeReceiptDetails(newAddress, wantsReceipt), () => donations.TrySaveAsync(stored.Donation, stored.Version, [], cancellationToken))
                    : (false, null),
                donation.Id, DonationAction, changeId, cancellationToken).ConfigureAwait(false);
        }

        // The receipt choice is only mentioned where it applies: to a running monthly donation.
        var receiptChoice = records.Donations.Any(d => d.IsRunningMonthly) ? wantsReceipt : null;
        var sent = changed > 0 && await SelfServiceMail.TrySendAsync(
            mail, new MailLogKey(MailKind.AddressChanged, $"{Owner(records)}:{changeId}"),
            Compose(recipient, records.Language, links.Page(records.Language), newAddress, receiptChoice), cancellationToken).ConfigureAwait(false);
        return new SupporterChangeResult(SupporterChangeOutcome.Requested, MailSent: sent);
    }

    /// <summary>Whose mail log the confirmation goes in (where the overview finds the supporter's mails): the membership, else the newest donation.</summary>
    private static string Owner(SupporterRecords records) => records.Members.Count > 0 ? records.Members[0].Id : records.Donations[0].Id;

    /// <summary>Loads, changes and saves one aggregate (again on a concurrent change), then audits it; 1 when it changed.</summary>
    private async Task<int> SaveAsync(
        Func<Task<(bool Changed, Func<Task<bool>>? Save)>> change, string subject, string action, string changeId, CancellationToken cancellationToken)
    {
        for (var attempt = 0; attempt < MaxSaveAttempts; attempt++)
        {
            var (changed, save) = await change().ConfigureAwait(false);
            if (!changed || save is null)
            {
                return 0;
            }

            if (await save().ConfigureAwait(false))
            {
                await audit.RecordAsync(
                    new AuditEntry(ids.NewId(RecomputeDashboardTotals.AuditIdPrefix), subject, action, ChangeOwnMonthlyDonation.SupporterActorId, ChangeOwnMonthlyDonation.SupporterActorName,
                        time.GetUtcNow(), AuditFacts.Format()),
                    cancellationToken).ConfigureAwait(false);
                return 1;
            }
        }

        throw new InvalidOperationException("The record kept changing while its address was changed; please try again.");
    }

    /// <summary>The confirmation of the new address (named, so a typo shows), in the supporter's language.</summary>
    public static MailMessage Compose(MailRecipient to, MailLanguage language, Uri page, PostalAddress address, bool? wantsReceipt)
    {
        ArgumentNullException.ThrowIfNull(to);
        ArgumentNullException.ThrowIfNull(address);
        var en = language == MailLanguage.English;
        var body = new MailBodyBuilder(language)
            .Paragraph(en ? $"Dear {to.Name}," : $"Guten Tag {to.Name},")
            .Paragraph(en
                ? $"as you asked on \"Mein KOK\", the receipts we issue from now on carry your new address ({string.Join(", ", address.Lines())}). Receipts issued before stay as they are; if one of them needs correcting, please reply to this mail."
                : $"wie Sie es bei „Mein KOK“ gewünscht haben, tragen die Zuwendungsbestätigungen, die wir von nun an ausstellen, Ihre neue Anschrift ({string.Join(", ", address.Lines())}). Bereits ausgestellte Bestätigungen bleiben, wie sie sind; soll eine davon berichtigt werden, antworten Sie bitte auf diese Mail.");
        if (wantsReceipt is { } wants)
        {
            body.Paragraph(wants
                ? (en ? "For your monthly donation you will receive an annual donation receipt." : "Für Ihre monatliche Spende erhalten Sie eine Sammelbestätigung.")
                : (en ? "For your monthly donation you will receive no annual donation receipt." : "Für Ihre monatliche Spende erhalten Sie keine Sammelbestätigung."));
        }

        return body
            .Paragraph(en ? "You can see your details on \"Mein KOK\" (sign in with your e-mail address):" : "Ihre Angaben sehen Sie bei „Mein KOK“ (Anmeldung mit Ihrer E-Mail-Adresse):", page)
            .ChangeMailClosing(en)
            .Build(to, en ? "Your address was changed" : "Ihre Anschrift wurde geändert");
    }
}
