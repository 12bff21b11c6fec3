using Kok.Domain.Privacy;
using Kok.Functions.Membership;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kok.Functions.Privacy;

/// <summary>Wires the objection list and what the mail dispatcher asks of it.</summary>
public static class PrivacyServiceCollectionExtensions
{
    public static IServiceCollection AddKokPrivacy(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);

        // Read on first use, as the other links are: DevHost fills in the public base URL once it knows its address.
        services.AddSingleton<IMailObjectionKeys>(_ => HmacMailObjectionKeys.From(configuration));
        services.AddSingleton(_ => new MailObjectionLinks(MembershipConfiguration.PublicBaseUrl(configuration)
            ?? throw new InvalidOperationException("PublicBaseUrl must be set to the absolute URL the app is reached at.")));
        services.AddSingleton<IMailObjectionList, TableMailObjectionList>();
        services.AddSingleton<MailObjections>();
        services.AddSingleton<Kok.Domain.Mail.MailFinishing>();
        services.AddSingleton<RecordMailObjection>();
        Erasure.ErasureServiceCollectionExtensions.AddKokErasure(services, configuration);
        return services;
    }
}
