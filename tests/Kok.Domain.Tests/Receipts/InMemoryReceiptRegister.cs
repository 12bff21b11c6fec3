using Kok.Domain.Receipts;

namespace Kok.Domain.Tests.Receipts;

/// <summary>Behaves like the storage adapter must: numbers per issue year, one receipt per payment key.</summary>
internal sealed class InMemoryReceiptRegister : IReceiptRegister
{
    private readonly Dictionary<int, int> counters = [];
    private readonly Dictionary<string, IssuedReceipt> byPayment = new(StringComparer.Ordinal);

    public int IssueCalls { get; private set; }

    public IReadOnlyCollection<IssuedReceipt> All => byPayment.Values;

    public Task<IssuedReceipt> IssueAsync(ReceiptIssueRequest request, CancellationToken cancellationToken)
    {
        IssueCalls++;
        if (byPayment.TryGetValue(request.PaymentKey.Value, out var existing))
        {
            return Task.FromResult(existing);
        }

        var next = counters.GetValueOrDefault(request.Year) + 1;
        counters[request.Year] = next;
        var issued = new IssuedReceipt(request.PaymentKey, request.ToDocument(ReceiptNumber.Create(request.Year, next)));
        byPayment[request.PaymentKey.Value] = issued;
        return Task.FromResult(issued);
    }

    public Task<IssuedReceipt?> GetByPaymentAsync(ReceiptPaymentKey paymentKey, CancellationToken cancellationToken) =>
        Task.FromResult(byPayment.GetValueOrDefault(paymentKey.Value));

    public Task<IssuedReceipt?> GetAsync(string receiptNumber, CancellationToken cancellationToken) =>
        Task.FromResult(byPayment.Values.FirstOrDefault(r => r.Number == receiptNumber));

    public Task<IReadOnlyList<IssuedReceipt>> ListAsync(int year, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<IssuedReceipt>>(byPayment.Values
            .Where(r => r.Number.StartsWith($"{year}-", StringComparison.Ordinal))
            .OrderBy(r => r.Number, StringComparer.Ordinal)
            .ToList());

    public Task<IssuedReceipt?> MarkWithdrawnAsync(ReceiptPaymentKey paymentKey, DateOnly withdrawnOn, CancellationToken cancellationToken)
    {
        var existing = byPayment.GetValueOrDefault(paymentKey.Value);
        if (existing is { Document.IsWithdrawn: false })
        {
            var issued = existing.Document.IssueDate;
            existing = new IssuedReceipt(paymentKey, existing.Document.Withdraw(withdrawnOn < issued ? issued : withdrawnOn));
            byPayment[paymentKey.Value] = existing;
        }

        return Task.FromResult(existing);
    }
}
