using System.Text;
using System.Text.Json;
using Kok.Functions.Staff;
using Microsoft.AspNetCore.Mvc;

namespace Kok.Functions.Tests.Staff;

public class StaffAuthorizationTests
{
    private static string Principal(params string[] roles)
    {
        var claims = roles.Select(r => new { typ = "roles", val = r })
            .Append(new { typ = "name", val = "Erika Office" })
            .Append(new { typ = "http://schemas.microsoft.com/identity/claims/objectidentifier", val = "oid-1" });
        var json = JsonSerializer.Serialize(new { auth_typ = "aad", name_typ = "name", role_typ = "roles", claims });
        return Convert.ToBase64String(Encoding.UTF8.GetBytes(json));
    }

    private static int? Status(StaffAuthResult result) => (result.Failure as ObjectResult)?.StatusCode;

    [Fact]
    public void Anonymous_is_401()
    {
        var auth = new StaffAuthorization(new StaffAuthOptions(false, "secret-token", "staff"));

        Assert.Equal(401, Status(auth.Authorize(HttpRequests.Create("GET"))));
    }

    [Fact]
    public void Dev_token_admits_and_a_wrong_token_is_401()
    {
        var auth = new StaffAuthorization(new StaffAuthOptions(false, "secret-token", "staff"));
        var good = HttpRequests.Create("GET");
        good.Headers.Authorization = "Bearer secret-token";
        var bad = HttpRequests.Create("GET");
        bad.Headers.Authorization = "Bearer guess";

        Assert.True(auth.Authorize(good).IsAllowed);
        Assert.Equal(401, Status(auth.Authorize(bad)));
    }

    [Fact]
    public void Without_a_configured_dev_token_bearer_tokens_are_refused()
    {
        var auth = new StaffAuthorization(new StaffAuthOptions(false, null, "staff"));
        var request = HttpRequests.Create("GET");
        request.Headers.Authorization = "Bearer ";

        Assert.Equal(401, Status(auth.Authorize(request)));
    }

    [Fact]
    public void Principal_header_is_ignored_unless_trusted()
    {
        var auth = new StaffAuthorization(new StaffAuthOptions(false, "secret-token", "staff"));
        var forged = HttpRequests.Create("GET");
        forged.Headers[StaffAuthorization.PrincipalHeader] = Principal("staff");

        Assert.Equal(401, Status(auth.Authorize(forged)));
    }

    [Fact]
    public void Trusted_principal_needs_the_staff_role()
    {
        var auth = new StaffAuthorization(new StaffAuthOptions(true, null, "staff"));
        var staff = HttpRequests.Create("GET");
        staff.Headers[StaffAuthorization.PrincipalHeader] = Principal("staff");
        var other = HttpRequests.Create("GET");
        other.Headers[StaffAuthorization.PrincipalHeader] = Principal("reader");
        var garbage = HttpRequests.Create("GET");
        garbage.Headers[StaffAuthorization.PrincipalHeader] = "not base64!";

        var allowed = auth.Authorize(staff);
        Assert.True(allowed.IsAllowed);
        Assert.Equal(new StaffIdentity("oid-1", "Erika Office"), allowed.Identity);
        Assert.Equal(403, Status(auth.Authorize(other)));
        Assert.Equal(401, Status(auth.Authorize(garbage)));
    }
}
