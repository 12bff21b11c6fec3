using Kok.Domain.Privacy.Erasure;
using Microsoft.Extensions.Configuration;

namespace Kok.Functions.Privacy.Erasure;

/// <summary>
/// <c>Privacy:ReceiptRetentionYears</c> (default 8, at least 8: § 147 Abs. 3 AO), <c>Privacy:BookRetentionYears</c>
/// (default 10, at least 10) and <c>Privacy:AbandonedDays</c> (default 30, 1 to 365): see <see cref="RetentionPeriods"/>.
/// Below the legal minimum the app does not start: a typo must not delete receipts early.
/// </summary>
public static class RetentionConfiguration
{
    public const string ReceiptYearsSetting = "Privacy:ReceiptRetentionYears";
    public const string BookYearsSetting = "Privacy:BookRetentionYears";
    public const string AbandonedDaysSetting = "Privacy:AbandonedDays";

    public static RetentionPeriods From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = RetentionPeriods.Default;
        return new RetentionPeriods(
            Read(configuration, ReceiptYearsSetting, defaults.ReceiptYears, defaults.ReceiptYears, 30),
            Read(configuration, BookYearsSetting, defaults.BookYears, defaults.BookYears, 30),
            Read(configuration, AbandonedDaysSetting, defaults.AbandonedDays, 1, 365));
    }

    private static int Read(IConfiguration configuration, string setting, int fallback, int min, int max)
    {
        var value = configuration.GetValue(setting, fallback);
        return value >= min && value <= max
            ? value
            : throw new InvalidOperationException($"{setting} must be a whole number from {min} to {max}.");
    }
}
