using Kok.Domain.Dashboard;

namespace Kok.Domain.Receipts;

/// <summary>
/// Staff correct a receipt (<c>POST /api/dashboard/receipts/{number}/correct</c>): it is withdrawn (storniert) for the
/// stated reason and reissued under a new number that references it (<see cref="ReceiptCorrector"/>); the supporter
/// gets the new receipt by mail. Recorded in the audit trail with both numbers.
/// </summary>
public sealed class CorrectReceipt(IReceiptRegister register, ReceiptCorrector corrector, StaffActionRecorder audit, TimeProvider time)
{
    public const string AuditAction = "receipts.correct";

    /// <summary>The reissued receipt, or null for an unknown number.</summary>
    /// <exception cref="ArgumentException">The reason is missing or longer than <see cref="ReceiptWithdrawal.MaxReasonLength"/>.</exception>
    public async Task<ReceiptCorrectionResult> ExecuteAsync(string number, string reason, string staffId, string staffName, CancellationToken cancellationToken)
    {
        var withdrawal = new ReceiptWithdrawal(GermanTime.Today(time), reason);
        if (!ReceiptNumber.IsValid(number) || await register.GetAsync(number, cancellationToken).ConfigureAwait(false) is not { } receipt)
        {
            return new ReceiptCorrectionResult(ReceiptCorrectionOutcome.NoReceipt);
        }

        var result = receipt.Document.Form == ReceiptForm.Sammelbestaetigung
            ? await corrector.CorrectAnnualAsync(receipt, withdrawal, [], cancellationToken).ConfigureAwait(false)
            : await corrector.ReissueSingleAsync(receipt, withdrawal, cancellationToken).ConfigureAwait(false);
        if (result.Outcome != ReceiptCorrectionOutcome.AlreadyWithdrawn)
        {
            var facts = AuditFacts.Format((AuditFacts.Receipt, number), (AuditFacts.Replacement, result.Replacement ?? "-"), (AuditFacts.Outcome, result.Outcome));
            await audit.RecordAsync(AuditAction, staffId, staffName, facts, cancellationToken).ConfigureAwait(false);
        }

        return result;
    }
}
