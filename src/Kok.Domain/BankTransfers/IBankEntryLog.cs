namespace Kok.Domain.BankTransfers;

/// <summary>
/// The statement entries already imported, by <see cref="BankStatementEntry.Identity"/>: what makes an import exactly
/// once. An entry is recorded after its payment was recorded, so an import that died in between records it when the
/// same file is imported again (the donation then answers "duplicate", and the entry counts as matched).
/// </summary>
public interface IBankEntryLog
{
    Task<BankEntryRecord?> GetAsync(string identity, CancellationToken cancellationToken);

    /// <summary>Stores <paramref name="record"/> (an idempotent upsert).</summary>
    Task RecordAsync(BankEntryRecord record, CancellationToken cancellationToken);

    /// <summary>Keeps an unmatched entry for staff (an idempotent upsert, before its record).</summary>
    Task AddUnmatchedAsync(UnmatchedBankEntry entry, CancellationToken cancellationToken);

    /// <summary>The unmatched entries, a page (<see cref="Dashboard.ListPage{T}.Size"/>) after the key <paramref name="after"/>.</summary>
    Task<Dashboard.ListPage<UnmatchedBankEntry>> ListUnmatchedAsync(string? after, CancellationToken cancellationToken);

    /// <summary>The unmatched entry with <paramref name="identity"/>, while staff have not decided about it.</summary>
    Task<UnmatchedBankEntry?> GetUnmatchedAsync(string identity, CancellationToken cancellationToken);

    /// <summary>
    /// Writes staff's decision (<paramref name="decided"/>) onto the entry's record if it is still unmatched, or
    /// already carries this very decision (one that died half way, sent again); false when another decision came first.
    /// </summary>
    Task<bool> TryDecideAsync(BankEntryRecord decided, CancellationToken cancellationToken);

    /// <summary>Takes a decided entry off the unmatched list (nothing when it is gone already).</summary>
    Task RemoveUnmatchedAsync(string identity, CancellationToken cancellationToken);

    /// <summary>Remembers that the payer with <paramref name="payerKey"/> (<see cref="BankStatementEntry.PayerKey"/>) paid <paramref name="donationId"/>.</summary>
    Task RememberPayerAsync(string payerKey, string donationId, CancellationToken cancellationToken);

    /// <summary>The donation the payer with <paramref name="payerKey"/> paid last by a matched entry, if any.</summary>
    Task<string?> FindPayerAsync(string payerKey, CancellationToken cancellationToken);
}
