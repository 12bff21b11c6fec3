using System.Text.Json;
using Kok.Domain.Common;
using Kok.Domain.Receipts;
using Kok.Functions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Kok.Functions.Receipts;

/// <summary>
/// The annual run of Sammelbestätigungen. <c>AnnualReceipts</c> runs on <c>Receipts:AnnualSchedule</c> (default
/// 10 January 04:00 UTC) for the previous calendar year in Berlin time, and again whenever started by hand
/// (<c>POST /admin/functions/AnnualReceipts</c>; another year from the dashboard,
/// <c>POST /api/dashboard/receipts/annual/{year}/run</c>, since the Functions host passes no input to a timer): it
/// sends one message per donor group without receipt, in waves (<see cref="StartAnnualReceiptRun"/>). <c>AnnualReceipt</c>
/// handles each (<see cref="IssueAnnualReceipt"/>) the way every queue function does (<see cref="QueueMessageHandler"/>);
/// while receipts are blocked (§ 63 Abs. 5 AO: the exemption notice too old, or settings missing) a message waits:
/// it goes back on the queue invisible for <see cref="BlockedDelay"/>, without spending a delivery, however long the
/// block lasts, and the dashboard summary shows what to update. Logs carry ids and outcomes only.
/// </summary>
public sealed class AnnualReceiptsFunction(
    StartAnnualReceiptRun start,
    IssueAnnualReceipt issue,
    AnnualReceiptQueueClient queue,
    QueueMessageHandler messages,
    ILogger<AnnualReceiptsFunction> logger)
{
    public const string ScheduleSetting = "Receipts:AnnualSchedule";

    /// <summary>10 January, 04:00 UTC: after the bank's last December bookings, in time for the donors' tax returns.</summary>
    public const string DefaultSchedule = "0 0 4 10 1 *";

    /// <summary>How long a message waits while receipts are blocked before it looks again.</summary>
    public static readonly TimeSpan BlockedDelay = TimeSpan.FromMinutes(30);

    [Function("AnnualReceipts")]
    public async Task RunAsync([TimerTrigger("%" + ScheduleSetting + "%")] TimerInfo timer, CancellationToken cancellationToken)
    {
        LogStarted(await start.ExecuteAsync(start.DefaultYear, StartAnnualReceiptRun.Scheduler, cancellationToken));
    }

    [Function("AnnualReceipt")]
    public Task HandleAsync([QueueTrigger(IAnnualReceiptQueue.QueueName)] string message, CancellationToken cancellationToken) =>
        messages.HandleAsync(IAnnualReceiptQueue.QueueName, message, Parse, request => IssueAsync(request, cancellationToken), cancellationToken);

    private void LogStarted(AnnualReceiptRunStart started) =>
        logger.LogInformation(
            "Annual receipts {Year}: {Donors} donor groups, {Enqueued} sent to annual-receipts, {AlreadyIssued} done before, {LeftOut} left out.",
            started.Year, started.Donors, started.Enqueued, started.AlreadyIssued, started.LeftOut);

    /// <summary>The message, or null when it is not one (bad JSON, no year, a malformed donor key).</summary>
    public static AnnualReceiptMessage? Parse(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        try
        {
            var parsed = JsonSerializer.Deserialize<AnnualReceiptMessage>(message, KokJson.Options);
            return parsed is { Year: >= 2000 and <= 9999 }
                && (parsed.IsStart ? parsed.After is null || IsDonorKey(parsed.After) : IsDonorKey(parsed.DonorKey) && parsed.After is null)
                ? parsed
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    private static bool IsDonorKey(string? key) =>
        key is { Length: > 0 and <= 64 } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-');

    private async Task IssueAsync(AnnualReceiptMessage message, CancellationToken cancellationToken)
    {
        if (message.IsStart)
        {
            // A year that is not over (a message older than the staff check, or put there by hand) can never succeed.
            if (!start.CanRun(message.Year))
            {
                throw new UnprocessableMessageException($"annual run of {message.Year}: the year is not over");
            }

            if (message.After is { } after)
            {
                await start.ContinueAsync(message.Year, new ReceiptDonorKey(after), cancellationToken);
                return;
            }

            var started = await start.ExecuteAsync(message.Year, StartAnnualReceiptRun.ByStaff, cancellationToken);
            LogStarted(started);
            return;
        }

        try
        {
            var result = await issue.ExecuteAsync(message, cancellationToken);
            logger.LogInformation(
                "Annual receipt {Year} for donor {DonorKey}: {Outcome}, receipt {ReceiptNumber}, mail {Mail}.",
                message.Year, message.DonorKey, result.Outcome, result.ReceiptNumber, result.Mail);
        }
        catch (ReceiptsUnavailableException ex)
        {
            await queue.EnqueueLaterAsync(message, BlockedDelay, cancellationToken);
            logger.LogWarning(
                "Annual receipt {Year} for donor {DonorKey} waits {Minutes} minutes: receipts are blocked ({Reason}).",
                message.Year, message.DonorKey, BlockedDelay.TotalMinutes, ex.Blocker?.Reason.ToString() ?? ex.Message);
        }
    }
}
