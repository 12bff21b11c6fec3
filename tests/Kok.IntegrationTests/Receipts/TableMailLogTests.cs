using Kok.Domain.Mail;
using Kok.Functions.Mail;

namespace Kok.IntegrationTests.Receipts;

public class TableMailLogTests
{
    private static readonly DateTimeOffset T = new(2026, 2, 1, 8, 0, 0, TimeSpan.Zero);
    private readonly TableMailLog log = new(ReceiptStorage.Clients());
    private readonly MailLogKey key = new(MailKind.DonationThankYou, $"donation:don_{Guid.NewGuid():N}:pay_x");

    [Fact]
    public async Task Entries_go_through_their_states_with_conditional_takeover()
    {
        var begun = MailLogEntry.Begin(key, T, TimeSpan.FromMinutes(5));

        Assert.True(await log.TryAddAsync(begun, CancellationToken.None));
        Assert.False(await log.TryAddAsync(begun, CancellationToken.None));
        var stored = (await log.GetAsync(key, CancellationToken.None))!;
        Assert.Equal((MailLogState.Pending, 1, T.AddMinutes(5)), (stored.State, stored.Attempts, stored.LeaseUntil));
        Assert.NotNull(stored.Version);

        await log.SaveAsync(stored.MarkAttemptFailed("HttpRequestException", T.AddSeconds(3)), CancellationToken.None);
        Assert.False(await log.TryReplaceAsync(stored.Retake(T.AddMinutes(6), TimeSpan.FromMinutes(5)), CancellationToken.None)); // stale version

        var released = (await log.GetAsync(key, CancellationToken.None))!;
        Assert.Null(released.LeaseUntil);
        Assert.Equal("HttpRequestException", released.LastError);
        Assert.True(await log.TryReplaceAsync(released.Retake(T.AddMinutes(1), TimeSpan.FromMinutes(5)), CancellationToken.None));

        var retaken = (await log.GetAsync(key, CancellationToken.None))!;
        await log.SaveAsync(retaken.MarkSent("sg-msg-1", "2026-000001", T.AddMinutes(2)), CancellationToken.None);

        var sent = (await log.GetAsync(key, CancellationToken.None))!;
        Assert.Equal(MailLogState.Sent, sent.State);
        Assert.Equal(2, sent.Attempts);
        Assert.Equal(T, sent.FirstAttemptAt);
        Assert.Equal("sg-msg-1", sent.MessageId);
        Assert.Equal("2026-000001", sent.ReceiptNumber);
        Assert.Equal(T.AddMinutes(2), sent.CompletedAt);
        Assert.Null(sent.LeaseUntil);
        Assert.Equal("HttpRequestException", sent.LastError);
    }

    [Fact]
    public async Task Failed_entries_keep_their_reason()
    {
        var begun = MailLogEntry.Begin(key, T, TimeSpan.FromMinutes(5));
        await log.TryAddAsync(begun, CancellationToken.None);

        await log.SaveAsync(begun.MarkFailed("The to address is invalid.", null, T), CancellationToken.None);

        var failed = (await log.GetAsync(key, CancellationToken.None))!;
        Assert.Equal((MailLogState.Failed, "The to address is invalid."), (failed.State, failed.FailureReason));
        Assert.Null(await log.GetAsync(new MailLogKey(MailKind.ReceiptWithdrawn, key.SubjectId), CancellationToken.None));
    }
}
