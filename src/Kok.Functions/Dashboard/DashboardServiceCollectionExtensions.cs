using Kok.Domain.Dashboard;
using Kok.Functions.Donations;
using Kok.Functions.Membership;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;
using Microsoft.Extensions.DependencyInjection;

namespace Kok.Functions.Dashboard;

/// <summary>Wires the office dashboard; called from <see cref="KokServiceCollectionExtensions.AddKokBackend"/>.</summary>
public static class DashboardServiceCollectionExtensions
{
    public static IServiceCollection AddKokDashboard(this IServiceCollection services)
    {
        services.AddSingleton<IDashboardTotals, TableDashboardTotals>();

        // What RefreshProjections brings up to date off the request's path (ADR 0006): one per kind of aggregate.
        services.AddSingleton<IAggregateRefresh>(sp => TableDonationRepository.Store(sp.GetRequiredService<StorageClients>(), sp.GetService<IDashboardTotals>()));
        services.AddSingleton<IAggregateRefresh>(sp => TableMemberRepository.Store(sp.GetRequiredService<StorageClients>(), sp.GetService<IDashboardTotals>()));
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
        services.AddSingleton<Domain.BankTransfers.IBankEntryLog, BankTransfers.TableBankEntryLog>();
        services.AddSingleton<Domain.BankTransfers.ImportBankStatement>();
        services.AddSingleton<Domain.BankTransfers.DecideBankEntry>();
        services.AddSingleton<Domain.BankTransfers.AddReceiptAddress>();
        return services;
    }
}
