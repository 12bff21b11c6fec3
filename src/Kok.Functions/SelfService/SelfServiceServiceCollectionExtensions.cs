using Kok.Domain.SelfService;
using Kok.Functions.Membership;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kok.Functions.SelfService;

/// <summary>Wires "Mein KOK": its use cases, the session cookie and the table adapters.</summary>
public static class SelfServiceServiceCollectionExtensions
{
    public static IServiceCollection AddKokSelfService(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Read on first use, as the member links are: DevHost fills in the public base URL once it knows its address.
        services.AddSingleton(_ => SupporterSessionCookie.From(configuration));
        services.AddSingleton(_ => new SelfServiceLinks(MembershipConfiguration.PublicBaseUrl(configuration)
            ?? throw new InvalidOperationException("PublicBaseUrl must be set to the absolute URL the app is reached at.")));
        services.AddSingleton<ISignInLinkStore, TableSignInLinkStore>();
        services.AddSingleton<ISupporterDirectory, TableSupporterDirectory>();
        services.AddSingleton<RequestSignInLink>();
        services.AddSingleton<SignInWithLink>();
        services.AddSingleton<ISupporterMailLog, TableSupporterMailLog>();
        services.AddSingleton<SupporterReceipts>();
        services.AddSingleton<GetSupporterOverview>();
        services.AddSingleton<DownloadSupporterReceipt>();
        services.AddSingleton<CancelOwnMembership>();
        services.AddSingleton<ChangeOwnMonthlyDonation>();
        services.AddSingleton<ChangeOwnMembershipAmount>();
        services.AddSingleton<StartPaymentMethodChange>();
        services.AddSingleton<TakeOverPaymentMethod>();
        services.AddSingleton<ChangeOwnAddress>();
        services.AddSingleton<RequestOwnErasure>();
        return services;
    }
}
