using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests.Dashboard;

/// <summary>Calls the dashboard API of a DevHost as staff (dev token) would.</summary>
internal static class DashboardHost
{
    public const string StaffToken = "dashboard-staff-token";

    public const string RefreshFunction = "RefreshProjections";

    /// <summary>
    /// Brings the save pipeline's deferred projections (dashboard totals, list columns; ADR 0006) up to every save
    /// made so far on <paramref name="server"/>'s storage (<see cref="DeferredRefreshes"/>).
    /// </summary>
    public static Task SettledAsync(DevHostServer server) => DeferredRefreshes.SettleAsync(server.Services, server.StorageConnectionString);

    public static async Task<JsonObject> SummaryAsync(DevHostServer server, int year)
    {
        await SettledAsync(server);
        return await SummaryAsIsAsync(server, year);
    }

    /// <summary>The summary as the dashboard shows it right now (deferred projections perhaps still behind).</summary>
    public static async Task<JsonObject> SummaryAsIsAsync(DevHostServer server, int year)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"api/dashboard/summary?year={year}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", StaffToken);
        using var response = await server.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    public static async Task<JsonObject> RecomputeAsync(DevHostServer server)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "api/dashboard/totals/recompute");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", StaffToken);
        using var response = await server.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    /// <summary>Any dashboard request as staff; the body, when given, as JSON (a string is sent as it is).</summary>
    public static async Task<HttpResponseMessage> SendAsync(DevHostServer server, HttpMethod method, string path, object? body = null)
    {
        if (method == HttpMethod.Get)
        {
            await SettledAsync(server);
        }

        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", StaffToken);
        request.Content = body switch
        {
            null => null,
            string raw => new StringContent(raw, System.Text.Encoding.UTF8, "application/json"),
            _ => JsonContent.Create(body),
        };
        return await server.Client.SendAsync(request);
    }

    /// <summary>A number in a summary, by path ("dues.expectedCents", "months.2.donationCents" for March).</summary>
    public static long Number(JsonObject summary, string path)
    {
        JsonNode? node = summary;
        foreach (var part in path.Split('.'))
        {
            node = int.TryParse(part, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var index)
                ? node!.AsArray()[index]
                : node![part];
        }

        return (long)node!;
    }
}
