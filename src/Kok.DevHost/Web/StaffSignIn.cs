using System.Security.Cryptography;
using System.Text;
using System.Text.Encodings.Web;
using Microsoft.Net.Http.Headers;

namespace Kok.DevHost.Web;

/// <summary>
/// DevHost playing App Service Authentication for the staff dashboard: <c>GET /dev/signin</c> asks for the dev token
/// (<c>Staff:DevToken</c>), <c>POST /dev/signin</c> keeps it in an HttpOnly, SameSite=Strict cookie and returns to the
/// page, <c>POST /dev/signout</c> forgets it. For <c>/dashboard</c> and <c>/api/dashboard/*</c> the middleware turns the
/// cookie into <c>Authorization: Bearer</c>, as the platform turns its session cookie into X-MS-CLIENT-PRINCIPAL; the
/// app's staff guard decides (StaffGuardMiddleware), so a wrong token in the cookie still gets 401. An anonymous
/// browser opening the page is sent to sign in; API calls without credentials get 401. No business logic here.
/// </summary>
public static class StaffSignIn
{
    public const string CookieName = "kok-dev-staff";
    public const string SignInPath = "/dev/signin";
    public const string SignOutPath = "/dev/signout";
    public const string DefaultReturnUrl = "/dashboard";

    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(System.Text.Unicode.UnicodeRanges.All);

    public static WebApplication UseStaffSignIn(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.Use(async (context, next) =>
        {
            if (IsStaffPath(context.Request.Path) && !context.Request.Headers.ContainsKey(HeaderNames.Authorization))
            {
                if (context.Request.Cookies.TryGetValue(CookieName, out var token) && token.Length > 0)
                {
                    context.Request.Headers.Authorization = "Bearer " + token;
                }
                else if (IsAnonymousPageVisit(context.Request))
                {
                    context.Response.Redirect(SignInPath + "?returnUrl=" + Uri.EscapeDataString(context.Request.Path + context.Request.QueryString));
                    return;
                }
            }

            await next(context);
        });

        app.MapGet(SignInPath, (HttpContext context) =>
            Page(context, LocalReturnUrl(context.Request.Query["returnUrl"]), error: null, StatusCodes.Status200OK));
        app.MapPost(SignInPath, SignInAsync);
        app.MapPost(SignOutPath, (HttpContext context) =>
        {
            if (IsCrossSite(context.Request))
            {
                return Results.StatusCode(StatusCodes.Status403Forbidden);
            }

            context.Response.Cookies.Delete(CookieName, CookieOptions(context.Request));
            return Results.Redirect(SignInPath);
        });
        return app;
    }

