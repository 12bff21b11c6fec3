namespace Kok.Domain.Receipts;

/// <summary>
/// What the annual run for a payment year would confirm, read from the index alone (ids and money, one pass over that
/// year's payments): the donor groups that get a Sammelbestätigung with their payments and total, and the groups left
/// out with the reason. A payment counts when its own donation asked for a receipt and gave an address.
/// </summary>
public sealed class AnnualReceiptPlan
{
    private readonly IReadOnlyDictionary<ReceiptDonorKey, IReadOnlyList<string>> donations;

    private AnnualReceiptPlan(
        int year,
        IReadOnlyList<ReceiptDonorKey> donors,
        IReadOnlyDictionary<ReceiptDonorKey, IReadOnlyList<string>> donations,
        int payments,
        long totalCents,
        IReadOnlyList<AnnualReceiptLeftOutGroup> leftOut)
    {
        Year = year;
        Donors = donors;
        this.donations = donations;
        Payments = payments;
        TotalCents = totalCents;
        LeftOut = leftOut;
    }

    public int Year { get; }

    /// <summary>The donor groups that get a Sammelbestätigung, in key order.</summary>
    public IReadOnlyList<ReceiptDonorKey> Donors { get; }

    public int Payments { get; }

    public long TotalCents { get; }

    public IReadOnlyList<AnnualReceiptLeftOutGroup> LeftOut { get; }

    /// <summary>The donations whose payments count for <paramref name="donor"/>'s Sammelbestätigung, in index order.</summary>
    public IReadOnlyList<string> DonationsOf(ReceiptDonorKey donor) => donations.TryGetValue(donor, out var ids) ? ids : [];

    public static async Task<AnnualReceiptPlan> ReadAsync(IAnnualReceiptIndex index, int year, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(index);
        var donors = new List<ReceiptDonorKey>();
        var donations = new Dictionary<ReceiptDonorKey, List<string>>();
        var leftOut = new Dictionary<(ReceiptDonorKey, AnnualReceiptLeftOutReason), List<ReceiptablePayment>>();
        var (payments, total) = (0, 0L);
        await foreach (var payment in index.ListAsync(year, cancellationToken).ConfigureAwait(false))
        {
            if (payment.LeftOut is { } reason)
            {
                var key = (payment.DonorKey, reason);
                if (!leftOut.TryGetValue(key, out var list))
                {
                    leftOut[key] = list = [];
                }

                list.Add(payment);
                continue;
            }

            if (donors.Count == 0 || donors[^1] != payment.DonorKey)
            {
                donors.Add(payment.DonorKey);
            }

            if (!donations.TryGetValue(payment.DonorKey, out var ids))
            {
                donations[payment.DonorKey] = ids = [];
            }

            if (!ids.Contains(payment.DonationId, StringComparer.Ordinal))
            {
                ids.Add(payment.DonationId);
            }

            payments++;
            total += payment.AmountCents;
        }

        var groups = leftOut
            .Select(g => new AnnualReceiptLeftOutGroup(g.Key.Item1, g.Key.Item2, g.Value))
            .OrderBy(g => g.DonorKey.Value, StringComparer.Ordinal)
            .ToList();
        return new AnnualReceiptPlan(
            year, donors.Distinct().ToList(), donations.ToDictionary(d => d.Key, d => (IReadOnlyList<string>)d.Value), payments, total, groups);
    }
}
