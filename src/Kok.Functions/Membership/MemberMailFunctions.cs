using System.Text.Json;
using Kok.Domain.Membership;
using Kok.Functions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Kok.Functions.Membership;

/// <summary>
/// Queue triggers on <c>welcome-mail</c> and <c>member-mail</c>: parse the request (ids only) and run
/// <see cref="SendMemberMail"/>, the way every queue function does (<see cref="QueueMessageHandler"/>). An unreadable
/// request, or one for a member that does not exist, goes to <c>&lt;queue&gt;-poison</c> at once. A request that came
/// before the save that makes its mail due (or while another worker sends the same mail) is put back for later. A mail
/// that is no longer due is acknowledged without sending and logged as skipped. Transient failures (storage, mail
/// service) are rethrown: the host retries up to host.json's maxDequeueCount, then parks the message in the poison queue.
/// </summary>
public sealed class MemberMailFunctions(SendMemberMail sendMemberMail, QueueMessageHandler messages, ILogger<MemberMailFunctions> logger)
{
    [Function("WelcomeMail")]
    public Task WelcomeAsync([QueueTrigger(IMemberMailQueue.WelcomeQueueName)] string message, CancellationToken cancellationToken) =>
        messages.HandleAsync(IMemberMailQueue.WelcomeQueueName, message, Parse, request => SendAsync(request, cancellationToken), cancellationToken);

    [Function("MemberMail")]
    public Task MemberAsync([QueueTrigger(IMemberMailQueue.MemberMailQueueName)] string message, CancellationToken cancellationToken) =>
        messages.HandleAsync(IMemberMailQueue.MemberMailQueueName, message, Parse, request => SendAsync(request, cancellationToken), cancellationToken);

    private async Task SendAsync(MemberMailRequest request, CancellationToken cancellationToken)
    {
        var dispatch = await sendMemberMail.ExecuteAsync(request, cancellationToken);
        logger.LogInformation("Member mail {Kind} for {MailSubjectId}: {Outcome}.", request.Kind, request.MailSubjectId, dispatch.Outcome);
    }

    /// <summary>The request in <paramref name="message"/>, or null when it is unreadable or its fields do not fit its kind.</summary>
    internal static MemberMailRequest? Parse(string? message)
    {
        try
        {
            var request = string.IsNullOrWhiteSpace(message) ? null : JsonSerializer.Deserialize<MemberMailRequest>(message, KokJson.Options);
            return request is { IsWellFormed: true } ? request : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
