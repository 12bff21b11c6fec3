using Kok.Domain.Privacy.Export;
using Kok.Functions.Receipts;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Privacy.Export;

/// <summary>
/// Where the copy of a supporter's data (<see cref="SupporterDataExport"/>) shows each store the app declares
/// (<see cref="PersonalDataCatalog"/>): the section that holds its data, or why it adds nothing the sections do not
/// hold already. The copy lists every declared store with this answer, and a test fails when a declared store has
/// none, so a new table with personal data cannot be left out of the copy unnoticed.
/// </summary>
public sealed class PersonalDataExportCoverage(StorageClients storage) : IPersonalDataInventory
{
    /// <summary>Store (table, or <c>blob:{container}</c>) → section of the copy and/or why nothing more is needed.</summary>
    public static IReadOnlyDictionary<string, (string? Section, string? CoveredBy)> ByStore { get; } =
        new Dictionary<string, (string? Section, string? CoveredBy)>(StringComparer.Ordinal)
        {
            [TableNames.Donations] = (nameof(SupporterDataExport.Donations), null),
            [TableNames.Members] = (nameof(SupporterDataExport.Memberships), null),
            [TableNames.ReceiptRegister] = (nameof(SupporterDataExport.Receipts), null),
            [BlobReceiptArchive.PersonalData.Store] = (nameof(SupporterDataExport.Receipts), null),
            [TableNames.DashboardAudit] = (nameof(SupporterDataExport.AuditEntries), null),
            [TableNames.BankEntries] = (nameof(SupporterDataExport.BankEntries), null),
            [TableNames.ErasureRequests] = (nameof(SupporterDataExport.ErasureRequests), null),
            [TableNames.MemberIndex] = (nameof(SupporterDataExport.ObjectedToMail),
                "Its other rows hold only hashes of the e-mail address (to find a membership by it, for sign-in links, against double sign-ups), nothing beyond the address in EmailAddresses."),
            [TableNames.DashboardDonationList] = (null,
                "A copy of each donation's donor name, e-mail and address for the staff's list; the donation itself is in Donations."),
            [TableNames.DashboardMemberList] = (null,
                "A copy of each membership's name, contact person, e-mail and address for the staff's list; the membership itself is in Memberships."),
            [TableNames.DashboardAttention] = (null,
                "The supporter's name next to a payment that came back or failed, for staff to act on; name and payment with its status are in Donations and Memberships."),
        };

    public IReadOnlyList<StoredDataDescription> Describe() =>
        [.. PersonalDataCatalog.All(storage).Select(d =>
        {
            var (section, coveredBy) = ByStore.TryGetValue(d.Store, out var coverage) ? coverage : (null, null);
            return new StoredDataDescription(d.Store, d.Fields, d.Purpose, StoredNames.Name(d.Erasure), section, coveredBy);
        })];
}
