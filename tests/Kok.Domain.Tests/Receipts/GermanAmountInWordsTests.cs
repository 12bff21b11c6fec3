using Kok.Domain.Receipts;

namespace Kok.Domain.Tests.Receipts;

public class GermanAmountInWordsTests
{
    [Theory]
    [InlineData(1, "ein Cent")]
    [InlineData(2, "zwei Cent")]
    [InlineData(10, "zehn Cent")]
    [InlineData(11, "elf Cent")]
    [InlineData(16, "sechzehn Cent")]
    [InlineData(17, "siebzehn Cent")]
    [InlineData(21, "einundzwanzig Cent")]
    [InlineData(30, "dreißig Cent")]
    [InlineData(99, "neunundneunzig Cent")]
    [InlineData(100, "ein Euro")]
    [InlineData(101, "ein Euro ein Cent")]
    [InlineData(150, "ein Euro fünfzig Cent")]
    [InlineData(200, "zwei Euro")]
    [InlineData(2101, "einundzwanzig Euro ein Cent")]
    [InlineData(2550, "fünfundzwanzig Euro fünfzig Cent")]
    [InlineData(1600, "sechzehn Euro")]
    [InlineData(6600, "sechsundsechzig Euro")]
    [InlineData(7700, "siebenundsiebzig Euro")]
    [InlineData(5000, "fünfzig Euro")]
    [InlineData(10000, "einhundert Euro")]
    [InlineData(10100, "einhunderteins Euro")]
    [InlineData(11100, "einhundertelf Euro")]
    [InlineData(12100, "einhunderteinundzwanzig Euro")]
    [InlineData(30000, "dreihundert Euro")]
    [InlineData(30001, "dreihundert Euro ein Cent")]
    [InlineData(100000, "eintausend Euro")]
    [InlineData(100100, "eintausendeins Euro")]
    [InlineData(210000, "zweitausendeinhundert Euro")]
    [InlineData(2100000, "einundzwanzigtausend Euro")]
    [InlineData(10000000, "einhunderttausend Euro")]
    [InlineData(10100000, "einhunderteintausend Euro")]
    [InlineData(99999999, "neunhundertneunundneunzigtausendneunhundertneunundneunzig Euro neunundneunzig Cent")]
    [InlineData(100000000, "eine Million Euro")]
    [InlineData(100000001, "eine Million Euro ein Cent")]
    [InlineData(100000100, "eine Million eins Euro")]
    [InlineData(120000000, "eine Million zweihunderttausend Euro")]
    [InlineData(200000000, "zwei Millionen Euro")]
    [InlineData(999999999, "neun Millionen neunhundertneunundneunzigtausendneunhundertneunundneunzig Euro neunundneunzig Cent")]
    [InlineData(2100000000, "einundzwanzig Millionen Euro")]
    [InlineData(10100000000, "einhundertein Millionen Euro")]
    [InlineData(100000000000, "eine Milliarde Euro")]
    [InlineData(100000100000, "eine Milliarde eintausend Euro")]
    [InlineData(300000000000, "drei Milliarden Euro")]
    [InlineData(GermanAmountInWords.MaxCents, "neunhundertneunundneunzig Milliarden neunhundertneunundneunzig Millionen neunhundertneunundneunzigtausendneunhundertneunundneunzig Euro neunundneunzig Cent")]
    public void Writes_amount_in_german_words(long cents, string expected)
    {
        Assert.Equal(expected, GermanAmountInWords.Format(cents));
    }

    [Fact]
    public void Zero_is_null_euro()
    {
        Assert.Equal("null Euro", GermanAmountInWords.Format(0));
    }

    [Theory]
    [InlineData(-1)]
    [InlineData(GermanAmountInWords.MaxCents + 1)]
    public void Rejects_amounts_out_of_range(long cents)
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => GermanAmountInWords.Format(cents));
    }

    [Fact]
    public void Every_amount_up_to_ten_thousand_euro_is_lower_case_words_without_double_spaces()
    {
        for (long cents = 1; cents <= 1_000_000; cents += 37)
        {
            var words = GermanAmountInWords.Format(cents);
            Assert.Matches("^[a-zäöüß ]+(Euro|Cent)$", words.Replace("Euro ", "euro ", StringComparison.Ordinal));
            Assert.DoesNotContain("  ", words, StringComparison.Ordinal);
            Assert.DoesNotContain("null", words, StringComparison.Ordinal);
            Assert.DoesNotContain("einsund", words, StringComparison.Ordinal);
            Assert.DoesNotContain("einshundert", words, StringComparison.Ordinal);
            Assert.DoesNotContain("einstausend", words, StringComparison.Ordinal);
        }
    }
}
