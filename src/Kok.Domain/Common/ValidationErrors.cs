namespace Kok.Domain.Common;

/// <summary>
/// Collects validation messages per field. Fields are JSON paths of the request body ("amount", "donor.email",
/// "donor.address.country") so the API can return them unchanged in the problem details' <c>errors</c> object.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);

    public bool IsEmpty => errors.Count == 0;

    public void Add(string field, string message)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        ArgumentException.ThrowIfNullOrEmpty(message);

        if (!errors.TryGetValue(field, out var messages))
        {
            messages = [];
            errors.Add(field, messages);
        }

        if (!messages.Contains(message, StringComparer.Ordinal))
        {
            messages.Add(message);
        }
    }

    public bool Contains(string field) => errors.ContainsKey(field);

    /// <summary>Field → messages, in the shape ASP.NET Core's validation problem details expect.</summary>
    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
