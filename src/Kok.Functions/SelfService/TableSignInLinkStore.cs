using Azure;
using Azure.Data.Tables;
using Kok.Domain.SelfService;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.SelfService;

/// <summary>
/// Sign-in links in <see cref="TableNames.MemberIndex"/> (beside the sign-up leases, so no table of their own): partition
/// and row <c>signin:{SHA-256 of the token}</c>, the supporter key (a hash of the address) and the times. The token
/// itself is never stored. One request per call; using a link is a replace under the row's ETag.
/// </summary>
public sealed class TableSignInLinkStore(StorageClients storage) : ISignInLinkStore
{
    public static PersonalDataDeclaration PersonalData { get; } = new(
        TableNames.MemberIndex,
        ["PartitionKey signin:… (hash of the link's token)", "SupporterKey: SHA-256 of the email address"],
        PersonalDataErasure.Delete,
        "Mailed sign-in links for Mein KOK; each works once and for 30 minutes.");

    public async Task AddAsync(SignInLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var table = await storage.TableAsync(TableNames.MemberIndex);
        await table.AddEntityAsync(ToEntity(link), cancellationToken);
    }

    public async Task<SignInLink?> GetAsync(string tokenHash, CancellationToken cancellationToken)
    {
        var table = await storage.TableAsync(TableNames.MemberIndex);
        var key = Key(tokenHash);
        var row = await table.GetEntityIfExistsAsync<TableEntity>(key, key, cancellationToken: cancellationToken);
        if (!row.HasValue || row.Value is not { } entity)
        {
            return null;
        }

        return new SignInLink
        {
            TokenHash = tokenHash,
            SupporterKey = entity.GetString("SupporterKey"),
            IssuedAt = entity.GetDateTimeOffset("IssuedAt")!.Value,
            UsedAt = entity.GetDateTimeOffset("UsedAt"),
            Version = entity.ETag.ToString(),
        };
    }

    public async Task<bool> TryReplaceAsync(SignInLink link, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(link);
        var table = await storage.TableAsync(TableNames.MemberIndex);
        try
        {
            await table.UpdateEntityAsync(ToEntity(link), link.Version is { } version ? new ETag(version) : ETag.All, TableUpdateMode.Replace, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status is 412 or 404)
        {
            return false;
        }
    }

    private static string Key(string tokenHash) => "signin:" + tokenHash;

    private static TableEntity ToEntity(SignInLink link)
    {
        var key = Key(link.TokenHash);
        return new TableEntity(key, key)
        {
            ["SupporterKey"] = link.SupporterKey,
            ["IssuedAt"] = link.IssuedAt,
            ["ExpiresAt"] = link.ExpiresAt,
            ["UsedAt"] = link.UsedAt,
        };
    }
}
