using Azure.Data.Tables;
using Kok.Domain.Donations;
using Kok.Domain.Membership;
using Kok.Domain.SelfService;
using Kok.Functions.Dashboard;
using Kok.Functions.Membership;
using Kok.Functions.Storage;

namespace Kok.Functions.SelfService;

/// <summary>
/// A supporter's donations and memberships by the hash of their address: members through the sign-up's email index
/// (one partition read), donations through the <see cref="DonationListIndex.EmailKeyColumn"/> of the dashboard's
/// donation list (the column named literally in the filter, which quotes every argument; a filtered query over its year partitions: the list is small, and it spares the donation form a
/// write of its own). Each hit is loaded and kept only if its address still has the key.
/// </summary>
public sealed class TableSupporterDirectory(StorageClients storage, IDonationRepository donations, IMemberRepository members) : ISupporterDirectory
{
    public async Task<SupporterRecords> FindAsync(string supporterKey, CancellationToken cancellationToken)
    {
        if (!SupporterKey.IsWellFormed(supporterKey))
        {
            return SupporterRecords.None;
        }

        var foundMembers = new List<Member>();
        var memberIndex = await storage.TableAsync(TableNames.MemberIndex);
        var memberPartition = "email:" + supporterKey;
        await foreach (var row in memberIndex.QueryAsync<TableEntity>(e => e.PartitionKey == memberPartition, select: [MemberEmailIndexProjection.MemberIdColumn], cancellationToken: cancellationToken))
        {
            if (row.GetString(MemberEmailIndexProjection.MemberIdColumn) is { } id && Member.IsWellFormedId(id)
                && await members.GetAsync(id, cancellationToken) is { } stored && SupporterKey.Of(stored.Member.Email) == supporterKey)
            {
                foundMembers.Add(stored.Member);
            }
        }

        var foundDonations = new List<Donation>();
        var list = await storage.TableAsync(TableNames.DashboardDonationList);
        var filter = TableClient.CreateQueryFilter($"EmailKey eq {supporterKey}");
        await foreach (var row in list.QueryAsync<TableEntity>(filter, select: ["DonationId"], cancellationToken: cancellationToken))
        {
            if (row.GetString("DonationId") is { } id && Donation.IsWellFormedId(id)
                && await donations.GetAsync(id, cancellationToken) is { } stored && SupporterKey.Of(stored.Donation.Donor.Email) == supporterKey)
            {
                foundDonations.Add(stored.Donation);
            }
        }

        return new SupporterRecords(
            [.. foundDonations.DistinctBy(d => d.Id).OrderByDescending(d => d.CreatedAt)],
            [.. foundMembers.DistinctBy(m => m.Id).OrderByDescending(m => m.CreatedAt)]);
    }
}
