using Kok.Domain.Privacy.Erasure;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Kok.Functions.Privacy.Erasure;

/// <summary>
/// Daily at 03:15 UTC: the retention run (<see cref="RunPrivacyRetention"/>). It takes everything due up to today, so
/// a missed day is caught up; rerun by hand with <c>POST /admin/functions/PrivacyRetention</c>, which deletes nothing
/// twice. Logs carry counts only.
/// </summary>
public sealed class PrivacyRetentionFunction(RunPrivacyRetention retention, ILogger<PrivacyRetentionFunction> logger)
{
    public const string Schedule = "0 15 3 * * *";

    [Function("PrivacyRetention")]
    public async Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var report = await retention.ExecuteAsync(cancellationToken);
        logger.LogInformation(
            "Privacy retention: {Receipts} receipts past their retention deleted with their PDFs, {Donations} unpaid donations and {Members} unpaid sign-ups scrubbed.",
            report.ReceiptsDeleted, report.DonationsScrubbed, report.MembersScrubbed);
    }
}
