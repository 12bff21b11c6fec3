using Kok.Domain.Common;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Kok.Domain.Tests.Common;

public class IdempotencyTests
{
    private static readonly DateTimeOffset T0 = new(2025, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider time = new(T0);

    [Fact]
    public void Rule_same_body_within_24_hours_is_the_same_request()
    {
        var earlier = new IdempotencyRecord("donations", "k", "hash", "don_1", T0);

        Assert.Equal(IdempotencyDecision.SameRequest, IdempotencyRule.Decide(earlier, "hash", T0.AddHours(24).AddTicks(-1)));
    }

    [Fact]
    public void Rule_other_body_within_24_hours_conflicts()
    {
        var earlier = new IdempotencyRecord("donations", "k", "hash", "don_1", T0);

        Assert.Equal(IdempotencyDecision.Conflict, IdempotencyRule.Decide(earlier, "other", T0.AddHours(23)));
    }

    [Theory]
    [InlineData("hash")]
    [InlineData("other")]
    public void Rule_after_24_hours_the_key_is_free_again(string hash)
    {
        var earlier = new IdempotencyRecord("donations", "k", "hash", "don_1", T0);

        Assert.Equal(IdempotencyDecision.Expired, IdempotencyRule.Decide(earlier, hash, T0.AddHours(24)));
    }

    [Fact]
    public async Task Guard_claims_a_fresh_key_for_the_proposed_resource()
    {
        var store = new InMemoryIdempotencyStore();
        var guard = new IdempotencyGuard(store, time);

        var claim = await guard.ClaimAsync("donations", "k", "hash", "don_new", CancellationToken.None);

        Assert.True(claim.IsNew);
        Assert.Equal("don_new", claim.ResourceId);
        Assert.Equal(1, store.Count);
    }

    [Fact]
    public async Task Guard_repeat_refers_to_the_first_resource()
    {
        var guard = new IdempotencyGuard(new InMemoryIdempotencyStore(), time);
        await guard.ClaimAsync("donations", "k", "hash", "don_first", CancellationToken.None);
        time.Advance(TimeSpan.FromHours(23));

        var claim = await guard.ClaimAsync("donations", "k", "hash", "don_second", CancellationToken.None);

        Assert.True(claim.IsRepeat);
        Assert.Equal("don_first", claim.ResourceId);
    }

    [Fact]
    public async Task Guard_reports_a_conflict_for_another_body()
    {
        var guard = new IdempotencyGuard(new InMemoryIdempotencyStore(), time);
        await guard.ClaimAsync("donations", "k", "hash", "don_first", CancellationToken.None);

        var claim = await guard.ClaimAsync("donations", "k", "other", "don_second", CancellationToken.None);

        Assert.True(claim.IsConflict);
    }

    [Fact]
    public async Task Guard_keys_are_separate_per_scope()
    {
        var guard = new IdempotencyGuard(new InMemoryIdempotencyStore(), time);
        await guard.ClaimAsync("donations", "k", "hash", "don_first", CancellationToken.None);

        var claim = await guard.ClaimAsync("memberships", "k", "other", "mem_first", CancellationToken.None);

        Assert.True(claim.IsNew);
        Assert.Equal("mem_first", claim.ResourceId);
    }

    [Fact]
    public async Task Guard_reuses_an_expired_key_for_a_new_resource()
    {
        var store = new InMemoryIdempotencyStore();
        var guard = new IdempotencyGuard(store, time);
        await guard.ClaimAsync("donations", "k", "hash", "don_first", CancellationToken.None);
        time.Advance(TimeSpan.FromHours(24));

        var claim = await guard.ClaimAsync("donations", "k", "hash", "don_second", CancellationToken.None);
        var again = await guard.ClaimAsync("donations", "k", "hash", "don_third", CancellationToken.None);

        Assert.True(claim.IsNew);
        Assert.Equal("don_second", claim.ResourceId);
        Assert.True(again.IsRepeat);
        Assert.Equal("don_second", again.ResourceId);
    }

    [Fact]
    public async Task Guard_rereads_when_another_request_replaced_the_expired_record_first()
    {
        var expired = new IdempotencyRecord("donations", "k", "hash", "don_old", T0.AddDays(-2));
        var winner = new IdempotencyRecord("donations", "k", "hash", "don_winner", T0);
        var store = new Mock<IIdempotencyStore>(MockBehavior.Strict);
        store.SetupSequence(s => s.ClaimAsync(It.IsAny<IdempotencyRecord>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new StoredIdempotencyRecord(expired, "v1"))
            .ReturnsAsync(new StoredIdempotencyRecord(winner, "v2"));
        store.Setup(s => s.TryReplaceAsync(It.IsAny<IdempotencyRecord>(), "v1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(false);

        var claim = await new IdempotencyGuard(store.Object, time)
            .ClaimAsync("donations", "k", "hash", "don_mine", CancellationToken.None);

        Assert.True(claim.IsRepeat);
        Assert.Equal("don_winner", claim.ResourceId);
    }

    [Fact]
    public void Fingerprint_is_stable_and_separates_parts()
    {
        Assert.Equal(RequestFingerprint.Compute("a", "b"), RequestFingerprint.Compute("a", "b"));
        Assert.NotEqual(RequestFingerprint.Compute("ab", "c"), RequestFingerprint.Compute("a", "bc"));
        Assert.NotEqual(RequestFingerprint.Compute(null, "x"), RequestFingerprint.Compute(string.Empty, "x"));
        Assert.Matches("^[0-9a-f]{64}$", RequestFingerprint.Compute("a"));
    }
}
