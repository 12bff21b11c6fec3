using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using Kok.DevHost.Functions;
using Kok.Functions.Dashboard;
using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests.Dashboard;

/// <summary>
/// What the dashboard API gives the page to word things in its reader's language: problems with a code, field errors
/// with codes and their numbers (euros, not cents, in the readable text too), audit details as facts; and the member
/// detail's dues history starting with the first year.
/// </summary>
[Collection(PipelineSerial.Name)]
public sealed class DashboardStaffWordingApiTests
{
    [Fact]
    public async Task Problems_carry_codes_audit_entries_facts_and_the_detail_the_first_year()
    {
        await using var server = await DevHostServer.StartAsync(o =>
        {
            foreach (var function in FunctionCatalog.Discover([typeof(DashboardFunctions).Assembly])
                         .Where(f => f.HttpTrigger?.Route?.Contains("api/dashboard", StringComparison.Ordinal) == true))
            {
                o.OnlyFunctions.Add(function.Name);
            }

            o.Settings["Staff:DevToken"] = DashboardHost.StaffToken;
        });
        var tag = Guid.NewGuid().ToString("N")[..10];
        var member = await OverdueMembers.SeedAsync("Wortlaut " + tag, $"wortlaut.{tag}@example.de");

        // The bank transfer below the period's dues: 400 naming the field, with the code and the dues in cents.
        using (var tooLittle = await DashboardHost.SendAsync(server, HttpMethod.Post, $"api/dashboard/members/{member.Id}/payments",
                   new { amountCents = 100, paidOn = "2026-01-02", reference = "Teil " + tag }))
        {
            Assert.Equal(HttpStatusCode.BadRequest, tooLittle.StatusCode);
            var problem = (await tooLittle.Content.ReadFromJsonAsync<JsonObject>())!;
            Assert.Equal("invalid_fields", (string)problem["code"]!);
            var message = (string)problem["errors"]!["amountCents"]![0]!;
            Assert.Contains("60,00 €", message, StringComparison.Ordinal);
            Assert.DoesNotContain("Cent", message, StringComparison.Ordinal);
            var code = problem["errorCodes"]!["amountCents"]![0]!;
            Assert.Equal("below_dues", (string)code["code"]!);
            Assert.Equal(6000, (long)code["minimumCents"]!);
        }

        using (var notAnObject = await DashboardHost.SendAsync(server, HttpMethod.Post, $"api/dashboard/members/{member.Id}/payments", "[]"))
        {
            Assert.Equal(HttpStatusCode.BadRequest, notAnObject.StatusCode);
            Assert.Equal("body_not_object", (string)(await notAnObject.Content.ReadFromJsonAsync<JsonObject>())!["errorCodes"]!["body"]![0]!["code"]!);
        }

        using (var unknown = await DashboardHost.SendAsync(server, HttpMethod.Post, "api/dashboard/members/mem_zzzzzzzzzzzzzzzzzzzz/remind"))
        {
            Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
            Assert.Equal("member_not_found", (string)(await unknown.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
        }

        using (var queue = await DashboardHost.SendAsync(server, HttpMethod.Post, "api/dashboard/mail/poison/nope/requeue"))
        {
            Assert.Equal(HttpStatusCode.NotFound, queue.StatusCode);
            Assert.Equal("queue_not_found", (string)(await queue.Content.ReadFromJsonAsync<JsonObject>())!["code"]!);
        }

        using (var remind = await DashboardHost.SendAsync(server, HttpMethod.Post, $"api/dashboard/members/{member.Id}/remind"))
        {
            Assert.Equal(HttpStatusCode.Accepted, remind.StatusCode);
        }

        using var response = await DashboardHost.SendAsync(server, HttpMethod.Get, $"api/dashboard/members/{member.Id}");
        var detail = (await response.Content.ReadFromJsonAsync<JsonObject>())!;

        // The audit entry's details as facts, named as the API names them.
        var facts = detail["audit"]!.AsArray().Single(a => (string)a!["action"]! == "member.remind")!["facts"]!;
        Assert.Equal("""{"period":"2047-05-10","status":"overdue","mail":"dues_staff_reminder"}""", facts.ToJsonString());

        // The first year (paid at sign-up on 10 May 2046), then the later years' entries as before.
        var first = detail["firstYearDues"]!;
        Assert.Equal("2046-05-10", (string)first["periodStart"]!);
        Assert.Equal("2047-05-09", (string)first["periodEnd"]!);
        Assert.Equal(6000, (long)first["amountCents"]!);
        Assert.Equal("paid", (string)first["status"]!);
        Assert.Equal("card", (string)first["method"]!);
        Assert.Equal("2047-05-10", (string)detail["duesHistory"]!.AsArray().Single()!["periodStart"]!);
    }
}
