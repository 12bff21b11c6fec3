using System.Security.Cryptography;
using System.Text;
using Azure;
using Azure.Data.Tables;
using Kok.Domain.Membership;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Membership;

/// <summary>
/// Sign-up leases in <c>MemberIndex</c>: one row per applicant (partition and row <c>signup:{sha256 of the sign-up
/// key}</c>, so no personal data in keys) holding the member id and when the lease runs out. Taking a free lease is an insert;
/// taking over an expired one (or one held for the same member) is a replace guarded by the row's ETag, so of two
/// concurrent callers one wins. Giving it back deletes the row under the ETag of the lease, so a lease that expired
/// and was taken by someone else stays theirs. Cost: 1 insert and 1 delete for a sign-up; 2 more (read, replace)
/// when a row was left behind.
/// </summary>
public sealed class TableSignUpLock(StorageClients storage) : ISignUpLock
{
    /// <summary>The lease's key is a hash of the applicant's name and address; it lives for minutes.</summary>
    public static PersonalDataDeclaration PersonalData { get; } = new(
        TableNames.MemberIndex,
        ["PartitionKey signup:…: SHA-256 of the sign-up's name and email"],
        PersonalDataErasure.Delete,
        "Keeps two simultaneous sign-ups of one person from both going through; given back after the sign-up.");


    public async Task<string?> TryAcquireAsync(
        string signUpKey, string memberId, DateTimeOffset now, DateTimeOffset expiresAt, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.MemberIndex);
        var key = Key(signUpKey);
        var entity = new TableEntity(key, key) { ["MemberId"] = memberId, ["ExpiresAt"] = expiresAt };
        try
        {
            return ((await table.AddEntityAsync(entity, cancellationToken)).Headers.ETag ?? ETag.All).ToString();
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            // Held, or left behind: look at whose it is.
        }

        var held = await table.GetEntityIfExistsAsync<TableEntity>(key, key, cancellationToken: cancellationToken);
        if (!held.HasValue || held.Value is not { } current)
        {
            // Given back in between: that sign-up just finished, and the duplicate check would now see it anyway.
            return null;
        }

        if (current.GetString("MemberId") != memberId && current.GetDateTimeOffset("ExpiresAt") is { } until && until > now)
        {
            return null;
        }

        try
        {
            return ((await table.UpdateEntityAsync(entity, current.ETag, TableUpdateMode.Replace, cancellationToken)).Headers.ETag ?? ETag.All).ToString();
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return null;
        }
    }

    public async Task ReleaseAsync(string signUpKey, string version, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.MemberIndex);
        try
        {
            var key = Key(signUpKey);
            await table.DeleteEntityAsync(key, key, new ETag(version), cancellationToken);
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            // Expired and taken over, or already gone: not ours to delete.
        }
    }

    // The row key repeats the partition key, as for members: a constant one makes Azurite scan (see TableMemberRepository.RowKeyOf).
    private static string Key(string signUpKey) =>
        "signup:" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(signUpKey)));
}
