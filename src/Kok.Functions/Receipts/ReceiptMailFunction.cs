using System.Text.Json;
using Kok.Domain.Common;
using Kok.Domain.Receipts;
using Kok.Functions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Kok.Functions.Receipts;

/// <summary>
/// Queue trigger on <c>receipt-mail</c>: parses the message (ids only) and runs <see cref="SendReceiptMail"/>, the way
/// every queue function does (<see cref="QueueMessageHandler"/>): an unreadable message, or one whose donation or
/// member does not exist, goes to <c>receipt-mail-poison</c> at once; one that came before the payment's new state
/// was saved, or while another worker sends the same mail, is put back for later; transient failures (storage, mail
/// service 429/5xx) are rethrown and retried by the host. Logs carry ids and outcomes only, never names or addresses.
/// </summary>
public sealed class ReceiptMailFunction(
    SendReceiptMail sendReceiptMail,
    QueueMessageHandler messages,
    ILogger<ReceiptMailFunction> logger)
{
    public const string PoisonQueueName = IReceiptMailQueue.QueueName + QueueMessageHandler.PoisonSuffix;

    [Function("ReceiptMail")]
    public Task RunAsync([QueueTrigger(IReceiptMailQueue.QueueName)] string message, CancellationToken cancellationToken) =>
        messages.HandleAsync(IReceiptMailQueue.QueueName, message, Parse, request => SendAsync(request, cancellationToken), cancellationToken);

    private async Task SendAsync(ReceiptMailRequest request, CancellationToken cancellationToken)
    {
        var result = await sendReceiptMail.ExecuteAsync(request, cancellationToken);
        if (result.Outcome == ReceiptMailOutcome.SubjectNotFound)
        {
            throw UnprocessableMessageException.UnknownSubject(request.SubjectKind.ToString().ToLowerInvariant(), request.SubjectId);
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
}
