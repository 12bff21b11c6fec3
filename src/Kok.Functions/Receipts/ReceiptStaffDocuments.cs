using Kok.Domain.Receipts;
using Kok.Functions.Staff;

namespace Kok.Functions.Receipts;

/// <summary>What staff do with one receipt by its number: download it as on record, make a Zweitschrift, correct it.</summary>
public sealed class ReceiptStaffDocuments(IReceiptRegister register, ReceiptFiles files, CopyReceipt copy, CorrectReceipt correct)
{
    /// <summary>The archived file (the copy marked "storniert" once withdrawn), or null for an unknown number.</summary>
    public async Task<RenderedReceipt?> CurrentAsync(string number, CancellationToken cancellationToken) =>
        ReceiptNumber.IsValid(number) && await register.GetAsync(number, cancellationToken) is { } receipt
            ? new RenderedReceipt(receipt.Document, await files.CurrentAsync(receipt, cancellationToken))
            : null;

    public Task<RenderedReceipt?> CopyAsync(string number, StaffIdentity staff, CancellationToken cancellationToken) =>
        copy.ExecuteAsync(number, staff.Id, staff.Name, cancellationToken);

    public Task<ReceiptCorrectionResult> CorrectAsync(string number, string reason, StaffIdentity staff, CancellationToken cancellationToken) =>
        correct.ExecuteAsync(number, reason, staff.Id, staff.Name, cancellationToken);
}
