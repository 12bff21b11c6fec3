namespace Kok.Domain.Common;

/// <summary>
/// Collects validation messages per field. Fields are JSON paths of the request body ("amount", "donor.email",
/// "donor.address.country") so the API can return them unchanged in the problem details' <c>errors</c> object.
/// </summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> errors = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<ValidationCode>> codes = new(StringComparer.Ordinal);

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

    /// <summary>Adds <paramref name="message"/> and what it says as a <paramref name="code"/> (see <see cref="Codes"/>).</summary>
    public void Add(string field, string message, ValidationCode code)
    {
        ArgumentNullException.ThrowIfNull(code);
        Add(field, message);
        if (!codes.TryGetValue(field, out var known))
        {
            known = [];
            codes.Add(field, known);
        }

        if (!known.Any(c => c.Code == code.Code))
        {
            known.Add(code);
        }
    }

    public bool Contains(string field) => errors.ContainsKey(field);

    /// <summary>Field → the codes of the messages added with one (a page words them in its own language).</summary>
    public IReadOnlyDictionary<string, ValidationCode[]> Codes() =>
        codes.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);

    /// <summary>Field → messages, in the shape ASP.NET Core's validation problem details expect.</summary>
    public IReadOnlyDictionary<string, string[]> ToDictionary() =>
        errors.ToDictionary(e => e.Key, e => e.Value.ToArray(), StringComparer.Ordinal);
}
