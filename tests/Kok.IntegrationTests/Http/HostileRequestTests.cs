using System.Net;
using System.Net.Http.Headers;
using System.Text;
using Kok.Functions.Storage;
using Kok.IntegrationTests.Infrastructure;

namespace Kok.IntegrationTests.Http;

/// <summary>
/// Every HTTP function DevHost discovers (a new route is covered without touching this test) gets the
/// <see cref="HostileRequests"/> battery: no answer is a 5xx, every 4xx is problem+json (HTML only for a client that
/// asks for it), and bad input (400, 413, 415) wrote nothing. Kestrel's own refusals of what is not HTTP it accepts
/// (a NUL in the path, a request line over 8 KB), sent before any app code runs and closing the connection, need
/// only stay below 500.
/// The host trusts X-Forwarded-For and the App Service principal header, so those parsers are attacked too; it runs on
/// an Azurite of its own, so staff actions reached with odd input touch nobody else's data.
/// </summary>
public sealed class HostileRequestTests(HostileRequestTests.Host host) : IClassFixture<HostileRequestTests.Host>
{
    public static TheoryData<string> Functions() => HttpFunctionRoutes.Names();

    [Theory]
    [MemberData(nameof(Functions))]
    public async Task No_hostile_request_gets_a_5xx_and_every_4xx_is_problem_json_that_wrote_nothing(string function)
    {
        var failures = new List<string>();
        foreach (var request in HostileRequests.For(HttpFunctionRoutes.Named(function), DateTimeOffset.UtcNow.ToUnixTimeSeconds()))
        {
            Answer answer = default;
            var writes = (await host.Counter.MeasureAsync(async () => answer = await host.SendAsync(request)))
                .Where(t => t.Method is not "GET" and not "HEAD")
                .ToArray();
            var status = (int)answer.Status;
            if (status >= 500)
            {
                failures.Add($"{request} → {status}");
            }
            else if (status >= 400 && !answer.RefusedByWebServer && request.Method != HttpMethod.Head
                     && answer.ContentType != "application/problem+json" && !(request.AcceptsHtml && answer.ContentType == "text/html"))
            {
                failures.Add($"{request} → {status} as {answer.ContentType ?? "no content"}");
            }
            else if (status is 400 or 413 or 415 && writes.Length > 0)
            {
                failures.Add($"{request} → {status} but wrote {string.Join(", ", writes.Select(w => w.Method + " " + w.Path))}");
            }
        }

        Assert.True(failures.Count == 0, $"{failures.Count} answers broke the rules:\n" + string.Join('\n', failures.Take(60)));
    }

    [Theory]
    [MemberData(nameof(Functions))]
    public async Task A_body_in_broken_chunked_encoding_is_never_a_5xx(string function)
    {
        var descriptor = HttpFunctionRoutes.Named(function);
        var path = "/" + HttpFunctionRoutes.Path(descriptor, _ => HostileRequests.PlausibleId());
        foreach (var method in HttpFunctionRoutes.Methods(descriptor))
        {
            var head = $"{method.Method} {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nAccept: application/json\r\n" +
                       $"Authorization: Bearer {HostileRequests.StaffToken}\r\n";
            var brokenChunk = await host.SendRawAsync(head + "Transfer-Encoding: chunked\r\n\r\nZZ\r\n{}\r\n0\r\n\r\n");

            Assert.True(brokenChunk.Status is >= 200 and < 500, $"{method} {path}, broken chunk → {brokenChunk.Status}");
            Assert.True(brokenChunk.Status < 400 || brokenChunk.IsProblem || brokenChunk.WithoutBody, $"{method} {path}, broken chunk: {brokenChunk}");
        }
    }

    /// <summary>DevHost with only the HTTP functions (no queue or timer traffic in the counts), on its own Azurite.</summary>
    public sealed class Host : IAsyncLifetime
    {
        private AzuriteProcess _azurite = null!;
        private DevHostServer _server = null!;
        private HttpClient _client = null!;

