using Kok.Domain.Receipts;
using Kok.Functions.Storage;

namespace Kok.Functions.Receipts;

/// <summary>The receipts API's answers as the dashboard page reads them (camelCase, enums by name, amounts in cents).</summary>
internal static class ReceiptDashboardJson
{
    public static object Preview(AnnualReceiptPreview preview) => new
    {
        preview.Year,
        preview.Donors,
        preview.Payments,
        preview.TotalCents,
        preview.AlreadyIssued,
        Sample = $"/api/dashboard/receipts/annual/{preview.Year}/preview/sample",
        LeftOut = preview.LeftOut.Select(d => new
        {
            d.DonationId,
            d.Name,
            d.Email,
            Reason = StoredNames.Name(d.Reason),
            d.Payments,
            d.TotalCents,
        }),
        Blocker = Blocker(preview.Blocker),
    };

    public static object Progress(AnnualReceiptProgress progress) => new
    {
        progress.Year,
        Started = progress.Run is { } run ? new { run.StartedAt, run.StartedBy, run.Donors, run.Payments, run.TotalCents } : null,
        progress.Done,
        progress.ToDo,
        progress.Failed,
        Blocker = Blocker(progress.Blocker),
    };

    public static object List(int year, IReadOnlyList<IssuedReceipt> receipts) => new
    {
        Year = year,
        Receipts = receipts.Select(r => new
        {
            r.Number,
            Form = StoredNames.Name(r.Document.Form),
            r.Document.DonorName,
            r.Document.AmountCents,
            r.Document.IssueDate,
            PeriodYear = r.Document.Period.Year,
            r.Document.WithdrawnOn,
            WithdrawalReason = r.Document.Withdrawal?.Reason,
            r.Document.Replaces,
            r.Document.ReplacedBy,
            Pdf = $"/api/dashboard/receipts/{r.Number}/pdf",
            Copy = $"/api/dashboard/receipts/{r.Number}/copy",
        }),
    };

    public static object? Blocker(ReceiptIssueBlocker? blocker) => blocker is null
        ? null
        : new { Reason = StoredNames.Name(blocker.Reason), blocker.Settings, blocker.German, blocker.English };
}
