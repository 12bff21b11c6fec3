using Kok.Domain.Privacy.Export;
using Microsoft.Extensions.DependencyInjection;

namespace Kok.Functions.Privacy.Export;

/// <summary>Wires the copy of a supporter's data (Art. 15 DSGVO): its use cases and adapters.</summary>
public static class PrivacyExportServiceCollectionExtensions
{
    public static IServiceCollection AddKokPrivacyExport(this IServiceCollection services)
    {
        services.AddSingleton<IPersonalDataInventory, PersonalDataExportCoverage>();
        services.AddSingleton<ISupporterBankEntries, TableSupporterBankEntries>();
        services.AddSingleton<SupporterDataExporter>();
        services.AddSingleton<ExportSupporterDataByStaff>();
        return services;
    }
}
