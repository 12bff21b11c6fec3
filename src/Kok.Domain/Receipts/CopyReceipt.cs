using Kok.Domain.Dashboard;

namespace Kok.Domain.Receipts;

/// <summary>
/// Staff make a Zweitschrift (copy) of a receipt: the frozen original reproduced (same number, date, data, issuer and
/// signatory as on the day of issue, never today's settings), marked "Zweitschrift" on every page. Every copy made is
/// recorded in the audit trail, since it is a document the tax office may see.
/// </summary>
public sealed class CopyReceipt(IReceiptRegister register, ReceiptFiles files, StaffActionRecorder audit)
{
    public const string AuditAction = "receipts.copy";

    /// <summary>The copy and the receipt it reproduces, or null for an unknown number.</summary>
    public async Task<RenderedReceipt?> ExecuteAsync(string number, string staffId, string staffName, CancellationToken cancellationToken)
    {
        if (!ReceiptNumber.IsValid(number) || await register.GetAsync(number, cancellationToken).ConfigureAwait(false) is not { } receipt)
        {
            return null;
        }

        var copy = files.Zweitschrift(receipt);
        await audit.RecordAsync(AuditAction, staffId, staffName, AuditFacts.Format((AuditFacts.Receipt, number)), cancellationToken).ConfigureAwait(false);
        return new RenderedReceipt(receipt.Document, copy);
    }
}
