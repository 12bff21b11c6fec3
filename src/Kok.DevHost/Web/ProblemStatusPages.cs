namespace Kok.DevHost.Web;

/// <summary>
/// A 4xx that DevHost itself answers without a body (no route for the path: 404, a route without this method: 405)
/// gets an RFC 9457 problem body like every answer of the app, so a client sees one error format whatever it got
/// wrong. Function answers are left alone (they carry their own bodies), and so is a function's 500.
/// </summary>
public static class ProblemStatusPages
{
    public static WebApplication UseProblemStatusPages(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.UseStatusCodePages(context =>
        {
            var http = context.HttpContext;
            return http.Response.StatusCode is >= 400 and < 500
                ? Results.Problem(statusCode: http.Response.StatusCode).ExecuteAsync(http)
                : Task.CompletedTask;
        });
        return app;
    }
}
