using Azure;
using Azure.Data.Tables;
using Kok.Domain.Dashboard;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Dashboard;

/// <summary>
/// Keeps the "Needs attention" list (<see cref="TableNames.DashboardAttention"/>) from a donation's or member's state
/// (<see cref="AttentionItems"/>). The mark is the items' keys, so a save knows without a read which items are new
/// (inserted into <c>open</c> once the aggregate is stored) and which are gone (a dispute won, a failed payment paid on
/// retry: deleted from <c>open</c>); an item staff marked done sits in <c>done</c> and is never put back. Costs
/// nothing for the many saves that change no item; one write per item that appears or goes.
/// </summary>
internal sealed class AttentionProjection<TAggregate>(StorageClients storage, Func<TAggregate, IReadOnlyList<AttentionItem>> itemsOf)
    : IProjection<TAggregate>
{
    public const string Open = "open";
    public const string Done = "done";
    private const char Separator = ',';

    public string Name => "attention";

    public ProjectionPhase Phase => ProjectionPhase.AfterWrite;

    public PersonalDataDeclaration? PersonalData { get; } = new(
        TableNames.DashboardAttention,
        ["SupporterName"],
        PersonalDataErasure.Delete,
        "The staff's list of supporters whose money came back or whose payments fail, to act on.");

    public string? Mark(TAggregate aggregate)
    {
        var keys = itemsOf(aggregate).Select(i => i.Key).Order(StringComparer.Ordinal).ToList();
        return keys.Count == 0 ? null : string.Join(Separator, keys);
    }

    public async Task AfterWriteAsync(ProjectionStep<TAggregate> save, CancellationToken cancellationToken)
    {
        if (!save.Changed)
        {
            return;
        }

        var before = Keys(save.Previous);
        var now = itemsOf(save.Aggregate);
        var table = await storage.TableAsync(TableNames.DashboardAttention);
        foreach (var item in now.Where(i => !before.Contains(i.Key)))
        {
            try
            {
                // Added, not upserted: a redelivery finds the row there (done items live in the other partition).
                await table.AddEntityAsync(ToEntity(item), cancellationToken);
            }
            catch (RequestFailedException ex) when (ex.Status == 409)
            {
            }
        }

        foreach (var gone in before.Except(now.Select(i => i.Key), StringComparer.Ordinal))
        {
            await table.DeleteEntityAsync(Open, gone, ETag.All, cancellationToken);
        }
    }

    private static HashSet<string> Keys(string? mark) =>
        mark is null ? new(StringComparer.Ordinal) : mark.Split(Separator).ToHashSet(StringComparer.Ordinal);

    private static TableEntity ToEntity(AttentionItem item) => new(Open, item.Key)
    {
        ["Kind"] = item.Kind.ToString(),
        ["SubjectKind"] = item.SubjectKind,
        ["SubjectId"] = item.SubjectId,
        ["PaymentId"] = item.PaymentId,
        ["ReasonCode"] = item.ReasonCode,
        ["AmountCents"] = item.AmountCents,
        ["At"] = item.At,
        ["SupporterName"] = item.SupporterName,
    };
}
