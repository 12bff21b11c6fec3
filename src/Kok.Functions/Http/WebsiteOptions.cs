using Microsoft.Extensions.Configuration;

namespace Kok.Functions.Http;

/// <summary>
/// The KOK website that embeds the forms: its origins (CORS) and where Checkout sends the browser afterwards. The
/// URLs are configuration, never request data, so the API cannot be used as an open redirect.
/// </summary>
public sealed record WebsiteOptions(IReadOnlyList<string> Origins, Uri SuccessUrl, Uri CancelUrl)
{
    public const string SectionName = "Website";

    public static WebsiteOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var section = configuration.GetSection(SectionName);
        var origins = section.GetSection("Origins").Get<string[]>()
            ?? (section["Origins"] ?? string.Empty).Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new WebsiteOptions(
            origins.Select(o => o.TrimEnd('/')).ToArray(),
            Absolute(section["SuccessUrl"], "SuccessUrl"),
            Absolute(section["CancelUrl"], "CancelUrl"));
    }

    public bool IsAllowedOrigin(string? origin) =>
        !string.IsNullOrEmpty(origin) && Origins.Contains(origin.TrimEnd('/'), StringComparer.OrdinalIgnoreCase);

    private static Uri Absolute(string? value, string name) =>
        Uri.TryCreate(value, UriKind.Absolute, out var uri)
            ? uri
            : throw new InvalidOperationException($"Website:{name} must be set to an absolute URL.");
}
