using Kok.Functions.Dashboard;
using Kok.Functions.Donations;
using Kok.Functions.Membership;
using Kok.Functions.Receipts;

namespace Kok.Functions.Storage.Saving;

/// <summary>
/// Every place the app stores a supporter's personal data (name, email, postal address, account details), as the
/// writers declare it: the aggregates' rows, the projections the save pipeline runs, and the stores outside it. The
/// right to erasure and to access starts here; a test writes a supporter's data through every flow and fails when a
/// table holds it that nothing here declares.
/// </summary>
public static class PersonalDataCatalog
{
    public static IReadOnlyList<PersonalDataDeclaration> All(StorageClients storage)
    {
        IEnumerable<PersonalDataDeclaration?> declared =
        [
            new MemberRows().PersonalData,
            .. TableMemberRepository.Projections(storage, null).Select(p => p.PersonalData),
            new DonationRows().PersonalData,
            .. TableDonationRepository.Projections(storage, null).Select(p => p.PersonalData),
            TableReceiptRegister.PersonalData,
            BlobReceiptArchive.PersonalData,
            TableSignUpLock.PersonalData,
            SelfService.TableSignInLinkStore.PersonalData,
            Privacy.TableMailObjectionList.PersonalData,
            TableAuditTrail.PersonalData,
            BankTransfers.TableBankEntryLog.PersonalData,
            Privacy.ErasureRequests.TableErasureRequestStore.PersonalData,
        ];
        return declared.OfType<PersonalDataDeclaration>().ToList();
    }

    /// <summary>The declarations for one table (or <c>blob:{container}</c>).</summary>
    public static IReadOnlyList<PersonalDataDeclaration> For(StorageClients storage, string store) =>
        All(storage).Where(d => string.Equals(d.Store, store, StringComparison.Ordinal)).ToList();
}
