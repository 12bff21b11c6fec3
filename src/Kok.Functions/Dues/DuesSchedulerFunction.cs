using Kok.Domain.Dues;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Kok.Functions.Dues;

/// <summary>
/// The daily dues run on <c>Dues:Schedule</c> (default 05:00 UTC, i.e. 6 or 7 in the morning in Berlin, after the
/// endings run). A run missed while the app was down comes as <see cref="TimerInfo.IsPastDue"/>; it does the same
/// as any run, since <see cref="RunDuesSchedule"/> takes everything due up to today. Rerun by hand with
/// <c>POST /admin/functions/DuesScheduler</c>: it finishes what a broken run left, without repeating anything.
/// </summary>
public sealed class DuesSchedulerFunction(RunDuesSchedule run, ILogger<DuesSchedulerFunction> logger)
{
    [Function("DuesScheduler")]
    public async Task RunAsync([TimerTrigger("%" + DuesConfiguration.ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        if (timer?.IsPastDue == true)
        {
            logger.LogWarning("The dues run is late (the app was down or busy at its scheduled time); catching up now.");
        }

        var report = await run.ExecuteAsync(cancellationToken);
        logger.LogInformation(
            "Dues run: {Examined} members on the agenda; {PreNotified} pre-notified, {Charges} charges requested, {Reminded} reminded, {Lapsed} lapsed, {Stale} stale entries dropped, {Deferred} left for the next run.",
            report.Examined, report.PreNotified, report.ChargesRequested, report.Reminded, report.Lapsed, report.Stale, report.Deferred);
    }
}
