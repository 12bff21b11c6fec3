using Azure.Data.Tables;
using Kok.Domain.Privacy.Erasure;
using Kok.Functions.BankTransfers;
using Kok.Functions.Dashboard;
using Kok.Functions.Donations;
using Kok.Functions.Membership;
using Kok.Functions.SelfService;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Privacy.Erasure;

/// <summary>The sign-up's email index: the partition of the address's hash.</summary>
internal sealed class MemberEmailIndexEraser(StorageClients storage) : RowSetEraser(storage)
{
    public override PersonalDataDeclaration Declaration { get; } = new MemberEmailIndexProjection(storage).PersonalData!;

    protected override IEnumerable<string> Filters(ErasureSubject subject) =>
        [TableClient.CreateQueryFilter($"PartitionKey eq {"email:" + subject.SupporterKey}")];
}

/// <summary>Sign-up leases left behind by the subject's memberships.</summary>
internal sealed class SignUpLockEraser(StorageClients storage) : RowSetEraser(storage)
{
    public override PersonalDataDeclaration Declaration => TableSignUpLock.PersonalData;

    protected override IEnumerable<string> Filters(ErasureSubject subject) =>
        subject.MemberIds.Select(id => TableClient.CreateQueryFilter($"PartitionKey ge {"signup:"} and PartitionKey lt {"signup;"} and MemberId eq {id}"));
}

/// <summary>Mein KOK sign-in links mailed to the address.</summary>
internal sealed class SignInLinkEraser(StorageClients storage) : RowSetEraser(storage)
{
    public override PersonalDataDeclaration Declaration => TableSignInLinkStore.PersonalData;

    protected override IEnumerable<string> Filters(ErasureSubject subject) =>
        [TableClient.CreateQueryFilter($"PartitionKey ge {"signin:"} and PartitionKey lt {"signin;"} and SupporterKey eq {subject.SupporterKey}")];
}

/// <summary>The objection to mail is kept (a keyed hash; deleting it would let the mails start again): nothing to count.</summary>
internal sealed class MailObjectionKeeper(StorageClients storage) : RowSetEraser(storage)
{
    public override PersonalDataDeclaration Declaration => TableMailObjectionList.PersonalData;

    protected override IEnumerable<string> Filters(ErasureSubject subject) => [];
}

/// <summary>The staff's audit entries about the subject's memberships name only staff: kept their 8 years, counted.</summary>
internal sealed class AuditTrailKeeper(StorageClients storage) : RowSetEraser(storage)
{
    public override PersonalDataDeclaration Declaration => TableAuditTrail.PersonalData;

    protected override IEnumerable<string> Filters(ErasureSubject subject) =>
        subject.MemberIds.Select(id => TableClient.CreateQueryFilter($"PartitionKey eq {id}"));
}

/// <summary>The "Needs attention" rows (open and done) about the subject's donations and memberships.</summary>
internal sealed class AttentionEraser(StorageClients storage) : RowSetEraser(storage)
{
    public override PersonalDataDeclaration Declaration { get; } =
        TableDonationRepository.Projections(storage, null).Select(p => p.PersonalData).OfType<PersonalDataDeclaration>().First(d => d.Store == TableNames.DashboardAttention);

    protected override IEnumerable<string> Filters(ErasureSubject subject) =>
        subject.DonationIds.Concat(subject.MemberIds).Select(id => TableClient.CreateQueryFilter($"SubjectId eq {id}"));
}

/// <summary>Bank credits that paid or were suggested for the subject's donations: unmatched entries and payer rows.</summary>
internal sealed class BankEntryEraser(StorageClients storage) : RowSetEraser(storage)
{
    public override PersonalDataDeclaration Declaration => TableBankEntryLog.PersonalData;

    protected override IEnumerable<string> Filters(ErasureSubject subject) =>
        subject.DonationIds.Select(id => TableClient.CreateQueryFilter(
            $"(PartitionKey eq {"unmatched"} or (PartitionKey ge {"payer:"} and PartitionKey lt {"payer;"})) and (DonationId eq {id} or SuggestedDonationId eq {id})"));
}
