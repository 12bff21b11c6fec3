using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;

namespace Kok.Functions.Dashboard;

/// <summary>
/// The dashboard API's problem answers (<see cref="ProblemResults"/>) with what the page needs to say them in its
/// reader's language: <c>code</c> (<see cref="StaffErrorCodes"/>) and, for field errors, <c>errorCodes</c> next to
/// <c>errors</c>: field → <c>[{"code": "below_dues", "minimumCents": 6000}]</c>. <c>title</c>, <c>detail</c> and
/// <c>errors</c> stay readable for API clients.
/// </summary>
internal static class StaffProblems
{
    public static ObjectResult Problem(int status, string code, string title, string detail) =>
        WithCode(ProblemResults.Problem(status, title, detail), code);

    public static ObjectResult MemberNotFound() =>
        Problem(StatusCodes.Status404NotFound, StaffErrorCodes.MemberNotFound, "Membership not found.", "Keine solche Mitgliedschaft / no such membership.");

    public static ObjectResult Validation(IReadOnlyDictionary<string, string[]> errors, IReadOnlyDictionary<string, ValidationCode[]>? codes)
    {
        var result = WithCode(ProblemResults.Validation(errors), StaffErrorCodes.InvalidFields);
        if (codes is { Count: > 0 })
        {
            ((ProblemDetails)result.Value!).Extensions["errorCodes"] = codes.ToDictionary(
                field => field.Key,
                field => field.Value.Select(Flatten).ToArray(),
                StringComparer.Ordinal);
        }

        return result;
    }

    private static ObjectResult WithCode(ObjectResult result, string code)
    {
        ((ProblemDetails)result.Value!).Extensions["code"] = code;
        return result;
    }

    private static Dictionary<string, object> Flatten(ValidationCode code)
    {
        var flat = new Dictionary<string, object>(StringComparer.Ordinal) { ["code"] = code.Code };
        foreach (var (name, value) in code.Arguments)
        {
            flat[name] = value;
        }

        return flat;
    }
}
