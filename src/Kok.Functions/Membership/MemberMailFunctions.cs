using System.Text.Json;
using Kok.Domain.Common;
using Kok.Domain.Mail;
using Kok.Domain.Membership;
using Kok.Functions.Storage;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Kok.Functions.Membership;

/// <summary>
/// Queue triggers on <c>welcome-mail</c> and <c>member-mail</c>: parse the request (ids only) and run
/// <see cref="SendMemberMail"/>. A request that came before the save that makes its mail due (or while another worker
/// sends the same mail) is put back for later (<see cref="QueuePutBack"/>) without failing. Other failures are
/// rethrown, so the host retries up to host.json's maxDequeueCount and then parks the message in
/// <c>&lt;queue&gt;-poison</c>; an unreadable message is thrown straight there too.
/// </summary>
public sealed class MemberMailFunctions(SendMemberMail sendMemberMail, QueuePutBack putBack, ILogger<MemberMailFunctions> logger)
{
    [Function("WelcomeMail")]
    public Task WelcomeAsync([QueueTrigger(IMemberMailQueue.WelcomeQueueName)] string message, CancellationToken cancellationToken) =>
        SendAsync(message, cancellationToken);

    [Function("MemberMail")]
    public Task MemberAsync([QueueTrigger(IMemberMailQueue.MemberMailQueueName)] string message, CancellationToken cancellationToken) =>
        SendAsync(message, cancellationToken);

    private async Task SendAsync(string message, CancellationToken cancellationToken)
    {
        var request = Parse(message)
            ?? throw new InvalidOperationException($"Unreadable member mail message ({message?.Length ?? 0} characters).");
        MailDispatch dispatch;
        try
        {
            dispatch = await sendMemberMail.ExecuteAsync(request, cancellationToken);
        }
        catch (NotYetException)
        {
            await putBack.PutBackAsync(IMemberMailQueue.QueueFor(request.Kind), message, cancellationToken);
            return;
        }

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
