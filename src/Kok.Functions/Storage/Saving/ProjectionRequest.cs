namespace Kok.Functions.Storage.Saving;

/// <summary>
/// A <c>projections</c> queue message: project the aggregate of <paramref name="Kind"/> with <paramref name="Id"/> as
/// stored under <paramref name="Revision"/> (or later). Ids only, no personal data.
/// </summary>
public sealed record ProjectionRequest(string Kind, string Id, long Revision)
{
    public const string QueueName = "projections";
}