    private static async Task<IResult> SignInAsync(HttpContext context, IConfiguration configuration)
    {
        if (IsCrossSite(context.Request))
        {
            return Results.StatusCode(StatusCodes.Status403Forbidden);
        }

        var form = context.Request.HasFormContentType ? await context.Request.ReadFormAsync(context.RequestAborted) : null;
        var returnUrl = LocalReturnUrl(form?["returnUrl"] ?? default);
        var presented = (form?["token"].ToString() ?? "").Trim();
        var expected = configuration["Staff:DevToken"];
        if (string.IsNullOrWhiteSpace(expected))
        {
            return Page(context, returnUrl, Error.NotConfigured, StatusCodes.Status503ServiceUnavailable);
        }

        if (!CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected.Trim())))
        {
            return Page(context, returnUrl, Error.WrongToken, StatusCodes.Status401Unauthorized);
        }

        context.Response.Cookies.Append(CookieName, presented, CookieOptions(context.Request));
        return Results.Redirect(returnUrl);
    }

    private static bool IsStaffPath(PathString path) =>
        path.StartsWithSegments("/dashboard", StringComparison.OrdinalIgnoreCase)
        || path.StartsWithSegments("/api/dashboard", StringComparison.OrdinalIgnoreCase);

    private static bool IsAnonymousPageVisit(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && request.Path.Equals("/dashboard", StringComparison.OrdinalIgnoreCase)
        && !request.Headers.ContainsKey("X-MS-CLIENT-PRINCIPAL")
        && request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    /// <summary>Only a path on this host: never <c>//evil.example</c>, <c>/\evil.example</c> or an absolute URL.</summary>
    internal static string LocalReturnUrl(string? candidate) =>
        candidate is { Length: > 0 } url && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
            && !url.Any(char.IsControl)
            ? url
            : DefaultReturnUrl;

    /// <summary>Sign-in and sign-out come only from DevHost's own form (login CSRF).</summary>
    private static bool IsCrossSite(HttpRequest request) =>
        request.Headers.TryGetValue(HeaderNames.Origin, out var origin)
        && !string.Equals(origin.ToString(), $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);

    private static CookieOptions CookieOptions(HttpRequest request) => new()
    {
        HttpOnly = true,
        SameSite = Microsoft.AspNetCore.Http.SameSiteMode.Strict,
        Secure = request.IsHttps,
        Path = "/",
        IsEssential = true,
    };

    private enum Error
    {
        WrongToken,
        NotConfigured,
    }

    private static IResult Page(HttpContext context, string returnUrl, Error? error, int status)
    {
        var headers = context.Response.Headers;
        headers.CacheControl = "no-store";
        headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
        headers.XContentTypeOptions = "nosniff";

        var message = error switch
        {
            Error.WrongToken => """
                <p id="signin-error" class="error" role="alert"><span lang="de">Das Token stimmt nicht.</span> / <span lang="en">The token is not correct.</span></p>
                """,
            Error.NotConfigured => """
                <p id="signin-error" class="error" role="alert"><span lang="de">Kein Dev-Token konfiguriert (Staff:DevToken).</span> / <span lang="en">No dev token is configured (Staff:DevToken).</span></p>
                """,
            _ => "",
        };
        var invalid = error is null ? "" : " aria-invalid=\"true\" aria-describedby=\"signin-error\"";
        var html = $$"""
            <!doctype html>
            <html lang="de">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>Anmelden / Sign in – KOK DevHost</title>
            <style>
            body { font-family: system-ui, sans-serif; margin: 0; padding: 2rem 1rem; background: #f5f5f7; color: #1d1d1f; }
            main { max-width: 26rem; margin: 0 auto; background: #fff; border: 1px solid #c8c8cc; border-radius: .5rem; padding: 1.25rem; }
            h1 { font-size: 1.3rem; margin-top: 0; }
            label { display: block; font-weight: 600; margin: 1rem 0 .3rem; }
            input { width: 100%; box-sizing: border-box; font: inherit; padding: .5rem; border: 1px solid #8e8e93; border-radius: .35rem; }
            button { margin-top: 1rem; font: inherit; font-weight: 700; padding: .6rem 1.2rem; border: 2px solid #8a1538; background: #8a1538; color: #fff; border-radius: .35rem; cursor: pointer; }
            :focus-visible { outline: 3px solid #0a58ca; outline-offset: 2px; }
            .error { color: #a4000f; font-weight: 600; border: 2px solid #a4000f; padding: .5rem; border-radius: .35rem; }
            .error::before { content: "⚠ "; }
            .hint { color: #55555a; font-size: .9rem; }
            </style>
            </head>
            <body>
            <main>
            <h1>Anmelden / <span lang="en">Sign in</span></h1>
            <p class="hint">Lokale Anmeldung für die Geschäftsstelle (DevHost). / <span lang="en">Local sign-in for the office (DevHost).</span></p>
            {{message}}
            <form method="post" action="{{SignInPath}}">
            <input type="hidden" name="returnUrl" value="{{Encoder.Encode(returnUrl)}}">
            <label for="token">Dev-Token / <span lang="en">Dev token</span></label>
            <input id="token" name="token" type="password" autocomplete="current-password" required autofocus{{invalid}}>
            <button type="submit" id="signin">Anmelden / <span lang="en">Sign in</span></button>
            </form>
            </main>
            </body>
            </html>
            """;
        return Results.Content(html, "text/html; charset=utf-8", Encoding.UTF8, status);
    }
}
