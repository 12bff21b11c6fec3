using Kok.Domain.Dues;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kok.Functions.Dues;

/// <summary>Wires the yearly dues run; called from <see cref="KokServiceCollectionExtensions.AddKokBackend"/>.</summary>
public static class DuesServiceCollectionExtensions
{
    public static IServiceCollection AddKokDues(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(DuesConfiguration.Policy(configuration));

        // Needed only by the pre-notification mail: read on first use so a host without SEPA members still starts.
        services.AddSingleton(_ => DuesConfiguration.Creditor(configuration));
        services.AddSingleton(sp => new DuesChargeRateLimit(sp.GetRequiredService<DuesPolicy>().MaxChargesPerSecond));
        services.AddSingleton<IDuesChargeQueue, DuesChargeQueueClient>();
        services.AddSingleton<RunDuesSchedule>();
        services.AddSingleton<ChargeDues>();
        return services;
    }
}
