using Kok.Functions;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Kok.InfraTests;

/// <summary>
/// The app's start-up as far as configuration goes: the real composition root over a given configuration, with every
/// service it registers resolved and every options type it configures read, so each check the app makes when it
/// starts or first uses a service runs. Throws what the app would throw.
/// </summary>
internal static class AppComposition
{
    public static void ResolveAll(IConfiguration configuration)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        var services = builder.Services;
        services.AddSingleton(configuration);
        var before = services.Count;
        services.AddKokBackend(configuration);
        var added = services.Skip(before).Where(d => !d.ServiceType.IsGenericTypeDefinition).ToArray();

        using var provider = services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = true });
        using var scope = provider.CreateScope();
        foreach (var descriptor in added)
        {
            var source = descriptor.Lifetime == ServiceLifetime.Singleton ? provider : scope.ServiceProvider;
            _ = descriptor.IsKeyedService
                ? source.GetKeyedServices(descriptor.ServiceType, descriptor.ServiceKey).ToArray()
                : source.GetServices(descriptor.ServiceType).ToArray();
        }

        var optionTypes = added
            .Select(d => d.ServiceType)
            .Where(t => t.IsGenericType && t.GetGenericTypeDefinition() is var g
                && (g == typeof(IConfigureOptions<>) || g == typeof(IPostConfigureOptions<>) || g == typeof(IValidateOptions<>)))
            .Select(t => t.GetGenericArguments()[0])
            .Distinct();
        foreach (var optionType in optionTypes)
        {
            var options = provider.GetRequiredService(typeof(IOptions<>).MakeGenericType(optionType));
            _ = options.GetType().GetProperty(nameof(IOptions<object>.Value))!.GetValue(options);
        }
    }
}
