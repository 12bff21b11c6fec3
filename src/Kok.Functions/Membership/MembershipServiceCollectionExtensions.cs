using Kok.Domain.Dashboard;
using Kok.Domain.Dues;
using Kok.Domain.Receipts;
using Kok.Domain.Membership;
using Kok.Functions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Kok.Functions.Membership;

/// <summary>Wires supporting membership; called from <see cref="KokServiceCollectionExtensions.AddKokBackend"/>.</summary>
public static class MembershipServiceCollectionExtensions
{
    public static IServiceCollection AddKokMembership(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(MembershipConfiguration.Rules(configuration));

        // Read on first use, not at composition: DevHost fills in PublicBaseUrl once it knows its own address.
        services.AddSingleton(_ => MembershipConfiguration.Links(configuration));
        // The domain's dues rescheduling runs before every save (ReschedulingMemberRepository); the table store maps.
        services.AddSingleton(sp => TableMemberRepository.Create(
            sp.GetRequiredService<StorageClients>(), sp.GetRequiredService<DuesPolicy>(), sp.GetService<IDashboardTotals>()));
        services.AddSingleton<ISignUpLock, TableSignUpLock>();
        services.AddSingleton<IMemberMailQueue, MemberMailQueueClient>();
        services.AddSingleton<MemberMailComposer>();
        services.AddSingleton<CreateMember>();
        services.AddSingleton<GetMember>();
        services.AddSingleton<HandleMemberPaymentEvent>();
        services.AddSingleton<CancelMembership>();
        services.AddSingleton<EndCancelledMemberships>();
        services.AddSingleton<ComposeMemberMail>();
        services.AddSingleton<SendMemberMail>();

        // Dues mails and the pay link; DuesPolicy and SepaCreditor come from AddKokDues.
        services.AddSingleton<DuesMailComposer>();
        services.AddSingleton<DuesTransferMailComposer>();
        services.AddSingleton<PayDuesByTransfer>();
        services.AddSingleton<ComposeDuesMail>();
        services.AddSingleton<PayOverdueDues>();
        services.AddSingleton<IReceiptSubjectSource, MemberReceiptSubjects>();
        return services;
    }
}
