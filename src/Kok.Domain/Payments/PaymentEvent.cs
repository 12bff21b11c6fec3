namespace Kok.Domain.Payments;

/// <summary>
/// A verified notification from the payment provider, already translated out of its wire format. Events can arrive
/// late, twice or out of order; consumers must converge whatever the order. <see cref="Metadata"/> carries our own
/// ids as we attached them (e.g. <c>donationId</c>).
/// </summary>
public abstract record PaymentEvent(string EventId, DateTimeOffset Created, IReadOnlyDictionary<string, string> Metadata)
{
    public string? MetadataValue(string key) => Metadata.TryGetValue(key, out var value) ? value : null;
}
