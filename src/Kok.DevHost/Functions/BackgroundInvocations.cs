namespace Kok.DevHost.Functions;

/// <summary>
/// Invocations started by the admin endpoint, which answers 202 before they run; on shutdown the host waits for them.
/// </summary>
internal sealed class BackgroundInvocations : IHostedService, IDisposable
{
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _running = [];
    private readonly Lock _lock = new();

    public void Start(Func<CancellationToken, Task> invocation)
    {
        var task = Task.Run(async () =>
        {
            try
            {
                await invocation(_stopping.Token);
            }
            catch (Exception)
            {
                // Logged by the invoker; nobody waits for the result.
            }
        });
        lock (_lock)
        {
            _running.RemoveAll(t => t.IsCompleted);
            _running.Add(task);
        }
    }

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        await _stopping.CancelAsync();
        Task[] running;
        lock (_lock)
        {
            running = [.. _running];
        }

        try
        {
            await Task.WhenAll(running).WaitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // Host shutdown timed out.
        }
    }

    public void Dispose() => _stopping.Dispose();
}
