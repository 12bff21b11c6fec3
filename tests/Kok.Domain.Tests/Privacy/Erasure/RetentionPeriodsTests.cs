using Kok.Domain.Privacy.Erasure;

namespace Kok.Domain.Tests.Privacy.Erasure;

public sealed class RetentionPeriodsTests
{
    [Theory]
    [InlineData("2026-01-01")]
    [InlineData("2026-12-31")]
    public void A_receipt_is_kept_until_the_end_of_the_eighth_year_after_the_year_of_issue(string issued)
    {
        var retention = RetentionPeriods.Default;

        var until = retention.ReceiptRetainedUntil(DateOnly.Parse(issued, System.Globalization.CultureInfo.InvariantCulture));

        Assert.Equal(new DateOnly(2034, 12, 31), until);
        Assert.False(retention.ReceiptMayGo(DateOnly.Parse(issued, System.Globalization.CultureInfo.InvariantCulture), until));
        Assert.True(retention.ReceiptMayGo(DateOnly.Parse(issued, System.Globalization.CultureInfo.InvariantCulture), until.AddDays(1)));
    }

    [Fact]
    public void The_books_are_kept_ten_years_and_the_periods_follow_the_settings()
    {
        Assert.Equal(new DateOnly(2036, 12, 31), RetentionPeriods.Default.BookRetainedUntil(new DateOnly(2026, 6, 1)));
        Assert.Equal(new DateOnly(2036, 12, 31), new RetentionPeriods(ReceiptYears: 10).ReceiptRetainedUntil(new DateOnly(2026, 6, 1)));
        var now = new DateTimeOffset(2026, 3, 31, 12, 0, 0, TimeSpan.Zero);
        Assert.Equal(now.AddDays(-30), RetentionPeriods.Default.AbandonedBefore(now));
    }
}
