using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Kok.Functions.Http;

/// <summary>RFC 9457 problem responses (<c>application/problem+json</c>) as every endpoint answers errors.</summary>
public static class ProblemResults
{
    public const string ContentType = "application/problem+json";

    public static ObjectResult Problem(int status, string title, string? detail = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = TypeFor(status) };
        return Create(problem);
    }

    /// <summary>A problem with extra members (RFC 9457 extensions), e.g. a time the client shows.</summary>
    public static ObjectResult Problem(int status, string title, string detail, IReadOnlyDictionary<string, object?> extensions)
    {
        ArgumentNullException.ThrowIfNull(extensions);
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = TypeFor(status) };
        foreach (var (name, value) in extensions)
        {
            problem.Extensions[name] = value;
        }

        return Create(problem);
    }

    /// <summary>400 (or <paramref name="status"/>) with an <c>errors</c> object naming each bad field.</summary>
    public static ObjectResult Validation(
        IReadOnlyDictionary<string, string[]> errors,
        int status = StatusCodes.Status400BadRequest,
        string title = "One or more fields are invalid.")
    {
        ArgumentNullException.ThrowIfNull(errors);
        var problem = new ValidationProblemDetails(errors.ToDictionary(e => e.Key, e => e.Value, StringComparer.Ordinal))
        {
            Status = status,
            Title = title,
            Type = TypeFor(status),
        };
        return Create(problem);
    }

    private static ObjectResult Create(ProblemDetails problem)
    {
        var result = new ObjectResult(problem) { StatusCode = problem.Status };
        result.ContentTypes.Add(ContentType);
        return result;
    }

    private static string TypeFor(int status) => status switch
    {
        400 => "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        401 => "https://tools.ietf.org/html/rfc9110#section-15.5.2",
        403 => "https://tools.ietf.org/html/rfc9110#section-15.5.4",
        404 => "https://tools.ietf.org/html/rfc9110#section-15.5.5",
        409 => "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        413 => "https://tools.ietf.org/html/rfc9110#section-15.5.14",
        415 => "https://tools.ietf.org/html/rfc9110#section-15.5.16",
        422 => "https://tools.ietf.org/html/rfc9110#section-15.5.21",
        429 => "https://tools.ietf.org/html/rfc6585#section-4",
        503 => "https://tools.ietf.org/html/rfc9110#section-15.6.4",
        _ => "about:blank",
    };
}
