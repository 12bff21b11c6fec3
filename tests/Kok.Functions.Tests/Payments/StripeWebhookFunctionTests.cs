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

public sealed class StripeWebhookFunctionTests
{
    private static readonly DateTimeOffset Now = DateTimeOffset.FromUnixTimeSeconds(1767225700);

    private readonly Mock<IPaymentEventHandler> handler = new(MockBehavior.Strict);
    private readonly StripeWebhookFunction function;

    public StripeWebhookFunctionTests()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Stripe:WebhookSecret"] = StripeFixtures.WebhookSecret })
            .Build();
        function = new StripeWebhookFunction(
            new StripeEventTranslator(configuration, new FakeTimeProvider(Now)),
            handler.Object,
            NullLogger<StripeWebhookFunction>.Instance);
    }

    [Fact]
    public async Task Verified_event_is_handed_to_the_domain_and_answered_200()
    {
        PaymentEvent? received = null;
        handler.Setup(h => h.HandleAsync(It.IsAny<PaymentEvent>(), It.IsAny<CancellationToken>()))
            .Callback<PaymentEvent, CancellationToken>((e, _) => received = e)
            .ReturnsAsync(PaymentEventDisposition.Processed);
        var json = StripeFixtures.Load("checkout.session.completed.card");

        var result = await function.Run(Request(json, StripeFixtures.Sign(json, Now)), CancellationToken.None);

        var ok = Assert.IsType<OkObjectResult>(result);
        Assert.Equal("processed", Assert.IsType<StripeWebhookReceipt>(ok.Value).Outcome);
        Assert.Equal("don_7Hk2Pq", Assert.IsType<CheckoutCompleted>(received).ClientReferenceId);
    }

    [Fact]
    public async Task Duplicate_is_still_200()
    {
        handler.Setup(h => h.HandleAsync(It.IsAny<PaymentEvent>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(PaymentEventDisposition.Duplicate);
        var json = StripeFixtures.Load("invoice.paid.first");

        var result = await function.Run(Request(json, StripeFixtures.Sign(json, Now)), CancellationToken.None);

        Assert.Equal("duplicate", Assert.IsType<StripeWebhookReceipt>(Assert.IsType<OkObjectResult>(result).Value).Outcome);
    }

    [Fact]
    public async Task Bad_signature_is_400_problem_and_reaches_nothing()
    {
        var json = StripeFixtures.Load("checkout.session.completed.card");

        var result = await function.Run(Request(json, StripeFixtures.Sign(json, Now, "whsec_other")), CancellationToken.None);

        var problem = Assert.IsType<ObjectResult>(result);
        Assert.Equal(StatusCodes.Status400BadRequest, problem.StatusCode);
        Assert.Contains("application/problem+json", problem.ContentTypes);
        Assert.IsType<ProblemDetails>(problem.Value);
        handler.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Unknown_type_is_200_without_reaching_the_domain()
    {
        var json = StripeFixtures.Load("payment_intent.created");

        var result = await function.Run(Request(json, StripeFixtures.Sign(json, Now)), CancellationToken.None);

        Assert.Equal("ignored", Assert.IsType<StripeWebhookReceipt>(Assert.IsType<OkObjectResult>(result).Value).Outcome);
        handler.VerifyNoOtherCalls();
    }

    [Fact]
    public async Task Storage_failure_surfaces_so_stripe_retries()
    {
        handler.Setup(h => h.HandleAsync(It.IsAny<PaymentEvent>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new IOException("table storage unavailable"));
        var json = StripeFixtures.Load("charge.refunded");
        var at = DateTimeOffset.FromUnixTimeSeconds(1767225700);

        await Assert.ThrowsAsync<IOException>(() => function.Run(Request(json, StripeFixtures.Sign(json, at)), CancellationToken.None));
    }

    private static DefaultHttpContext Context(string body, string signature)
    {
        var context = new DefaultHttpContext();
        context.Request.Method = "POST";
        context.Request.ContentType = "application/json; charset=utf-8";
        context.Request.Headers[StripeWebhookFunction.SignatureHeader] = signature;
        context.Request.Body = new MemoryStream(Encoding.UTF8.GetBytes(body));
        return context;
    }

    private static HttpRequest Request(string body, string signature) => Context(body, signature).Request;
}
