using Azure;
using Azure.Data.Tables;
using Kok.Domain.Dashboard;
using Kok.Domain.Receipts;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Receipts;

/// <summary>
/// The receipt register in Table Storage, all in one partition (rows: <see cref="ReceiptRegisterRows"/>) so that one
/// entity-group transaction can cover everything a new receipt changes: the year's counter row (replaced under its
/// ETag), the receipt row with the frozen data and one row per confirmed payment, both inserted; for a
/// Sammelbestätigung also the donor's row for the year, inserted. Either all are written or none, so a number is
/// never skipped or given twice and a payment never gets two receipts: a concurrent worker that read the same counter
/// fails on its ETag (412) and starts over; one issuing for a payment that has a receipt fails on the payment row
/// (409), one issuing the same Sammelbestätigung on the donor row (409), and finds the receipt. Several
/// Sammelbestätigungen share one such step (<see cref="AnnualReceiptBatch"/>); a correction is one too
/// (<see cref="ReceiptCorrections"/>).
/// <para>
/// One partition for all years rather than one per year: the payment row must be found whatever year a retry runs
/// in, or a mail retried across New Year would get a second number. The cost is one counter for all workers: see
/// README for the measured rate.
/// </para>
/// Cost: a new receipt (single or annual, any number of lines) is one counter read plus one transaction, a batch of
/// Sammelbestätigungen the same for as many as fit 100 rows; asking again for a payment that has one costs those plus
/// two reads, for a donor's Sammelbestätigung plus two reads. A new receipt is then counted in the dashboard totals
/// (year of issue); a crash just before that is repaired by the recompute action.
/// </summary>
public sealed class TableReceiptRegister : IReceiptRegister
{
    /// <summary>The receipts' frozen donor data: kept as long as the receipts must be (§ 50 Abs. 7 EStDV, § 147 AO).</summary>
    public static PersonalDataDeclaration PersonalData { get; } = new(
        TableNames.ReceiptRegister,
        ["DonorName", "DonorAddressLines"],
        PersonalDataErasure.RetainThenDelete,
        "Zuwendungsbestätigungen and their copies; the tax office may ask for them for ten years.");


    public const string Partition = ReceiptRegisterRows.Partition;

    /// <summary>Enough for dozens of workers racing for numbers; beyond it the queue retries the message.</summary>
    public const int MaxAttempts = ReceiptRegisterStore.MaxAttempts;

    private const int CounterAction = 0;

    private readonly ReceiptRegisterStore store;
    private readonly AnnualReceiptBatch annual;
    private readonly ReceiptCorrections corrections;

    public TableReceiptRegister(StorageClients storage, TimeProvider time, IDashboardTotals? totals = null)
    {
        store = new ReceiptRegisterStore(storage, time, totals);
        annual = new AnnualReceiptBatch(store);
        corrections = new ReceiptCorrections(store);
    }

    public async Task<IssuedReceipt> IssueAsync(ReceiptIssueRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        await store.EnsureFacsimileAsync(request.Issuer, cancellationToken);
        var table = await store.TableAsync();
        for (var attempt = 1; attempt <= MaxAttempts; attempt++)
        {
            var (counter, next) = await store.NextNumbersAsync(request.Year, 1, cancellationToken);
            var receipt = new IssuedReceipt(request.PaymentKey, request.ToDocument(ReceiptNumber.Create(request.Year, next)));
            TableTransactionAction[] actions =
            [
                counter,
                ReceiptRegisterStore.Add(ReceiptRegisterRows.Receipt(receipt, store.Now)),
                ReceiptRegisterStore.Add(ReceiptRegisterRows.Pointer(ReceiptRegisterRows.PaymentKey(request.PaymentKey), receipt.Number)),
            ];
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                await store.CountAsync(receipt, cancellationToken);
                return receipt;
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

            await ReceiptRegisterStore.BackOffAsync(attempt, cancellationToken);
        }

        throw new ReceiptRegisterBusyException($"No receipt number after {MaxAttempts} attempts; try again later.");
    }

    public async Task<IssuedReceipt> IssueAnnualAsync(AnnualReceiptIssueRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = (await annual.IssueAsync([request], cancellationToken))[0];
        return result.Receipt ?? throw new ReceiptPaymentsAlreadyConfirmedException(result.AlreadyConfirmed);
    }

    public Task<IReadOnlyList<AnnualReceiptIssueResult>> IssueAnnualAsync(
        IReadOnlyList<AnnualReceiptIssueRequest> requests,
        CancellationToken cancellationToken) =>
        annual.IssueAsync(requests, cancellationToken);

