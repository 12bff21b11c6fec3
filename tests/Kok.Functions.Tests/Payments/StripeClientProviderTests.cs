using Kok.Functions.Payments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Kok.Functions.Tests.Payments;

public sealed class StripeClientProviderTests
{
    private readonly IConfigurationRoot configuration = new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Stripe:SecretKey"] = "sk_test_one", ["Stripe:ApiBase"] = "http://127.0.0.1:1/dev/stripe/api" })
        .Build();

    private readonly FakeTimeProvider time = new();
    private readonly Mock<IHttpClientFactory> factory = new();

    public StripeClientProviderTests() =>
        factory.Setup(f => f.CreateClient(StripeClientProvider.HttpClientName)).Returns(() => new HttpClient());

    [Fact]
    public void The_client_is_reused_while_the_settings_stay_the_same()
    {
        var provider = new StripeClientProvider(configuration, factory.Object, time);

        var first = provider.Create();
        time.Advance(StripeClientProvider.Reuse - TimeSpan.FromSeconds(1));

        Assert.Same(first, provider.Create());
        factory.Verify(f => f.CreateClient(StripeClientProvider.HttpClientName), Times.Once);
    }

    [Fact]
    public void A_changed_key_or_api_base_gets_a_new_client_with_it()
    {
        var provider = new StripeClientProvider(configuration, factory.Object, time);
        var first = provider.Create();

        configuration["Stripe:SecretKey"] = "sk_test_two";
        var second = provider.Create();
        configuration["Stripe:ApiBase"] = "http://127.0.0.1:2/dev/stripe/api";
        var third = provider.Create();

        Assert.NotSame(first, second);
        Assert.Equal("sk_test_two", second.ApiKey);
        Assert.NotSame(second, third);
        Assert.Equal("http://127.0.0.1:2/dev/stripe/api", third.ApiBase);
    }

    [Fact]
    public void After_the_reuse_period_a_fresh_client_is_built()
    {
        var provider = new StripeClientProvider(configuration, factory.Object, time);
        var first = provider.Create();

        time.Advance(StripeClientProvider.Reuse);

        Assert.NotSame(first, provider.Create());
    }

    [Fact]
    public void A_missing_secret_key_is_refused_at_the_moment_of_use()
    {
        configuration["Stripe:SecretKey"] = null;
        var provider = new StripeClientProvider(configuration, factory.Object, time);

        Assert.Throws<InvalidOperationException>(provider.Create);
    }
}
