using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Domain.Donations;
using Kok.Domain.Payments;

namespace Kok.Domain.BankTransfers;

/// <summary>
/// Staff decide about a statement entry the import left unmatched
/// (<c>POST /api/dashboard/bank/unmatched/{identity}/decision</c>): <c>assign</c> it to a bank-transfer donation still
/// waiting for its money, which then becomes paid through the same path as a statement match
/// (<see cref="HandlePaymentEvent"/>: receipt mail from the receipt-mail queue), or <c>not_a_donation</c> (a grant, a
/// refund, anything else: excluded). Either way the entry leaves the unmatched list.
/// <para>
/// Exactly once: the decision is first written onto the entry's record, on condition that the record is still
/// unmatched (<see cref="IBankEntryLog.TryDecideAsync"/>), so of two decisions only one wins and the second is a
/// conflict. The payment follows (its event id is the entry's identity, so it pays once), then the entry leaves the
/// list and the audit trail records the decision. A decision that died after its record was written is still in the
/// list; sending the same decision again finishes it, any other one is a conflict.
/// </para>
/// Cost: one or two reads of the log, one donation read (to assign), one conditional write, the payment (one read,
/// one write, one queue message), one delete, one audit insert.
/// </summary>
public sealed class DecideBankEntry(
    IBankEntryLog log,
    IDonationRepository donations,
    HandlePaymentEvent payments,
    IAuditTrail audit,
    IIdGenerator ids,
    TimeProvider time)
{
    public const string AuditAction = "bank.decision";
    public const string DecisionField = "decision";
    public const string DonationIdField = "donationId";
    public const string Assign = "assign";
    public const string NotADonation = "not_a_donation";

    public async Task<BankEntryDecisionResult> ExecuteAsync(
        string identity, BankEntryDecisionForm form, string staffId, string staffName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (decision, errors) = Validate(form);
        if (!errors.IsEmpty)
        {
            return new BankEntryDecisionResult(StaffActionOutcome.Invalid, identity, Errors: errors.ToDictionary());
        }

        if (!BankStatementEntry.IsWellFormedIdentity(identity))
        {
            return new BankEntryDecisionResult(StaffActionOutcome.NotFound, identity);
        }

        if (await log.GetUnmatchedAsync(identity, cancellationToken).ConfigureAwait(false) is not { } entry)
        {
            return await DecidedBeforeAsync(identity, cancellationToken).ConfigureAwait(false);
        }

        Donation? donation = null;
        if (decision == BankEntryOutcome.Assigned)
        {
            donation = (await donations.GetAsync(form.DonationId!, cancellationToken).ConfigureAwait(false))?.Donation;
            if (donation is not { IsAwaitingTransfer: true })
            {
                errors.Add(DonationIdField, donation is null
                    ? "Keine solche Spende / no such donation."
                    : "Diese Spende wartet nicht auf eine Überweisung / this donation is not a bank transfer waiting for its money.");
                return new BankEntryDecisionResult(StaffActionOutcome.Invalid, identity, Errors: errors.ToDictionary());
            }
        }

        var record = new BankEntryRecord(identity, decision, donation?.Id, entry.AmountCents, entry.BookingDate, entry.ImportedAt);
        if (!await log.TryDecideAsync(record, cancellationToken).ConfigureAwait(false))
        {
            return await DecidedBeforeAsync(identity, cancellationToken).ConfigureAwait(false);
        }

        if (donation is not null && !await PayAsync(entry, donation.Id, cancellationToken).ConfigureAwait(false))
        {
            // Paid otherwise in the meantime (a statement, another staff member): the entry stays for staff to decide.
            await log.RecordAsync(record with { Outcome = BankEntryOutcome.Unmatched, DonationId = entry.DonationId }, cancellationToken).ConfigureAwait(false);
            errors.Add(DonationIdField, "Diese Spende ist inzwischen bezahlt / this donation has been paid in the meantime.");
            return new BankEntryDecisionResult(StaffActionOutcome.Conflict, identity, Errors: errors.ToDictionary());
        }

        await log.RemoveUnmatchedAsync(identity, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(
            new AuditEntry(ids.NewId(RecomputeDashboardTotals.AuditIdPrefix), donation?.Id ?? AuditEntry.Global, AuditAction, staffId, staffName, time.GetUtcNow(),
                AuditFacts.Format((AuditFacts.Outcome, StoredName(decision)), (AuditFacts.AmountCents, entry.AmountCents), (AuditFacts.PaidOn, entry.BookingDate))),
            cancellationToken).ConfigureAwait(false);
        return new BankEntryDecisionResult(StaffActionOutcome.Done, identity, decision, donation?.Id);
    }

    /// <summary>The decision's name in answers and the audit trail: <c>assigned</c>, <c>excluded</c>.</summary>
    public static string StoredName(BankEntryOutcome decision) => decision == BankEntryOutcome.Assigned ? "assigned" : "excluded";

    private static (BankEntryOutcome Decision, ValidationErrors Errors) Validate(BankEntryDecisionForm form)
    {
        var errors = new ValidationErrors();
        var decision = form.Decision switch
        {
            Assign => BankEntryOutcome.Assigned,
            NotADonation => BankEntryOutcome.Excluded,
            _ => BankEntryOutcome.Unmatched,
        };
        if (decision == BankEntryOutcome.Unmatched)
        {
            errors.Add(DecisionField, $"Erwartet wird '{Assign}' oder '{NotADonation}' / expected '{Assign}' or '{NotADonation}'.");
        }
        else if (decision == BankEntryOutcome.Assigned && !Donation.IsWellFormedId(form.DonationId))
        {
            errors.Add(DonationIdField, "Die Nummer einer Spende fehlt oder ist keine / a donation id is missing or malformed.");
        }

        return (decision, errors);
    }

    private async Task<bool> PayAsync(UnmatchedBankEntry entry, string donationId, CancellationToken cancellationToken)
    {
        var assigned = new BankTransferAssigned(
            "bank:" + entry.Identity,
            new DateTimeOffset(entry.BookingDate.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero),
            new Dictionary<string, string>(),
            entry.AmountCents);
        var handled = await payments.ExecuteAsync(assigned, donationId, cancellationToken).ConfigureAwait(false);
        return handled.Disposition is PaymentEventDisposition.Processed or PaymentEventDisposition.Duplicate;
    }

    private async Task<BankEntryDecisionResult> DecidedBeforeAsync(string identity, CancellationToken cancellationToken)
    {
        var known = await log.GetAsync(identity, cancellationToken).ConfigureAwait(false);
        return known?.Outcome is BankEntryOutcome.Assigned or BankEntryOutcome.Excluded
            ? new BankEntryDecisionResult(StaffActionOutcome.Conflict, identity, known.Outcome, known.DonationId)
            : new BankEntryDecisionResult(StaffActionOutcome.NotFound, identity);
    }
}
