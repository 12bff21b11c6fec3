using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
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
using Kok.Seed;

namespace Kok.IntegrationTests.Dashboard;

/// <summary>
/// The dashboard's member and donation lists and CSV exports on Azurite, written through the real repositories
/// (which keep the list indexes). Members here are due in 2041 and donations created in 2041, a year no other test
/// uses; assertions only look at this run's own ids.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class DashboardListTests : IAsyncLifetime
{
    private static readonly DateOnly Joined = new(2040, 2, 1);
    private readonly int seed = Random.Shared.Next(1_000_000, int.MaxValue / 2);
    private readonly string tag = "t" + Guid.NewGuid().ToString("N")[..10];
    private readonly StorageClients storage = new(new StorageSettings(TestStorage.ConnectionString, null, null, null, null), []);
    private DevHostServer server = null!;

    public async Task InitializeAsync() =>
        server = await DevHostServer.StartAsync(o =>
        {
            o.OnlyFunctions.Add("ListDashboardMembers");
            o.OnlyFunctions.Add("ListDashboardDonations");
            o.OnlyFunctions.Add("ExportDashboardMembers");
            o.OnlyFunctions.Add("ExportDashboardDonations");
            o.Settings["Staff:DevToken"] = DashboardHost.StaffToken;
        });

    public async Task DisposeAsync() => await server.DisposeAsync();

    [Fact]
    public async Task Members_page_by_due_date_filter_by_status_and_year_and_search_with_umlauts()
    {
        var repository = TableMemberRepository.Create(storage, DuesPolicy.Default);
        var ids = new List<string>();
        for (var n = 0; n < 61; n++)
        {
            var name = n == 7 ? $"Jürgen Größe-Ärmel {tag}" : $"Mitglied {n} {tag}";
            var member = Active(n, name, Joined.AddDays(n % 20));
            Assert.True(await repository.TryAddAsync(member, default));
            ids.Add(member.Id);
        }

        var pages = await AllPagesAsync("api/dashboard/members?status=active&year=2041");
        Assert.True(pages.Count >= 2);
        Assert.All(pages.SkipLast(1), p => Assert.Equal(50, p.Items.Count));
        Assert.All(pages.SkipLast(1), p => Assert.NotNull(p.Token));
        Assert.Null(pages[^1].Token);
        var listed = pages.SelectMany(p => p.Items).ToList();
        Assert.All(listed, i => Assert.Equal("active", (string)i["status"]!));
        Assert.All(listed, i => Assert.StartsWith("2041-", (string)i["dueDate"]!, StringComparison.Ordinal));
        var ordered = listed.Select(i => ((string)i["dueDate"]!, (string)i["id"]!)).ToList();
        Assert.Equal(ordered.OrderBy(o => o.Item1, StringComparer.Ordinal).ThenBy(o => o.Item2, StringComparer.Ordinal), ordered);
        var mine = listed.Where(i => ids.Contains((string)i["id"]!)).ToList();
        Assert.Equal(61, mine.Count);
        Assert.Equal(61, mine.Select(i => (string)i["id"]!).Distinct().Count());
        var first = mine.Single(i => (string)i["id"]! == ids[0]);
        Assert.Equal(6000, (long)first["annualAmountCents"]!);
        Assert.Equal(0, (long)first["outstandingCents"]!);
        Assert.Equal("2040-02-01", (string)first["memberSince"]!);
        Assert.Equal("2041-02-01", (string)first["dueDate"]!);
        Assert.Equal("person", (string)first["kind"]!);
        Assert.Equal("sepa_debit", (string)first["paymentMethod"]!);

        var found = await PageAsync($"api/dashboard/members?q={Uri.EscapeDataString($"GRÖßE-ÄRMEL {tag.ToUpperInvariant()}")}");
        Assert.Equal([ids[7]], found.Items.Select(i => (string)i["id"]!));
        Assert.Null(found.Token);
        var byTag = await AllPagesAsync($"api/dashboard/members?year=2041&q={tag}");
        Assert.Equal(ids.Order(StringComparer.Ordinal), byTag.SelectMany(p => p.Items).Select(i => (string)i["id"]!).Order(StringComparer.Ordinal));
        Assert.Empty((await PageAsync($"api/dashboard/members?year=2042&q={tag}")).Items);
        Assert.Empty((await PageAsync($"api/dashboard/members?status=overdue&q={tag}")).Items);
    }

    [Fact]
    public async Task A_member_moves_in_the_list_when_its_status_changes_and_no_stale_row_stays()
    {
        var repository = TableMemberRepository.Create(storage, DuesPolicy.Default);
        var member = Active(0, $"Wechsel {tag}", new DateOnly(2040, 3, 5));
        Assert.True(await repository.TryAddAsync(member, default));
        Assert.Single((await PageAsync($"api/dashboard/members?status=active&year=2041&q={tag}")).Items);

        var loaded = (await repository.GetAsync(member.Id, default))!;
        var due = loaded.Member.NextDuesDate!.Value;
        Assert.True(loaded.Member.RecordPreNotification(due.AddDays(-14)));
        Assert.NotNull(loaded.Member.RequestDuesCharge(due));
        loaded.Member.RecordDuesCharge(due, new DuesChargeResult(DuesChargeStatus.Failed, "pi_" + tag, "card_declined"), new DateTimeOffset(2041, 3, 5, 9, 0, 0, TimeSpan.Zero));
        Assert.Equal(MembershipStatus.Overdue, loaded.Member.Status);
        Assert.True(await repository.TrySaveAsync(loaded.Member, loaded.Version, [], default));

        Assert.Empty((await PageAsync($"api/dashboard/members?status=active&q={tag}")).Items);
        var overdue = Assert.Single((await PageAsync($"api/dashboard/members?status=overdue&year=2041&q={tag}")).Items);
        Assert.Equal(6000, (long)overdue["outstandingCents"]!);
        Assert.Equal("2041-03-05", (string)overdue["dueDate"]!);
        var all = Assert.Single((await PageAsync($"api/dashboard/members?q={tag}")).Items);
        Assert.Equal("overdue", (string)all["status"]!);

        // Only the row keys the member is listed under now are left in the index.
        var table = await storage.TableAsync(TableNames.DashboardMemberList);
        var rows = new List<string>();
        await foreach (var row in table.QueryAsync<Azure.Data.Tables.TableEntity>(e => e.PartitionKey == "members", select: ["RowKey"]))
        {
            if (row.RowKey.EndsWith("|" + member.Id, StringComparison.Ordinal))
            {
                rows.Add(row.RowKey);
            }
        }

        Assert.Equal(new[] { "all|2041-03-05|" + member.Id, "overdue|2041-03-05|" + member.Id }, rows.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Donations_are_listed_newest_first_and_filtered()
    {
        var repository = new TableDonationRepository(storage);
        var ids = new List<string>();
        for (var n = 0; n < 3; n++)
        {
            var donation = Donation.Create(
                Kok.Domain.Common.RandomIdGenerator.Derive(Donation.IdPrefix, tag, n.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                new DonationRequest(1000 * (n + 1), n == 2 ? DonationInterval.Monthly : DonationInterval.Once, PaymentMethodKind.Card,
                    new ContactDetails($"Spenderin Ölmüller {n} {tag}", $"s{n}.{tag}@example.de", null), false, "de"),
                new DateTimeOffset(2041, 4, 1 + n, 12, 0, 0, TimeSpan.Zero));
            Assert.True(await repository.TryAddAsync(donation, default));
            ids.Add(donation.Id);
        }

        var page = await PageAsync($"api/dashboard/donations?year=2041&q={tag}");
        Assert.Equal(ids.AsEnumerable().Reverse(), page.Items.Select(i => (string)i["id"]!));
        var newest = page.Items[0];
        Assert.Equal("monthly", (string)newest["interval"]!);
        Assert.Equal("pending", (string)newest["status"]!);
        Assert.Equal(3000, (long)newest["amountCents"]!);
        Assert.Equal(0, (long)newest["paidCents"]!);
        Assert.Equal("card", (string)newest["paymentMethod"]!);
        Assert.Equal([ids[2]], (await PageAsync($"api/dashboard/donations?year=2041&interval=monthly&q={tag}")).Items.Select(i => (string)i["id"]!));
        Assert.Empty((await PageAsync($"api/dashboard/donations?year=2040&q={tag}")).Items);
        var umlauts = await PageAsync($"api/dashboard/donations?year=2041&q={Uri.EscapeDataString("ÖLMÜLLER 1 " + tag.ToUpperInvariant())}");
        Assert.Equal([ids[1]], umlauts.Items.Select(i => (string)i["id"]!));
    }

    [Theory]
    [InlineData("api/dashboard/members?status=paused", "status")]
    [InlineData("api/dashboard/members?year=20x1", "year")]
    [InlineData("api/dashboard/members?continuationToken=%25%25", "continuationToken")]
    [InlineData("api/dashboard/donations?interval=yearly", "interval")]
    [InlineData("api/dashboard/donations?continuationToken=AA", "continuationToken")]
    [InlineData("api/dashboard/export/donations.csv?year=1", "year")]
    public async Task Bad_parameters_are_400_problems_naming_the_field(string path, string field)
    {
        using var response = await GetAsync(path);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal([field], problem["errors"]!.AsObject().Select(e => e.Key));
    }

    [Fact]
    public async Task Members_csv_is_german_excel_csv_that_reads_back_unchanged()
    {
        var repository = TableMemberRepository.Create(storage, DuesPolicy.Default);
        var awkward = $"Ä \"Zitat\"; Straße\nZweite Zeile {tag}";
        var member = Active(0, awkward, new DateOnly(2040, 5, 9));
        Assert.True(await repository.TryAddAsync(member, default));

        using var response = await GetAsync("api/dashboard/export/members.csv?year=2041");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("mitglieder-2041.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var text = Encoding.UTF8.GetString(bytes, 3, bytes.Length - 3);
        Assert.StartsWith("Mitgliedsnummer;Art;Name;Ansprechperson;E-Mail;Straße;PLZ;Ort;Land;Status;Jahresbeitrag (EUR);Zahlungsart;Mitglied seit;Fällig am;Offen (EUR)\r\n", text, StringComparison.Ordinal);

        await using var csv = CsvReader.Create(bytes, CsvReaderOptions.Default with { Separator = ';' });
        string[]? mine = null;
        foreach (var _ in csv)
        {
            if (csv.GetString(0) == member.Id)
            {
                mine = Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray();
            }
        }

        Assert.NotNull(mine);
        Assert.Equal(awkward, mine[2]);
        Assert.Equal("60,00", mine[10]);
        Assert.Equal("09.05.2040", mine[12]);
        Assert.Equal("09.05.2041", mine[13]);
        Assert.Equal("0,00", mine[14]);
        Assert.Equal(["Heidestraße 17", "51147", "Köln", "DE", "active"], mine[5..10]);
    }

    [Fact]
    public async Task Donations_csv_lists_the_year_with_euros_in_decimal_comma()
    {
        var repository = new TableDonationRepository(storage);
        var donation = Donation.Create(
            Kok.Domain.Common.RandomIdGenerator.Derive(Donation.IdPrefix, tag, "csv"),
            new DonationRequest(1250, DonationInterval.Once, PaymentMethodKind.SepaDebit, new ContactDetails($"Groß; \"Ü\" {tag}", $"csv.{tag}@example.de", null), false, "de"),
            new DateTimeOffset(2041, 7, 31, 22, 30, 0, TimeSpan.Zero));
        Assert.True(await repository.TryAddAsync(donation, default));

        using var response = await GetAsync("api/dashboard/export/donations.csv?year=2041");
        Assert.Equal("spenden-2041.csv", response.Content.Headers.ContentDisposition?.FileName?.Trim('"'));
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        await using var csv = CsvReader.Create(bytes, CsvReaderOptions.Default with { Separator = ';' });
        string[]? mine = null;
        foreach (var _ in csv)
        {
            if (csv.GetString(0) == donation.Id)
            {
                mine = Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray();
            }
        }

        // 22:30 UTC on 31 July is 1 August in Berlin.
        Assert.Equal([donation.Id, "01.08.2041", $"Groß; \"Ü\" {tag}", $"csv.{tag}@example.de", "12,50", "once", "pending", "0,00", "sepa_debit",
            "Nein", "", "", "", ""], mine!);
    }

    private Member Active(int n, string name, DateOnly since)
    {
        var request = new MembershipRequest(MemberKind.Person, name, null, $"m{n}.{tag}@example.de",
            new PostalAddress("Heidestraße 17", "51147", "Köln", "DE"), 6000, PaymentMethodKind.SepaDebit, "de", false);
        var at = new DateTimeOffset(since.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var member = Member.Create(MemberSeeder.MemberId(seed, n), request, at.AddMinutes(-5));
        member.Apply(new CheckoutCompleted($"evt_{tag}_{n}", at, new Dictionary<string, string>(StringComparer.Ordinal), $"cs_{tag}_{n}",
            member.Id, Paid: true, SubscriptionMode: false, PaymentIntentId: null, SubscriptionId: null, "cus_" + tag, 6000));
        Assert.Equal(MembershipStatus.Active, member.Status);
        return member;
    }

    private async Task<HttpResponseMessage> GetAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", DashboardHost.StaffToken);
        return await server.Client.SendAsync(request);
    }

    private async Task<(List<JsonObject> Items, string? Token)> PageAsync(string path)
    {
        using var response = await GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        return (body["items"]!.AsArray().Select(i => i!.AsObject()).ToList(), (string?)body["continuationToken"]);
    }

    private async Task<List<(List<JsonObject> Items, string? Token)>> AllPagesAsync(string path)
    {
        var pages = new List<(List<JsonObject> Items, string? Token)>();
        string? token = null;
        do
        {
            var page = await PageAsync(token is null ? path : path + "&continuationToken=" + token);
            pages.Add(page);
            token = page.Token;
            Assert.True(pages.Count < 100, "The pages never end.");
        }
        while (token is not null);
        return pages;
    }
}
