using Kok.Functions.Http;
using Kok.Functions.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kok.IntegrationTests.Samples;

/// <summary>
/// Staff functions with no authorization code of their own, as a new staff function would be written: the staff guard
/// in the worker middleware must refuse, let through and hand over the identity all by itself.
/// </summary>
public sealed class SampleStaffFunctions
{
    public const int MaxNoteBytes = 256;

    [Function("SampleStaffRecord")]
    [StaffOnly]
    public static IActionResult Read(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/samples/staff/records/{id}")] HttpRequest request,
        string id) =>
        new OkObjectResult(new { id, staff = StaffIdentity.Of(request) });

    [Function("SampleStaffNote")]
    [StaffOnly]
    [AcceptsJson(MaxNoteBytes)]
    public static IActionResult Write(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/samples/staff/notes")] HttpRequest request) =>
        new OkObjectResult(new
        {
            staff = StaffIdentity.Of(request),
            note = JsonBody.Of(request).Root.TryGetProperty("note", out var note) ? note.ToString() : null,
        });

    /// <summary>Under the dashboard's prefix and, on purpose, not marked: the route convention guards it all the same.</summary>
    [Function("SampleDashboardUnmarked")]
    public static IActionResult Unmarked(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard/samples/unmarked")] HttpRequest request) =>
        new OkObjectResult(new { staff = StaffIdentity.Of(request) });

    /// <summary>Like the membership's cancel route: the subject's own link with <c>token</c>, staff without it.</summary>
    [Function("SampleStaffOrOwnLink")]
    [StaffOnly(UnlessQuery = "token")]
    public static IActionResult OwnLinkOrStaff(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/samples/staff/links/{id}/cancel")] HttpRequest request,
        string id) =>
        new OkObjectResult(request.Query.ContainsKey("token")
            ? new { id, by = "link" }
            : new { id, by = StaffIdentity.Of(request).Id });
}
