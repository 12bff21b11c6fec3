using Azure.Data.Tables;
using Kok.Domain.Receipts;

namespace Kok.Functions.Receipts;

/// <summary>
/// Issues Sammelbestätigungen for several donors, numbering as many as fit one entity-group transaction in one step:
/// the counter moves by their count and every receipt, donor row and payment row is inserted with it, or nothing is.
/// So numbers stay gap-free, and workers meet at the counter once per batch instead of once per receipt (the single
/// counter row is what limits the register's rate, see README). A request whose donor already has a receipt for the
/// year, or whose payment has another receipt, fails the whole step; it is settled on its own and the rest are
/// numbered again.
/// </summary>
internal sealed class AnnualReceiptBatch(ReceiptRegisterStore store)
{
    public async Task<IReadOnlyList<AnnualReceiptIssueResult>> IssueAsync(
        IReadOnlyList<AnnualReceiptIssueRequest> requests,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(requests);
        if (requests.Any(r => r is null)
            || requests.Select(r => (r.Subject.Year, r.Subject.DonorKey)).Distinct().Count() != requests.Count
            || requests.SelectMany(r => r.PaymentKeys).Distinct().Count() != requests.Sum(r => r.PaymentKeys.Count))
        {
            throw new ArgumentException("A batch names each donor and year, and each payment, once.", nameof(requests));
        }

        foreach (var issuer in requests.Select(r => r.Issuer).DistinctBy(i => i.SignatureFacsimileSha256))
        {
            await store.EnsureFacsimileAsync(issuer, cancellationToken);
        }

        var table = await store.TableAsync();
        var results = new AnnualReceiptIssueResult?[requests.Count];
        var pending = Enumerable.Range(0, requests.Count).ToList();
        for (var attempt = 1; pending.Count > 0; attempt++)
        {
            if (attempt > ReceiptRegisterStore.MaxAttempts)
            {
                throw new ReceiptRegisterBusyException($"No receipt numbers after {ReceiptRegisterStore.MaxAttempts} attempts; try again later.");
            }

            // Numbers run per year of issue: one counter step numbers as many receipts of that year as fit.
            var year = requests[pending[0]].IssueYear;
            var chunk = FitOneTransaction(pending.Where(i => requests[i].IssueYear == year), i => 2 + requests[i].PaymentKeys.Count);
            var (counter, first) = await store.NextNumbersAsync(year, chunk.Count, cancellationToken);
            var actions = new List<TableTransactionAction> { counter };
            var owners = new List<int> { -1 };
            var issued = new List<(int Index, IssuedReceipt Receipt)>();
            foreach (var (index, offset) in chunk.Select((index, offset) => (index, offset)))
            {
                var request = requests[index];
                var receipt = new IssuedReceipt(request.PaymentKeys, request.ToDocument(ReceiptNumber.Create(year, first + offset)), request.Subject.DonorKey);
                actions.Add(ReceiptRegisterStore.Add(ReceiptRegisterRows.Pointer(ReceiptRegisterRows.AnnualKey(request.Subject.Year, request.Subject.DonorKey), receipt.Number)));
                actions.Add(ReceiptRegisterStore.Add(ReceiptRegisterRows.Receipt(receipt, store.Now)));
                actions.AddRange(receipt.PaymentKeys.Select(key => ReceiptRegisterStore.Add(ReceiptRegisterRows.Pointer(ReceiptRegisterRows.PaymentKey(key), receipt.Number))));
                owners.AddRange(Enumerable.Repeat(index, 2 + receipt.PaymentKeys.Count));
                issued.Add((index, receipt));
            }

            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                foreach (var (index, receipt) in issued)
                {
                    await store.CountAsync(receipt, cancellationToken);
                    results[index] = AnnualReceiptIssueResult.Issued(requests[index], receipt);
                    pending.Remove(index);
                }

                continue;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                // Lost on a request's own row: settle that one (each of the step when storage does not say which).
                var suspects = ex.FailedTransactionActionIndex switch
                {
                    > 0 and var failed => [owners[failed]],
                    null => chunk,
                    _ => [],
                };
                if (await SettleAsync(requests, suspects, results, pending, cancellationToken))
                {
                    continue;
                }
            }

            await ReceiptRegisterStore.BackOffAsync(attempt, cancellationToken);
        }

        return results.Select(r => r!).ToList();
    }

    /// <summary>The longest run of <paramref name="candidates"/> whose actions, with the counter's, fit one transaction.</summary>
    private static List<int> FitOneTransaction(IEnumerable<int> candidates, Func<int, int> actionsOf)
    {
        var chunk = new List<int>();
        var actions = 1;
        foreach (var candidate in candidates)
        {
            if (actions + actionsOf(candidate) > ReceiptRegisterStore.MaxTransactionActions)
            {
                break;
            }

            actions += actionsOf(candidate);
            chunk.Add(candidate);
        }

        return chunk;
    }

    /// <summary>
    /// Settles the <paramref name="suspects"/> that lost for a reason of their own: the donor's receipt issued
    /// meanwhile, or the payments another receipt confirms. True when one was settled (the rest go again at once).
    /// </summary>
    private async Task<bool> SettleAsync(
        IReadOnlyList<AnnualReceiptIssueRequest> requests,
        IReadOnlyList<int> suspects,
        AnnualReceiptIssueResult?[] results,
        List<int> pending,
        CancellationToken cancellationToken)
    {
        var settled = false;
        foreach (var index in suspects)
        {
            var request = requests[index];
            var existing = await store.FollowAsync(ReceiptRegisterRows.AnnualKey(request.Subject.Year, request.Subject.DonorKey), cancellationToken);
            var taken = existing is null ? await store.ConfirmedAsync(request.PaymentKeys, cancellationToken) : [];
            if (existing is not null || taken.Count > 0)
            {
                results[index] = existing is not null
                    ? AnnualReceiptIssueResult.Issued(request, existing.Receipt)
                    : AnnualReceiptIssueResult.Refused(request, taken);
                pending.Remove(index);
                settled = true;
            }
        }

        return settled;
    }
}
