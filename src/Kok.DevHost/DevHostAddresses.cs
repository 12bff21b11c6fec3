using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Kok.DevHost;

/// <summary>
/// Where the DevHost can be reached: <c>DevHost:PublicBaseUrl</c> if set, otherwise the address Kestrel actually
/// listens on (known only after start, e.g. with port 0 in tests). Shared by the Stripe and SendGrid stand-ins.
/// </summary>
internal sealed class DevHostAddresses(IServer server, IConfiguration configuration)
{
    public string BaseUrl()
    {
        var configured = configuration["DevHost:PublicBaseUrl"];
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return configured.TrimEnd('/');
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var address = addresses.FirstOrDefault(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase))
            ?? addresses.FirstOrDefault()
            ?? throw new InvalidOperationException("The DevHost is not listening yet; set DevHost:PublicBaseUrl.");
        return Loopback(address).TrimEnd('/');
    }

    /// <summary>Base for links a browser follows: the public URL if configured, else the host the request came to.</summary>
    public string BrowserBaseUrl(HttpRequest request)
    {
        var configured = configuration["DevHost:PublicBaseUrl"];
        return string.IsNullOrWhiteSpace(configured)
            ? $"{request.Scheme}://{request.Host}{request.PathBase}"
            : configured.TrimEnd('/');
    }

    private static string Loopback(string address)
    {
        // Wildcard bindings are not addresses one can call; the loopback interface is always among them.
        foreach (var wildcard in new[] { "://+:", "://*:", "://0.0.0.0:", "://[::]:" })
        {
            if (address.Contains(wildcard, StringComparison.Ordinal))
            {
                return address.Replace(wildcard, "://127.0.0.1:", StringComparison.Ordinal);
            }
        }

        return address;
    }
}
