using System.Net;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;
using Kok.Functions.Health;
using Kok.Functions.Storage;

namespace Kok.Functions.Tests.Storage;

/// <summary>
/// The storage clients' retries: the SDK's own for queue and timer functions, a short budget for HTTP requests.
/// Counted attempts and configured timeouts, no stopwatch.
/// </summary>
public sealed class BudgetedRetryPolicyTests
{
    [Fact]
    public void An_http_request_gets_its_storage_answer_within_the_health_checks_budget()
    {
        var budget = StorageBudget.Interactive;
        var delays = Enumerable.Range(0, budget.MaxRetries).Sum(n => budget.RetryDelay.TotalMilliseconds * (1 << n) * 1.2);

        Assert.True(budget.PerOperation < StorageHealthCheck.Timeout);
        Assert.True(TimeSpan.FromMilliseconds(delays) < budget.PerOperation);
        Assert.True(budget.MaxRetries >= 1, "a dropped connection deserves one more try");
    }

    [Fact]
    public async Task Outside_a_request_storage_is_retried_as_the_sdk_would()
    {
        var (pipeline, transport, _) = Pipeline(maxRetries: 4);

        await Assert.ThrowsAsync<AggregateException>(() => SendAsync(pipeline));

        Assert.Equal(5, transport.Attempts);
    }

    [Fact]
    public async Task Within_a_request_storage_is_tried_as_often_as_the_budget_allows_each_time_limited_to_what_is_left()
    {
        var (pipeline, transport, timeouts) = Pipeline(maxRetries: 4, networkTimeout: TimeSpan.FromSeconds(100));

        using (StorageBudget.Enter(StorageBudget.Interactive))
        {
            await Assert.ThrowsAsync<AggregateException>(() => SendAsync(pipeline));
        }

        Assert.Equal(1 + StorageBudget.Interactive.MaxRetries, transport.Attempts);
        Assert.All(timeouts, t => Assert.InRange(t!.Value, TimeSpan.FromMilliseconds(1), StorageBudget.Interactive.PerOperation));
    }

    [Fact]
    public async Task Within_a_request_storage_asking_to_wait_is_not_waited_for()
    {
        var (pipeline, transport, _) = Pipeline(maxRetries: 4, retryAfter: true);

        using (StorageBudget.Enter(StorageBudget.Interactive))
        {
            using var response = (await SendAsync(pipeline)).Response;
            Assert.Equal(503, response.Status);
        }

        Assert.Equal(1, transport.Attempts);
    }

    [Fact]
    public async Task The_budget_ends_with_its_scope()
    {
        var (pipeline, transport, _) = Pipeline(maxRetries: 4);
        using (StorageBudget.Enter(StorageBudget.Interactive))
        {
            Assert.Same(StorageBudget.Interactive, StorageBudget.Current);
        }

        await Assert.ThrowsAsync<AggregateException>(() => SendAsync(pipeline));

        Assert.Null(StorageBudget.Current);
        Assert.Equal(5, transport.Attempts);
    }

    private static async Task<HttpMessage> SendAsync(HttpPipeline pipeline)
    {
        var message = pipeline.CreateMessage();
        message.Request.Uri.Reset(new Uri("http://127.0.0.1:1/devstoreaccount1/Tables"));
        await pipeline.SendAsync(message, CancellationToken.None);
        return message;
    }

    private static (HttpPipeline Pipeline, CountingHandler Transport, List<TimeSpan?> Timeouts) Pipeline(
        int maxRetries, TimeSpan? networkTimeout = null, bool retryAfter = false)
    {
        var options = new TestOptions();
        options.Retry.MaxRetries = maxRetries;
        options.Retry.Delay = TimeSpan.FromMilliseconds(1);
        options.Retry.NetworkTimeout = networkTimeout ?? TimeSpan.FromSeconds(100);
        options.RetryPolicy = new BudgetedRetryPolicy(options.Retry);
        var handler = new CountingHandler(retryAfter);
        options.Transport = new HttpClientTransport(new HttpClient(handler));
        var timeouts = new List<TimeSpan?>();
        options.AddPolicy(new TimeoutRecorder(timeouts), HttpPipelinePosition.PerRetry);
        return (HttpPipelineBuilder.Build(options), handler, timeouts);
    }

    private sealed class TestOptions : ClientOptions;

    private sealed class TimeoutRecorder(List<TimeSpan?> timeouts) : HttpPipelineSynchronousPolicy
    {
        public override void OnSendingRequest(HttpMessage message) => timeouts.Add(message.NetworkTimeout);
    }

    /// <summary>Storage refusing connections, or (with <c>retryAfter</c>) answering 503 with Retry-After.</summary>
    private sealed class CountingHandler(bool retryAfter) : HttpMessageHandler
    {
        public int Attempts { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Attempts++;
            if (!retryAfter)
            {
                throw new HttpRequestException("Connection refused");
            }

            var response = new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
            response.Headers.TryAddWithoutValidation("Retry-After", "1");
            return Task.FromResult(response);
        }
    }
}
