using Kok.DevHost.Functions;
using Microsoft.Extensions.Configuration;

namespace Kok.DevHost.Tests;

public class AppSettingResolverTests
{
    private static readonly AppSettingResolver Resolver = new(new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ReceiptQueue"] = "receipts",
            ["Env"] = "dev",
            ["Schedules:Dues"] = "0 0 6 1 * *",
        })
        .Build());

    [Theory]
    [InlineData("%ReceiptQueue%", "receipts")]
    [InlineData("%ReceiptQueue%-%Env%", "receipts-dev")]
    [InlineData("%Schedules:Dues%", "0 0 6 1 * *")]
    [InlineData("plain-name", "plain-name")]
    public void Setting_tokens_are_replaced_by_their_values(string value, string expected)
    {
        Assert.Equal(expected, Resolver.Resolve(value, "a test"));
    }

    [Fact]
    public void A_missing_setting_is_named_in_the_error()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Resolver.Resolve("%NoSuchQueue%", "the queue trigger of function 'X'"));

        Assert.Contains("'NoSuchQueue'", error.Message, StringComparison.Ordinal);
        Assert.Contains("function 'X'", error.Message, StringComparison.Ordinal);
    }
}
