using Azure;
using Azure.Data.Tables;
using Kok.Domain.Dashboard;
using Kok.Domain.Receipts;
using Kok.Functions.Storage;

namespace Kok.Functions.Receipts;

/// <summary>
/// The receipt register in Table Storage, all in one partition (rows: <see cref="ReceiptRegisterRows"/>) so that one
/// entity-group transaction can cover everything a new receipt changes: the year's counter row (replaced under its
/// ETag), the receipt row with the frozen data and one row per confirmed payment, both inserted; for a
/// Sammelbestätigung also the donor's row for the year, inserted. Either all are written or none, so a number is
/// never skipped or given twice and a payment never gets two receipts: a concurrent worker that read the same counter
/// fails on its ETag (412) and starts over; one issuing for a payment that has a receipt fails on the payment row
/// (409), one issuing the same Sammelbestätigung on the donor row (409), and finds the receipt. A correction
/// (<see cref="ReissueAsync(string, ReceiptWithdrawal, AnnualReceiptIssueRequest, CancellationToken)"/>) is one such
/// transaction too: counter, the old row merged (withdrawn, replaced by) under its ETag, the new row, the donor row
/// and the payment rows moved to the new number, deleted for payments left out, inserted for payments added.
/// <para>
/// One partition for all years rather than one per year: the payment row must be found whatever year a retry runs
/// in, or a mail retried across New Year would get a second number. The cost is one counter for all workers: see
/// README for the measured rate.
/// </para>
/// Cost: a new receipt (single or annual, any number of lines) is one counter read plus one transaction; asking again
/// for a payment that has one costs those plus two reads, for a donor's Sammelbestätigung plus two reads. A new
/// receipt is then counted in the dashboard totals (year of issue); a crash just before that is repaired by the
/// recompute action.
/// </summary>
public sealed class TableReceiptRegister(StorageClients storage, TimeProvider time, IDashboardTotals? totals = null) : IReceiptRegister
{
    public const string Partition = ReceiptRegisterRows.Partition;

    /// <summary>Enough for dozens of workers racing for numbers; beyond it the queue retries the message.</summary>
    public const int MaxAttempts = 100;

    /// <summary>Operations in one entity-group transaction (Table Storage's limit).</summary>
    private const int MaxTransactionActions = 100;

    private const int CounterAction = 0;

    private readonly ReceiptFacsimiles facsimiles = new(storage);

    public async Task<IssuedReceipt> IssueAsync(ReceiptIssueRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await facsimiles.EnsureStoredAsync(request.Issuer, cancellationToken);
        return await IssueNewAsync(
            request.Year,
            number => new IssuedReceipt(request.PaymentKey, request.ToDocument(number)),
            async failed => failed != CounterAction ? await GetByPaymentAsync(request.PaymentKey, cancellationToken) : null,
            cancellationToken);
    }

    public async Task<IssuedReceipt> IssueAnnualAsync(AnnualReceiptIssueRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await facsimiles.EnsureStoredAsync(request.Issuer, cancellationToken);
        var subject = request.Subject;
        return await IssueNewAsync(
            request.IssueYear,
            number => new IssuedReceipt(request.PaymentKeys, request.ToDocument(number), subject.DonorKey),
            async failed =>
            {
                if (failed == CounterAction)
                {
                    return null;
                }

                if (await GetAnnualAsync(subject.Year, subject.DonorKey, cancellationToken) is { } existing)
                {
                    return existing;
                }

                var taken = await ConfirmedAsync(request.PaymentKeys, cancellationToken);
                return taken.Count > 0 ? throw new ReceiptPaymentsAlreadyConfirmedException(taken) : null;
            },
            cancellationToken);
    }

