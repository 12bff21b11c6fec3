namespace Kok.Domain.Receipts;

/// <summary>Why a monthly donor's payments get no Sammelbestätigung; staff see these donors in the preview.</summary>
public enum AnnualReceiptLeftOutReason
{
    /// <summary>The donor gave no postal address, which a Zuwendungsbestätigung must state.</summary>
    NoAddress,

    /// <summary>The donor did not ask for a Zuwendungsbestätigung.</summary>
    NoReceiptWanted,
}
