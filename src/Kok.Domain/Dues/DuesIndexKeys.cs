using System.Globalization;

namespace Kok.Domain.Dues;

/// <summary>
/// Keys for date-keyed index tables, so the dues run reads one partition per day instead of scanning all members.
/// ISO dates sort as strings in date order, which keeps range queries over several days partition-bounded too.
/// </summary>
public static class DuesIndexKeys
{
    public static string DatePartition(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
