using System.Security.Cryptography;
using System.Text;
using Azure.Data.Tables;
using Kok.Domain.Membership;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Membership;

/// <summary>
/// Members by email address for the sign-up's duplicate check: in <see cref="TableNames.MemberIndex"/> one partition
/// per address (<c>email:{sha256 of the lower-cased address}</c>), a row per member. Written before the member: an
/// entry whose member was never written is skipped by the check, while the other order could leave a member nobody
/// finds by email. When the address changes the old entry goes after the write. Only the hash is stored, yet it
/// identifies a person who knows the address, so it is declared and erased with the member.
/// </summary>
internal sealed class MemberEmailIndexProjection(StorageClients storage) : IProjection<Member>
{
    public const string MemberIdColumn = "MemberId";

    public string Name => "email";

    public ProjectionPhase Phase => ProjectionPhase.BeforeWrite | ProjectionPhase.AfterWrite;

    public PersonalDataDeclaration? PersonalData { get; } = new(
        TableNames.MemberIndex,
        ["PartitionKey: SHA-256 of the email address"],
        PersonalDataErasure.Delete,
        "Finds an earlier sign-up with the same address.");

    /// <summary>Addresses are compared case-insensitively and only their hash is a key: no personal data in keys or logs.</summary>
    public static string EmailKey(string email) =>
        "email:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant())));

    public string? Mark(Member aggregate) => EmailKey(aggregate.Email);

    public async Task BeforeWriteAsync(ProjectionStep<Member> save, CancellationToken cancellationToken)
    {
        if (save.Changed && save.Current is { } key)
        {
            var index = await storage.TableAsync(TableNames.MemberIndex);
            await index.UpsertEntityAsync(
                new TableEntity(key, save.Aggregate.Id) { [MemberIdColumn] = save.Aggregate.Id },
                TableUpdateMode.Replace,
                cancellationToken);
        }
    }

    /// <summary>An address changed: the old entry goes once the member no longer has it.</summary>
    public Task AfterWriteAsync(ProjectionStep<Member> save, CancellationToken cancellationToken) =>
        save.Changed && save.Previous is { } previous
            ? SideRows.DeleteAsync(storage, TableNames.MemberIndex, previous, save.Aggregate.Id, cancellationToken)
            : Task.CompletedTask;
}
