using Kok.Domain.BankTransfers;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Kok.Functions.BankTransfers;

/// <summary>
/// Daily at 06:30 UTC (morning in Berlin, after the dues run): one friendly reminder per transfer donation whose money
/// has not come <c>BankTransfer:ReminderDays</c> days after it was made (<see cref="TransferReminders"/>). A missed
/// day is caught up, since it takes everything due up to today; rerun by hand with
/// <c>POST /admin/functions/TransferReminders</c>, which sends nothing twice. Logs carry counts only.
/// </summary>
public sealed class TransferRemindersFunction(TransferReminders reminders, ILogger<TransferRemindersFunction> logger)
{
    public const string Schedule = "0 30 6 * * *";

    [Function("TransferReminders")]
    public async Task RunAsync([TimerTrigger(Schedule)] TimerInfo timer, CancellationToken cancellationToken)
    {
        var report = await reminders.ExecuteAsync(cancellationToken);
        logger.LogInformation(
            "Transfer reminders: {Due} donations due, {Reminded} reminded, {Dropped} dropped (money came), {Deferred} left for the next run.",
            report.Due, report.Reminded, report.Dropped, report.Deferred);
    }
}
