using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Dues;
using Kok.Domain.Mail;
using Kok.Domain.Membership;
using Kok.Domain.Receipts;
using Kok.IntegrationTests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Kok.IntegrationTests;

/// <summary>
/// Every queue function treats its messages one way (<c>QueueMessageHandler</c>), as DevHost runs them with host.json's
/// retry rules: a message that cannot be read, or names a member or donation that does not exist, lands in
/// <c>&lt;queue&gt;-poison</c> after one successful attempt, with the reason logged by id and nothing else of the
/// message, in the host's words that the poison-queue alert looks for; a member mail that is no longer due is
/// acknowledged without a mail.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class QueueMessagesThroughDevHostTests : IAsyncLifetime
{
    private const string Secret = "erika.geheim@example.de";

    private static readonly string[] Queues =
        [IReceiptMailQueue.QueueName, IMemberMailQueue.WelcomeQueueName, IMemberMailQueue.MemberMailQueueName, IDuesChargeQueue.QueueName];

    private static readonly Dictionary<string, string> FunctionOf = new()
    {
        [IReceiptMailQueue.QueueName] = "ReceiptMail",
        [IMemberMailQueue.WelcomeQueueName] = "WelcomeMail",
        [IMemberMailQueue.MemberMailQueueName] = "MemberMail",
        [IDuesChargeQueue.QueueName] = "DuesCharge",
    };

    private readonly CapturedLogs _logs = new();
    private DevHostServer _server = null!;

    public async Task InitializeAsync()
    {
        _server = await DevHostServer.StartAsync(o =>
        {
            o.Settings["RateLimit:PermitLimit"] = "1000";
            o.MaxDequeueCount = 5;
            o.Logs = _logs;
        });
        foreach (var name in Queues.SelectMany(q => new[] { q, q + "-poison" }))
        {
            var queue = _server.Queue(name);
            await queue.CreateIfNotExistsAsync();
            await queue.ClearMessagesAsync();
        }
    }

    public async Task DisposeAsync() => await _server.DisposeAsync();

    public static TheoryData<string, string, string> UnknownSubjects()
    {
        var ids = new RandomIdGenerator();
        var member = ids.NewId(Member.IdPrefix);
        var donation = ids.NewId(Donation.IdPrefix);
        var payment = ids.NewId(Member.PaymentIdPrefix);
        return new()
        {
            { IReceiptMailQueue.QueueName, $$"""{"subjectKind":"donation","subjectId":"{{donation}}","paymentId":"{{payment}}","purpose":"paid"}""", "donation " + donation },
            { IReceiptMailQueue.QueueName, $$"""{"subjectKind":"membership","subjectId":"{{member}}","paymentId":"{{payment}}","purpose":"refunded"}""", "membership " + member },
            { IMemberMailQueue.WelcomeQueueName, $$"""{"kind":"welcome","memberId":"{{member}}"}""", "member " + member },
            { IMemberMailQueue.MemberMailQueueName, $$"""{"kind":"cancellation_confirmed","memberId":"{{member}}"}""", "member " + member },
            { IMemberMailQueue.MemberMailQueueName, $$"""{"kind":"dues_reminder","memberId":"{{member}}","periodStart":"2027-03-01","reminderNumber":1}""", "member " + member },
            { IDuesChargeQueue.QueueName, $$"""{"memberId":"{{member}}","periodStart":"2027-03-01"}""", "member " + member },
        };
    }

    [Theory]
    [MemberData(nameof(UnknownSubjects))]
    public async Task A_message_naming_a_subject_that_does_not_exist_lands_in_poison_after_one_attempt(string queue, string message, string subject)
    {
        await TestQueues.SendAsync(_server.StorageConnectionString, queue, message);

        await AssertPoisonedAfterOneAttemptAsync(queue, message);
        Assert.Contains(_logs.Lines, line => line.Contains($"Message of {queue} can never succeed (unknown {subject}). Moving message to queue '{queue}-poison'.", StringComparison.Ordinal));
    }

    public static TheoryData<string, string> Unreadable() => new()
    {
        { IReceiptMailQueue.QueueName, $$"""{"subjectKind":"donation","subjectId":"{{Secret}}","paymentId":"pay_1"}""" },
        { IMemberMailQueue.WelcomeQueueName, $$"""{"kind":"welcome","memberId":"{{Secret}}"}""" },
        { IMemberMailQueue.MemberMailQueueName, $$"""{"kind":"dues_reminder","memberId":"mem_abcdefghijklmnopqrst","note":"{{Secret}}""" },
        { IDuesChargeQueue.QueueName, $$"""not json, but {{Secret}}""" },
    };

    [Theory]
    [MemberData(nameof(Unreadable))]
    public async Task A_message_that_cannot_be_read_lands_in_poison_after_one_attempt_without_its_content_in_the_logs(string queue, string message)
    {
        await TestQueues.SendAsync(_server.StorageConnectionString, queue, message);

        await AssertPoisonedAfterOneAttemptAsync(queue, message);
        Assert.Contains(_logs.Lines, line => line.Contains($"Unreadable message of {queue} ({message.Length} characters). Moving message to queue '{queue}-poison'.", StringComparison.Ordinal));
        Assert.DoesNotContain(Secret, _logs.All, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task A_first_payment_failure_mail_for_a_member_who_paid_meanwhile_is_acknowledged_without_a_mail()
    {
        var email = $"bezahlt.{Guid.NewGuid():N}@example.de";
        var memberId = await DevHostMembers.SignUpAndPayAsync(_server, email);
        await DevHostMembers.MailsToAsync(_server, email, count: 2);
        var request = $$"""{"kind":"first_payment_failed","memberId":"{{memberId}}"}""";

        await TestQueues.SendAsync(_server.StorageConnectionString, IMemberMailQueue.MemberMailQueueName, request);

        await Eventually.WaitUntilAsync(
            async () => await TestQueues.CountAsync(_server.StorageConnectionString, IMemberMailQueue.MemberMailQueueName) == 0,
            "the request is acknowledged");
        var entry = await _server.Services.GetRequiredService<IMailLog>().GetAsync(new MailLogKey(MailKind.MemberFirstPaymentFailed, memberId), default);
        Assert.Equal((MailLogState.Failed, "the membership no longer waits for its first payment"), (entry!.State, entry.FailureReason));
        Assert.Equal(2, (await DevHostMembers.MailsToAsync(_server, email, count: 2)).Count);
        Assert.Equal(0, await TestQueues.CountAsync(_server.StorageConnectionString, IMemberMailQueue.MemberMailQueueName + "-poison"));
        Assert.DoesNotContain(_logs.Lines, line => line.Contains("Executed 'Functions.MemberMail' (Failed", StringComparison.Ordinal));
    }

    /// <summary>In the poison queue exactly as sent, gone from its queue, and its function never failed (no retry).</summary>
    private async Task AssertPoisonedAfterOneAttemptAsync(string queue, string message)
    {
        await Eventually.WaitUntilAsync(
            async () => (await TestQueues.PeekTextsAsync(_server.StorageConnectionString, queue + "-poison")).Count == 1
                        && await TestQueues.CountAsync(_server.StorageConnectionString, queue) == 0,
            $"the message moves from {queue} to {queue}-poison");
        Assert.Equal([message], await TestQueues.PeekTextsAsync(_server.StorageConnectionString, queue + "-poison"));
        Assert.DoesNotContain(_logs.Lines, line => line.Contains($"Executed 'Functions.{FunctionOf[queue]}' (Failed", StringComparison.Ordinal));
    }
}
