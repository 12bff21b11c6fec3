using System.Text.Json.Nodes;

namespace Kok.DevHost.Clock;

/// <summary>
/// <c>GET /dev/clock</c> shows the time the app sees; <c>POST /dev/clock</c> with <c>{ "utcNow": "2027-03-01T05:00:00Z" }</c>
/// sets it; <c>DELETE /dev/clock</c> returns to real time. When a test brought its own clock, DevHost does not own
/// the time and answers 409.
/// </summary>
public static class DevClockEndpoints
{
    public static IEndpointRouteBuilder MapDevClock(this IEndpointRouteBuilder endpoints)
    {
        ArgumentNullException.ThrowIfNull(endpoints);
        endpoints.MapGet("/dev/clock", (TimeProvider time) => Results.Json(State(time)));
        endpoints.MapPost("/dev/clock", async (HttpRequest request, TimeProvider time) =>
        {
            if (time is not DevClock clock)
            {
                return NotOwned();
            }

            var body = await request.ReadFromJsonAsync<JsonObject>();
            if (body?["utcNow"]?.GetValue<string>() is not { } text || !DateTimeOffset.TryParse(text, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var utcNow))
            {
                return Results.Problem(statusCode: 400, title: "utcNow must be an ISO 8601 time, e.g. 2027-03-01T05:00:00Z.");
            }

            clock.Set(utcNow.ToUniversalTime());
            return Results.Json(State(time));
        });
        endpoints.MapDelete("/dev/clock", (TimeProvider time) =>
        {
            if (time is not DevClock clock)
            {
                return NotOwned();
            }

            clock.Reset();
            return Results.Json(State(time));
        });
        return endpoints;
    }

    private static JsonObject State(TimeProvider time) => new()
    {
        ["utcNow"] = time.GetUtcNow().ToString("O", System.Globalization.CultureInfo.InvariantCulture),
        ["offsetSeconds"] = time is DevClock clock ? Math.Round(clock.Offset.TotalSeconds) : 0,
        ["settable"] = time is DevClock,
    };

    private static IResult NotOwned() =>
        Results.Problem(statusCode: 409, title: "The clock belongs to the host's owner (a test's fake clock); DevHost cannot set it.");
}
