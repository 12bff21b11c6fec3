using System.Text.Json;
using Azure.Core.Pipeline;
using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Mail;
using Kok.Domain.Payments;
using Kok.Domain.Receipts;
using Kok.Functions;
using Kok.Functions.Receipts;
using Kok.Functions.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests.Receipts;

/// <summary>
/// The receipt mailer as the hosts compose it (<see cref="KokServiceCollectionExtensions.AddKokBackend"/>) on
/// Azurite, with a recording mail service, a fake clock in a year of the test's own, a storage transaction counter
/// and captured logs. <see cref="DeliverAsync"/> invokes the queue function the way a host does: a new instance per
/// message, created through DI.
/// </summary>
internal sealed class ReceiptPipeline : IDisposable
{
    public const string DonorName = "Erika Mustermann-Testperson";
    public const string DonorEmail = "erika.testperson@example.de";
    public const string DonorStreet = "Heidestraße 17";

    private readonly ServiceProvider provider;

    private ReceiptPipeline(int year)
    {
        Year = year;
        Time = new FakeTimeProvider(new DateTimeOffset(year, 3, 10, 9, 0, 0, TimeSpan.Zero));
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["AzureWebJobsStorage"] = ReceiptStorage.ConnectionString,
            ["Organisation:AddressLines:0"] = "Kurfürstenstraße 33",
            ["Organisation:AddressLines:1"] = "10785 Berlin",
            ["Organisation:TaxOffice"] = "Berlin für Körperschaften I",
            ["Organisation:TaxNumber"] = "27/123/45678",
            ["Organisation:ExemptionNoticeDate"] = $"{year - 1}-05-17",
            ["Organisation:AssessmentPeriod"] = $"{year - 4} bis {year - 2}",
            ["Organisation:Purposes"] = "der Hilfe für Opfer von Straftaten",
            ["Organisation:SignatoryName"] = "Petra Beispiel",
            ["Organisation:SignatoryFunction"] = "Geschäftsführerin",
            ["Organisation:ContactEmail"] = "spenden@example.org",

            // Every mail ends with the Mein KOK link, and optional ones with a keyed unsubscribe link (MailFinishing).
            ["PublicBaseUrl"] = "https://kok.example/",
            ["Links:SigningSecret"] = "receipt-pipeline-test-signing-secret-0001",
        }).Build();

        var services = new ServiceCollection();
        services.AddLogging(logging => logging.SetMinimumLevel(LogLevel.Trace).AddProvider(Logs));
        services.AddSingleton<TimeProvider>(Time);
        services.AddSingleton<HttpPipelinePolicy>(Transactions);
        services.AddKokBackend(configuration);
        services.AddSingleton<IMailSender>(Mail);
        provider = services.BuildServiceProvider();
    }

    public int Year { get; }

    public FakeTimeProvider Time { get; }

    public RecordingMailSender Mail { get; } = new();

    public CapturedLogs Logs { get; } = new();

    public StorageTransactionCounter Transactions { get; } = new();

    public StorageClients Storage => provider.GetRequiredService<StorageClients>();

    public IReceiptRegister Register => provider.GetRequiredService<IReceiptRegister>();

    public IReceiptArchive Archive => provider.GetRequiredService<IReceiptArchive>();

    public IMailLog MailLog => provider.GetRequiredService<IMailLog>();

    public IDonationRepository Donations => provider.GetRequiredService<IDonationRepository>();

    public static async Task<ReceiptPipeline> StartAsync() => new(await ReceiptStorage.UnusedYearAsync());

    /// <summary>What a host does per message: a fresh function instance from DI, the message text as the trigger.</summary>
    public Task DeliverAsync(string message) =>
        ActivatorUtilities.CreateInstance<ReceiptMailFunction>(provider).RunAsync(message, CancellationToken.None);

    public Task DeliverAsync(ReceiptMailRequest request) => DeliverAsync(JsonSerializer.Serialize(request, KokJson.Options));

    /// <summary>A one-time card donation paid on 1 March of the test year; returns the queue message it asks for.</summary>
    public async Task<ReceiptMailRequest> AddPaidDonationAsync(bool wantsReceipt = true, long amountCents = 2550)
    {
        var id = new RandomIdGenerator().NewId(Donation.IdPrefix);
        var donation = Donation.Create(
            id,
            new DonationRequest(
                amountCents,
                DonationInterval.Once,
                PaymentMethodKind.Card,
                new ContactDetails(DonorName, DonorEmail, new PostalAddress(DonorStreet, "51147", "Köln", "DE")),
                wantsReceipt,
                "de"),
            new DateTimeOffset(Year, 3, 1, 9, 0, 0, TimeSpan.Zero));
        donation.AttachCheckout(new CheckoutSession("cs_" + id, new Uri("https://checkout.example/" + id)));
        var paidAt = new DateTimeOffset(Year, 3, 1, 10, 0, 0, TimeSpan.Zero);
        donation.Apply(new CheckoutCompleted(
            "evt_paid_" + id, paidAt, new Dictionary<string, string> { ["donationId"] = id }, "cs_" + id, id, Paid: true,
            SubscriptionMode: false, "pi_" + id, SubscriptionId: null, "cus_1", amountCents));
        Assert.True(await Donations.TryAddAsync(donation, CancellationToken.None));
        return new ReceiptMailRequest(ReceiptSubjectKind.Donation, id, donation.Payments[0].Id);
    }

    public async Task RefundAsync(ReceiptMailRequest paid)
    {
        var stored = (await Donations.GetAsync(paid.SubjectId, CancellationToken.None))!;
        var payment = stored.Donation.Payments.Single(p => p.Id == paid.PaymentId);
        stored.Donation.Apply(new ChargeRefunded(
            "evt_refund_" + paid.SubjectId, new DateTimeOffset(Year, 3, 5, 0, 0, 0, TimeSpan.Zero), new Dictionary<string, string>(),
            "ch_1", payment.PaymentIntentId, payment.AmountCents, FullyRefunded: true));
        Assert.True(await Donations.TrySaveAsync(stored.Donation, stored.Version, [], CancellationToken.None));
    }

    public static ReceiptPaymentKey PaymentKey(ReceiptMailRequest request) =>
        ReceiptPaymentKey.For(request.SubjectKind, request.SubjectId, request.PaymentId);

    public Task<MailLogEntry?> MailLogAsync(MailKind kind, ReceiptMailRequest request) =>
        MailLog.GetAsync(new MailLogKey(kind, PaymentKey(request).Value), CancellationToken.None);

    public string Number(int sequence) => ReceiptNumber.Create(Year, sequence);

    public void Dispose() => provider.Dispose();
}
