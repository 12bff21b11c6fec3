using Kok.Domain.Dashboard;
using Kok.Domain.Donations;
using Kok.Domain.Mail;
using Kok.Domain.Receipts;
using Kok.Functions.Mail;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Kok.Functions.Receipts;

/// <summary>
/// Wires receipt rendering, receipt mail texts, the receipt register, the PDF archive, the mail log and the receipt
/// mailer; called from <see cref="KokServiceCollectionExtensions.AddKokBackend"/>. The mailer needs an
/// <see cref="IMailSender"/>, which the mail adapter registers.
/// </summary>
public static class ReceiptsServiceCollectionExtensions
{
    public static IServiceCollection AddKokReceipts(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.AddSingleton(OrganisationSettings.Load(configuration));
        services.AddSingleton<IReceiptRenderer, PdfReceiptRenderer>();
        services.AddSingleton<ReceiptMailComposer>();

        services.AddSingleton<IReceiptRegister, TableReceiptRegister>();
        services.AddSingleton<IReceiptArchive, BlobReceiptArchive>();
        services.AddSingleton<IMailLog, TableMailLog>();
        services.AddSingleton<MailDispatcher>();
        services.AddSingleton<IReceiptSubjectSource, DonationReceiptSubjects>();
        // The link in the failed-payment mails; read on first use, as DevHost fills in PublicBaseUrl once it knows its address.
        // Without the setting (the member mails refuse to start then) the mails name only the office's address: a missing
        // link must not stop the thank-you mails and receipts this mailer sends too.
        services.AddSingleton(_ => Membership.MembershipConfiguration.PublicBaseUrl(configuration) is { } url ? new PublicPageLinks(url) : null!);
        services.AddSingleton<SendReceiptMail>();

        // The annual run, corrections and the staff's receipts API.
        services.AddSingleton<IAnnualReceiptIndex, TableAnnualReceiptIndex>();
        services.AddSingleton<IAnnualReceiptRuns, TableAnnualReceiptRuns>();
        services.AddSingleton<AnnualReceiptQueueClient>();
        services.AddSingleton<IAnnualReceiptQueue>(sp => sp.GetRequiredService<AnnualReceiptQueueClient>());
        services.AddSingleton<AnnualReceiptAssembly>();
        services.AddSingleton<ReceiptFiles>();
        services.AddSingleton<ReceiptCorrector>();
        services.AddSingleton<PaymentNoLongerCounts>();
        services.AddSingleton<StartAnnualReceiptRun>();
        services.AddSingleton<IAnnualReceiptIssuer, CoalescingAnnualReceiptIssuer>();
        services.AddSingleton<IssueAnnualReceipt>();
        services.AddSingleton<PreviewAnnualReceipts>();
        services.AddSingleton<GetAnnualReceiptProgress>();
        services.AddSingleton<StaffActionRecorder>();
        services.AddSingleton<StaffStartsAnnualReceiptRun>();
        services.AddSingleton<SearchReceipts>();
        services.AddSingleton<CopyReceipt>();
        services.AddSingleton<CorrectReceipt>();
        services.AddSingleton<ReceiptStaffDocuments>();
        services.AddSingleton<ReconcileReceipts>();
        return services;
    }
}
