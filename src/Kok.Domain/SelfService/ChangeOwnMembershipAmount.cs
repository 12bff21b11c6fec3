using Kok.Domain.BankTransfers;
using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Domain.Mail;
using Kok.Domain.Membership;

namespace Kok.Domain.SelfService;

/// <summary>
/// "Mein KOK": the signed-in member sets a new annual amount (at least the association's minimum), charged from the
/// next dues on; dues already asked for keep their amount. The form is checked first (nothing happens on a bad one),
/// then that the membership is the supporter's own (else not found) and that its dues still run (active or overdue).
/// Audited as done by the member, confirmed by mail.
/// Storage cost: the supporter's records, one point read and one conditional write of the member, one audit insert,
/// the mail log's insert and replace.
/// </summary>
public sealed class ChangeOwnMembershipAmount(
    ISupporterDirectory directory,
    IMemberRepository members,
    MembershipRules rules,
    IAuditTrail audit,
    IIdGenerator ids,
    MailDispatcher mail,
    SelfServiceLinks links,
    TimeProvider time)
{
    public const string AmountChangedAction = "member.amount_changed";
    private const int MaxSaveAttempts = 5;

    /// <param name="annualAmount">Euros, as the sign-up form takes them.</param>
    public async Task<SupporterChangeResult> ExecuteAsync(
        string supporterKey, string memberId, decimal? annualAmount, IReadOnlyCollection<string>? wrongTypeFields, CancellationToken cancellationToken)
    {
        var errors = new ValidationErrors();
        FieldRules.WrongType(errors, wrongTypeFields ?? []);
        var cents = FieldRules.EuroAmount(errors, "annualAmount", annualAmount, rules.MinimumAnnualAmountCents, MembershipRules.MaxAnnualAmountCents);
        if (!errors.IsEmpty || cents is not { } amountCents)
        {
            return new SupporterChangeResult(SupporterChangeOutcome.Invalid, errors);
        }

        var records = await directory.FindAsync(supporterKey, cancellationToken).ConfigureAwait(false);
        if (records.Recipient is not { } recipient || records.Members.All(m => m.Id != memberId))
        {
            return new SupporterChangeResult(SupporterChangeOutcome.NotFound);
        }

        for (var attempt = 0; attempt < MaxSaveAttempts; attempt++)
        {
            var stored = await members.GetAsync(memberId, cancellationToken).ConfigureAwait(false);
            if (stored is null)
            {
                return new SupporterChangeResult(SupporterChangeOutcome.NotFound);
            }

            var member = stored.Member;
            if (!member.DuesRun)
            {
                return new SupporterChangeResult(SupporterChangeOutcome.NotChangeable);
            }

            var previous = member.AnnualAmountCents;
            if (member.ChangeAnnualAmount(amountCents)
                && !await members.TrySaveAsync(member, stored.Version, [], cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var changeId = ids.NewId(RecomputeDashboardTotals.AuditIdPrefix);
            await audit.RecordAsync(
                new AuditEntry(changeId, member.Id, AmountChangedAction, ChangeOwnMonthlyDonation.SupporterActorId, ChangeOwnMonthlyDonation.SupporterActorName,
                    time.GetUtcNow(), AuditFacts.Format((AuditFacts.AmountCents, amountCents), ("previousAmountCents", previous))),
                cancellationToken).ConfigureAwait(false);
            var message = Compose(recipient, records.Language, links.Page(records.Language), amountCents, member.NextDuesDate);
            var sent = await SelfServiceMail.TrySendAsync(mail, new MailLogKey(MailKind.MembershipAmountChanged, $"{member.Id}:{changeId}"), message, cancellationToken)
                .ConfigureAwait(false);
            return new SupporterChangeResult(SupporterChangeOutcome.Requested, MailSent: sent);
        }

        throw new InvalidOperationException("The membership kept changing while its amount was changed; please try again.");
    }

    /// <summary>The confirmation of the new annual amount, in the member's language.</summary>
    public static MailMessage Compose(MailRecipient to, MailLanguage language, Uri page, long amountCents, DateOnly? nextDues)
    {
        ArgumentNullException.ThrowIfNull(to);
        var en = language == MailLanguage.English;
        var from = nextDues is { } next
            ? (en ? $"from your next dues on {MemberMailComposer.Date(next, true)}" : $"ab Ihrem nächsten Beitrag am {MemberMailComposer.Date(next, false)}")
            : (en ? "from your next dues" : "ab Ihrem nächsten Beitrag");
        return new MailBodyBuilder(language)
            .Paragraph(en ? $"Dear {to.Name}," : $"Guten Tag {to.Name},")
            .Paragraph(en
                ? $"as you asked on \"Mein KOK\", your annual membership fee is {EuroTexts.English(amountCents)} {from}."
                : $"wie Sie es bei „Mein KOK“ gewünscht haben, beträgt Ihr Jahresbeitrag {from} {EuroTexts.German(amountCents)}.")
            .Paragraph(en ? "You can see your membership on \"Mein KOK\" (sign in with your e-mail address):" : "Ihre Mitgliedschaft sehen Sie bei „Mein KOK“ (Anmeldung mit Ihrer E-Mail-Adresse):", page)
            .ChangeMailClosing(en)
            .Build(to, en ? "Your annual fee was changed" : "Ihr Jahresbeitrag wurde geändert");
    }
}
