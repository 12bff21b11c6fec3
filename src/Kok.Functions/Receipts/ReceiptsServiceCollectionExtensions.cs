using Kok.Domain.Receipts;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kok.Functions.Receipts;

/// <summary>Wires receipt rendering and receipt mail texts; called from <see cref="KokServiceCollectionExtensions.AddKokBackend"/>.</summary>
public static class ReceiptsServiceCollectionExtensions
{
    public static IServiceCollection AddKokReceipts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(OrganisationSettings.Load(configuration));
        services.AddSingleton<IReceiptRenderer, PdfReceiptRenderer>();
        services.AddSingleton<ReceiptMailComposer>();
        return services;
    }
}
