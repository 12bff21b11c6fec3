using Azure;
using Azure.Data.Tables;
using Kok.Domain.Dashboard;
using Kok.Domain.Receipts;
using Kok.Functions.Storage;

namespace Kok.Functions.Receipts;

/// <summary>
/// The register partition's reads and the steps every write shares (the next numbers, counting a new receipt in the
/// dashboard totals), for <see cref="TableReceiptRegister"/>, <see cref="AnnualReceiptBatch"/> and
/// <see cref="ReceiptCorrections"/>.
/// </summary>
internal sealed class ReceiptRegisterStore(StorageClients storage, TimeProvider time, IDashboardTotals? totals)
{
    /// <summary>Enough for dozens of workers racing for numbers; beyond it the queue retries the message.</summary>
    public const int MaxAttempts = 100;

    /// <summary>Operations in one entity-group transaction (Table Storage's limit).</summary>
    public const int MaxTransactionActions = 100;

    private const string Partition = ReceiptRegisterRows.Partition;

    private readonly ReceiptFacsimiles facsimiles = new(storage);

    public DateTimeOffset Now => time.GetUtcNow();

    public Task<TableClient> TableAsync() => storage.TableAsync(TableNames.ReceiptRegister);

    public static TableTransactionAction Add(TableEntity entity) => new(TableTransactionActionType.Add, entity);

    // Jitter spreads the racers out, so each round has fewer losers.
    public static Task BackOffAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 4 * Math.Min(attempt, 10))), cancellationToken);

    public Task EnsureFacsimileAsync(OrganisationProfile? issuer, CancellationToken cancellationToken) =>
        facsimiles.EnsureStoredAsync(issuer, cancellationToken);

    /// <summary>
    /// The first of <paramref name="count"/> numbers of the year and the counter row's change to the last of them
    /// (guarded by its ETag, or an insert for a new year): taken only if the transaction that uses them all commits.
    /// </summary>
    public async Task<(TableTransactionAction Counter, int First)> NextNumbersAsync(int year, int count, CancellationToken cancellationToken)
    {
        var table = await TableAsync();
        var key = ReceiptRegisterRows.CounterKey(year);
        var counter = await table.GetEntityIfExistsAsync<TableEntity>(Partition, key, cancellationToken: cancellationToken);
        var first = (counter.HasValue ? counter.Value!.GetInt32("Last") ?? 0 : 0) + 1;
        var row = new TableEntity(Partition, key) { ["Last"] = first + count - 1, ["Year"] = year };
        return (counter.HasValue
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, counter.Value!.ETag)
            : Add(row), first);
    }

    /// <summary>Counts a new receipt in the dashboard totals (year of issue); idempotent per receipt number.</summary>
    public async Task CountAsync(IssuedReceipt receipt, CancellationToken cancellationToken)
    {
        if (totals is not null)
        {
            await totals.ApplyAsync(ReceiptContribution.EntityId(receipt.Number), ReceiptContribution.Of(receipt.Document.IssueDate), cancellationToken);
        }
    }

    /// <summary>Those of <paramref name="keys"/> that a receipt confirms (one point read each; only after a conflict).</summary>
    public async Task<IReadOnlyList<ReceiptPaymentKey>> ConfirmedAsync(IReadOnlyList<ReceiptPaymentKey> keys, CancellationToken cancellationToken)
    {
        var table = await TableAsync();
        var taken = new List<ReceiptPaymentKey>();
        foreach (var key in keys)
        {
            var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, ReceiptRegisterRows.PaymentKey(key), ["Number"], cancellationToken);
            if (row.HasValue)
            {
                taken.Add(key);
            }
        }

        return taken;
    }

    /// <summary>The receipt a pointer row (payment or donor-year) names.</summary>
    public async Task<Found?> FollowAsync(string rowKey, CancellationToken cancellationToken)
    {
        var table = await TableAsync();
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, rowKey, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value?.GetString("Number") is not { } number)
        {
            return null;
        }

        return await FindAsync(number, cancellationToken)
            ?? throw new InvalidOperationException($"Register row of receipt {number} is missing.");
    }

    public async Task<Found?> FindAsync(string receiptNumber, CancellationToken cancellationToken)
    {
        if (!ReceiptNumber.IsValid(receiptNumber))
        {
            return null;
        }

        var table = await TableAsync();
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, ReceiptRegisterRows.NumberKey(receiptNumber), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity ? new Found(await ToReceiptAsync(entity, cancellationToken), entity.ETag) : null;
    }

    public Task<IssuedReceipt> ToReceiptAsync(TableEntity entity, CancellationToken cancellationToken) =>
        ReceiptRegisterRows.ToReceiptAsync(entity, hash => facsimiles.GetAsync(hash, cancellationToken));

    /// <summary>A receipt with the ETag of its row, for changes guarded by it.</summary>
    public sealed record Found(IssuedReceipt Receipt, ETag ETag);
}
