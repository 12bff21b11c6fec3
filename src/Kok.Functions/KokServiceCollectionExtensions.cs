using Kok.Functions.Health;
using Kok.Functions.Receipts;
using Kok.Functions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kok.Functions;

/// <summary>
/// The one composition root. The Functions host (Program.cs) and Kok.DevHost both call it, so the two can never
/// wire different services; hosts may only add test or stand-in equipment around it.
/// </summary>
public static class KokServiceCollectionExtensions
{
    public static IServiceCollection AddKokBackend(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        services.TryAddSingleton(TimeProvider.System);
        services.AddSingleton(StorageSettings.From(configuration));
        services.AddSingleton<StorageClients>();
        services.AddSingleton<StorageHealthCheck>();
        services.AddKokReceipts(configuration);

        return services;
    }
}
