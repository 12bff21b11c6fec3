using Kok.Domain.BankTransfers;
using Kok.Domain.Dashboard;
using Kok.Functions.Dashboard;
using Kok.Functions.Http;
using Kok.Functions.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Net.Http.Headers;

namespace Kok.Functions.BankTransfers;

/// <summary>
/// <c>POST /api/dashboard/bank/statements</c>, staff only: a camt.053 / .052 / .054 file or a ZIP of them, as
/// <c>multipart/form-data</c> with the field <c>file</c>, or as the raw body (<c>application/xml</c>,
/// <c>text/xml</c>, <c>application/zip</c>). At most 10 MB, refused from Content-Length before anything is read.
/// Answers what was matched, already known and unmatched (<see cref="ImportBankStatement"/>), audited.
/// <c>GET /api/dashboard/bank/unmatched</c>: the entries left for staff, paged like the other lists.
/// <c>POST /api/dashboard/bank/unmatched/{identity}/decision</c>: staff's decision about one of them
/// (<see cref="DecideBankEntry"/>), once.
/// </summary>
[StaffOnly]
public sealed class BankStatementFunctions(ImportBankStatement import, IBankEntryLog entries, DecideBankEntry decide)
{
    public const string FileField = "file";
    public const int MaxDecisionBytes = 1024;

    private static readonly string[] XmlTypes = ["application/xml", "text/xml"];
    private static readonly string[] ZipTypes = ["application/zip", "application/x-zip-compressed"];

    [Function("ImportBankStatement")]
    public async Task<IActionResult> Import(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/dashboard/bank/statements")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (BankStatementUpload.IsTooLarge(request.ContentLength))
        {
            return FileProblem(BankStatementUpload.TooLargeMessage);
        }

        IReadOnlyList<BankStatementEntry> entries;
        try
        {
            entries = await ReadAsync(request, cancellationToken);
        }
        catch (BankStatementFormatException e)
        {
            return FileProblem(e.Message);
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            // A multipart body that breaks its own framing (no closing boundary, headers too long), or ends early.
            return FileProblem("The form could not be read; send the statement as multipart/form-data with the field 'file'.");
        }

        var staff = StaffIdentity.Of(request);
        return ApiResults.Ok(await import.ExecuteAsync(entries, staff.Id, staff.Name, cancellationToken));
    }

    [Function("ListUnmatchedBankEntries")]
    public async Task<IActionResult> Unmatched(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard/bank/unmatched")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var token = request.Query.TryGetValue("continuationToken", out var value) ? value.ToString() : null;
        string? after = null;
        if (!string.IsNullOrEmpty(token) && !Domain.Dashboard.ListContinuation.TryDecode(token, out after))
        {
            return ProblemResults.Validation(new Dictionary<string, string[]> { ["continuationToken"] = ["Not a continuation token of this list."] });
        }

        return ApiResults.Ok(await entries.ListUnmatchedAsync(after, cancellationToken));
    }

    [Function("DecideBankEntry")]
    [AcceptsJson(MaxDecisionBytes)]
    public async Task<IActionResult> Decide(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/dashboard/bank/unmatched/{identity}/decision")] HttpRequest request,
        string identity,
        CancellationToken cancellationToken)
    {
        var staff = StaffIdentity.Of(request);
        var result = await decide.ExecuteAsync(identity, Decision(JsonBody.Of(request).Root), staff.Id, staff.Name, cancellationToken);
        return result.Outcome switch
        {
            StaffActionOutcome.Done => ApiResults.Ok(new { result.Identity, Decision = DecideBankEntry.StoredName(result.Decision!.Value), result.DonationId, result.MemberId }),
            StaffActionOutcome.Invalid => StaffProblems.Validation(result.Errors!, null),
            StaffActionOutcome.NotFound => StaffProblems.Problem(StatusCodes.Status404NotFound, StaffErrorCodes.BankEntryNotFound, "Entry not found.",
                "Kein offener Eintrag eines Kontoauszugs / no unmatched statement entry."),
            _ when result.Decision is { } decided => StaffProblems.Problem(StatusCodes.Status409Conflict, StaffErrorCodes.BankEntryDecided, "Decided already.",
                decided switch
                {
                    BankEntryOutcome.Assigned or BankEntryOutcome.NewDonation =>
                        $"Der Eintrag ist schon der Spende {result.DonationId} zugeordnet / the entry is assigned to donation {result.DonationId} already.",
                    BankEntryOutcome.AssignedToDues =>
                        $"Der Eintrag ist schon dem Beitrag von Mitglied {result.MemberId} zugeordnet / the entry is assigned to the dues of member {result.MemberId} already.",
                    _ => "Der Eintrag ist schon als keine Spende markiert / the entry is marked as not a donation already.",
                }),
            _ => StaffProblems.Problem(StatusCodes.Status409Conflict, StaffErrorCodes.AlreadyPaid, "Already paid.",
                result.Errors?.Values.FirstOrDefault()?.FirstOrDefault() ?? "Diese Spende ist inzwischen bezahlt / this donation has been paid in the meantime."),
        };
    }

    private static BankEntryDecisionForm Decision(System.Text.Json.JsonElement root)
    {
        var reader = new JsonFormReader();
        return new BankEntryDecisionForm(
            reader.Text(root, "decision", DecideBankEntry.DecisionField),
            reader.Text(root, "donationId", DecideBankEntry.DonationIdField),
            reader.Text(root, "memberId", DecideBankEntry.MemberIdField),
            reader.Text(root, "name", DecideBankEntry.NameField));
    }

    private static async Task<IReadOnlyList<BankStatementEntry>> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var mediaType = MediaTypeHeaderValue.TryParse(request.ContentType, out var parsed) ? parsed.MediaType.Value ?? string.Empty : string.Empty;
        if (XmlTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase) || ZipTypes.Contains(mediaType, StringComparer.OrdinalIgnoreCase))
        {
            return await BankStatementUpload.ReadAsync(request.Body, "file", cancellationToken);
        }

        if (!string.Equals(mediaType, "multipart/form-data", StringComparison.OrdinalIgnoreCase)
            || HeaderUtilities.RemoveQuotes(parsed!.Boundary).Value is not { Length: > 0 and <= 200 } boundary)
        {
            throw new BankStatementFormatException(
                "Send the statement as multipart/form-data with the field 'file', or as application/xml or application/zip.");
        }

        // Streamed section by section: the file's section goes through the same size cap as a raw body.
        var reader = new MultipartReader(boundary, request.Body);
        for (var section = await reader.ReadNextSectionAsync(cancellationToken); section is not null; section = await reader.ReadNextSectionAsync(cancellationToken))
        {
            if (ContentDispositionHeaderValue.TryParse(section.ContentDisposition, out var disposition)
                && disposition.IsFileDisposition()
                && string.Equals(HeaderUtilities.RemoveQuotes(disposition.Name).Value, FileField, StringComparison.Ordinal))
            {
                var name = Path.GetFileName(HeaderUtilities.RemoveQuotes(disposition.FileName).Value) is { Length: > 0 } fileName ? fileName : FileField;
                return await BankStatementUpload.ReadAsync(section.Body, name, cancellationToken);
            }
        }

        throw new BankStatementFormatException("The form has no file in the field 'file'.");
    }

    private static ObjectResult FileProblem(string message) =>
        ProblemResults.Validation(new Dictionary<string, string[]> { [FileField] = [message] });
}
