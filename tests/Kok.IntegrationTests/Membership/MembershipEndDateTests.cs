using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kok.IntegrationTests.Infrastructure;
using Microsoft.Extensions.Time.Testing;

namespace Kok.IntegrationTests.Membership;

/// <summary>
/// One end date through DevHost: a member who joined on 2 December 2026 has paid through 1 December 2027 and, once
/// cancelled, is a member until the end of that day. The cancel page before and after, the confirmation mail (text and
/// HTML) and the staff APIs the dashboard reads (member detail, staff cancel) all name 1 December 2027; <c>endsOn</c> stays the day after, the
/// first day without membership.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed partial class MembershipEndDateTests
{
    private const string StaffToken = "membership-end-date-staff";

    [Fact]
    public async Task Page_mail_and_dashboard_api_name_the_same_last_day()
    {
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 12, 2, 10, 0, 0, TimeSpan.Zero));
        await using var server = await DevHostServer.StartAsync(o =>
        {
            o.Clock = clock;
            o.Settings["Staff:DevToken"] = StaffToken;
            o.Settings["RateLimit:PermitLimit"] = "1000";
        });
        var email = $"ende.{Guid.NewGuid():N}@example.de";
        var memberId = await DevHostMembers.SignUpAndPayAsync(server, email);
        var welcome = (await DevHostMembers.MailsToAsync(server, email, 2)).Single(m => m["attachments"]!.AsArray().Count == 0);
        var link = new Uri(CancelLink().Match((string)welcome["text"]!).Value);
        Assert.Contains($"<a href=\"{link.AbsoluteUri}\"", (string)welcome["html"]!, StringComparison.Ordinal);

        var before = await server.Client.GetStringAsync(link.PathAndQuery);
        Assert.Contains("Wenn Sie kündigen, endet Ihre Mitgliedschaft mit Ablauf des 01.12.2027,", before, StringComparison.Ordinal);
        var beforeInEnglish = await server.Client.GetStringAsync(link.PathAndQuery + "&lang=en");
        Assert.Contains("If you cancel, your membership ends at the end of 1 December 2027,", beforeInEnglish, StringComparison.Ordinal);

        using var cancel = await server.Client.PostAsync(link.PathAndQuery, new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.OK, cancel.StatusCode);
        Assert.Contains("ist gekündigt und endet mit Ablauf des 01.12.2027.", await cancel.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        var after = await server.Client.GetStringAsync(link.PathAndQuery);
        Assert.Contains("endet mit Ablauf des 01.12.2027", after, StringComparison.Ordinal);

        var confirmation = (await DevHostMembers.MailsToAsync(server, email, 3))[2];
        Assert.Contains("Ihre Fördermitgliedschaft endet mit Ablauf des 01.12.2027,", (string)confirmation["text"]!, StringComparison.Ordinal);
        Assert.Contains("Ihre Fördermitgliedschaft endet mit Ablauf des 01.12.2027,", (string)confirmation["html"]!, StringComparison.Ordinal);
        Assert.DoesNotContain("02.12.2027", (string)confirmation["text"]!, StringComparison.Ordinal);

        var detail = await StaffGetAsync(server, $"api/dashboard/members/{memberId}");
        Assert.Equal("2027-12-01", (string)detail["member"]!["memberUntil"]!);
        Assert.Equal("2027-12-02", (string)detail["member"]!["endsOn"]!);
        var view = await StaffGetAsync(server, $"api/memberships/{memberId}");
        Assert.Equal("2027-12-01", (string)view["memberUntil"]!);
        Assert.Equal("2027-12-01", (string)view["paidThrough"]!);

        // Staff cancelling another member from the dashboard get the same day back.
        var other = await DevHostMembers.SignUpAndPayAsync(server, $"staff.{Guid.NewGuid():N}@example.de");
        using var staffCancel = new HttpRequestMessage(HttpMethod.Post, $"api/dashboard/members/{other}/cancel");
        staffCancel.Headers.Authorization = new("Bearer", StaffToken);
        using var answer = await server.Client.SendAsync(staffCancel);
        answer.EnsureSuccessStatusCode();
        var body = (await answer.Content.ReadFromJsonAsync<JsonObject>())!;
        Assert.Equal("2027-12-01", (string)body["memberUntil"]!);
        Assert.Equal("2027-12-02", (string)body["endsOn"]!);
    }

    private static async Task<JsonObject> StaffGetAsync(DevHostServer server, string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new("Bearer", StaffToken);
        using var response = await server.Client.SendAsync(request);
        response.EnsureSuccessStatusCode();
        return (await response.Content.ReadFromJsonAsync<JsonObject>())!;
    }

    [GeneratedRegex(@"https?://\S+/api/memberships/mem_\w+/cancel\?token=[\w\-]+")]
    private static partial Regex CancelLink();
}
