using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Sockets;
using Kok.Benchmarks.Donations;

namespace Kok.Benchmarks.ColdStart;

/// <summary>
/// Starts DevHost fresh <see cref="Starts"/> times, each in a process of its own (nothing JIT-compiled, no storage
/// client made), and times the first and the second <c>GET /api/dashboard/summary</c> and <c>POST /api/donations</c>
/// of each start, in that order. It prints the medians and first/second ratios: the ratio is what a cold start costs
/// the first visitor over a warm request on the same machine. Readiness is a TCP connect to the port, so no HTTP
/// request warms anything before the first timed one.
/// </summary>
internal sealed class ColdStartBenchmark(string storageConnectionString, BenchmarkReport report, int starts)
{
    public const int DefaultStarts = 7;

    public int Starts { get; } = starts;

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        report.Heading($"KOK benchmark: cold start (Azurite, DevHost in a fresh process per start, {Starts} starts)");
        report.Machine();
        var devHost = Path.Combine(AppContext.BaseDirectory, "Kok.DevHost.dll");
        if (!File.Exists(devHost))
        {
            throw new InvalidOperationException($"{devHost} is missing; build benchmarks/Kok.Benchmarks.");
        }

        var samples = new Dictionary<string, List<TimeSpan>>(StringComparer.Ordinal);
        for (var i = 0; i < Starts; i++)
        {
            foreach (var (name, elapsed) in await OneStartAsync(devHost, cancellationToken))
            {
                (samples.TryGetValue(name, out var list) ? list : samples[name] = []).Add(elapsed);
            }
        }

        report.Heading("Medians");
        foreach (var (name, list) in samples)
        {
            report.Latency(name, list);
        }

        report.Heading("Cold over warm (first request over second, medians)");
        Ratio("GET /api/dashboard/summary", samples);
        Ratio("POST /api/donations", samples);
    }

    private void Ratio(string request, Dictionary<string, List<TimeSpan>> samples) =>
        report.Line(request, BenchmarkReport.Number(Samples.Median(samples[request + " #1"]) / Samples.Median(samples[request + " #2"]), "0.0") + " x");

    private async Task<IReadOnlyList<(string Name, TimeSpan Elapsed)>> OneStartAsync(string devHost, CancellationToken cancellationToken)
    {
        var port = FreePort();
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { devHost, "--urls", $"http://127.0.0.1:{port}", "--contentRoot", AppContext.BaseDirectory })
        {
            start.ArgumentList.Add(argument);
        }

        start.Environment["AzureWebJobsStorage"] = storageConnectionString;
        start.Environment["RateLimit__PermitLimit"] = "1000000";
        start.Environment["Logging__LogLevel__Default"] = "Warning";
        start.Environment["DOTNET_ENVIRONMENT"] = "Production";
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await WaitForPortAsync(port, process, cancellationToken);
            var results = new List<(string, TimeSpan)> { ("start until listening", clock.Elapsed) };
            using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };
            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", "dev-staff-token");
            var donations = new DonationClient(http, webhookSecret: string.Empty);
            for (var n = 1; n <= 2; n++)
            {
                results.Add(($"GET /api/dashboard/summary #{n}", await TimeAsync(() => SummaryAsync(http, cancellationToken))));
            }

            for (var n = 1; n <= 2; n++)
            {
                results.Add(($"POST /api/donations #{n}", await TimeAsync(() => donations.CreateAsync(cancellationToken))));
            }

            return results;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            throw new InvalidOperationException($"DevHost start failed: {ex.Message}\n{await ErrorsAsync(process, errors)}", ex);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            await process.WaitForExitAsync(CancellationToken.None);
            _ = await output;
        }
    }

    private static async Task<string> ErrorsAsync(Process process, Task<string> errors)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        return await errors;
    }

    private static async Task SummaryAsync(HttpClient http, CancellationToken cancellationToken)
    {
        using var response = await http.GetAsync("api/dashboard/summary", cancellationToken);
        if (response.StatusCode != HttpStatusCode.OK)
        {
            throw new InvalidOperationException($"GET /api/dashboard/summary answered {(int)response.StatusCode}.");
        }

        _ = await response.Content.ReadAsStringAsync(cancellationToken);
    }

    private static async Task<TimeSpan> TimeAsync(Func<Task> request)
    {
        var clock = Stopwatch.StartNew();
        await request();
        return clock.Elapsed;
    }

    private static async Task WaitForPortAsync(int port, Process process, CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < TimeSpan.FromSeconds(120))
        {
            if (process.HasExited)
            {
                throw new InvalidOperationException($"DevHost exited with code {process.ExitCode} before listening.");
            }

            using var socket = new TcpClient();
            try
            {
                await socket.ConnectAsync(IPAddress.Loopback, port, cancellationToken);
                return;
            }
            catch (SocketException)
            {
                // Polling a port the child process has not opened yet; the wait is short and bounded by the deadline.
                await Task.Delay(20, cancellationToken);
            }
        }

        throw new TimeoutException($"DevHost did not listen on port {port.ToString(CultureInfo.InvariantCulture)} within two minutes.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
