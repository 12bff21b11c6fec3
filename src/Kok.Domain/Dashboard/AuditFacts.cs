using System.Globalization;

namespace Kok.Domain.Dashboard;

/// <summary>
/// The details of an <see cref="AuditEntry"/>: <c>key=value</c> pairs joined by <c>"; "</c>
/// (<c>period=2027-03-01; status=overdue; mail=dues_staff_reminder</c>). Keys are the constants below, so the
/// dashboard page can name each in the reader's language; values are ids, whole numbers, ISO dates and the API's
/// snake_case names of statuses, outcomes and mail kinds, never personal data.
/// </summary>
public static class AuditFacts
{
    public const string Period = "period";
    public const string Status = "status";
    public const string Mail = "mail";
    public const string Outcome = "outcome";
    public const string EndsOn = "endsOn";
    public const string PaymentId = "paymentId";
    public const string AmountCents = "amountCents";
    public const string PaidOn = "paidOn";
    public const string Queue = "queue";
    public const string Requeued = "requeued";
    public const string Entities = "entities";
    public const string DriftedCounters = "drifted counters";
    public const string Item = "item";
    public const string Receipt = "receipt";
    public const string Replacement = "replacement";
    public const string Year = "year";

    /// <summary>The details text of <paramref name="facts"/>; null values are left out.</summary>
    public static string Format(params (string Key, object? Value)[] facts)
    {
        ArgumentNullException.ThrowIfNull(facts);
        return string.Join("; ", facts.Where(f => f.Value is not null).Select(f => f.Key + "=" + Text(f.Value!)));
    }

    /// <summary>
    /// The pairs of a details text, in order. Entries written before the values were normalised carry enum names as
    /// C# spells them (<c>status=Overdue</c>, <c>mail=DuesStaffReminder</c>); they come back in snake_case too.
    /// </summary>
    public static IReadOnlyList<KeyValuePair<string, string>> Parse(string? details)
    {
        if (string.IsNullOrWhiteSpace(details))
        {
            return [];
        }

        var facts = new List<KeyValuePair<string, string>>();
        foreach (var part in details.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var equals = part.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                continue;
            }

            var key = part[..equals].Trim();
            var value = part[(equals + 1)..].Trim();
            facts.Add(new(key, key is Status or Mail or Outcome ? ListQueryParsing.SnakeCase(value) : value));
        }

        return facts;
    }

    private static string Text(object value) => value switch
    {
        Enum e => ListQueryParsing.SnakeCase(e.ToString()),
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? string.Empty,
    };
}
