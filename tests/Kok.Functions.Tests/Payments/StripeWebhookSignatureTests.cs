using System.Globalization;
using Kok.Domain.Payments;
using Kok.Functions.Payments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace Kok.Functions.Tests.Payments;

/// <summary>
/// The webhook's own signature check: Stripe's scheme with 64-bit timestamps, so webhooks keep working after
/// 19 January 2038, when a 32-bit Unix time runs out (Stripe.net's check then refused every webhook).
/// </summary>
public sealed class StripeWebhookSignatureTests
{
    private static readonly DateTimeOffset In2040 = new(2040, 6, 1, 12, 0, 0, TimeSpan.Zero);
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1767225700);
    private const string Payload = """{"id":"evt_1","object":"event"}""";

    [Fact]
    public void A_webhook_signed_in_2040_is_translated()
    {
        var clock = new FakeTimeProvider(In2040);
        var translator = Translator(clock);
        var json = StripeFixtures.Load("checkout.session.completed.card");

        var result = translator.Translate(json, StripeFixtures.Sign(json, In2040));

        Assert.Equal(StripeEventTranslationStatus.Translated, result.Status);
        Assert.IsType<CheckoutCompleted>(result.Event);
    }

    [Fact]
    public void A_2040_signature_is_still_refused_once_older_than_five_minutes()
    {
        var clock = new FakeTimeProvider(In2040);
        var translator = Translator(clock);
        var json = StripeFixtures.Load("checkout.session.completed.card");
        var signature = StripeFixtures.Sign(json, In2040);

        clock.Advance(TimeSpan.FromSeconds(StripeEventTranslator.ToleranceSeconds + 1));

        Assert.Equal(StripeEventTranslationStatus.InvalidSignature, translator.Translate(json, signature).Status);
    }

    [Theory]
    [InlineData(-300, true)]
    [InlineData(300, true)]
    [InlineData(-301, false)]
    [InlineData(301, false)]
    public void The_signed_time_may_lie_five_minutes_either_way(int offsetSeconds, bool valid)
    {
        var signature = StripeFixtures.Sign(Payload, Now.AddSeconds(offsetSeconds));

        Assert.Equal(valid, StripeWebhookSignature.Problem(Payload, signature, StripeFixtures.WebhookSecret, 300, Now) is null);
    }

    [Fact]
    public void Any_v1_signature_in_the_header_may_match_as_while_a_secret_is_rolled()
    {
        var good = StripeFixtures.Sign(Payload, Now);
        var forged = StripeFixtures.Sign(Payload, Now, "whsec_old");
        var goodV1 = good[(good.IndexOf("v1=", StringComparison.Ordinal) + 3)..];
        var forgedV1 = forged[(forged.IndexOf("v1=", StringComparison.Ordinal) + 3)..];
        var t = Now.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);

        Assert.Null(StripeWebhookSignature.Problem(Payload, $"t={t},v1={forgedV1},v1={goodV1},v0=abc", StripeFixtures.WebhookSecret, 300, Now));
        Assert.Null(StripeWebhookSignature.Problem(Payload, $" t={t} , v1={goodV1} ", StripeFixtures.WebhookSecret, 300, Now));
        Assert.NotNull(StripeWebhookSignature.Problem(Payload, $"t={t},v1={forgedV1}", StripeFixtures.WebhookSecret, 300, Now));
        Assert.NotNull(StripeWebhookSignature.Problem(Payload, $"t={t},v0={goodV1}", StripeFixtures.WebhookSecret, 300, Now));
    }

    [Theory]
    [InlineData("")]
    [InlineData("garbage")]
    [InlineData("v1=00")]
    [InlineData("t=,v1=00")]
    [InlineData("t=abc,v1=00")]
    [InlineData("t=-1,v1=00")]
    [InlineData("t=+1767225700,v1=00")]
    [InlineData("t=99999999999999999999,v1=00")]
    [InlineData("t=1767225700,t=1767225700,v1=00")]
    [InlineData("t=1767225700,v1=zz")]
    [InlineData("t=1767225700,v1")]
    public void A_header_not_in_Stripes_format_is_refused_without_an_exception(string header)
    {
        Assert.NotNull(StripeWebhookSignature.Problem(Payload, header, StripeFixtures.WebhookSecret, 300, Now));
    }

    [Fact]
    public void A_signature_over_other_text_or_with_another_secret_is_refused()
    {
        var signature = StripeFixtures.Sign(Payload, Now);

        Assert.Null(StripeWebhookSignature.Problem(Payload, signature, StripeFixtures.WebhookSecret, 300, Now));
        Assert.NotNull(StripeWebhookSignature.Problem(Payload + " ", signature, StripeFixtures.WebhookSecret, 300, Now));
        Assert.NotNull(StripeWebhookSignature.Problem(Payload, signature, "whsec_other", 300, Now));
    }

    [Theory]
    [InlineData(long.MaxValue)]
    [InlineData(0L)]
    [InlineData(2147483648L)]
    public void A_valid_signature_over_a_time_far_from_now_is_refused_without_an_exception(long timestamp)
    {
        var t = timestamp.ToString(CultureInfo.InvariantCulture);
        var hash = System.Security.Cryptography.HMACSHA256.HashData(
            System.Text.Encoding.UTF8.GetBytes(StripeFixtures.WebhookSecret), System.Text.Encoding.UTF8.GetBytes($"{t}.{Payload}"));

        var problem = StripeWebhookSignature.Problem(Payload, $"t={t},v1={Convert.ToHexStringLower(hash)}", StripeFixtures.WebhookSecret, 300, Now);

        Assert.Contains("tolerance", problem, StringComparison.Ordinal);
    }

    private static StripeEventTranslator Translator(TimeProvider clock) => new(
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Stripe:WebhookSecret"] = StripeFixtures.WebhookSecret })
            .Build(),
        clock);
}
