using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Data.Tables;
using Kok.Domain.Dashboard;
using Kok.Domain.Receipts;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Receipts;

/// <summary>
/// The receipt register in Table Storage, all in one partition so that one entity-group transaction can cover
/// everything a new receipt changes: the year's counter row (<c>counter-2026</c>, replaced under its ETag), the
/// receipt row with the frozen data (<c>number-2026-000123</c>) and the payment's row (<c>payment-{key}</c>), both
/// inserted. Either all three are written or none, so a number is never skipped or given twice and a payment never
/// gets two: a concurrent worker that read the same counter fails on its ETag (412) and one issuing for the same
/// payment fails on the payment row (409); both start over, the second finding the receipt.
/// <para>
/// One partition for all years rather than one per year: the payment row must be found whatever year a retry runs
/// in, or a mail retried across New Year would get a second number. A partition serves far more than a charity's
/// receipts per second.
/// </para>
/// Cost: a new receipt is one counter read plus one transaction; asking again for a payment that has one costs
/// those plus two reads. A new receipt is then counted in the dashboard totals (year of issue); a crash just before
/// that is repaired by the recompute action.
/// </summary>
public sealed class TableReceiptRegister(StorageClients storage, TimeProvider time, IDashboardTotals? totals = null) : IReceiptRegister
{
    /// <summary>The receipts' frozen donor data: kept as long as the receipts must be (§ 50 Abs. 7 EStDV, § 147 AO).</summary>
    public static PersonalDataDeclaration PersonalData { get; } = new(
        TableNames.ReceiptRegister,
        ["DonorName", "DonorAddressLines"],
        PersonalDataErasure.RetainThenDelete,
        "Zuwendungsbestätigungen and their copies; the tax office may ask for them for ten years.");


    public const string Partition = "register";

    /// <summary>Enough for dozens of workers racing for numbers; beyond it the queue retries the message.</summary>
    public const int MaxAttempts = 100;

    private const int CounterAction = 0;

    public async Task<IssuedReceipt> IssueAsync(ReceiptIssueRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var table = await storage.TableAsync(TableNames.ReceiptRegister);
        var counterKey = CounterKey(request.Year);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var counter = await table.GetEntityIfExistsAsync<TableEntity>(Partition, counterKey, cancellationToken: cancellationToken);
            var last = counter.HasValue ? counter.Value!.GetInt32("Last") ?? 0 : 0;
            var document = request.ToDocument(ReceiptNumber.Create(request.Year, last + 1));
            var nextCounter = new TableEntity(Partition, counterKey) { ["Last"] = last + 1, ["Year"] = request.Year };
            TableTransactionAction[] actions =
            [
                counter.HasValue
                    ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, nextCounter, counter.Value!.ETag)
                    : new TableTransactionAction(TableTransactionActionType.Add, nextCounter),
                new(TableTransactionActionType.Add, ReceiptEntity(request.PaymentKey, document)),
                new(TableTransactionActionType.Add, new TableEntity(Partition, PaymentKey(request.PaymentKey)) { ["Number"] = document.Number }),
            ];
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                if (totals is not null)
                {
                    await totals.ApplyAsync(ReceiptContribution.EntityId(document.Number), ReceiptContribution.Of(document.IssueDate), cancellationToken);
                }

