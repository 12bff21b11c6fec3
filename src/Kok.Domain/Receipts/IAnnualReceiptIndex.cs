namespace Kok.Domain.Receipts;

/// <summary>
/// The paid payments of monthly donations by Berlin payment year, kept with every donation's save, so the annual run
/// reads only that year's payments, never all donations.
/// </summary>
public interface IAnnualReceiptIndex
{
    /// <summary>The year's payments, those of one donor key together (ordered by donor key).</summary>
    IAsyncEnumerable<ReceiptablePayment> ListAsync(int year, CancellationToken cancellationToken);

    /// <summary>The year's payments of the donor groups after <paramref name="afterDonorKey"/>, in key order.</summary>
    IAsyncEnumerable<ReceiptablePayment> ListAfterAsync(int year, ReceiptDonorKey afterDonorKey, CancellationToken cancellationToken);

    /// <summary>The year's payments of one donor key.</summary>
    Task<IReadOnlyList<ReceiptablePayment>> ListAsync(int year, ReceiptDonorKey donorKey, CancellationToken cancellationToken);
}
