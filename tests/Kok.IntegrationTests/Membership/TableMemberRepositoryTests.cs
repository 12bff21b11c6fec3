using Azure.Data.Tables;
using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Functions.Membership;
using Kok.Functions.Storage;

using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests.Membership;

/// <summary>The Table Storage adapter on Azurite: snapshots, versions, and its three indexes.</summary>
[Collection(PipelineSerial.Name)]
public sealed class TableMemberRepositoryTests
{
    private static readonly DateTimeOffset T0 = new(2026, 3, 1, 10, 0, 0, TimeSpan.Zero);
    private static readonly StorageClients Storage = new(new StorageSettings(MembershipTestHost.ConnectionString, null, null, null, null), []);
    private readonly IMemberRepository repository = TableMemberRepository.Create(Storage, Kok.Domain.Dues.DuesPolicy.Default);

    private static Member NewMember(string email)
    {
        var id = new RandomIdGenerator().NewId(Member.IdPrefix);
        var member = Member.Create(
            id,
            new MembershipRequest(MemberKind.Person, "Erika Mustermann", null, email,
                new PostalAddress("Heidestraße 17", "51147", "Köln", "DE"), 6000, PaymentMethodKind.Card, "de", true),
            T0);
        member.AttachCheckout(new CheckoutSession("cs_" + id, new Uri("https://checkout.example/" + id)));
        return member;
    }

    [Fact]
    public async Task Member_round_trips_and_saves_only_against_its_version()
    {
        var member = NewMember($"a.{Guid.NewGuid():N}@example.de");
        Assert.True(await repository.TryAddAsync(member, default));
        Assert.False(await repository.TryAddAsync(member, default));

        var loaded = (await repository.GetAsync(member.Id, default))!;
        Assert.Equivalent(member.ToSnapshot(), loaded.Member.ToSnapshot(), strict: true);

        loaded.Member.Apply(new CheckoutCompleted("evt_1", T0, new Dictionary<string, string>(), "cs_" + member.Id, member.Id,
            true, false, "pi_" + member.Id, null, "cus_1", 6000));
        var reference = new PaymentReference(PaymentReferenceKind.PaymentIntent, "pi_" + member.Id);
        Assert.True(await repository.TrySaveAsync(loaded.Member, loaded.Version, [reference], default));
        Assert.False(await repository.TrySaveAsync(loaded.Member, loaded.Version, [], default));

        Assert.Equal(MembershipStatus.Active, (await repository.GetAsync(member.Id, default))!.Member.Status);
        Assert.Equal(member.Id, await repository.FindIdAsync(reference, default));
        Assert.Null(await repository.GetAsync("mem_zzzzzzzzzzzzzzzzzzzz", default));
    }

    [Fact]
    public async Task Members_are_found_by_email_ignoring_case()
    {
        var email = $"b.{Guid.NewGuid():N}@example.de";
        var first = NewMember(email);
        var second = NewMember(email.ToUpperInvariant());
        await repository.TryAddAsync(first, default);
        await repository.TryAddAsync(second, default);

        var found = await repository.FindIdsByEmailAsync(" " + email.ToUpperInvariant(), default);

        Assert.Equal(new[] { first.Id, second.Id }.Order(StringComparer.Ordinal), found.Order(StringComparer.Ordinal));
        Assert.Empty(await repository.FindIdsByEmailAsync($"nobody.{Guid.NewGuid():N}@example.de", default));
    }

    [Fact]
    public async Task Endings_are_read_by_date_range()
    {
        // Far in the past, so no other test's entries fall into the range asked for.
        var id = "mem_" + new RandomIdGenerator().NewId("x")[2..];
        var early = new DateOnly(1901, 1, 2);
        var late = new DateOnly(1901, 1, 4);
        // Written as the endings projection writes them (members' saves do; see MemberEndingsProjection).
        var endings = await Storage.TableAsync(TableNames.MemberEndings);
        await endings.UpsertEntityAsync(new TableEntity("1901-01-02", id));
        await endings.UpsertEntityAsync(new TableEntity("1901-01-04", id + "b"));
        await endings.UpsertEntityAsync(new TableEntity("1901-01-02", id));

        var due = (await repository.FindEndingsDueAsync(new DateOnly(1901, 1, 3), default)).Where(e => e.MemberId.StartsWith(id, StringComparison.Ordinal));

        Assert.Equal([new ScheduledEnding(id, early)], due);
        await repository.RemoveEndingAsync(id, early, default);
        await repository.RemoveEndingAsync(id, early, default);
        Assert.DoesNotContain(await repository.FindEndingsDueAsync(late, default), e => e.MemberId == id);
        await repository.RemoveEndingAsync(id + "b", late, default);
    }
}
