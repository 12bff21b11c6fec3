using Microsoft.Extensions.Configuration;

namespace Kok.Functions.Staff;

/// <summary>
/// How staff prove who they are. In Azure, App Service Authentication signs people in and passes the principal in
/// <c>X-MS-CLIENT-PRINCIPAL</c>; the platform strips that header from incoming requests, so it can be trusted there
/// (<c>Auth:TrustAppServicePrincipal</c>, set by the Bicep) and nowhere else. Locally a bearer token
/// (<c>Staff:DevToken</c>) stands in; unset, it is off.
/// </summary>
public sealed record StaffAuthOptions(bool TrustAppServicePrincipal, string? DevToken, string Role)
{
    public static StaffAuthOptions From(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var token = configuration["Staff:DevToken"];
        return new StaffAuthOptions(
            configuration.GetValue("Auth:TrustAppServicePrincipal", false),
            string.IsNullOrWhiteSpace(token) ? null : token,
            configuration["Auth:StaffRole"] is { Length: > 0 } role ? role : "staff");
    }
}
