namespace Kok.Domain.Receipts;

/// <summary>
/// Numbers one donor's Sammelbestätigung in the register (<see cref="IReceiptRegister.IssueAnnualAsync(IReadOnlyList{AnnualReceiptIssueRequest}, CancellationToken)"/>),
/// or says which payments already have another receipt. An adapter may number the requests of concurrent callers
/// together, so workers do not queue at the register's counter for every single receipt.
/// </summary>
public interface IAnnualReceiptIssuer
{
    Task<AnnualReceiptIssueResult> IssueAsync(AnnualReceiptIssueRequest request, CancellationToken cancellationToken);
}
