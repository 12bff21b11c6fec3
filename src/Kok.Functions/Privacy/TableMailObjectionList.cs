using Azure;
using Azure.Data.Tables;
using Kok.Domain.Privacy;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Privacy;

/// <summary>
/// The objection list in <see cref="TableNames.MemberIndex"/> (beside the other lookups by address hash, so no table
/// of its own): partition and row <c>objection:{key}</c> with who recorded it and when. One point read per optional
/// mail; adding is an insert (409: on the list already).
/// </summary>
public sealed class TableMailObjectionList(StorageClients storage) : IMailObjectionList
{
    private const string Prefix = "objection:";

    public static PersonalDataDeclaration PersonalData { get; } = new(
        TableNames.MemberIndex,
        ["PartitionKey objection:… (keyed hash of the email address)"],
        PersonalDataErasure.Keep,
        "Addresses that objected to optional mails (Art. 21 DSGVO), so that reminders no longer reach them.");

    public async Task<bool> ContainsAsync(MailObjectionKey key, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var table = await storage.TableAsync(TableNames.MemberIndex);
        var row = Prefix + key.Value;
        var found = await table.GetEntityIfExistsAsync<TableEntity>(row, row, ["Source"], cancellationToken);
        return found.HasValue;
    }

    public async Task<bool> AddAsync(MailObjectionKey key, MailObjectionSource source, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(key);
        var table = await storage.TableAsync(TableNames.MemberIndex);
        var row = Prefix + key.Value;
        try
        {
            await table.AddEntityAsync(new TableEntity(row, row) { ["Source"] = source.ToString(), ["ObjectedAt"] = at }, cancellationToken);
            return true;
        }
        catch (RequestFailedException ex) when (ex.Status == 409)
        {
            return false;
        }
    }
}
