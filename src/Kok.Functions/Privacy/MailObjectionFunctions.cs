using Kok.Domain.Privacy;
using Kok.Functions.Http;
using Kok.Functions.Membership;
using Kok.Functions.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kok.Functions.Privacy;

/// <summary>
/// Objections to mail (Art. 21 DSGVO): the unsubscribe link of optional mails (<c>GET /unsubscribe?token=…</c> shows
/// the page, its form's <c>POST</c> records; a mail program's one-click <c>POST</c> with
/// <c>List-Unsubscribe=One-Click</c> records as well), and staff recording one for an address they were given
/// (<c>POST /api/dashboard/privacy/objections {"email": …}</c>, audited).
/// </summary>
public sealed class MailObjectionFunctions(RecordMailObjection record)
{
    public const int MaxBodyBytes = 4 * 1024;

    [Function("ShowUnsubscribe")]
    public static IActionResult Show(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = MailObjectionLinks.Path)] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = MemberPageContext.From(request);
        return MailObjectionKey.TryParse(page.Token) is null
            ? Rejected(request, page)
            : MemberPage.Html(request, StatusCodes.Status200OK, UnsubscribePage.Show(page));
    }

    /// <summary>
    /// The page's form and the mail program's one-click post alike. No cross-site check: the one-click post comes
    /// from the mail provider's servers, and a post from anywhere can only do what the link's owner asked for.
    /// </summary>
    [Function("Unsubscribe")]
    public async Task<IActionResult> Unsubscribe(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = MailObjectionLinks.Path)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = MemberPageContext.From(request);
        return await record.ByLinkAsync(page.Token, cancellationToken) is { } outcome
            ? MemberPage.Html(request, StatusCodes.Status200OK, UnsubscribePage.Done(page, outcome))
            : Rejected(request, page);
    }

    [Function("RecordMailObjection")]
    [StaffOnly]
    [AcceptsJson(MaxBodyBytes)]
    public async Task<IActionResult> RecordByStaff(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/dashboard/privacy/objections")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var root = JsonBody.Of(request).Root;
        var reader = new JsonFormReader();
        var email = reader.Text(root, "email", "email");
        var staff = StaffIdentity.Of(request);
        var (errors, outcome) = await record.ByStaffAsync(email, reader.WrongTypeFields, staff.Id, staff.Name, cancellationToken);
        return errors is not null
            ? ProblemResults.Validation(errors.ToDictionary())
            : ApiResults.Ok(new { Outcome = outcome == MailObjectionOutcome.Recorded ? "recorded" : "already_recorded" });
    }

    private static IActionResult Rejected(HttpRequest request, MemberPageContext page) =>
        PageOrProblem.Error(request, StatusCodes.Status400BadRequest, "Invalid link.", "The link's token is missing or not complete.",
            () => MemberPage.Html(request, StatusCodes.Status400BadRequest, UnsubscribePage.Rejected(page)));
}
