using Kok.Domain.Payments;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kok.Functions.Payments;

public static class StripeServiceCollectionExtensions
{
    /// <summary>
    /// Registers the Stripe adapter: <see cref="IPaymentGateway"/>, <see cref="ISubscriptionGateway"/>, <see cref="IPaymentMethodSetup"/> and the webhook's <see cref="StripeEventTranslator"/>.
    /// <see cref="IPaymentEventHandler"/> is the domain's to register. Configuration is read when used:
    /// <c>Stripe:SecretKey</c>, <c>Stripe:ApiBase</c>, <c>Stripe:WebhookSecret</c>; the
    /// return URLs come from <see cref="Kok.Functions.Http.WebsiteOptions"/>.
    /// </summary>
    public static IServiceCollection AddKokStripe(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.AddHttpClient(StripeClientProvider.HttpClientName);
        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(sp => new StripeClientProvider(
            configuration, sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IPaymentGateway>(sp => new StripePaymentGateway(
            sp.GetRequiredService<StripeClientProvider>(),
            sp.GetRequiredService<Kok.Functions.Http.WebsiteOptions>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<StripePaymentGateway>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<ISubscriptionGateway>(sp => new StripeSubscriptionChanges(
            sp.GetRequiredService<StripeClientProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<StripeSubscriptionChanges>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<IPaymentMethodSetup>(sp => new StripePaymentMethodSetup(
            sp.GetRequiredService<StripeClientProvider>(),
            sp.GetRequiredService<Microsoft.Extensions.Logging.ILogger<StripePaymentMethodSetup>>(),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton(sp => new StripeEventTranslator(configuration, sp.GetRequiredService<TimeProvider>()));

        return services;
    }
}
