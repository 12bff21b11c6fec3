namespace Kok.Functions.Storage;

/// <summary>The app's tables; one place so adapters, tests and the dashboard recomputation agree.</summary>
public static class TableNames
{
    public const string Donations = "Donations";
    public const string DonationIndex = "DonationIndex";
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

    /// <summary>Every table above; <see cref="StorageLayout.App"/> creates them at start.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Donations, DonationIndex, IdempotencyKeys, ReceiptRegister, MailLog, Members, MemberIndex, MemberEndings,
        DuesAgenda, DashboardTotals, DashboardAudit, DashboardMemberList, DashboardDonationList,
    ];
}
