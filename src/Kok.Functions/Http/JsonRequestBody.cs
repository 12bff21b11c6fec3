using System.Text.Json;
using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Kok.Functions.Http;

/// <summary>
/// The one way a request's JSON body is read, by every endpoint that takes JSON (the public forms, staff actions, the
/// Stripe webhook): at most a given number of bytes, then parsed and refused unless every reader would read it the
/// same way. A proxy, a log or a second parser must never see other values than the app, so these are 400s naming
/// the field (or <c>body</c>): a property that appears twice in one object (<c>"amount":5,"amount":9999</c>, at any
/// depth), text that is not valid UTF-8, an escaped lone surrogate (<c>"\ud800"</c>) in a value or a property name.
/// </summary>
public static class JsonRequestBody
{
    /// <summary>Nesting the forms and staff actions allow; their bodies are two or three levels deep.</summary>
    public const int FormMaxDepth = 16;

    public const string BodyField = "body";

    private const string NotText = "Not valid text: invalid UTF-8 or an unpaired surrogate (\\ud800-\\udfff).";

    private const string NameNotText = "A property name in here is not valid text: invalid UTF-8 or an unpaired surrogate.";

    /// <summary>Reads and checks the body; either the parsed body or the problem to answer (413, 400), never both.</summary>
    public static async Task<(JsonBody? Body, ObjectResult? Problem)> ReadAsync(
        HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        var (raw, problem) = await ReadLimitedAsync(request, maxBytes, cancellationToken);
        if (raw is null)
        {
            return (null, problem);
        }

        var (body, errors) = Parse(raw, FormMaxDepth);
        return (body, errors is null ? null : WithBodyCode(ProblemResults.Validation(errors), errors.ContainsKey(BodyField) ? StaffErrorCodes.BodyNotObject : null));
    }

    /// <summary>
    /// Problems about the body as a whole carry a code next to the text (<c>errorCodes.body[0].code</c>), so a page can
    /// say in its reader's language what went wrong instead of showing the server's English.
    /// </summary>
    private static ObjectResult WithBodyCode(ObjectResult result, string? code, int? maxBytes = null)
    {
        if (code is not null)
        {
            var flat = new Dictionary<string, object>(StringComparer.Ordinal) { ["code"] = code };
            if (maxBytes is { } max)
            {
                flat["maxBytes"] = max;
            }

            ((ProblemDetails)result.Value!).Extensions["errorCodes"] = new Dictionary<string, object[]>(StringComparer.Ordinal) { [BodyField] = [flat] };
        }

        return result;
    }

    /// <summary>
    /// The body's bytes, or the problem to answer: 413 when it is longer than <paramref name="maxBytes"/> (whatever
    /// Content-Length claims), the server's 4xx when the request is not valid HTTP (a broken chunked encoding, a body
    /// shorter than its Content-Length).
    /// </summary>
    public static async Task<(byte[]? Body, ObjectResult? Problem)> ReadLimitedAsync(
        HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var tooLarge = WithBodyCode(
            ProblemResults.Problem(StatusCodes.Status413PayloadTooLarge, "Request too large.", $"The body may have at most {maxBytes} bytes."),
            StaffErrorCodes.BodyTooLarge,
            maxBytes);
        if (request.ContentLength > maxBytes)
        {
            return (null, tooLarge);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[4096];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return (null, tooLarge);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException ex)
        {
            return (null, ProblemResults.Problem(ex.StatusCode, "Unreadable request.", "The request body is not valid HTTP."));
        }

        return (buffer.ToArray(), null);
    }

    /// <summary>
    /// Parses <paramref name="raw"/> into a JSON object whose every name and string is valid text and every object
    /// has distinct property names; else the errors per field (JSON paths such as <c>donor.name</c>, <c>items[0]</c>).
    /// </summary>
    public static (JsonBody? Body, IReadOnlyDictionary<string, string[]>? Errors) Parse(byte[] raw, int maxDepth)
    {
        ArgumentNullException.ThrowIfNull(raw);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(raw, new JsonDocumentOptions { MaxDepth = maxDepth });
        }
        catch (JsonException)
        {
            return (null, BodyError("The body is not valid JSON."));
        }

        var errors = new ValidationErrors();
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            errors.Add(BodyField, "The body must be a JSON object.");
        }
        else
        {
            Inspect(document.RootElement, string.Empty, errors);
        }

        if (errors.IsEmpty && !System.Text.Unicode.Utf8.IsValid(raw))
        {
            // The parser accepts invalid bytes where no string is read (none are left after Inspect); a guard all the same.
            errors.Add(BodyField, NotText);
        }

        if (!errors.IsEmpty)
        {
            document.Dispose();
            return (null, errors.ToDictionary());
        }

        return (new JsonBody(raw, document), null);
    }

    public static IReadOnlyDictionary<string, string[]> BodyError(string message) =>
        new Dictionary<string, string[]>(StringComparer.Ordinal) { [BodyField] = [message] };

    private static void Inspect(JsonElement element, string path, ValidationErrors errors)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                var seen = new HashSet<string>(StringComparer.Ordinal);
                foreach (var property in element.EnumerateObject())
                {
                    if (!TryRead(() => property.Name, out var name))
                    {
                        errors.Add(FieldOrBody(path), NameNotText);
                        continue;
                    }

                    var child = path.Length == 0 ? name : path + "." + name;
                    if (!seen.Add(name))
                    {
                        // Names compare after unescaping: "amount" and "\u0061mount" are the same property.
                        errors.Add(child, "This field appears more than once.");
                        continue;
                    }

                    Inspect(property.Value, child, errors);
                }

                break;

            case JsonValueKind.Array:
                var index = 0;
                foreach (var item in element.EnumerateArray())
                {
                    Inspect(item, $"{FieldOrBody(path)}[{index++}]", errors);
                }

                break;

            case JsonValueKind.String:
                if (!TryRead(element.GetString, out _))
                {
                    errors.Add(FieldOrBody(path), NotText);
                }

                break;
        }
    }

    /// <summary>System.Text.Json parses such text and only refuses it when it is read as a .NET string.</summary>
    private static bool TryRead(Func<string?> read, out string value)
    {
        try
        {
            value = read() ?? string.Empty;
            return true;
        }
        catch (InvalidOperationException)
        {
            value = string.Empty;
            return false;
        }
    }

    private static string FieldOrBody(string path) => path.Length == 0 ? BodyField : path;
}
