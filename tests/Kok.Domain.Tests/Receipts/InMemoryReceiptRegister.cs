using Kok.Domain.Receipts;

namespace Kok.Domain.Tests.Receipts;

/// <summary>
/// Behaves like the storage adapter must: numbers per issue year shared by both forms, one receipt per payment key at
/// a time, one Sammelbestätigung per donor key and year, corrections that move the payments to the new number.
/// </summary>
internal sealed class InMemoryReceiptRegister : IReceiptRegister
{
    private readonly Dictionary<int, int> counters = [];
    private readonly Dictionary<string, IssuedReceipt> byNumber = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> byPayment = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> byDonorYear = new(StringComparer.Ordinal);

    public int IssueCalls { get; private set; }

    public IReadOnlyCollection<IssuedReceipt> All => byNumber.Values;

    public Task<IssuedReceipt> IssueAsync(ReceiptIssueRequest request, CancellationToken cancellationToken)
    {
        IssueCalls++;
        if (byPayment.TryGetValue(request.PaymentKey.Value, out var existing))
        {
            return Task.FromResult(byNumber[existing]);
        }

        return Task.FromResult(Store(new IssuedReceipt(request.PaymentKey, request.ToDocument(Next(request.Year)))));
    }

    public Task<IssuedReceipt> IssueAnnualAsync(AnnualReceiptIssueRequest request, CancellationToken cancellationToken)
    {
        IssueCalls++;
        if (byDonorYear.TryGetValue(DonorYear(request.Subject.Year, request.Subject.DonorKey), out var existing))
        {
            return Task.FromResult(byNumber[existing]);
        }

        RequireFree(request.PaymentKeys);
        return Task.FromResult(Store(new IssuedReceipt(request.PaymentKeys, request.ToDocument(Next(request.IssueYear)), request.Subject.DonorKey)));
    }

    public async Task<IReadOnlyList<AnnualReceiptIssueResult>> IssueAnnualAsync(IReadOnlyList<AnnualReceiptIssueRequest> requests, CancellationToken cancellationToken)
    {
        var results = new List<AnnualReceiptIssueResult>();
        foreach (var request in requests)
        {
            try
            {
                results.Add(AnnualReceiptIssueResult.Issued(request, await IssueAnnualAsync(request, cancellationToken)));
            }
            catch (ReceiptPaymentsAlreadyConfirmedException ex)
            {
                results.Add(AnnualReceiptIssueResult.Refused(request, ex.PaymentKeys));
            }
        }

        return results;
    }

    public Task<IssuedReceipt?> GetByPaymentAsync(ReceiptPaymentKey paymentKey, CancellationToken cancellationToken) =>
        Task.FromResult(byPayment.TryGetValue(paymentKey.Value, out var number) ? byNumber[number] : null);

    public Task<IssuedReceipt?> GetAsync(string receiptNumber, CancellationToken cancellationToken) =>
        Task.FromResult(byNumber.GetValueOrDefault(receiptNumber));

    public Task<IssuedReceipt?> GetAnnualAsync(int year, ReceiptDonorKey donorKey, CancellationToken cancellationToken) =>
        Task.FromResult(byDonorYear.TryGetValue(DonorYear(year, donorKey), out var number) ? byNumber[number] : null);

    public Task<IReadOnlyList<IssuedReceipt>> ListAsync(int year, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<IssuedReceipt>>(byNumber.Values
            .Where(r => r.Number.StartsWith($"{year}-", StringComparison.Ordinal))
            .OrderBy(r => r.Number, StringComparer.Ordinal)
            .ToList());

    public async Task<IssuedReceipt?> MarkWithdrawnAsync(ReceiptPaymentKey paymentKey, DateOnly withdrawnOn, CancellationToken cancellationToken) =>
        await GetByPaymentAsync(paymentKey, cancellationToken) is { } existing
            ? await WithdrawAsync(existing.Number, new ReceiptWithdrawal(withdrawnOn, ReceiptWithdrawal.RefundReason), cancellationToken)
            : null;

    public Task<IssuedReceipt?> WithdrawAsync(string receiptNumber, ReceiptWithdrawal withdrawal, CancellationToken cancellationToken)
    {
        if (!byNumber.TryGetValue(receiptNumber, out var existing))
        {
            return Task.FromResult<IssuedReceipt?>(null);
        }

        if (!existing.Document.IsWithdrawn)
        {
            existing = new IssuedReceipt(existing.PaymentKeys, existing.Document.Withdraw(withdrawal.NotBefore(existing.Document.IssueDate)), existing.DonorKey);
            byNumber[receiptNumber] = existing;
        }

        return Task.FromResult<IssuedReceipt?>(existing);
    }

    public Task<IssuedReceipt> ReissueAsync(string replacesNumber, ReceiptWithdrawal withdrawal, AnnualReceiptIssueRequest replacement, CancellationToken cancellationToken) =>
        Task.FromResult(Reissue(replacesNumber, withdrawal, replacement.PaymentKeys, number =>
            new IssuedReceipt(replacement.PaymentKeys, replacement.ToDocument(number, replacesNumber), replacement.Subject.DonorKey), replacement.IssueYear));

    public Task<IssuedReceipt> ReissueAsync(string replacesNumber, ReceiptWithdrawal withdrawal, ReceiptIssueRequest replacement, CancellationToken cancellationToken) =>
        Task.FromResult(Reissue(replacesNumber, withdrawal, [replacement.PaymentKey], number =>
            new IssuedReceipt(replacement.PaymentKey, replacement.ToDocument(number, replacesNumber)), replacement.Year));

    private static string DonorYear(int year, ReceiptDonorKey donorKey) => $"{year}:{donorKey.Value}";

    private IssuedReceipt Reissue(string replacesNumber, ReceiptWithdrawal withdrawal, IReadOnlyList<ReceiptPaymentKey> keys, Func<string, IssuedReceipt> create, int year)
    {
        var old = byNumber[replacesNumber];
        if (old.Document.ReplacedBy is { } replacedBy)
        {
            return byNumber[replacedBy];
        }

        RequireFree(keys.Except(old.PaymentKeys).ToList());
        foreach (var key in old.PaymentKeys)
        {
            byPayment.Remove(key.Value);
        }

        var receipt = Store(create(Next(year)));
        var withdrawn = old.Document.IsWithdrawn ? old.Document : old.Document.Withdraw(withdrawal.NotBefore(old.Document.IssueDate));
        byNumber[replacesNumber] = new IssuedReceipt(old.PaymentKeys, withdrawn.ReplacedWith(receipt.Number), old.DonorKey);
        return receipt;
    }

    private void RequireFree(IReadOnlyList<ReceiptPaymentKey> keys)
    {
        var taken = keys.Where(k => byPayment.ContainsKey(k.Value)).ToList();
        if (taken.Count > 0)
        {
            throw new ReceiptPaymentsAlreadyConfirmedException(taken);
        }
    }

    private string Next(int year)
    {
        var next = counters.GetValueOrDefault(year) + 1;
        counters[year] = next;
        return ReceiptNumber.Create(year, next);
    }

    private IssuedReceipt Store(IssuedReceipt receipt)
    {
        byNumber[receipt.Number] = receipt;
        foreach (var key in receipt.PaymentKeys)
        {
            byPayment[key.Value] = receipt.Number;
        }

        if (receipt.DonorKey is { } donorKey)
        {
            byDonorYear[DonorYear(receipt.Document.Period.Year, donorKey)] = receipt.Number;
        }

        return receipt;
    }
}
