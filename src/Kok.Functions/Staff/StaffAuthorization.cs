using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Kok.Functions.Http;

namespace Kok.Functions.Staff;

/// <summary>
/// Decides whether a request comes from staff: 401 when nobody is signed in, 403 when someone without the staff
/// role is. <see cref="StaffGuardMiddleware"/> asks it for every staff function, which then has no such code itself.
/// The dashboard page signs in by cookie (App Service Authentication in Azure, DevHost's sign-in locally), which a
/// browser also sends along with another site's form post; so a non-GET request that the browser marks as coming
/// from another site (<c>Sec-Fetch-Site</c>) or whose <c>Origin</c> names another site is refused with 403 before
/// anything else. Requests without either header (curl, scripts, tests) pass.
/// </summary>
public sealed class StaffAuthorization(StaffAuthOptions options)
{
    public const string PrincipalHeader = "X-MS-CLIENT-PRINCIPAL";

    public StaffAuthResult Authorize(HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);

        if (CrossSiteRequests.IsCrossSiteWrite(request))
        {
            return StaffAuthResult.Denied(ProblemResults.Problem(StatusCodes.Status403Forbidden, "Cross-site request refused.",
                "Diese Aktion ist nur von der Dashboard-Seite selbst aus möglich. / This action only works from the dashboard page itself."));
        }

        if (options.TrustAppServicePrincipal && request.Headers.TryGetValue(PrincipalHeader, out var encoded))
        {
            return FromAppServicePrincipal(encoded.ToString());
        }

        var authorization = request.Headers.Authorization.ToString();
        if (options.DevToken is { } token && authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            var presented = Encoding.UTF8.GetBytes(authorization["Bearer ".Length..].Trim());
            return CryptographicOperations.FixedTimeEquals(presented, Encoding.UTF8.GetBytes(token))
                ? StaffAuthResult.Allowed(new StaffIdentity("dev-token", "Local staff (dev token)"))
                : StaffAuthResult.Denied(Unauthorized());
        }

        return StaffAuthResult.Denied(Unauthorized());
    }

    private StaffAuthResult FromAppServicePrincipal(string encoded)
    {
        ClientPrincipal? principal;
        try
        {
            principal = JsonSerializer.Deserialize<ClientPrincipal>(Convert.FromBase64String(encoded));
        }
        catch (Exception ex) when (ex is FormatException or JsonException)
        {
            return StaffAuthResult.Denied(Unauthorized());
        }

        if (principal?.Claims is null || principal.Claims.Any(c => c is null))
        {
            return StaffAuthResult.Denied(Unauthorized());
        }

        var roleType = principal.RoleType ?? "roles";
        var isStaff = principal.Claims.Any(c =>
            (c.Type == roleType || c.Type == "roles" || c.Type == "http://schemas.microsoft.com/ws/2008/06/identity/claims/role")
            && string.Equals(c.Value, options.Role, StringComparison.Ordinal));
        if (!isStaff)
        {
            return StaffAuthResult.Denied(ProblemResults.Problem(StatusCodes.Status403Forbidden, "Forbidden.",
                $"This needs the '{options.Role}' role."));
        }

        var id = Claim(principal, "http://schemas.microsoft.com/identity/claims/objectidentifier") ?? Claim(principal, "oid") ?? "unknown";
        var name = Claim(principal, principal.NameType ?? "name") ?? Claim(principal, "name") ?? id;
        return StaffAuthResult.Allowed(new StaffIdentity(id, name));
    }

    private static string? Claim(ClientPrincipal principal, string type) =>
        principal.Claims!.FirstOrDefault(c => c.Type == type)?.Value;

    private static ObjectResult Unauthorized() =>
        ProblemResults.Problem(StatusCodes.Status401Unauthorized, "Sign-in required.", "This is for KOK office staff only.");

    private sealed record ClientPrincipal(
        [property: System.Text.Json.Serialization.JsonPropertyName("auth_typ")] string? AuthType,
        [property: System.Text.Json.Serialization.JsonPropertyName("name_typ")] string? NameType,
        [property: System.Text.Json.Serialization.JsonPropertyName("role_typ")] string? RoleType,
        [property: System.Text.Json.Serialization.JsonPropertyName("claims")] IReadOnlyList<PrincipalClaim>? Claims);

    private sealed record PrincipalClaim(
        [property: System.Text.Json.Serialization.JsonPropertyName("typ")] string Type,
        [property: System.Text.Json.Serialization.JsonPropertyName("val")] string Value);
}
