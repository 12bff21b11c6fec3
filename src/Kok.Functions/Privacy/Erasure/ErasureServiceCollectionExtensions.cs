using Kok.Domain.Privacy.Erasure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kok.Functions.Privacy.Erasure;

/// <summary>Wires the erasure (the retention periods, one eraser per declared store, the provider's customers) and the retention run.</summary>
public static class ErasureServiceCollectionExtensions
{
    public static IServiceCollection AddKokErasure(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(_ => RetentionConfiguration.From(configuration));
        services.AddSingleton<RetainedReceipts>();
        services.AddSingleton<IPaymentCustomers, StripePaymentCustomers>();
        foreach (var eraser in EraserTypes)
        {
            services.AddSingleton(typeof(ISupporterEraser), eraser);
        }

        services.AddSingleton<EraseSupporter>();
        services.AddSingleton<Kok.Domain.Privacy.ErasureRequests.IErasureRequestStore, ErasureRequests.TableErasureRequestStore>();
        services.AddSingleton<Kok.Domain.Privacy.ErasureRequests.ListOpenErasureRequests>();
        services.AddSingleton<IRetentionStore, TableRetentionStore>();
        services.AddSingleton<RunPrivacyRetention>();
        return services;
    }

    /// <summary>Every store's eraser; <c>ErasureCoverageTests</c> holds them to the personal-data declarations.</summary>
    internal static IReadOnlyList<Type> EraserTypes { get; } =
    [
        typeof(MemberEmailIndexEraser), typeof(SignUpLockEraser), typeof(SignInLinkEraser), typeof(MailObjectionKeeper),
        typeof(AuditTrailKeeper), typeof(AttentionEraser), typeof(BankEntryEraser), typeof(ReceiptRegisterRetainer),
        typeof(ReceiptArchiveRetainer), typeof(DonationEraser), typeof(MemberEraser), typeof(DonationListEraser),
        typeof(MemberListEraser), typeof(ErasureRequests.ErasureRequestCloser),
    ];
}
