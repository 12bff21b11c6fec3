using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Dues;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Functions.Membership;
using Kok.Functions.Storage;
using Kok.IntegrationTests.Infrastructure;
using Kok.Seed;

namespace Kok.IntegrationTests.Dashboard;

/// <summary>
/// Stores, through the real repository, a card member who joined in May 2046 and whose 2047 dues charge was declined:
/// overdue, with something for every staff action to act on. 2046/2047 lie beyond every other test's clock, so no
/// dues run ever reaches these members.
/// </summary>
internal static class OverdueMembers
{
    private static readonly StorageClients Storage = new(new StorageSettings(TestStorage.ConnectionString, null, null, null, null), []);

    public static async Task<Member> SeedAsync(string name, string email, MemberKind kind = MemberKind.Person, string? contactPerson = null)
    {
        var tag = Guid.NewGuid().ToString("N")[..10];
        var request = new MembershipRequest(kind, name, contactPerson, email,
            new PostalAddress("Heidestraße 17", "51147", "Köln", "DE"), 6000, PaymentMethodKind.Card, "de", false);
        var joined = new DateTimeOffset(2046, 5, 10, 10, 0, 0, TimeSpan.Zero);
        var member = Member.Create(MemberSeeder.MemberId(Random.Shared.Next(1_000_000, int.MaxValue / 2), 0), request, joined.AddMinutes(-5));
        member.Apply(new CheckoutCompleted($"evt_{tag}", joined, new Dictionary<string, string>(StringComparer.Ordinal), $"cs_{tag}",
            member.Id, Paid: true, SubscriptionMode: false, PaymentIntentId: null, SubscriptionId: null, "cus_" + tag, 6000));
        var due = member.NextDuesDate!.Value;
        member.RecordPreNotification(due.AddDays(-14));
        member.RequestDuesCharge(due);
        member.RecordDuesCharge(due, new DuesChargeResult(DuesChargeStatus.Failed, "pi_" + tag, "card_declined"), joined.AddYears(1));
        Assert.Equal(MembershipStatus.Overdue, member.Status);
        Assert.True(await TableMemberRepository.Create(Storage, DuesPolicy.Default).TryAddAsync(member, default));
        return member;
    }
}
