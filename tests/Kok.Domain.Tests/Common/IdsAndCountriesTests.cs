using Kok.Domain.Common;

namespace Kok.Domain.Tests.Common;

public class IdsAndCountriesTests
{
    [Fact]
    public void Random_ids_are_prefixed_url_safe_and_distinct()
    {
        var generator = new RandomIdGenerator();

        var ids = Enumerable.Range(0, 1000).Select(_ => generator.NewId("don")).ToList();

        Assert.All(ids, id => Assert.Matches("^don_[a-z2-7]{20}$", id));
        Assert.All(ids, id => Assert.True(RandomIdGenerator.IsWellFormed(id, "don")));
        Assert.Equal(ids.Count, ids.Distinct(StringComparer.Ordinal).Count());
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("don_")]
    [InlineData("don_abcdefghijklmnopqrs")]
    [InlineData("don_abcdefghijklmnopqrstu")]
    [InlineData("don_ABCDEFGHIJKLMNOPQRST")]
    [InlineData("don_abcdefghijklmnopqr01")]
    [InlineData("pay_abcdefghijklmnopqrst")]
    [InlineData("don_abcdefghijklmnopq/st")]
    public void Malformed_ids_are_recognised(string? id)
    {
        Assert.False(RandomIdGenerator.IsWellFormed(id, "don"));
    }

    [Fact]
    public void Derived_ids_are_deterministic_and_well_formed()
    {
        var a = RandomIdGenerator.Derive("pay", "don_x", "checkout");

        Assert.Equal(a, RandomIdGenerator.Derive("pay", "don_x", "checkout"));
        Assert.NotEqual(a, RandomIdGenerator.Derive("pay", "don_y", "checkout"));
        Assert.True(RandomIdGenerator.IsWellFormed(a, "pay"));
    }

    [Fact]
    public void Country_list_holds_the_249_assigned_codes_and_kosovo()
    {
        Assert.Equal(250, CountryCodes.All.Count);
        Assert.All(CountryCodes.All, code => Assert.Matches("^[A-Z]{2}$", code));
        Assert.Contains("DE", CountryCodes.All);
        Assert.Contains("XK", CountryCodes.All);
        Assert.DoesNotContain("UK", CountryCodes.All);
    }
}
