using System.Collections.Concurrent;
using Kok.Domain.Mail;

namespace Kok.IntegrationTests.Receipts;

/// <summary>
/// The mail service for pipeline tests: records every call, and answers by <see cref="Behaviour"/> (given the call
/// number from 1; it may throw to play a 429/5xx); accepted mails land in <see cref="Delivered"/>.
/// </summary>
internal sealed class RecordingMailSender : IMailSender
{
    private readonly ConcurrentQueue<MailMessage> delivered = new();
    private int calls;

    public Func<int, MailSendResult>? Behaviour { get; set; }

    public int Calls => calls;

    public IReadOnlyList<MailMessage> Delivered => delivered.ToArray();

    public Task<MailSendResult> SendAsync(MailMessage message, CancellationToken cancellationToken)
    {
        var call = Interlocked.Increment(ref calls);
        var result = Behaviour?.Invoke(call) ?? MailSendResult.Sent($"sg-{call}");
        if (result is MailSent)
        {
            delivered.Enqueue(message);
        }

        return Task.FromResult(result);
    }
}
