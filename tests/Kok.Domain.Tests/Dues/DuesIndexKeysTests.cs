using System.Globalization;
using Kok.Domain.Dues;

namespace Kok.Domain.Tests.Dues;

public class DuesIndexKeysTests
{
    [Theory]
    [InlineData(2027, 3, 1, "2027-03-01")]
    [InlineData(2028, 2, 29, "2028-02-29")]
    [InlineData(2026, 12, 31, "2026-12-31")]
    [InlineData(999, 1, 2, "0999-01-02")]
    public void Date_partition_is_the_iso_date(int year, int month, int day, string expected) =>
        Assert.Equal(expected, DuesIndexKeys.DatePartition(new DateOnly(year, month, day)));

    [Fact]
    public void Date_partitions_sort_in_date_order_and_ignore_the_culture()
    {
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("ar-SA");
            var keys = Enumerable.Range(0, 800).Select(i => DuesIndexKeys.DatePartition(new DateOnly(2026, 11, 1).AddDays(i))).ToList();
            Assert.Equal(keys.Order(StringComparer.Ordinal), keys);
            Assert.Equal("2026-11-01", keys[0]);
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }
    }
}
