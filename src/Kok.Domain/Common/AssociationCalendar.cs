namespace Kok.Domain.Common;

/// <summary>
/// Calendar dates as KOK's office in Berlin sees them: a payment at 00:30 on 1 March Berlin time belongs to 1 March,
/// although it is still 28 February in UTC. Membership years and due dates are such dates.
/// </summary>
public static class AssociationCalendar
{
    private static readonly TimeZoneInfo Berlin = FindBerlin();

    public static DateOnly Date(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Berlin).DateTime);

    private static TimeZoneInfo FindBerlin()
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById("Europe/Berlin");
        }
        catch (TimeZoneNotFoundException)
        {
            // A host without time zone data (a bare container) still works, off by at most a day around midnight.
            return TimeZoneInfo.Utc;
        }
    }
}
