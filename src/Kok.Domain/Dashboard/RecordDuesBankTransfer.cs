using Kok.Domain.Common;
using Kok.Domain.Dues;
using Kok.Domain.Membership;
using Kok.Domain.Receipts;

namespace Kok.Domain.Dashboard;

/// <summary>
/// Staff record dues that arrived by bank transfer (<c>POST /api/dashboard/members/{id}/payments</c>) through
/// <see cref="Member.RecordBankTransfer"/>. As in every use case that settles dues, the messages the raised events
/// call for (the receipt mail with the Zuwendungsbestätigung) are enqueued before the conditional save, and the
/// payment id is derived from member and period, so neither a crash nor a double submit pays twice or mails twice.
/// The action is recorded in the audit trail after the save (ids and amounts only).
/// Cost: one read, one queue message, one conditional write, one audit insert.
/// </summary>
public sealed class RecordDuesBankTransfer(
    IMemberRepository members,
    IReceiptMailQueue receiptMails,
    IMemberMailQueue memberMails,
    IAuditTrail audit,
    IIdGenerator ids,
    TimeProvider time)
{
    public const string AuditAction = "member.bank_transfer";
    public const int MaxSaveAttempts = 5;

    public async Task<BankTransferRecordResult> ExecuteAsync(
        string memberId, BankTransferForm form, string staffId, string staffName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(form);
        if (!Member.IsWellFormedId(memberId))
        {
            return new BankTransferRecordResult(StaffActionOutcome.NotFound, memberId);
        }

        var now = time.GetUtcNow();
        var validated = BankTransferFormValidator.Validate(form, AssociationCalendar.Date(now));
        if (!validated.IsValid)
        {
            return new BankTransferRecordResult(StaffActionOutcome.Invalid, memberId, Errors: validated.Errors, ErrorCodes: validated.Codes);
        }

        var transfer = validated.Value!;
        var enqueued = new HashSet<MemberEvent>();
        for (var attempt = 0; attempt < MaxSaveAttempts; attempt++)
        {
            var stored = await members.GetAsync(memberId, cancellationToken).ConfigureAwait(false);
            if (stored?.Member is not { } member)
            {
                return new BankTransferRecordResult(StaffActionOutcome.NotFound, memberId);
            }

            var result = member.RecordBankTransfer(transfer, now);
            switch (result.Outcome)
            {
                case BankTransferOutcome.AmountTooLow:
                    var errors = new ValidationErrors();
                    errors.Add(
                        BankTransferFormValidator.AmountField,
                        $"Mindestens der Beitrag des Zeitraums ({MemberMailComposer.Amount(result.DuesCents, english: false)}) / "
                            + $"at least the period's dues ({MemberMailComposer.Amount(result.DuesCents, english: true)}).",
                        new ValidationCode(StaffErrorCodes.BelowDues, "minimumCents", result.DuesCents));
                    return new BankTransferRecordResult(StaffActionOutcome.Invalid, memberId, Errors: errors.ToDictionary(), ErrorCodes: errors.Codes());
                case not BankTransferOutcome.Recorded:
                    return new BankTransferRecordResult(
                        StaffActionOutcome.Conflict, memberId, result.PaymentId, result.Period?.Start, member.Status, Reason: result.Outcome);
            }

            foreach (var raised in result.RaisedEvents.Where(enqueued.Add))
            {
                await MemberEventMessages.EnqueueAsync(raised, receiptMails, memberMails, cancellationToken).ConfigureAwait(false);
            }

            if (!await members.TrySaveAsync(member, stored.Version, [], cancellationToken).ConfigureAwait(false))
            {
                continue;
            }

            var period = result.Period!.Value;
            await audit.RecordAsync(
                new AuditEntry(
                    ids.NewId(RecomputeDashboardTotals.AuditIdPrefix),
                    member.Id,
                    AuditAction,
                    staffId,
                    staffName,
                    now,
                    AuditFacts.Format(
                        (AuditFacts.PaymentId, result.PaymentId),
                        (AuditFacts.Period, period.Start),
                        (AuditFacts.AmountCents, transfer.AmountCents),
                        (AuditFacts.PaidOn, transfer.PaidOn))),
                cancellationToken).ConfigureAwait(false);
            return new BankTransferRecordResult(StaffActionOutcome.Done, member.Id, result.PaymentId, period.Start, member.Status);
        }

        throw new InvalidOperationException("The membership kept changing while the bank transfer was recorded; please try again.");
    }
}