        public StorageTransactionCounter Counter { get; } = new();

        public async Task InitializeAsync()
        {
            _azurite = await AzuriteProcess.StartAsync();
            _server = await DevHostServer.StartAsync(o =>
            {
                o.StorageConnectionString = _azurite.ConnectionString;
                o.TransactionCounter = Counter;
                foreach (var function in HttpFunctionRoutes.All)
                {
                    o.OnlyFunctions.Add(function.Name);
                }

                o.Settings["RateLimit:PermitLimit"] = "1000000";
                o.Settings["RateLimit:ClientAddressHeader"] = "X-Forwarded-For";
                o.Settings["Staff:DevToken"] = HostileRequests.StaffToken;
                o.Settings["Auth:TrustAppServicePrincipal"] = "true";
                o.Settings["Website:Origins"] = "https://www.kok-gegen-menschenhandel.de";
            });

            // Headers go out as raw UTF-8 bytes, as a hostile client would send them.
            _client = new HttpClient(new SocketsHttpHandler { RequestHeaderEncodingSelector = (_, _) => Encoding.UTF8, AllowAutoRedirect = false })
            {
                BaseAddress = _server.BaseAddress,
                Timeout = TimeSpan.FromSeconds(30),
            };
        }

        internal async Task<Answer> SendAsync(HostileRequest hostile)
        {
            using var request = new HttpRequestMessage(hostile.Method, new Uri(_server.BaseAddress, hostile.PathAndQuery));
            if (hostile.Body is not null)
            {
                request.Content = new ByteArrayContent(hostile.Body);
                if (hostile.ContentType is not null)
                {
                    request.Content.Headers.TryAddWithoutValidation("Content-Type", hostile.ContentType);
                }
            }

            foreach (var (name, value) in hostile.Headers ?? [])
            {
                if (name == "Authorization")
                {
                    request.Headers.Remove(name);
                }

                request.Headers.TryAddWithoutValidation(name, value);
            }

            if (!request.Headers.Contains("Accept"))
            {
                request.Headers.Accept.ParseAdd("application/json");
            }

            using var response = await _client.SendAsync(request);
            var body = await response.Content.ReadAsByteArrayAsync();
            return new Answer(
                response.StatusCode,
                response.Content.Headers.ContentType?.MediaType,
                response.Headers.ConnectionClose == true && body.Length == 0 && response.Content.Headers.ContentType is null);
        }

        /// <summary>Bytes on a socket of its own, for what no HTTP client sends; the answer's status line and type.</summary>
        internal async Task<RawAnswer> SendRawAsync(string request)
        {
            using var tcp = new System.Net.Sockets.TcpClient();
            await tcp.ConnectAsync(_server.BaseAddress.Host, _server.BaseAddress.Port);
            var stream = tcp.GetStream();
            await stream.WriteAsync(Encoding.ASCII.GetBytes(request));

            using var reader = new StreamReader(stream, Encoding.ASCII);
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            var statusLine = await reader.ReadLineAsync(timeout.Token) ?? string.Empty;
            var headers = new List<string>();
            while (await reader.ReadLineAsync(timeout.Token) is { Length: > 0 } line)
            {
                headers.Add(line);
            }

            var parts = statusLine.Split(' ');
            return new RawAnswer(
                parts.Length > 1 && int.TryParse(parts[1], System.Globalization.CultureInfo.InvariantCulture, out var status) ? status : 0,
                headers.Any(h => h.StartsWith("Content-Type: application/problem+json", StringComparison.OrdinalIgnoreCase)),
                headers.Any(h => h.Equals("Content-Length: 0", StringComparison.OrdinalIgnoreCase)));
        }

        public async Task DisposeAsync()
        {
            _client.Dispose();
            await _server.DisposeAsync();
            await _azurite.DisposeAsync();
        }
    }
}

internal readonly record struct Answer(HttpStatusCode Status, string? ContentType, bool RefusedByWebServer);

internal readonly record struct RawAnswer(int Status, bool IsProblem, bool WithoutBody);
