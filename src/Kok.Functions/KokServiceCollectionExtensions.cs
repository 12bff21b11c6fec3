using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Payments;
using Kok.Domain.Receipts;
using Kok.Functions.Donations;
using Kok.Functions.Health;
using Kok.Functions.Http;
using Kok.Functions.Membership;
using Kok.Functions.Payments;
using Kok.Functions.Receipts;
using Kok.Functions.Staff;
using Kok.Functions.Startup;
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

        // How long an HTTP request may wait for one storage operation before it answers 503. A host may put in a
        // more patient one where storage is slow but up (the integration tests' emulator, shared by parallel tests).
        services.TryAddSingleton(StorageBudget.Interactive);

        // Before the first request: tables, queues and containers exist, and its code is compiled (both hosts run
        // hosted services, in this order, before they take requests).
        services.AddHostedService<StorageProvisioning>();
        services.AddHostedService<RequestPathWarmUp>();
        services.AddKokStripe(configuration);

        // Read on first use, not at composition: DevHost fills in its own pages' URLs once it knows its address.
        services.AddSingleton(_ => WebsiteOptions.From(configuration));
        services.AddSingleton(RateLimitOptions.From(configuration));
        services.AddSingleton<ClientRateLimiter>();
        services.AddSingleton<Cors>();
        foreach (var middleware in KokWorkerMiddleware.Types)
        {
            services.AddSingleton(middleware);
        }

        services.AddSingleton(StaffAuthOptions.From(configuration));
        services.AddSingleton<StaffAuthorization>();

        services.AddSingleton(sp => new StorageQueueSender(sp.GetRequiredService<StorageClients>(), StorageQueueSender.FollowUpDelayFrom(configuration)));
        services.AddSingleton<QueuePutBack>();
        services.AddSingleton<QueueMessageHandler>();
        services.AddSingleton<IIdGenerator, RandomIdGenerator>();
        services.AddSingleton<IIdempotencyStore, TableIdempotencyStore>();
        services.AddSingleton<IDonationRepository, TableDonationRepository>();
        services.AddSingleton<IReceiptMailQueue, ReceiptMailQueueClient>();
        services.AddSingleton(BankTransfers.BankTransferConfiguration.From(configuration));
        services.AddSingleton<Domain.BankTransfers.ITransferReminderAgenda, BankTransfers.TableTransferReminderAgenda>();
        services.AddSingleton<Domain.BankTransfers.TransferReminderMails>();
        services.AddSingleton<Domain.BankTransfers.TransferReminders>();
        services.AddSingleton<CreateDonation>();
        services.AddSingleton<HandlePaymentEvent>();
        services.AddSingleton<GetDonation>();
        services.AddSingleton<IPaymentReferenceIndex, TablePaymentReferenceIndex>();
        services.AddSingleton<IPaymentEventHandler, PaymentEventRouter>();
        services.AddKokReceipts(configuration);
        Mail.MailServiceCollectionExtensions.AddKokMail(services, configuration);
        services.AddKokMembership(configuration);
        Dues.DuesServiceCollectionExtensions.AddKokDues(services, configuration);
        Dashboard.DashboardServiceCollectionExtensions.AddKokDashboard(services);
        SelfService.SelfServiceServiceCollectionExtensions.AddKokSelfService(services, configuration);
        Privacy.PrivacyServiceCollectionExtensions.AddKokPrivacy(services, configuration);
        Privacy.Export.PrivacyExportServiceCollectionExtensions.AddKokPrivacyExport(services);

        return services;
    }
}
