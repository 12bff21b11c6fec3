using System.Globalization;

namespace Kok.Domain.Receipts;

/// <summary>
/// Staff find issued receipts (single and annual) of a year of issue: all of them, or those whose number or donor
/// name contains the search text, ignoring case. Newest number first, at most <see cref="MaxResults"/>. Reads the year's
/// receipt rows from the register: cost grows with that year's receipts.
/// </summary>
public sealed class SearchReceipts(IReceiptRegister register, TimeProvider time)
{
    public const int MaxResults = 200;

    /// <summary>The current Berlin year when <paramref name="year"/> is null.</summary>
    public int YearOrCurrent(int? year) => year ?? GermanTime.Today(time).Year;

    public async Task<IReadOnlyList<IssuedReceipt>> ExecuteAsync(int year, string? search, CancellationToken cancellationToken)
    {
        var receipts = await register.ListAsync(year, cancellationToken).ConfigureAwait(false);
        var text = search?.Trim() ?? string.Empty;
        return receipts
            .Where(r => text.Length == 0
                || r.Number.Contains(text, StringComparison.OrdinalIgnoreCase)
                || CultureInfo.InvariantCulture.CompareInfo.IndexOf(r.Document.DonorName, text, CompareOptions.IgnoreCase) >= 0)
            .OrderByDescending(r => r.Number, StringComparer.Ordinal)
            .Take(MaxResults)
            .ToList();
    }
}