                return new IssuedReceipt(request.PaymentKey, document);
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                // Lost on the counter alone: someone else took this number; the payment cannot have a receipt
                // unless it was the payment row (or an unknown row) that failed.
                if (ex.FailedTransactionActionIndex != CounterAction
                    && await GetByPaymentAsync(request.PaymentKey, cancellationToken) is { } existing)
                {
                    return existing;
                }
            }

            // Jitter spreads the racers out, so each round has fewer losers.
            await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 4 * Math.Min(attempt, 10))), cancellationToken);
        }

        throw new ReceiptRegisterBusyException($"No receipt number after {MaxAttempts} attempts; try again later.");
    }

    public async Task<IssuedReceipt?> GetByPaymentAsync(ReceiptPaymentKey paymentKey, CancellationToken cancellationToken) =>
        (await FindByPaymentAsync(paymentKey, cancellationToken))?.Receipt;

    public async Task<IssuedReceipt?> GetAsync(string receiptNumber, CancellationToken cancellationToken) =>
        (await FindAsync(receiptNumber, cancellationToken))?.Receipt;

    public async Task<IReadOnlyList<IssuedReceipt>> ListAsync(int year, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ReceiptRegister);
        var prefix = NumberKey(ReceiptNumber.Create(year, 1))[..^6];
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {prefix} and RowKey lt {prefix + "9999999"}");
        var receipts = new List<IssuedReceipt>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            receipts.Add(ToReceipt(entity));
        }

        return receipts.OrderBy(r => r.Number, StringComparer.Ordinal).ToList();
    }

    public async Task<IssuedReceipt?> MarkWithdrawnAsync(ReceiptPaymentKey paymentKey, DateOnly withdrawnOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paymentKey);
        var table = await storage.TableAsync(TableNames.ReceiptRegister);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var found = await FindByPaymentAsync(paymentKey, cancellationToken);
            if (found is null || found.Receipt.Document.IsWithdrawn)
            {
                return found?.Receipt;
            }

            var issued = found.Receipt.Document.IssueDate;
            var withdrawn = found.Receipt.Document.Withdraw(withdrawnOn < issued ? issued : withdrawnOn);
            var change = new TableEntity(Partition, NumberKey(withdrawn.Number))
            {
                ["WithdrawnOn"] = Date(withdrawn.WithdrawnOn!.Value),
                ["WithdrawnAt"] = time.GetUtcNow(),
            };
            try
            {
                await table.UpdateEntityAsync(change, found.ETag, TableUpdateMode.Merge, cancellationToken);
                return new IssuedReceipt(paymentKey, withdrawn);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
            }
        }

        throw new ReceiptRegisterBusyException($"Receipt of {paymentKey} could not be marked withdrawn; try again later.");
    }

    private static string CounterKey(int year) => "counter-" + year.ToString("0000", CultureInfo.InvariantCulture);

    private static string NumberKey(string number) => "number-" + number;

    private static string PaymentKey(ReceiptPaymentKey key) => "payment-" + key.Value;

    private static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static DateOnly ParseDate(string? value) => DateOnly.ParseExact(value ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private TableEntity ReceiptEntity(ReceiptPaymentKey paymentKey, ReceiptDocument document) => new(Partition, NumberKey(document.Number))
    {
        ["Number"] = document.Number,
        ["PaymentKey"] = paymentKey.Value,
        ["Kind"] = StoredNames.Name(document.Kind),
        ["DonorName"] = document.DonorName,
        ["DonorAddressLines"] = JsonSerializer.Serialize(document.DonorAddressLines, KokJson.Options),
        ["AmountCents"] = document.AmountCents,
        ["PaymentDate"] = Date(document.PaymentDate),
        ["IssueDate"] = Date(document.IssueDate),
        ["IssuedAt"] = time.GetUtcNow(),
    };

    private static IssuedReceipt ToReceipt(TableEntity entity)
    {
        var withdrawnOn = entity.GetString("WithdrawnOn");
        var document = new ReceiptDocument(
            entity.GetString("Number"),
            StoredNames.Parse<ReceiptKind>(entity.GetString("Kind")),
            entity.GetString("DonorName"),
            JsonSerializer.Deserialize<string[]>(entity.GetString("DonorAddressLines") ?? "[]", KokJson.Options) ?? [],
            entity.GetInt64("AmountCents") ?? 0,
            ParseDate(entity.GetString("PaymentDate")),
            ParseDate(entity.GetString("IssueDate")),
            withdrawnOn: withdrawnOn is null ? null : ParseDate(withdrawnOn));
        return new IssuedReceipt(ReceiptPaymentKey.Parse(entity.GetString("PaymentKey")), document);
    }

    private async Task<Found?> FindByPaymentAsync(ReceiptPaymentKey paymentKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paymentKey);
        var table = await storage.TableAsync(TableNames.ReceiptRegister);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, PaymentKey(paymentKey), cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value?.GetString("Number") is not { } number)
        {
            return null;
        }

        return await FindAsync(number, cancellationToken)
            ?? throw new InvalidOperationException($"Register row of receipt {number} is missing.");
    }

    private async Task<Found?> FindAsync(string receiptNumber, CancellationToken cancellationToken)
    {
        if (!ReceiptNumber.IsValid(receiptNumber))
        {
            return null;
        }

        var table = await storage.TableAsync(TableNames.ReceiptRegister);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, NumberKey(receiptNumber), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity ? new Found(ToReceipt(entity), entity.ETag) : null;
    }

    private sealed record Found(IssuedReceipt Receipt, ETag ETag);
}
