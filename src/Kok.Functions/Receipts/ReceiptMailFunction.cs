using System.Text.Json;
using Kok.Domain.Common;
using Kok.Domain.Receipts;
using Kok.Functions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Kok.Functions.Receipts;

/// <summary>
/// Queue trigger on <c>receipt-mail</c>: parses the message (ids only) and runs <see cref="SendReceiptMail"/>.
/// A message that came before the payment's new state was saved, or while another worker sends the same mail, is put
/// back for later (<see cref="QueuePutBack"/>) without failing. Transient failures (storage, mail service 429/5xx)
/// are rethrown, so the host retries the message up to host.json's maxDequeueCount and then moves it to
/// <c>receipt-mail-poison</c>. A message that can never succeed (unreadable, or its subject does not exist) goes to
/// the poison queue at once instead of being retried pointlessly. Logs carry ids and outcomes only, never names or
/// addresses.
/// </summary>
public sealed class ReceiptMailFunction(
    SendReceiptMail sendReceiptMail,
    QueuePutBack putBack,
    StorageClients storage,
    ILogger<ReceiptMailFunction> logger)
{
    public const string PoisonQueueName = IReceiptMailQueue.QueueName + "-poison";

    [Function("ReceiptMail")]
    public async Task RunAsync([QueueTrigger(IReceiptMailQueue.QueueName)] string message, CancellationToken cancellationToken)
    {
        var request = Parse(message);
        if (request is null)
        {
            // The content is not logged: an unreadable message may hold anything.
            logger.LogError("Unreadable receipt mail message ({Length} characters) moved to {PoisonQueue}.", message?.Length ?? 0, PoisonQueueName);
            await MoveToPoisonAsync(message ?? string.Empty, cancellationToken);
            return;
        }

        ReceiptMailResult result;
        try
        {
            result = await sendReceiptMail.ExecuteAsync(request, cancellationToken);
        }
        catch (NotYetException)
        {
            await putBack.PutBackAsync(IReceiptMailQueue.QueueName, message, cancellationToken);
            return;
        }

        if (result.Outcome == ReceiptMailOutcome.SubjectNotFound)
        {
            logger.LogError(
                "Receipt mail for unknown {SubjectKind} {SubjectId} (payment {PaymentId}, {Purpose}) moved to {PoisonQueue}.",
                request.SubjectKind, SafeId(request.SubjectId), SafeId(request.PaymentId), request.Purpose, PoisonQueueName);
            await MoveToPoisonAsync(message, cancellationToken);
            return;
        }

        logger.Log(
            result.Outcome == ReceiptMailOutcome.Rejected ? LogLevel.Warning : LogLevel.Information,
            "Receipt mail for {SubjectKind} {SubjectId} payment {PaymentId} ({Purpose}): {Outcome}; mail {MailKind}, receipt {ReceiptNumber}.",
            request.SubjectKind, request.SubjectId, request.PaymentId, request.Purpose, result.Outcome, result.MailKind, result.ReceiptNumber);
    }

    /// <summary>The request, or null when the message is not one (bad JSON, missing or odd ids).</summary>
    public static ReceiptMailRequest? Parse(string? message)
    {
        if (string.IsNullOrWhiteSpace(message))
        {
            return null;
        }

        try
        {
            var request = JsonSerializer.Deserialize<ReceiptMailRequest>(message, KokJson.Options);
            return request is not null
                && Enum.IsDefined(request.SubjectKind)
                && Enum.IsDefined(request.Purpose)
                && SafeId(request.SubjectId) == request.SubjectId
                && SafeId(request.PaymentId) == request.PaymentId
                ? request
                : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Our ids are short runs of letters, digits, _ and -; anything else is not echoed into logs.</summary>
    private static string SafeId(string? id) =>
        id is { Length: > 0 and <= 64 } && id.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-') ? id : "(malformed)";

    private async Task MoveToPoisonAsync(string message, CancellationToken cancellationToken)
    {
        var poison = await storage.QueueAsync(PoisonQueueName);
        await poison.SendMessageAsync(message, cancellationToken);
    }
}
