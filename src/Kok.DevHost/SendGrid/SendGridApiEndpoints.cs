using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;

namespace Kok.DevHost.SendGrid;

/// <summary>
/// SendGrid's v3 mail/send under <see cref="ApiPrefix"/>, so that <c>SendGrid:ApiBase = {DevHost}/dev/sendgrid</c>
/// receives the client's "{Host}/v3/mail/send". Bearer key, body validation and error shapes as SendGrid has them;
/// plus <c>/dev/sendgrid/faults</c> to make the next sends fail.
/// </summary>
internal static class SendGridApiEndpoints
{
    public const string ApiPrefix = "/dev/sendgrid";

    private const string IdAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var v3 = endpoints.MapGroup(ApiPrefix + "/v3").AddEndpointFilter(RequireApiKey);
        v3.MapPost("/mail/send", SendAsync);
        v3.Map("/{**path}", () => Errors(404, new SendGridError("resource not found")));

        endpoints.MapGet(ApiPrefix + "/faults", (SendGridFaults faults) => FaultState(faults));
        endpoints.MapPost(ApiPrefix + "/faults", ArmFaultsAsync);
        endpoints.MapDelete(ApiPrefix + "/faults", (SendGridFaults faults) =>
        {
            faults.Arm(0, 0);
            return FaultState(faults);
        });
    }

    /// <summary>SendGrid's error body: <c>{"errors":[{"message","field","help"}]}</c>.</summary>
    public static IResult Errors(int status, params IEnumerable<SendGridError> errors)
    {
        var array = new JsonArray();
        foreach (var error in errors)
        {
            array.Add(new JsonObject { ["message"] = error.Message, ["field"] = error.Field, ["help"] = error.Help });
        }

        return Results.Content(new JsonObject { ["errors"] = array }.ToJsonString(), "application/json", Encoding.UTF8, status);
    }

    private static async Task<IResult> SendAsync(
        HttpRequest request,
        SendGridMailStore store,
        SendGridFaults faults,
        TimeProvider time,
        ILoggerFactory loggers)
    {
        if (faults.TryTake(out var faultStatus))
        {
            if (faultStatus == StatusCodes.Status429TooManyRequests)
            {
                request.HttpContext.Response.Headers.RetryAfter = "1";
            }

            return Errors(faultStatus, new SendGridError(FaultMessage(faultStatus)));
        }

        if (!MediaTypeHeaderValue.TryParse(request.ContentType, out var contentType)
            || !contentType.MediaType.Equals("application/json", StringComparison.OrdinalIgnoreCase))
        {
            return Errors(400, new SendGridError("Content-Type should be application/json."));
        }

        JsonObject? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted) as JsonObject;
        }
        catch (JsonException)
        {
            body = null;
        }

        if (body is null)
        {
            return Errors(400, new SendGridError("Bad Request"));
        }

        var parsed = SendGridMailRequest.Parse(body);
        if (parsed.Errors.Count > 0)
        {
            return Errors(400, parsed.Errors);
        }

        var mail = parsed.ToMail(RandomNumberGenerator.GetString(IdAlphabet, 22), time.GetUtcNow());
        store.Add(mail);
        loggers.CreateLogger(typeof(SendGridApiEndpoints).FullName!)
            .LogInformation("SendGrid stand-in accepted mail {MessageId} ({Attachments} attachment(s)).", mail.Id, mail.Attachments.Count);
        request.HttpContext.Response.Headers["X-Message-Id"] = mail.Id;
        return Results.StatusCode(StatusCodes.Status202Accepted);
    }

    private static async Task<IResult> ArmFaultsAsync(HttpRequest request, SendGridFaults faults)
    {
        JsonNode? body;
        try
        {
            body = await JsonNode.ParseAsync(request.Body, cancellationToken: request.HttpContext.RequestAborted);
        }
        catch (JsonException)
        {
            body = null;
        }

        var failNext = Int(body?["failNext"]);
        var status = Int(body?["status"]) ?? StatusCodes.Status503ServiceUnavailable;
        if (failNext is null or < 0 or > 1000 || status is < 400 or > 599)
        {
            return Results.BadRequest(new
            {
                error = "Expected { \"failNext\": 0..1000, \"status\": 400..599 } (status defaults to 503; failNext 0 disarms).",
            });
        }

        faults.Arm(failNext.Value, status);
        return FaultState(faults);
    }

    private static int? Int(JsonNode? node) =>
        node is JsonValue value && value.GetValueKind() == JsonValueKind.Number && value.TryGetValue<int>(out var number) ? number : null;

    private static IResult FaultState(SendGridFaults faults)
    {
        var (remaining, status) = faults.State();
        return Results.Ok(new { failNext = remaining, status = remaining > 0 ? status : (int?)null });
    }

    private static string FaultMessage(int status) => status switch
    {
        StatusCodes.Status429TooManyRequests => "too many requests",
        StatusCodes.Status500InternalServerError => "internal error",
        StatusCodes.Status502BadGateway => "Bad Gateway",
        StatusCodes.Status503ServiceUnavailable => "Service Unavailable",
        _ => ReasonPhrase(status),
    } + " (DevHost fault injection)";

    private static string ReasonPhrase(int status)
    {
        var phrase = Microsoft.AspNetCore.WebUtilities.ReasonPhrases.GetReasonPhrase(status);
        return string.IsNullOrEmpty(phrase) ? "HTTP " + status.ToString(CultureInfo.InvariantCulture) : phrase;
    }

    private static async ValueTask<object?> RequireApiKey(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var request = context.HttpContext.Request;
        var authorization = request.Headers.Authorization.ToString();
        if (string.IsNullOrWhiteSpace(authorization))
        {
            return Errors(401, new SendGridError("authorization required"));
        }

        var expected = request.HttpContext.RequestServices.GetRequiredService<IConfiguration>()["SendGrid:ApiKey"];
        const string Bearer = "Bearer ";
        var presented = authorization.StartsWith(Bearer, StringComparison.OrdinalIgnoreCase) ? authorization[Bearer.Length..].Trim() : null;
        if (string.IsNullOrWhiteSpace(expected) || presented is null
            || !CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(presented), Encoding.UTF8.GetBytes(expected)))
        {
            return Errors(401, new SendGridError("The provided authorization grant is invalid, expired, or revoked"));
        }

        return await next(context);
    }
}
