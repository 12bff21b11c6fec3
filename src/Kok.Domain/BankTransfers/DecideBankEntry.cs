using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Domain.Donations;
using Kok.Domain.Dues;
using Kok.Domain.Payments;

namespace Kok.Domain.BankTransfers;

/// <summary>
/// Staff decide about a statement entry the import left unmatched
/// (<c>POST /api/dashboard/bank/unmatched/{identity}/decision</c>):
/// <list type="bullet">
/// <item><c>assign</c> it to a bank-transfer donation still waiting for its money, which then becomes paid through the
/// same path as a statement match (<see cref="HandlePaymentEvent"/>: receipt mail from the receipt-mail queue);</item>
/// <item><c>assign_dues</c>: it pays a member's dues (<c>memberId</c>) through <see cref="PayDuesByTransfer"/>, the
/// path of a statement match by the member's code; staff decided, so a smaller amount pays the period too, a larger
/// one leaves its extra as a donation of the member;</item>
/// <item><c>new_donation</c>: a one-time donation from the payer (the statement's name, or <c>name</c>), paid by this
/// transfer. The statement gives no e-mail and no address, so the donation has neither: no mail is sent and no receipt
/// is issued until staff add an address (<see cref="NoEmail"/>);</item>
/// <item><c>not_a_donation</c> (a grant, a refund, anything else): excluded.</item>
/// </list>
/// Either way the entry leaves the unmatched list. Bad input is answered before anything is written.
/// <para>
/// Exactly once: the decision is first written onto the entry's record, on condition that the record is still
/// unmatched (<see cref="IBankEntryLog.TryDecideAsync"/>), so of two decisions only one wins and the second is a
/// conflict. The payment follows (its event id is the entry's identity, so it pays once; a new donation's id is
/// derived from the identity), then the entry leaves the list and the audit trail records the decision. A decision
/// that died after its record was written is still in the list; sending the same decision again finishes it, any
/// other one is a conflict.
/// </para>
/// Cost: one or two reads of the log, one donation or member read (to check), one conditional write, the payment,
/// one delete, one audit insert.
/// </summary>
public sealed class DecideBankEntry(
    IBankEntryLog log,
    IDonationRepository donations,
    HandlePaymentEvent payments,
    IAuditTrail audit,
    IIdGenerator ids,
    TimeProvider time,
    PayDuesByTransfer? dues = null)
{
    public const string AuditAction = "bank.decision";
    public const string DecisionField = "decision";
    public const string DonationIdField = "donationId";
    public const string MemberIdField = "memberId";
    public const string NameField = "name";
    public const string Assign = "assign";
    public const string AssignDues = "assign_dues";
    public const string NewDonation = "new_donation";
    public const string NotADonation = "not_a_donation";

    /// <summary>
    /// The e-mail address of a donation staff created from a statement entry: the statement names none. An address
    /// under the reserved <c>.invalid</c> domain (RFC 2606), one per donation, keeps every index keyed by e-mail
    /// working without joining such donors; the mail dispatcher never sends to it.
    /// </summary>
    public static string NoEmail(string donationId) => $"{donationId}@keine-adresse.invalid";

    /// <summary>The id of the donation <c>new_donation</c> makes of the entry <paramref name="identity"/>: the same on every retry.</summary>
    public static string NewDonationId(string identity) => RandomIdGenerator.Derive(Donation.IdPrefix, "bank-entry", identity);

    public async Task<BankEntryDecisionResult> ExecuteAsync(
        string identity, BankEntryDecisionForm form, string staffId, string staffName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        var (decision, errors) = Validate(form);
        if (!errors.IsEmpty)
        {
            return Invalid(identity, errors);
        }

        if (!BankStatementEntry.IsWellFormedIdentity(identity))
        {
            return new BankEntryDecisionResult(StaffActionOutcome.NotFound, identity);
        }

        if (await log.GetUnmatchedAsync(identity, cancellationToken).ConfigureAwait(false) is not { } entry)
        {
            return await DecidedBeforeAsync(identity, cancellationToken).ConfigureAwait(false);
        }

        var (donationId, memberId, name) = await CheckAsync(decision, form, entry, errors, cancellationToken).ConfigureAwait(false);
        if (!errors.IsEmpty)
        {
            return Invalid(identity, errors);
        }

        var record = new BankEntryRecord(identity, decision, donationId, entry.AmountCents, entry.BookingDate, entry.ImportedAt, memberId);
        if (!await log.TryDecideAsync(record, cancellationToken).ConfigureAwait(false))
        {
            return await DecidedBeforeAsync(identity, cancellationToken).ConfigureAwait(false);
        }

        var conflict = decision switch
        {
            BankEntryOutcome.Assigned when !await PayAsync(entry, donationId!, cancellationToken).ConfigureAwait(false) =>
                (DonationIdField, "Diese Spende ist inzwischen bezahlt / this donation has been paid in the meantime."),
            BankEntryOutcome.AssignedToDues when !await PayDuesAsync(entry, memberId!, cancellationToken).ConfigureAwait(false) =>
                (MemberIdField, "Für dieses Mitglied ist inzwischen kein Beitrag mehr offen / this member no longer owes dues."),
            _ => default((string Field, string Message)?),
        };
        if (conflict is { } why)
        {
            // Paid otherwise in the meantime (a statement, another staff member): the entry stays for staff to decide.
            await log.RecordAsync(record with { Outcome = BankEntryOutcome.Unmatched, DonationId = entry.DonationId, MemberId = entry.MemberId }, cancellationToken)
                .ConfigureAwait(false);
            errors.Add(why.Field, why.Message);
            return new BankEntryDecisionResult(StaffActionOutcome.Conflict, identity, Errors: errors.ToDictionary());
        }

        if (decision == BankEntryOutcome.NewDonation)
        {
            await CreatePaidDonationAsync(entry, donationId!, name!, cancellationToken).ConfigureAwait(false);
        }

        await log.RemoveUnmatchedAsync(identity, cancellationToken).ConfigureAwait(false);
        await audit.RecordAsync(
            new AuditEntry(ids.NewId(RecomputeDashboardTotals.AuditIdPrefix), memberId ?? donationId ?? AuditEntry.Global, AuditAction, staffId, staffName, time.GetUtcNow(),
                AuditFacts.Format((AuditFacts.Outcome, StoredName(decision)), (AuditFacts.AmountCents, entry.AmountCents), (AuditFacts.PaidOn, entry.BookingDate))),
            cancellationToken).ConfigureAwait(false);
        return new BankEntryDecisionResult(StaffActionOutcome.Done, identity, decision, donationId) { MemberId = memberId };
    }

    /// <summary>The decision's name in answers and the audit trail: <c>assigned</c>, <c>assigned_dues</c>, <c>new_donation</c>, <c>excluded</c>.</summary>
    public static string StoredName(BankEntryOutcome decision) => decision switch
    {
        BankEntryOutcome.Assigned => "assigned",
        BankEntryOutcome.AssignedToDues => "assigned_dues",
        BankEntryOutcome.NewDonation => "new_donation",
        _ => "excluded",
    };

    private static (BankEntryOutcome Decision, ValidationErrors Errors) Validate(BankEntryDecisionForm form)
    {
        var errors = new ValidationErrors();
        var decision = form.Decision switch
        {
            Assign => BankEntryOutcome.Assigned,
            AssignDues => BankEntryOutcome.AssignedToDues,
            NewDonation => BankEntryOutcome.NewDonation,
            NotADonation => BankEntryOutcome.Excluded,
            _ => BankEntryOutcome.Unmatched,
        };
        switch (decision)
        {
            case BankEntryOutcome.Unmatched:
                errors.Add(DecisionField,
                    $"Erwartet wird '{Assign}', '{AssignDues}', '{NewDonation}' oder '{NotADonation}' / expected '{Assign}', '{AssignDues}', '{NewDonation}' or '{NotADonation}'.");
                break;
            case BankEntryOutcome.Assigned when !Donation.IsWellFormedId(form.DonationId):
                errors.Add(DonationIdField, "Die Nummer einer Spende fehlt oder ist keine / a donation id is missing or malformed.");
                break;
            case BankEntryOutcome.AssignedToDues when !Membership.Member.IsWellFormedId(form.MemberId):
                errors.Add(MemberIdField, "Die Nummer eines Mitglieds fehlt oder ist keine / a member id is missing or malformed.");
                break;
            case BankEntryOutcome.NewDonation when form.Name is not null:
                FieldRules.PersonName(errors, NameField, form.Name);
                break;
        }

        return (decision, errors);
    }

    /// <summary>What the decision needs, checked against the stored donation or member before anything is written.</summary>
    private async Task<(string? DonationId, string? MemberId, string? Name)> CheckAsync(
        BankEntryOutcome decision, BankEntryDecisionForm form, UnmatchedBankEntry entry, ValidationErrors errors, CancellationToken cancellationToken)
    {
        switch (decision)
        {
            case BankEntryOutcome.Assigned:
                var donation = (await donations.GetAsync(form.DonationId!, cancellationToken).ConfigureAwait(false))?.Donation;
                if (donation is not { IsAwaitingTransfer: true })
                {
                    errors.Add(DonationIdField, donation is null
                        ? "Keine solche Spende / no such donation."
                        : "Diese Spende wartet nicht auf eine Überweisung / this donation is not a bank transfer waiting for its money.");
                }

                return (donation?.Id, null, null);
            case BankEntryOutcome.AssignedToDues:
                var owed = dues is null ? null : await dues.PreviewAsync(form.MemberId!, DuesPayment(entry), cancellationToken).ConfigureAwait(false);
                if (owed is null or DuesTransferOutcome.NothingOwed)
                {
                    errors.Add(MemberIdField, owed is null
                        ? "Kein solches Mitglied / no such member."
                        : "Für dieses Mitglied ist gerade kein Beitrag offen / this member owes no dues right now.");
                }

                return (null, form.MemberId, null);
            case BankEntryOutcome.NewDonation:
                var name = (form.Name ?? entry.PayerName)?.Trim();
                if (string.IsNullOrEmpty(name))
                {
                    errors.Add(NameField, "Der Kontoauszug nennt keinen Namen; bitte angeben / the statement names no payer; please give a name.");
                }

                return (NewDonationId(entry.Identity), null, name is { Length: > FieldRules.MaxNameLength } ? name[..FieldRules.MaxNameLength] : name);
            default:
                return (null, null, null);
        }
    }

    private async Task<bool> PayAsync(UnmatchedBankEntry entry, string donationId, CancellationToken cancellationToken)
    {
        var handled = await payments.ExecuteAsync(Assigned(entry), donationId, cancellationToken).ConfigureAwait(false);
        return handled.Disposition is PaymentEventDisposition.Processed or PaymentEventDisposition.Duplicate;
    }

    private async Task<bool> PayDuesAsync(UnmatchedBankEntry entry, string memberId, CancellationToken cancellationToken)
    {
        var result = await dues!.ExecuteAsync(memberId, DuesPayment(entry), cancellationToken).ConfigureAwait(false);
        return result?.Outcome is DuesTransferOutcome.Settled or DuesTransferOutcome.Duplicate;
    }

    /// <summary>
    /// The payer's donation, paid by this entry when it is stored: no checkout and no mail (no address to send to);
    /// a retry finds it stored under its derived id.
    /// </summary>
    private async Task CreatePaidDonationAsync(UnmatchedBankEntry entry, string donationId, string name, CancellationToken cancellationToken)
    {
        if (await donations.GetAsync(donationId, cancellationToken).ConfigureAwait(false) is not null)
        {
            return;
        }

        var request = new DonationRequest(
            entry.AmountCents, DonationInterval.Once, PaymentMethodKind.BankTransfer, new ContactDetails(name, NoEmail(donationId), null), WantsReceipt: false, "de");
        var donation = Donation.Create(donationId, request, time.GetUtcNow());
        donation.Apply(Assigned(entry));
        await donations.TryAddAsync(donation, cancellationToken).ConfigureAwait(false);
    }

    private static BankTransferAssigned Assigned(UnmatchedBankEntry entry) => new(
        "bank:" + entry.Identity, BookedAt(entry), new Dictionary<string, string>(), entry.AmountCents);

    private static DuesTransferPayment DuesPayment(UnmatchedBankEntry entry) =>
        new("bank:" + entry.Identity, entry.AmountCents, entry.BookingDate, $"Kontoauszug {entry.BookingDate:yyyy-MM-dd}", DecidedByStaff: true);

    private static DateTimeOffset BookedAt(UnmatchedBankEntry entry) =>
        new(entry.BookingDate.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    private static BankEntryDecisionResult Invalid(string identity, ValidationErrors errors) =>
        new(StaffActionOutcome.Invalid, identity, Errors: errors.ToDictionary());

    private async Task<BankEntryDecisionResult> DecidedBeforeAsync(string identity, CancellationToken cancellationToken)
    {
        var known = await log.GetAsync(identity, cancellationToken).ConfigureAwait(false);
        return known?.Outcome is BankEntryOutcome.Assigned or BankEntryOutcome.Excluded or BankEntryOutcome.AssignedToDues or BankEntryOutcome.NewDonation
            ? new BankEntryDecisionResult(StaffActionOutcome.Conflict, identity, known.Outcome, known.DonationId) { MemberId = known.MemberId }
            : new BankEntryDecisionResult(StaffActionOutcome.NotFound, identity);
    }
}
