namespace Kok.Domain.Dashboard;

/// <summary>A receipt adds 1 to <c>receiptsIssued</c> in its year of issue (withdrawn ones too: the number was issued).</summary>
public static class ReceiptContribution
{
    public static string EntityId(string receiptNumber) => "receipt:" + receiptNumber;

    public static DashboardContribution Of(DateOnly issueDate) =>
        DashboardContribution.None.With(DashboardScope.Year(issueDate.Year), DashboardCounter.ReceiptsIssued, 1);
}
