namespace Kok.Domain.Receipts;

/// <summary>Why no receipt may be issued on a given day.</summary>
public enum ReceiptBlockReason
{
    /// <summary>Organisation settings still hold placeholders or are empty.</summary>
    SettingsMissing,

    /// <summary>The exemption notice is older than § 63 Abs. 5 AO allows on the receipt date.</summary>
    ExemptionNoticeTooOld,

    /// <summary>The configured notice is dated after the receipt date: a typing error, a receipt cannot cite it.</summary>
    ExemptionNoticeAfterReceiptDate,
}
