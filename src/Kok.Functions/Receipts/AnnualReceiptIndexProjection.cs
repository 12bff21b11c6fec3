using System.Globalization;
using Azure;
using Azure.Data.Tables;
using Kok.Domain.Donations;
using Kok.Domain.Receipts;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Receipts;

/// <summary>
/// Keeps the annual run's index (<see cref="AnnualReceiptIndexRows"/>) for monthly donations. The mark names, per
/// payment year, how many payments count and their total (<c>2026:3:7500</c>), so a save that changes no counted
/// payment costs nothing. When a year's part changed: before the donation's write, that year's rows are upserted in
/// one entity-group transaction (a payment the run must confirm is never missing); after it, rows of payments that no
/// longer count (refunded) are deleted, one request each. A crash between leaves a stale row, which the run
/// recognises: it re-checks every payment on the donation itself. One-time donations are not indexed (their receipt
/// comes with the thank-you), so their saves cost nothing here.
/// No personal data: ids, dates, money and the donor key, a hash (see <see cref="AnnualReceiptGrouping"/>).
/// </summary>
internal sealed class AnnualReceiptIndexProjection(StorageClients storage) : IProjection<Donation>
{
    private const int MaxBatch = 100;

    public string Name => "annual";

    public ProjectionPhase Phase => ProjectionPhase.BeforeWrite | ProjectionPhase.AfterWrite;

    public PersonalDataDeclaration? PersonalData => null;

    public string? Mark(Donation aggregate)
    {
        var parts = Parts(aggregate);
        return parts.Count == 0 ? null : string.Join(',', parts.OrderBy(p => p.Key).Select(p => $"{p.Key}:{p.Value}"));
    }

    public async Task BeforeWriteAsync(ProjectionStep<Donation> save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(save);
        if (!save.Changed || save.Current is null)
        {
            return;
        }

        var before = Parse(save.Previous);
        var table = await storage.TableAsync(TableNames.AnnualReceiptIndex);
        foreach (var year in AnnualReceiptIndexRows.Of(save.Aggregate).GroupBy(p => p.Year))
        {
            if (before.TryGetValue(year.Key, out var part) && part == Part(year.Select(p => p.Payment.AmountCents)))
            {
                continue;
            }

            foreach (var chunk in year.Chunk(MaxBatch))
            {
                await table.SubmitTransactionAsync(
                    chunk.Select(p => new TableTransactionAction(TableTransactionActionType.UpsertReplace, AnnualReceiptIndexRows.ToEntity(p.Year, p.Payment))),
                    cancellationToken);
            }
        }
    }

    public async Task AfterWriteAsync(ProjectionStep<Donation> save, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(save);
        if (!save.Changed || save.Previous is null)
        {
            return;
        }

        // Payments that no longer count in a year whose part changed: fully refunded (or refunded down to nothing).
        var changedYears = Parse(save.Previous).Where(p => Parts(save.Aggregate).GetValueOrDefault(p.Key) != p.Value).Select(p => p.Key).ToHashSet();
        var counted = AnnualReceiptIndexRows.Of(save.Aggregate).Select(p => p.Payment.PaymentId).ToHashSet(StringComparer.Ordinal);
        var donorKey = AnnualReceiptGrouping.KeyOf(save.Aggregate.Donor);
        var table = await storage.TableAsync(TableNames.AnnualReceiptIndex);
        foreach (var payment in save.Aggregate.Payments.Where(p => p.PaidAt is not null && !counted.Contains(p.Id)))
        {
            var year = GermanTime.DateOf(payment.PaidAt!.Value).Year;
            if (!changedYears.Contains(year))
            {
                continue;
            }

            try
            {
                await table.DeleteEntityAsync(
                    AnnualReceiptIndexRows.Partition(year), AnnualReceiptIndexRows.RowKey(donorKey, save.Aggregate.Id, payment.Id), ETag.All, cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 404)
            {
                // Never indexed, or deleted by an earlier attempt.
            }
        }
    }

    private static Dictionary<int, string> Parts(Donation donation) =>
        AnnualReceiptIndexRows.Of(donation)
            .GroupBy(p => p.Year)
            .ToDictionary(g => g.Key, g => Part(g.Select(p => p.Payment.AmountCents)));

    private static string Part(IEnumerable<long> amounts)
    {
        var list = amounts.ToList();
        return string.Create(CultureInfo.InvariantCulture, $"{list.Count}:{list.Sum()}");
    }

    private static Dictionary<int, string> Parse(string? mark) =>
        string.IsNullOrEmpty(mark)
            ? []
            : mark.Split(',').Select(p => p.Split(':', 2)).ToDictionary(p => int.Parse(p[0], CultureInfo.InvariantCulture), p => p[1]);
}
