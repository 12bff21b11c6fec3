namespace Kok.Functions.Storage;

/// <summary>The app's tables; one place so adapters, tests and the dashboard recomputation agree.</summary>
public static class TableNames
{
    public const string Donations = "Donations";
    /// <summary>Provider references (payment intents, subscriptions) of donations and members: one index for both.</summary>
    public const string PaymentReferences = "PaymentReferences";
    public const string IdempotencyKeys = "IdempotencyKeys";
    public const string ReceiptRegister = "ReceiptRegister";
    public const string MailLog = "MailLog";
    public const string Members = "Members";
    public const string MemberIndex = "MemberIndex";
    public const string MemberEndings = "MemberEndings";
    public const string DuesAgenda = "DuesAgenda";
    public const string DashboardTotals = "DashboardTotals";
    public const string DashboardAudit = "DashboardAudit";
    public const string DashboardMemberList = "DashboardMemberList";
    public const string DashboardDonationList = "DashboardDonationList";

    /// <summary>The staff's "Needs attention" list: money that came back, failed monthly payments (partitions open, done).</summary>
    public const string DashboardAttention = "DashboardAttention";

    /// <summary>Paid payments of monthly donations by payment year, for the annual receipts, and the annual runs' records.</summary>
    public const string AnnualReceiptIndex = "AnnualReceiptIndex";

    /// <summary>Imported bank-statement entries by identity, what makes a statement import exactly once (no personal data).</summary>
    public const string BankEntries = "BankEntries";

    /// <summary>Transfer donations still waiting for their money, by the day they were made (the reminder run's agenda; ids only).</summary>
    public const string TransferReminders = "TransferReminders";

    /// <summary>Supporters' own requests on "Mein KOK" to erase their data: open ones (address, message), and of closed ones a trace without personal data.</summary>
    public const string ErasureRequests = "ErasureRequests";

    /// <summary>Every table above; <see cref="StorageLayout.App"/> creates them at start.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Donations, PaymentReferences, IdempotencyKeys, ReceiptRegister, MailLog, Members, MemberIndex, MemberEndings,
        DuesAgenda, DashboardTotals, DashboardAudit, DashboardMemberList, DashboardDonationList, DashboardAttention, AnnualReceiptIndex,
        BankEntries, TransferReminders, ErasureRequests,
    ];
}
