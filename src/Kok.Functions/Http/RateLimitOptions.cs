using Microsoft.Extensions.Configuration;

namespace Kok.Functions.Http;

/// <summary>
/// Limits attempts on the public forms per client address. <see cref="ClientAddressHeader"/> names the header that
/// carries the client address behind a trusted front end (Azure: <c>X-Forwarded-For</c>); unset, the connection's
/// remote address is used, since a header any client can set must not decide whose budget is spent.
/// </summary>
public sealed record RateLimitOptions(int PermitLimit, TimeSpan Window, string? ClientAddressHeader)
{
    public const string SectionName = "RateLimit";

    public static RateLimitOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var permits = section.GetValue("PermitLimit", 5);
        var seconds = section.GetValue("WindowSeconds", 300);
        if (permits < 1 || seconds < 1)
        {
            throw new InvalidOperationException("RateLimit:PermitLimit and RateLimit:WindowSeconds must be positive.");
        }

        var header = section["ClientAddressHeader"];
        return new RateLimitOptions(permits, TimeSpan.FromSeconds(seconds), string.IsNullOrWhiteSpace(header) ? null : header);
    }
}