    public async Task<IssuedReceipt?> GetByPaymentAsync(ReceiptPaymentKey paymentKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paymentKey);
        return (await FollowAsync(ReceiptRegisterRows.PaymentKey(paymentKey), cancellationToken))?.Receipt;
    }

    public async Task<IssuedReceipt?> GetAsync(string receiptNumber, CancellationToken cancellationToken) =>
        (await FindAsync(receiptNumber, cancellationToken))?.Receipt;

    public async Task<IssuedReceipt?> GetAnnualAsync(int year, ReceiptDonorKey donorKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(donorKey);
        return (await FollowAsync(ReceiptRegisterRows.AnnualKey(year, donorKey), cancellationToken))?.Receipt;
    }

    public async Task<IReadOnlyList<IssuedReceipt>> ListAsync(int year, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ReceiptRegister);
        var prefix = ReceiptRegisterRows.NumberKey(ReceiptNumber.Create(year, 1))[..^6];
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {prefix} and RowKey lt {prefix + "9999999"}");
        var receipts = new List<IssuedReceipt>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            receipts.Add(await ToReceiptAsync(entity, cancellationToken));
        }

        return receipts.OrderBy(r => r.Number, StringComparer.Ordinal).ToList();
    }

    public async Task<IssuedReceipt?> MarkWithdrawnAsync(ReceiptPaymentKey paymentKey, DateOnly withdrawnOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paymentKey);
        var found = await FollowAsync(ReceiptRegisterRows.PaymentKey(paymentKey), cancellationToken);
        if (found?.Receipt.Document.Form == ReceiptForm.Sammelbestaetigung)
        {
            throw new InvalidOperationException("A Sammelbestätigung is corrected (withdrawn and reissued), not withdrawn for one payment.");
        }

        return found is null
            ? null
            : await WithdrawFoundAsync(found, new ReceiptWithdrawal(withdrawnOn, ReceiptWithdrawal.RefundReason), cancellationToken);
    }

    public async Task<IssuedReceipt?> WithdrawAsync(string receiptNumber, ReceiptWithdrawal withdrawal, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(withdrawal);
        var found = await FindAsync(receiptNumber, cancellationToken);
        return found is null ? null : await WithdrawFoundAsync(found, withdrawal, cancellationToken);
    }

    public async Task<IssuedReceipt> ReissueAsync(
        string replacesNumber,
        ReceiptWithdrawal withdrawal,
        AnnualReceiptIssueRequest replacement,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        await facsimiles.EnsureStoredAsync(replacement.Issuer, cancellationToken);
        var subject = replacement.Subject;
        return await ReissueCoreAsync(
            new Correction(
                replacesNumber,
                withdrawal,
                replacement.IssueYear,
                replacement.PaymentKeys,
                (number, replaces) => new IssuedReceipt(replacement.PaymentKeys, replacement.ToDocument(number, replaces), subject.DonorKey))
            {
                AnnualRow = ReceiptRegisterRows.AnnualKey(subject.Year, subject.DonorKey),
                Fits = old => old.DonorKey == subject.DonorKey && old.Document.Period.Year == subject.Year,
            },
            cancellationToken);
    }

    public async Task<IssuedReceipt> ReissueAsync(
        string replacesNumber,
        ReceiptWithdrawal withdrawal,
        ReceiptIssueRequest replacement,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        await facsimiles.EnsureStoredAsync(replacement.Issuer, cancellationToken);
        return await ReissueCoreAsync(
            new Correction(
                replacesNumber,
                withdrawal,
                replacement.Year,
                [replacement.PaymentKey],
                (number, replaces) => new IssuedReceipt(replacement.PaymentKey, replacement.ToDocument(number, replaces)))
            {
                Fits = old => old.Document.Form == ReceiptForm.Einzelbestaetigung && old.PaymentKey == replacement.PaymentKey,
            },
            cancellationToken);
    }

    /// <summary>
    /// Takes the issue year's next number for <paramref name="create"/>'s receipt in one transaction. When that fails
    /// on anything but the counter, <paramref name="existing"/> finds the receipt that won (or throws why none may be
    /// issued); null means try again.
    /// </summary>
    private async Task<IssuedReceipt> IssueNewAsync(
        int year,
        Func<string, IssuedReceipt> create,
        Func<int?, Task<IssuedReceipt?>> existing,
        CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ReceiptRegister);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var (counter, next) = await NextNumberAsync(table, year, cancellationToken);
            var receipt = create(ReceiptNumber.Create(year, next));
            var actions = new List<TableTransactionAction> { counter };
            if (receipt.DonorKey is { } donorKey)
            {
                actions.Add(Add(ReceiptRegisterRows.Pointer(ReceiptRegisterRows.AnnualKey(receipt.Document.Period.Year, donorKey), receipt.Number)));
            }

            actions.Add(Add(ReceiptRegisterRows.Receipt(receipt, time.GetUtcNow())));
            actions.AddRange(receipt.PaymentKeys.Select(key => Add(ReceiptRegisterRows.Pointer(ReceiptRegisterRows.PaymentKey(key), receipt.Number))));
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                await CountAsync(receipt, cancellationToken);
                return receipt;
            }
            catch (TableTransactionFailedException ex) when (ex.Status is 409 or 412)
            {
                if (await existing(ex.FailedTransactionActionIndex) is { } found)
                {
                    return found;
                }
            }

            await BackOffAsync(attempt, cancellationToken);
        }

        throw new ReceiptRegisterBusyException($"No receipt number after {MaxAttempts} attempts; try again later.");
    }

    private async Task<IssuedReceipt> ReissueCoreAsync(Correction correction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(correction.Withdrawal);
        var table = await storage.TableAsync(TableNames.ReceiptRegister);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var old = await FindAsync(correction.Replaces, cancellationToken)
                ?? throw new ArgumentException($"There is no receipt {correction.Replaces}.", nameof(correction));
            if (old.Receipt.Document.ReplacedBy is { } replacedBy)
            {
                return (await FindAsync(replacedBy, cancellationToken))!.Receipt;
            }

            if (!correction.Fits(old.Receipt))
            {
                throw new ArgumentException(
                    $"Receipt {correction.Replaces} is corrected by a receipt of the same form for the same payment or donor and year.",
                    nameof(correction));
            }

            var before = old.Receipt.PaymentKeys;
            var kept = before.Intersect(correction.PaymentKeys).ToArray();
            var dropped = before.Except(correction.PaymentKeys).ToArray();
            var added = correction.PaymentKeys.Except(before).ToArray();
            if (4 + kept.Length + dropped.Length + added.Length > MaxTransactionActions)
            {
                throw new ArgumentException("Too many payments change in one correction; correct in smaller steps.", nameof(correction));
            }

            var (counter, next) = await NextNumberAsync(table, correction.IssueYear, cancellationToken);
            var receipt = correction.Create(ReceiptNumber.Create(correction.IssueYear, next), old.Receipt.Number);
            var earlier = old.Receipt.Document.IsWithdrawn;
            var withdrawn = (earlier
                    ? old.Receipt.Document
                    : old.Receipt.Document.Withdraw(correction.Withdrawal.NotBefore(old.Receipt.Document.IssueDate)))
                .ReplacedWith(receipt.Number);
            var actions = new List<TableTransactionAction>
            {
                counter,
                new(TableTransactionActionType.UpdateMerge, ReceiptRegisterRows.Withdrawal(withdrawn, earlier ? null : time.GetUtcNow()), old.ETag),
                Add(ReceiptRegisterRows.Receipt(receipt, time.GetUtcNow())),
            };
            var firstAdded = actions.Count + (correction.AnnualRow is null ? 0 : 1) + kept.Length + dropped.Length;
            if (correction.AnnualRow is { } annualRow)
            {
                actions.Add(new(TableTransactionActionType.UpdateReplace, ReceiptRegisterRows.Pointer(annualRow, receipt.Number), ETag.All));
            }

            actions.AddRange(kept.Select(key => new TableTransactionAction(
                TableTransactionActionType.UpdateReplace, ReceiptRegisterRows.Pointer(ReceiptRegisterRows.PaymentKey(key), receipt.Number), ETag.All)));
            actions.AddRange(dropped.Select(key => new TableTransactionAction(
                TableTransactionActionType.Delete, new TableEntity(Partition, ReceiptRegisterRows.PaymentKey(key)), ETag.All)));
            actions.AddRange(added.Select(key => Add(ReceiptRegisterRows.Pointer(ReceiptRegisterRows.PaymentKey(key), receipt.Number))));
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                await CountAsync(receipt, cancellationToken);
                return receipt;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409 && ex.FailedTransactionActionIndex >= firstAdded)
            {
                var taken = await ConfirmedAsync(added, cancellationToken);
                if (taken.Count > 0)
                {
                    throw new ReceiptPaymentsAlreadyConfirmedException(taken);
                }
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 412)
            {
                // Someone took the number or changed the old receipt first: read both again.
            }

            await BackOffAsync(attempt, cancellationToken);
        }

        throw new ReceiptRegisterBusyException($"Receipt {correction.Replaces} could not be corrected after {MaxAttempts} attempts; try again later.");
    }

    private async Task<IssuedReceipt> WithdrawFoundAsync(Found found, ReceiptWithdrawal withdrawal, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ReceiptRegister);
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var receipt = found.Receipt;
            if (receipt.Document.IsWithdrawn)
            {
                return receipt;
            }

            var withdrawn = receipt.Document.Withdraw(withdrawal.NotBefore(receipt.Document.IssueDate));
            try
            {
                await table.UpdateEntityAsync(ReceiptRegisterRows.Withdrawal(withdrawn, time.GetUtcNow()), found.ETag, TableUpdateMode.Merge, cancellationToken);
                return new IssuedReceipt(receipt.PaymentKeys, withdrawn, receipt.DonorKey);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                found = await FindAsync(receipt.Number, cancellationToken) ?? found;
            }
        }

        throw new ReceiptRegisterBusyException($"Receipt {found.Receipt.Number} could not be marked withdrawn; try again later.");
    }

    /// <summary>The counter row's change to <c>Last + 1</c> (guarded by its ETag, or an insert for a new year) and that number.</summary>
    private static async Task<(TableTransactionAction Counter, int Next)> NextNumberAsync(TableClient table, int year, CancellationToken cancellationToken)
    {
        var key = ReceiptRegisterRows.CounterKey(year);
        var counter = await table.GetEntityIfExistsAsync<TableEntity>(Partition, key, cancellationToken: cancellationToken);
        var next = (counter.HasValue ? counter.Value!.GetInt32("Last") ?? 0 : 0) + 1;
        var row = new TableEntity(Partition, key) { ["Last"] = next, ["Year"] = year };
        return (counter.HasValue
            ? new TableTransactionAction(TableTransactionActionType.UpdateReplace, row, counter.Value!.ETag)
            : Add(row), next);
    }

    private static TableTransactionAction Add(TableEntity entity) => new(TableTransactionActionType.Add, entity);

    // Jitter spreads the racers out, so each round has fewer losers.
    private static Task BackOffAsync(int attempt, CancellationToken cancellationToken) =>
        Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(0, 4 * Math.Min(attempt, 10))), cancellationToken);

    private async Task CountAsync(IssuedReceipt receipt, CancellationToken cancellationToken)
    {
        if (totals is not null)
        {
            await totals.ApplyAsync(ReceiptContribution.EntityId(receipt.Number), ReceiptContribution.Of(receipt.Document.IssueDate), cancellationToken);
        }
    }

    /// <summary>Those of <paramref name="keys"/> that a receipt confirms (one point read each; only after a conflict).</summary>
    private async Task<IReadOnlyList<ReceiptPaymentKey>> ConfirmedAsync(IReadOnlyList<ReceiptPaymentKey> keys, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ReceiptRegister);
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
    private async Task<Found?> FollowAsync(string rowKey, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.ReceiptRegister);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, rowKey, cancellationToken: cancellationToken);
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
        var row = await table.GetEntityIfExistsAsync<TableEntity>(Partition, ReceiptRegisterRows.NumberKey(receiptNumber), cancellationToken: cancellationToken);
        return row.HasValue && row.Value is { } entity ? new Found(await ToReceiptAsync(entity, cancellationToken), entity.ETag) : null;
    }

    private Task<IssuedReceipt> ToReceiptAsync(TableEntity entity, CancellationToken cancellationToken) =>
        ReceiptRegisterRows.ToReceiptAsync(entity, hash => facsimiles.GetAsync(hash, cancellationToken));

    private sealed record Found(IssuedReceipt Receipt, ETag ETag);

    /// <summary>What a correction asks: which receipt it replaces and why, and the receipt to issue in its place.</summary>
    private sealed record Correction(
        string Replaces,
        ReceiptWithdrawal Withdrawal,
        int IssueYear,
        IReadOnlyList<ReceiptPaymentKey> PaymentKeys,
        Func<string, string, IssuedReceipt> Create)
    {
        /// <summary>The donor-year row to point at the new receipt (Sammelbestätigung only).</summary>
        public string? AnnualRow { get; init; }

        /// <summary>Whether the old receipt may be corrected by this one.</summary>
        public required Func<IssuedReceipt, bool> Fits { get; init; }
    }
}