    public async Task<IssuedReceipt?> GetByPaymentAsync(ReceiptPaymentKey paymentKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paymentKey);
        return (await store.FollowAsync(ReceiptRegisterRows.PaymentKey(paymentKey), cancellationToken))?.Receipt;
    }

    public async Task<IssuedReceipt?> GetAsync(string receiptNumber, CancellationToken cancellationToken) =>
        (await store.FindAsync(receiptNumber, cancellationToken))?.Receipt;

    public async Task<IssuedReceipt?> GetAnnualAsync(int year, ReceiptDonorKey donorKey, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(donorKey);
        return (await store.FollowAsync(ReceiptRegisterRows.AnnualKey(year, donorKey), cancellationToken))?.Receipt;
    }

    public async Task<IReadOnlyList<IssuedReceipt>> ListAsync(int year, CancellationToken cancellationToken)
    {
        var table = await store.TableAsync();
        var prefix = ReceiptRegisterRows.NumberKey(ReceiptNumber.Create(year, 1))[..^6];
        var filter = TableClient.CreateQueryFilter($"PartitionKey eq {Partition} and RowKey ge {prefix} and RowKey lt {prefix + "9999999"}");
        var receipts = new List<IssuedReceipt>();
        await foreach (var entity in table.QueryAsync<TableEntity>(filter, cancellationToken: cancellationToken))
        {
            receipts.Add(await store.ToReceiptAsync(entity, cancellationToken));
        }

        return receipts.OrderBy(r => r.Number, StringComparer.Ordinal).ToList();
    }

    public async Task<IssuedReceipt?> MarkWithdrawnAsync(ReceiptPaymentKey paymentKey, DateOnly withdrawnOn, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(paymentKey);
        var found = await store.FollowAsync(ReceiptRegisterRows.PaymentKey(paymentKey), cancellationToken);
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
        var found = await store.FindAsync(receiptNumber, cancellationToken);
        return found is null ? null : await WithdrawFoundAsync(found, withdrawal, cancellationToken);
    }

    public Task<IssuedReceipt> ReissueAsync(
        string replacesNumber,
        ReceiptWithdrawal withdrawal,
        AnnualReceiptIssueRequest replacement,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        var subject = replacement.Subject;
        return corrections.ApplyAsync(
            new ReceiptCorrections.Correction(
                replacesNumber,
                withdrawal,
                replacement.IssueYear,
                replacement.PaymentKeys,
                (number, replaces) => new IssuedReceipt(replacement.PaymentKeys, replacement.ToDocument(number, replaces), subject.DonorKey))
            {
                Issuer = replacement.Issuer,
                AnnualRow = ReceiptRegisterRows.AnnualKey(subject.Year, subject.DonorKey),
                Fits = old => old.DonorKey == subject.DonorKey && old.Document.Period.Year == subject.Year,
            },
            cancellationToken);
    }

    public Task<IssuedReceipt> ReissueAsync(
        string replacesNumber,
        ReceiptWithdrawal withdrawal,
        ReceiptIssueRequest replacement,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(replacement);
        return corrections.ApplyAsync(
            new ReceiptCorrections.Correction(
                replacesNumber,
                withdrawal,
                replacement.Year,
                [replacement.PaymentKey],
                (number, replaces) => new IssuedReceipt(replacement.PaymentKey, replacement.ToDocument(number, replaces)))
            {
                Issuer = replacement.Issuer,
                Fits = old => old.Document.Form == ReceiptForm.Einzelbestaetigung && old.PaymentKey == replacement.PaymentKey,
            },
            cancellationToken);
    }

    private async Task<IssuedReceipt> WithdrawFoundAsync(ReceiptRegisterStore.Found found, ReceiptWithdrawal withdrawal, CancellationToken cancellationToken)
    {
        var table = await store.TableAsync();
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
                await table.UpdateEntityAsync(ReceiptRegisterRows.Withdrawal(withdrawn, store.Now), found.ETag, TableUpdateMode.Merge, cancellationToken);
                return new IssuedReceipt(receipt.PaymentKeys, withdrawn, receipt.DonorKey);
            }
            catch (RequestFailedException ex) when (ex.Status == 412)
            {
                found = await store.FindAsync(receipt.Number, cancellationToken) ?? found;
            }
        }

        throw new ReceiptRegisterBusyException($"Receipt {found.Receipt.Number} could not be marked withdrawn; try again later.");
    }
}
