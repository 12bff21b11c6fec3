using System.Net;
using System.Net.Http.Json;
using Kok.IntegrationTests.Infrastructure;
using Kok.IntegrationTests.Samples;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Kok.IntegrationTests;

public class TimerAndAdminTests
{
    private static readonly DateTimeOffset Evening = new(2026, 3, 2, 22, 0, 0, TimeSpan.Zero);
    private readonly SampleCalls _calls = new();

    [Fact]
    public async Task A_timer_fires_when_the_fake_clock_reaches_its_schedule()
    {
        var clock = new FakeTimeProvider(Evening);
        await using var server = await DevHostServer.StartAsync(o =>
        {
            o.Clock = clock;
            o.FunctionAssemblies.Add(typeof(SampleTimerFunction).Assembly);
            o.OnlyFunctions.Add("SampleNightlyTimer");
            o.Settings["Samples:NightlySchedule"] = "0 30 2 * * *";
            o.ConfigureServices = services => services.AddSingleton(_calls);
        });
        var tonight = new DateTime(2026, 3, 3, 2, 30, 0, DateTimeKind.Utc);
        Assert.Equal(tonight, server.Timers.GetStatus("SampleNightlyTimer")!.Next);

        clock.Advance(TimeSpan.FromHours(4.5));

        await Eventually.WaitUntilAsync(() => server.Timers.CompletedScheduledRuns("SampleNightlyTimer") == 1, "the nightly run completed");
        var timer = Assert.IsType<TimerInfo>(Assert.Single(_calls.Of("SampleNightlyTimer")));
        Assert.Equal(tonight, timer.ScheduleStatus!.Next);
        Assert.False(timer.IsPastDue);
        Assert.Equal(tonight.AddDays(1), server.Timers.GetStatus("SampleNightlyTimer")!.Next);
    }

    [Fact]
    public async Task The_admin_endpoint_runs_a_queue_function_and_a_timer_function_now()
    {
        var queue = TestStorage.UniqueQueueName("admin");
        await using var server = await DevHostServer.StartAsync(o =>
        {
            o.Clock = new FakeTimeProvider(Evening);
            o.FunctionAssemblies.Add(typeof(SampleTimerFunction).Assembly);
            o.OnlyFunctions.Add("SampleNightlyTimer");
            o.OnlyFunctions.Add("SampleOrderQueue");
            o.Settings["Samples:NightlySchedule"] = "0 30 2 * * *";
            o.Settings["Samples:OrderQueue"] = queue;
            o.ConfigureServices = services => services.AddSingleton(_calls);
        });

        using var queued = await server.Client.PostAsJsonAsync("admin/functions/SampleOrderQueue", new { input = """{"orderId":"o-5","amountCents":700}""" });
        using var timed = await server.Client.PostAsJsonAsync("admin/functions/SampleNightlyTimer", new { });
        using var unknown = await server.Client.PostAsJsonAsync("admin/functions/NoSuchFunction", new { });

        Assert.Equal(HttpStatusCode.Accepted, queued.StatusCode);
        Assert.Equal(HttpStatusCode.Accepted, timed.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        await Eventually.WaitUntilAsync(() => _calls.Of("SampleOrderQueue").Count == 1 && _calls.Of("SampleNightlyTimer").Count == 1,
            "both functions ran");
        Assert.Equal(new SampleOrder("o-5", 700), _calls.Of("SampleOrderQueue")[0]);
        Assert.False(Assert.IsType<TimerInfo>(_calls.Of("SampleNightlyTimer")[0]).IsPastDue);
        // A direct run: nothing went through the queue, and the schedule is untouched.
        Assert.Equal(0, await TestQueues.CountAsync(server.StorageConnectionString, queue));
        Assert.Equal(0, server.Timers.CompletedScheduledRuns("SampleNightlyTimer"));
    }
}
