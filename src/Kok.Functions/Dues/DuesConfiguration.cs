using System.Globalization;
using System.Text.RegularExpressions;
using Kok.Domain.Dues;
using Microsoft.Extensions.Configuration;

namespace Kok.Functions.Dues;

/// <summary>
/// Reads the dues settings: <c>Dues:PreNotificationDays</c> (default 14), <c>Dues:ReminderDays</c> ("7,21"),
/// <c>Dues:GraceDays</c> (90), <c>Dues:SepaCreditorId</c> (required for SEPA pre-notifications) and
/// <c>Dues:MaxChargesPerSecond</c> (default 20, below Stripe's test-mode limit of 25 requests per second; see
/// <see cref="DuesPolicy.MaxChargesPerSecond"/>).
/// <c>Dues:Schedule</c> is read by the host itself (<c>%Dues:Schedule%</c> on the timer).
/// </summary>
public static partial class DuesConfiguration
{
    public const string ScheduleSetting = "Dues:Schedule";
    public const string DefaultSchedule = "0 0 5 * * *";

    public static DuesPolicy Policy(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var defaults = DuesPolicy.Default;
        var reminderText = configuration["Dues:ReminderDays"];
        var policy = new DuesPolicy
        {
            PreNotificationDays = configuration.GetValue("Dues:PreNotificationDays", defaults.PreNotificationDays),
            GraceDays = configuration.GetValue("Dues:GraceDays", defaults.GraceDays),
            MaxChargesPerSecond = configuration.GetValue("Dues:MaxChargesPerSecond", defaults.MaxChargesPerSecond),
            ReminderDays = string.IsNullOrWhiteSpace(reminderText)
                ? defaults.ReminderDays
                : [.. reminderText.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                    .Select(d => int.TryParse(d, NumberStyles.None, CultureInfo.InvariantCulture, out var day)
                        ? day
                        : throw new InvalidOperationException("Dues:ReminderDays must be whole days separated by commas, such as 7,21."))],
        };
        var problems = policy.Validate();
        return problems.Count == 0
            ? policy
            : throw new InvalidOperationException("Dues settings: " + string.Join(" ", problems));
    }

    public static SepaCreditor Creditor(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var id = (configuration["Dues:SepaCreditorId"] ?? string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal).ToUpperInvariant();

        // Gläubiger-ID: country, two check digits, a three-character business code, then the national id.
        return CreditorIdShape().IsMatch(id)
            ? new SepaCreditor(id)
            : throw new InvalidOperationException("Dues:SepaCreditorId must be the SEPA creditor identifier, such as DE98ZZZ09999999999.");
    }

    [GeneratedRegex("^[A-Z]{2}[0-9]{2}[A-Z0-9]{3}[A-Z0-9]{1,28}$")]
    private static partial Regex CreditorIdShape();
}
