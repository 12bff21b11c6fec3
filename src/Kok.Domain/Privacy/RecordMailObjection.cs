using Kok.Domain.Common;
using Kok.Domain.Dashboard;

namespace Kok.Domain.Privacy;

/// <summary>
/// Puts an address on the objection list (Widerspruch gegen E-Mails, Art. 21 DSGVO), from then on respected by every
/// optional mail (<see cref="MailObligations"/>). By the supporter through the mail's link (the key alone; repeating
/// it changes nothing), or by staff for an address they were given (audited, without the address). Receipts,
/// pre-notifications and other required mails still go out: the law or the supporter's own contract asks for them.
/// </summary>
public sealed class RecordMailObjection(
    IMailObjectionKeys keys,
    IMailObjectionList list,
    IAuditTrail audit,
    IIdGenerator ids,
    TimeProvider time)
{
    public const string AuditAction = "mail.objection";

    /// <summary>Null when <paramref name="key"/> is not a key of the list's shape; nothing is written then.</summary>
    public async Task<MailObjectionOutcome?> ByLinkAsync(string? key, CancellationToken cancellationToken)
    {
        if (MailObjectionKey.TryParse(key) is not { } parsed)
        {
            return null;
        }

        return await list.AddAsync(parsed, MailObjectionSource.Supporter, time.GetUtcNow(), cancellationToken).ConfigureAwait(false)
            ? MailObjectionOutcome.Recorded
            : MailObjectionOutcome.AlreadyRecorded;
    }

    /// <summary>The errors of the request (nothing written), or the outcome.</summary>
    public async Task<(ValidationErrors? Errors, MailObjectionOutcome Outcome)> ByStaffAsync(
        string? email,
        IReadOnlyCollection<string> wrongTypeFields,
        string staffId,
        string staffName,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(wrongTypeFields);
        var errors = new ValidationErrors();
        FieldRules.WrongType(errors, wrongTypeFields);
        var address = FieldRules.Email(errors, "email", email);
        if (!errors.IsEmpty || address is null)
        {
            return (errors, default);
        }

        var now = time.GetUtcNow();
        var added = await list.AddAsync(keys.KeyOf(address), MailObjectionSource.Staff, now, cancellationToken).ConfigureAwait(false);
        var outcome = added ? MailObjectionOutcome.Recorded : MailObjectionOutcome.AlreadyRecorded;
        await audit.RecordAsync(
            new AuditEntry(ids.NewId(RecomputeDashboardTotals.AuditIdPrefix), AuditEntry.Global, AuditAction, staffId, staffName, now,
                AuditFacts.Format(("outcome", added ? "recorded" : "already_recorded"))),
            cancellationToken).ConfigureAwait(false);
        return (null, outcome);
    }
}
