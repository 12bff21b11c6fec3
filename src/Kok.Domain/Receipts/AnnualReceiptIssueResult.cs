namespace Kok.Domain.Receipts;

/// <summary>
/// What a batch issue did with one request: the donor's Sammelbestätigung for the year (new, or the one issued
/// before), or the payments that already have another receipt (then nothing was written for it).
/// </summary>
public sealed class AnnualReceiptIssueResult
{
    private AnnualReceiptIssueResult(AnnualReceiptIssueRequest request, IssuedReceipt? receipt, IReadOnlyList<ReceiptPaymentKey> alreadyConfirmed)
    {
        Request = request;
        Receipt = receipt;
        AlreadyConfirmed = alreadyConfirmed;
    }

    public AnnualReceiptIssueRequest Request { get; }

    /// <summary>Null when <see cref="AlreadyConfirmed"/> names payments.</summary>
    public IssuedReceipt? Receipt { get; }

    public IReadOnlyList<ReceiptPaymentKey> AlreadyConfirmed { get; }

    public static AnnualReceiptIssueResult Issued(AnnualReceiptIssueRequest request, IssuedReceipt receipt) =>
        new(request, receipt ?? throw new ArgumentNullException(nameof(receipt)), []);

    public static AnnualReceiptIssueResult Refused(AnnualReceiptIssueRequest request, IReadOnlyList<ReceiptPaymentKey> alreadyConfirmed) =>
        new(request, null, alreadyConfirmed is { Count: > 0 } ? alreadyConfirmed : throw new ArgumentException("Name the payments.", nameof(alreadyConfirmed)));
}
