using Kok.Domain.Membership;
using Kok.Functions.Membership;
using Kok.Functions.Storage;

using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests.Membership;

/// <summary>The sign-up lease adapter on Azurite: insert-if-absent, takeover only when expired or the same member, ETag-guarded release.</summary>
[Collection(PipelineSerial.Name)]
public sealed class TableSignUpLockTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Until = T0 + CreateMember.SignUpLease;
    private readonly TableSignUpLock signUpLock = new(new StorageClients(
        new StorageSettings(MembershipTestHost.ConnectionString, null, null, null, null), []));

    private static string NewKey() => SignUpKey.Of($"lease.{Guid.NewGuid():N}@example.de", "Erika Mustermann");

    [Fact]
    public async Task One_holder_at_a_time_until_given_back()
    {
        var key = NewKey();

        var lease = await signUpLock.TryAcquireAsync(key, "mem_a", T0, Until, default);
        Assert.NotNull(lease);
        Assert.Null(await signUpLock.TryAcquireAsync(key, "mem_b", T0.AddSeconds(5), Until, default));

        await signUpLock.ReleaseAsync(key, lease, default);
        Assert.NotNull(await signUpLock.TryAcquireAsync(key, "mem_b", T0.AddSeconds(6), Until, default));
    }

    [Fact]
    public async Task The_same_member_takes_its_lease_over_and_an_expired_one_is_free()
    {
        var key = NewKey();
        Assert.NotNull(await signUpLock.TryAcquireAsync(key, "mem_a", T0, Until, default));

        // A repeat of the same request (same idempotency key, so the same member id) carries on.
        Assert.NotNull(await signUpLock.TryAcquireAsync(key, "mem_a", T0.AddSeconds(1), Until, default));

        // A sign-up that died holds it only until the lease runs out.
        Assert.Null(await signUpLock.TryAcquireAsync(key, "mem_b", Until.AddTicks(-1), Until.AddMinutes(2), default));
        Assert.NotNull(await signUpLock.TryAcquireAsync(key, "mem_b", Until, Until.AddMinutes(2), default));
    }

    [Fact]
    public async Task Giving_back_an_expired_lease_leaves_the_new_holder_alone()
    {
        var key = NewKey();
        var old = await signUpLock.TryAcquireAsync(key, "mem_a", T0, Until, default);
        var taken = await signUpLock.TryAcquireAsync(key, "mem_b", Until, Until.AddMinutes(2), default);
        Assert.NotNull(taken);

        await signUpLock.ReleaseAsync(key, old!, default);

        Assert.Null(await signUpLock.TryAcquireAsync(key, "mem_c", Until.AddSeconds(1), Until.AddMinutes(2), default));
        await signUpLock.ReleaseAsync(key, taken, default);
        await signUpLock.ReleaseAsync(key, taken, default);
        Assert.NotNull(await signUpLock.TryAcquireAsync(key, "mem_c", Until.AddSeconds(2), Until.AddMinutes(2), default));
    }

    [Fact]
    public async Task Of_many_concurrent_sign_ups_exactly_one_gets_the_lease()
    {
        var key = NewKey();

        var leases = await Task.WhenAll(Enumerable.Range(0, 12).Select(n =>
            signUpLock.TryAcquireAsync(key, $"mem_{n}", T0, Until, default)));

        Assert.Single(leases, l => l is not null);
    }

    [Fact]
    public async Task Of_concurrent_takeovers_of_an_expired_lease_exactly_one_wins()
    {
        var key = NewKey();
        Assert.NotNull(await signUpLock.TryAcquireAsync(key, "mem_dead", T0, Until, default));

        var leases = await Task.WhenAll(Enumerable.Range(0, 12).Select(n =>
            signUpLock.TryAcquireAsync(key, $"mem_{n}", Until, Until.AddMinutes(2), default)));

        Assert.Single(leases, l => l is not null);
    }
}
