using Azure;
using Azure.Data.Tables;
using Kok.Domain.Receipts;

namespace Kok.Functions.Receipts;

/// <summary>
/// Corrects a receipt in one entity-group transaction: the counter moves on, the old receipt row is merged as
/// withdrawn (date, reason) and replaced by the new number under its ETag, the new receipt row is inserted, the
/// donor's row for the year (Sammelbestätigung) points at it, and the payment rows move with it: kept ones to the new
/// number, those left out deleted (free again), added ones inserted (a payment confirmed elsewhere fails the step and
/// nothing is written). A retry finds the old receipt replaced and returns the replacement.
/// </summary>
internal sealed class ReceiptCorrections(ReceiptRegisterStore store)
{
    public async Task<IssuedReceipt> ApplyAsync(Correction correction, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(correction);
        ArgumentNullException.ThrowIfNull(correction.Withdrawal);
        await store.EnsureFacsimileAsync(correction.Issuer, cancellationToken);
        var table = await store.TableAsync();
        for (var attempt = 1; attempt <= ReceiptRegisterStore.MaxAttempts; attempt++)
        {
            var old = await store.FindAsync(correction.Replaces, cancellationToken)
                ?? throw new ArgumentException($"There is no receipt {correction.Replaces}.", nameof(correction));
            if (old.Receipt.Document.ReplacedBy is { } replacedBy)
            {
                return (await store.FindAsync(replacedBy, cancellationToken))!.Receipt;
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
            if (4 + kept.Length + dropped.Length + added.Length > ReceiptRegisterStore.MaxTransactionActions)
            {
                throw new ArgumentException("Too many payments change in one correction; correct in smaller steps.", nameof(correction));
            }

            var (counter, next) = await store.NextNumbersAsync(correction.IssueYear, 1, cancellationToken);
            var receipt = correction.Create(ReceiptNumber.Create(correction.IssueYear, next), old.Receipt.Number);
            var earlier = old.Receipt.Document.IsWithdrawn;
            var withdrawn = (earlier
                    ? old.Receipt.Document
                    : old.Receipt.Document.Withdraw(correction.Withdrawal.NotBefore(old.Receipt.Document.IssueDate)))
                .ReplacedWith(receipt.Number);
            var actions = new List<TableTransactionAction>
            {
                counter,
                new(TableTransactionActionType.UpdateMerge, ReceiptRegisterRows.Withdrawal(withdrawn, earlier ? null : store.Now), old.ETag),
                ReceiptRegisterStore.Add(ReceiptRegisterRows.Receipt(receipt, store.Now)),
            };
            var firstAdded = actions.Count + (correction.AnnualRow is null ? 0 : 1) + kept.Length + dropped.Length;
            if (correction.AnnualRow is { } annualRow)
            {
                actions.Add(new(TableTransactionActionType.UpdateReplace, ReceiptRegisterRows.Pointer(annualRow, receipt.Number), ETag.All));
            }

            actions.AddRange(kept.Select(key => new TableTransactionAction(
                TableTransactionActionType.UpdateReplace, ReceiptRegisterRows.Pointer(ReceiptRegisterRows.PaymentKey(key), receipt.Number), ETag.All)));
            actions.AddRange(dropped.Select(key => new TableTransactionAction(
                TableTransactionActionType.Delete, new TableEntity(ReceiptRegisterRows.Partition, ReceiptRegisterRows.PaymentKey(key)), ETag.All)));
            actions.AddRange(added.Select(key => ReceiptRegisterStore.Add(ReceiptRegisterRows.Pointer(ReceiptRegisterRows.PaymentKey(key), receipt.Number))));
            try
            {
                await table.SubmitTransactionAsync(actions, cancellationToken);
                await store.CountAsync(receipt, cancellationToken);
                return receipt;
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 409 && ex.FailedTransactionActionIndex >= firstAdded)
            {
                var taken = await store.ConfirmedAsync(added, cancellationToken);
                if (taken.Count > 0)
                {
                    throw new ReceiptPaymentsAlreadyConfirmedException(taken);
                }
            }
            catch (TableTransactionFailedException ex) when (ex.Status == 412)
            {
                // Someone took the number or changed the old receipt first: read both again.
            }

            await ReceiptRegisterStore.BackOffAsync(attempt, cancellationToken);
        }

        throw new ReceiptRegisterBusyException($"Receipt {correction.Replaces} could not be corrected after {ReceiptRegisterStore.MaxAttempts} attempts; try again later.");
    }

    /// <summary>What a correction asks: which receipt it replaces and why, and the receipt to issue in its place.</summary>
    public sealed record Correction(
        string Replaces,
        ReceiptWithdrawal Withdrawal,
        int IssueYear,
        IReadOnlyList<ReceiptPaymentKey> PaymentKeys,
        Func<string, string, IssuedReceipt> Create)
    {
        /// <summary>The issuer frozen on the new receipt, whose facsimile must be stored first.</summary>
        public OrganisationProfile? Issuer { get; init; }

        /// <summary>The donor-year row to point at the new receipt (Sammelbestätigung only).</summary>
        public string? AnnualRow { get; init; }

        /// <summary>Whether the old receipt may be corrected by this one.</summary>
        public required Func<IssuedReceipt, bool> Fits { get; init; }
    }
}
