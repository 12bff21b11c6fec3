using System.Text;
using Kok.Domain.Payments;
using Kok.Functions.Payments;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;
using Moq;

namespace Kok.Functions.Tests.Payments;

/// <summary>
/// Correctly signed bodies that are not readable events: refused as malformed with the field named, after the
/// signature check, and never handed on (an exception here was a 500).
/// </summary>
public sealed class StripeEventShapeTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1767225700);

    private readonly StripeEventTranslator translator = new(
        new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Stripe:WebhookSecret"] = StripeFixtures.WebhookSecret })
            .Build(),
        new FakeTimeProvider(Now));

    [Theory]
    [InlineData("null", "body")]
    [InlineData("[]", "body")]
    [InlineData("\"x\"", "body")]
    [InlineData("5", "body")]
    [InlineData("{}", "id")]
    [InlineData("""{"id":"evt_1"}""", "type")]
    [InlineData("""{"id":"evt_1","type":"invoice.paid","created":1}""", "data.object")]
    [InlineData("""{"id":"evt_1","type":"invoice.paid","created":"x","data":{"object":{}}}""", "created")]
    [InlineData("""{"id":"evt_1","type":"invoice.paid","created":1e20,"data":{"object":{}}}""", "created")]
    [InlineData("""{"id":"evt_1","type":"invoice.paid","created":1,"data":{"object":[]}}""", "data.object")]
    [InlineData("""{"id":"evt_1","type":"invoice.paid","created":1,"data":{"object":5}}""", "data.object")]
    [InlineData("""{"id":"evt_#1","type":"invoice.paid","created":1,"data":{"object":{}}}""", "id")]
    [InlineData("""{"id":5,"type":[],"created":1,"data":{"object":{}}}""", "id")]
    [InlineData("""{"id":"evt_1","id":"evt_2","type":"invoice.paid","created":1,"data":{"object":{}}}""", "id")]
    [InlineData("""{"id":"evt_1","type":"invoice.paid","created":1,"data":{"object":{"id":"in_1","id":"in_2"}}}""", "data.object.id")]
    [InlineData("""{"id":"evt_\ud800","type":"invoice.paid","created":1,"data":{"object":{}}}""", "id")]
    public void Signed_body_that_is_not_an_event_is_malformed_naming_the_field(string json, string field)
    {
        var result = translator.Translate(json, StripeFixtures.Sign(json, Now));

        Assert.Equal(StripeEventTranslationStatus.Malformed, result.Status);
        Assert.Contains(field, result.Errors!.Keys);
        Assert.Null(result.Event);
    }

    [Theory]
    [InlineData("checkout.session.completed", """{"object":"invoice","id":"in_1"}""", "data.object")]
    [InlineData("checkout.session.completed", """{"object":"checkout.session","id":"cs_1","amount_total":"x"}""", "data.object")]
    [InlineData("checkout.session.completed", """{"object":"checkout.session","id":"cs_1","metadata":{"donationId":{}}}""", "data.object")]
    [InlineData("checkout.session.completed", """{"object":"checkout.session","id":"cs_1","payment_intent":"pi_../x"}""", "data.object.payment_intent")]
    [InlineData("checkout.session.completed", """{"object":"checkout.session"}""", "data.object.id")]
    [InlineData("invoice.paid", """{"object":"invoice","id":"in_1","payments":5}""", "data.object")]
    [InlineData("invoice.paid", """{"object":"invoice","id":"in_1","subscription":"sub_#"}""", "data.object.subscription")]
    [InlineData("charge.refunded", """{"object":"charge","id":"ch 1"}""", "data.object.id")]
    [InlineData("payment_intent.succeeded", """{"object":"payment_intent","id":"pi_1?x=1"}""", "data.object.id")]
    public void Signed_event_whose_object_has_the_wrong_shape_is_malformed(string type, string obj, string field)
    {
        var json = $$$"""{"id":"evt_1","object":"event","type":"{{{type}}}","created":1767225600,"data":{"object":{{{obj}}}}}""";

        var result = translator.Translate(json, StripeFixtures.Sign(json, Now));

        Assert.Equal(StripeEventTranslationStatus.Malformed, result.Status);
        Assert.Equal([field], result.Errors!.Keys);
        Assert.Equal("evt_1", result.StripeEventId);
    }

    [Fact]
    public void The_signature_is_checked_before_the_content()
    {
        const string json = """{"amount":5,"amount":9999}""";

        Assert.Equal(StripeEventTranslationStatus.InvalidSignature, translator.Translate(json, StripeFixtures.Sign(json, Now, "whsec_other")).Status);
        Assert.Equal(StripeEventTranslationStatus.InvalidSignature, translator.Translate(json, null).Status);
        Assert.Equal(StripeEventTranslationStatus.Malformed, translator.Translate(json, StripeFixtures.Sign(json, Now)).Status);
    }

    [Fact]
    public void Body_that_is_not_utf8_never_verifies()
    {
        byte[] body = [.. Encoding.UTF8.GetBytes("{\"id\":\""), 0xFF, .. Encoding.UTF8.GetBytes("\"}")];
        var timestamp = Now.ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var hash = System.Security.Cryptography.HMACSHA256.HashData(
            Encoding.UTF8.GetBytes(StripeFixtures.WebhookSecret), (byte[])[.. Encoding.UTF8.GetBytes(timestamp + "."), .. body]);

        var result = translator.Translate(body, $"t={timestamp},v1={Convert.ToHexStringLower(hash)}");

        Assert.Equal(StripeEventTranslationStatus.InvalidSignature, result.Status);
    }

    [Fact]
    public async Task Webhook_answers_a_malformed_signed_body_400_naming_the_field_and_hands_nothing_on()
    {
        var handler = new Mock<IPaymentEventHandler>(MockBehavior.Strict);
        var function = new StripeWebhookFunction(translator, handler.Object, NullLogger<StripeWebhookFunction>.Instance);
        const string json = "[]";
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.Headers[StripeWebhookFunction.SignatureHeader] = StripeFixtures.Sign(json, Now);
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(json));

        var result = Assert.IsType<ObjectResult>(await function.Run(context.Request, default));

        Assert.Equal(400, result.StatusCode);
        Assert.Contains("application/problem+json", result.ContentTypes);
        var problem = Assert.IsType<ValidationProblemDetails>(result.Value);
        Assert.Equal("Unreadable Stripe event", problem.Title);
        Assert.Equal(["body"], problem.Errors.Keys);
        handler.VerifyNoOtherCalls();
    }
}
