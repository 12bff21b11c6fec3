using Kok.Domain.Receipts;

namespace Kok.Domain.Tests.Receipts;

public class GermanAmountInFiguresTests
{
    [Theory]
    [InlineData(1, "0,01 €")]
    [InlineData(100, "1,00 €")]
    [InlineData(2101, "21,01 €")]
    [InlineData(2550, "25,50 €")]
    [InlineData(10000, "100,00 €")]
    [InlineData(100000, "1.000,00 €")]
    [InlineData(100000000, "1.000.000,00 €")]
    [InlineData(999999999, "9.999.999,99 €")]
    [InlineData(-2550, "-25,50 €")]
    public void Formats_german_style(long cents, string expected)
    {
        Assert.Equal(expected, GermanAmountInFigures.Format(cents));
    }

    [Fact]
    public void Number_without_currency_sign()
    {
        Assert.Equal("1.000.000,00", GermanAmountInFigures.FormatNumber(100000000));
        Assert.Equal("-92.233.720.368.547.758,08", GermanAmountInFigures.FormatNumber(long.MinValue));
    }
}
