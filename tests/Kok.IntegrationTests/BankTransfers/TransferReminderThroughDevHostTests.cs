using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Payments;
using Kok.Functions.Donations;
using Kok.Functions.Storage;
using Kok.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Kok.IntegrationTests.BankTransfers;

/// <summary>
/// The transfer reminder through DevHost on a fake clock and an Azurite of its own (its run takes every transfer
/// donation due, so other tests' donations on the shared emulator would get reminders too): the timer
/// <c>TransferReminders</c> started through the admin API as the Functions host would, the mail at the SendGrid stand-in.
/// </summary>
public sealed class TransferReminderThroughDevHostTests(PrivateAzurite azurite) : IClassFixture<PrivateAzurite>, IAsyncLifetime
{
    private const string RunLog = "Transfer reminders:";
    private static readonly DateTimeOffset Made = new(2044, 3, 2, 9, 0, 0, TimeSpan.Zero);
    private readonly FakeTimeProvider clock = new(Made);
    private readonly CapturedLogs logs = new();
    private DevHostServer server = null!;

    public async Task InitializeAsync() =>
        server = await DevHostServer.StartAsync(o =>
        {
            o.StorageConnectionString = azurite.ConnectionString;
            o.OnlyFunctions.Add("TransferReminders");
            o.Settings["BankAccount:Holder"] = "KOK e.V.";
            o.Settings["BankAccount:Iban"] = "DE02 1203 0000 0000 2020 51";
            o.Clock = clock;
            o.Logs = logs;
        });

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task A_transfer_donation_gets_no_reminder_on_day_13_one_with_its_code_on_day_14_none_more_on_a_rerun_and_a_paid_one_none()
    {
        var repository = new TableDonationRepository(new StorageClients(new StorageSettings(azurite.ConnectionString, null, null, null, null), []));
        var waiting = await AddAsync(repository, "waiting");
        var paid = await AddAsync(repository, "paid");
        var stored = (await repository.GetAsync(paid.Id, default))!;
        stored.Donation.Apply(new BankTransferReceived("bank:E1", Made.AddDays(2), new Dictionary<string, string>(), paid.TransferCode!, paid.AmountCents));
        Assert.True(await repository.TrySaveAsync(stored.Donation, stored.Version, [], default));

        await RunAsync(Made.AddDays(13));
        Assert.Empty(await MailsAsync());

        // Moving the fake clock past 06:30 also fires the timer itself, so this run may meet that one: one sends, the
        // other finds the mail in progress or sent. The rerun keeps the clock still: on a fake clock a later instant
        // would expire the first run's mail lease while it is still sending, which no real run of a day can do.
        await RunAsync(Made.AddDays(14));
        await Eventually.WaitUntilAsync(async () => (await MailsAsync()).Length > 0, "the reminder");
        await RunAsync(Made.AddDays(14));

        var mail = Assert.Single(await MailsAsync());
        Assert.Equal("waiting@example.de", (string)mail["to"]!.AsArray().Single()!);
        Assert.Contains(waiting.TransferCode!.Value, (string)mail["subject"]!, StringComparison.Ordinal);
        var text = (string)mail["text"]!;
        Assert.Contains(waiting.TransferCode!.Value, text, StringComparison.Ordinal);
        Assert.Contains("DE02 1203 0000 0000 2020 51", text, StringComparison.Ordinal);
        Assert.Contains("30,00 €", text, StringComparison.Ordinal);
        Assert.Equal("List-Unsubscribe=One-Click", (string)mail["headers"]!["List-Unsubscribe-Post"]!);
        Assert.DoesNotContain("waiting@example.de", logs.All, StringComparison.Ordinal);
    }

    private static async Task<Donation> AddAsync(TableDonationRepository repository, string name)
    {
        var donation = Donation.Create(
            RandomIdGenerator.Derive(Donation.IdPrefix, "reminder", name),
            new DonationRequest(30_00, DonationInterval.Once, PaymentMethodKind.BankTransfer, new ContactDetails($"Spenderin {name}", $"{name}@example.de", null), false, "de"),
            Made);
        Assert.True(await repository.TryAddAsync(donation, default));
        return donation;
    }

    /// <summary>
    /// Starts the timer as the admin API does and waits for its run to log its counts (it runs in the background) and
    /// for every run of the function started so far to end.
    /// </summary>
    private async Task RunAsync(DateTimeOffset at)
    {
        var before = Count(RunLog);
        clock.SetUtcNow(at);
        using var run = await server.Client.PostAsJsonAsync("admin/functions/TransferReminders", new { });
        Assert.Equal(HttpStatusCode.Accepted, run.StatusCode);
        await Eventually.WaitUntilAsync(
            () => Count(RunLog) > before
                && Count("Executed 'Functions.TransferReminders'") == Count("Executing 'Functions.TransferReminders'"),
            "the reminder runs");
    }

    private int Count(string text) => logs.Lines.Count(l => l.Contains(text, StringComparison.Ordinal));

    private async Task<JsonObject[]> MailsAsync() =>
        [.. (await server.Client.GetFromJsonAsync<JsonArray>("dev/mail"))!.Select(m => m!.AsObject())];
}
