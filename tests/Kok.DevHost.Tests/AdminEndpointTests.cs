using System.Net;
using System.Net.Http.Json;
using Kok.DevHost.Tests.Samples;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kok.DevHost.Tests;

public class AdminEndpointTests : IAsyncLifetime
{
    private readonly SampleInvocations _invocations = new();
    private TestDevHost _host = null!;

    public async Task InitializeAsync()
    {
        _host = await TestDevHost.StartAsync(
            new Dictionary<string, string?>
            {
                ["Samples:Queue"] = "samples-admin",
                ["Samples:Schedule"] = "0 0 3 * * *",
                ["AzureFunctionsJobHost:functions:0"] = "SampleQueue",
                ["AzureFunctionsJobHost:functions:1"] = "SampleTimer",
                ["AzureFunctionsJobHost:functions:2"] = "SampleGetDonation",
                // No storage here: the queue's trigger is off; the admin endpoint still runs the function directly.
                ["AzureWebJobs.SampleQueue.Disabled"] = "true",
            },
            services => services
                .AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(2026, 3, 2, 10, 0, 0, TimeSpan.Zero)))
                .AddSingleton(_invocations));
    }

    public async Task DisposeAsync() => await _host.DisposeAsync();

    [Fact]
    public async Task A_queue_function_gets_the_input_as_its_message()
    {
        using var response = await _host.Client.PostAsJsonAsync("/admin/functions/SampleQueue",
            new { input = """{"orderId":"o-1","amountCents":1500}""" });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await TestDevHost.WaitUntilAsync(() => _invocations.Of("SampleQueue").Count == 1, "the queue function ran");
        Assert.Equal(new SampleOrder("o-1", 1500), _invocations.Of("SampleQueue")[0]);
    }

    [Fact]
    public async Task Json_input_may_be_given_as_an_object()
    {
        using var response = await _host.Client.PostAsJsonAsync("/admin/functions/samplequeue", new { input = new { orderId = "o-2", amountCents = 99 } });

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await TestDevHost.WaitUntilAsync(() => _invocations.Of("SampleQueue").Count == 1, "the queue function ran");
        Assert.Equal(new SampleOrder("o-2", 99), _invocations.Of("SampleQueue")[0]);
    }

    [Fact]
    public async Task A_timer_function_runs_now_with_its_schedule_status()
    {
        using var response = await _host.Client.PostAsync("/admin/functions/SampleTimer", JsonContent.Create(new { }));

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await TestDevHost.WaitUntilAsync(() => _invocations.Of("SampleTimer").Count == 1, "the timer function ran");
        var timer = Assert.IsType<TimerInfo>(_invocations.Of("SampleTimer")[0]);
        Assert.False(timer.IsPastDue);
        Assert.Equal(new DateTime(2026, 3, 3, 3, 0, 0, DateTimeKind.Utc), timer.ScheduleStatus!.Next);
    }

    [Fact]
    public async Task The_body_is_optional()
    {
        using var response = await _host.Client.PostAsync("/admin/functions/SampleTimer", null);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        await TestDevHost.WaitUntilAsync(() => _invocations.Of("SampleTimer").Count == 1, "the timer function ran");
    }

    [Fact]
    public async Task Unknown_functions_are_not_found()
    {
        using var response = await _host.Client.PostAsync("/admin/functions/NoSuchFunction", JsonContent.Create(new { input = "x" }));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    [Fact]
    public async Task Http_functions_are_refused_with_their_route()
    {
        using var response = await _host.Client.PostAsync("/admin/functions/SampleGetDonation", JsonContent.Create(new { input = "x" }));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("/api/samples/donations/{id}", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_body_that_is_not_json_is_a_bad_request()
    {
        using var response = await _host.Client.PostAsync("/admin/functions/SampleQueue", new StringContent("input=x"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_invocations.Of("SampleQueue"));
    }
}
