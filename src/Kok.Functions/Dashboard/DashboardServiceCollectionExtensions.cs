using Kok.Domain.Dashboard;
using Microsoft.Extensions.DependencyInjection;

namespace Kok.Functions.Dashboard;

/// <summary>Wires the office dashboard; called from <see cref="KokServiceCollectionExtensions.AddKokBackend"/>.</summary>
public static class DashboardServiceCollectionExtensions
{
    public static IServiceCollection AddKokDashboard(this IServiceCollection services)
    {
        services.AddSingleton<IDashboardTotals, TableDashboardTotals>();
        services.AddSingleton<IDashboardSource, TableDashboardSource>();
        services.AddSingleton<IPoisonQueueMonitor, StoragePoisonQueueMonitor>();
        services.AddSingleton<IAuditTrail, TableAuditTrail>();
        services.AddSingleton<GetDashboardSummary>();
        services.AddSingleton<RecomputeDashboardTotals>();
        services.AddSingleton<IMemberActivity, TableMemberActivity>();
        services.AddSingleton<IPoisonQueues, StoragePoisonQueues>();
        services.AddSingleton<GetMemberDetail>();
        services.AddSingleton<RemindMember>();
        services.AddSingleton<RecordDuesBankTransfer>();
        services.AddSingleton<CancelMemberByStaff>();
        services.AddSingleton<RequeuePoisonMessages>();
        services.AddSingleton<IDashboardMemberList, TableDashboardMemberList>();
        services.AddSingleton<IDashboardDonationList, TableDashboardDonationList>();
        services.AddSingleton<ListDashboardMembers>();
        services.AddSingleton<ListDashboardDonations>();
        services.AddSingleton<IAttentionList, TableAttentionList>();
        services.AddSingleton<MarkAttentionDone>();
        return services;
    }
}
