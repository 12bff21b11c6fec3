using Kok.Domain.Membership;
using Kok.Functions.Http;
using Kok.Functions.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kok.Functions.Membership;

/// <summary>
/// The membership endpoints: the public form's <c>POST /api/memberships</c>, staff's read, and the member's personal
/// cancellation link (<c>GET</c> shows, <c>POST</c> cancels; without a token only staff may cancel).
/// </summary>
public sealed class MembershipFunctions(
    CreateMember createMember,
    GetMember getMember,
    CancelMembership cancelMembership)
{
    private const string MemberLinkToken = "token";

    [Function("CreateMembership")]
    [PublicForm]
    [AcceptsJson(PublicFormAttribute.MaxBodyBytes)]
    public async Task<IActionResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "options", Route = "api/memberships")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var form = MembershipFormReader.Read(JsonBody.Of(request).Root);
        var result = await createMember.ExecuteAsync(form, PublicFormMiddleware.IdempotencyKey(request), cancellationToken);
        return result switch
        {
            MemberCreated created => Created(created.MemberId, created.CheckoutUrl),
            MemberReplayed replayed => Created(replayed.MemberId, replayed.CheckoutUrl),
            TransferMemberCreated transfer => ApiResults.Created(new MemberCreatedResponse(
                transfer.MemberId, null, BankTransfers.TransferInstructionsResponse.From(transfer.Account, transfer.AnnualAmountCents, transfer.Code))),
            MemberInvalid invalid => ProblemResults.Validation(invalid.Errors),
            MemberAlreadyExists exists => AlreadyExists(exists),
            MemberIdempotencyConflict => ProblemResults.Problem(StatusCodes.Status422UnprocessableEntity,
                "Idempotency-Key reused.", "This Idempotency-Key was already used with a different body."),
            _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}."),
        };
    }

    [Function("GetMembership")]
    [StaffOnly]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/memberships/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        return await getMember.ExecuteAsync(id, cancellationToken) is { } view
            ? ApiResults.Ok(view)
            : ProblemResults.Problem(StatusCodes.Status404NotFound, "Membership not found.");
    }

    [Function("ShowMembershipCancellation")]
    public async Task<IActionResult> ShowCancellation(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/memberships/{id}/cancel")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = await cancelMembership.ShowAsync(id, request.Query["token"].ToString(), cancellationToken);
        return result switch
        {
            CancelPageShown shown => MemberPage.Html(request, StatusCodes.Status200OK,
                CancellationPage.Show(MemberPageContext.From(request, shown.Member.Locale), shown)),
            CancelLinkRejected rejected => LinkRejected(request, rejected),
            _ => MembershipNotFound(request),
        };
    }

    /// <summary>The member's own link carries <c>token</c> (checked by the use case); without it, staff only.</summary>
    [Function("CancelMembership")]
    [StaffOnly(UnlessQuery = MemberLinkToken)]
    public async Task<IActionResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/memberships/{id}/cancel")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var result = request.Query.TryGetValue(MemberLinkToken, out var token)
            ? await cancelMembership.ByMemberAsync(id, token.ToString(), cancellationToken)
            : await cancelMembership.ByStaffAsync(id, StaffIdentity.Of(request).Id, cancellationToken);

        return result switch
        {
            MembershipCancelled cancelled => Answer(request, !PageOrProblem.WantsPage(request), cancelled),
            CancelLinkRejected rejected => LinkRejected(request, rejected),
            _ => MembershipNotFound(request),
        };
    }

    private static IActionResult Answer(HttpRequest request, bool json, MembershipCancelled cancelled)
    {
        var response = new MemberCancelledResponse(cancelled.Member.MemberId, cancelled.Outcome, cancelled.Member.Status, cancelled.Member.EndsOn);
        return json
            ? ApiResults.Ok(response)
            : MemberPage.Html(request, StatusCodes.Status200OK,
                CancellationPage.Cancelled(MemberPageContext.From(request, cancelled.Member.Locale), response, cancelled.Member));
    }

    private static IActionResult LinkRejected(HttpRequest request, CancelLinkRejected rejected) =>
        PageOrProblem.Error(request, StatusCodes.Status403Forbidden, "Invalid link.",
            rejected.Reason == LinkTokenCheck.Expired ? "This link has expired." : "This link is not valid.",
            () => MemberPage.Html(request, StatusCodes.Status403Forbidden, CancellationPage.Rejected(MemberPageContext.From(request), rejected.Reason)));

    private static IActionResult MembershipNotFound(HttpRequest request) =>
        PageOrProblem.Error(request, StatusCodes.Status404NotFound, "Membership not found.", null,
            () => MemberPage.Html(request, StatusCodes.Status404NotFound, CancellationPage.NotFound(MemberPageContext.From(request))));

    private static ObjectResult AlreadyExists(MemberAlreadyExists exists)
    {
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict,
            Title = "Membership already exists.",
            Detail = exists.Advice,
            Type = "https://tools.ietf.org/html/rfc9110#section-15.5.10",
        };

        // Lets the form show its own German or English text for the case.
        problem.Extensions["existingStatus"] = System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(exists.ExistingStatus.ToString());
        var result = new ObjectResult(problem) { StatusCode = StatusCodes.Status409Conflict };
        result.ContentTypes.Add(ProblemResults.ContentType);
        return result;
    }

    private static JsonResult Created(string memberId, Uri checkoutUrl) =>
        ApiResults.Created(new MemberCreatedResponse(memberId, checkoutUrl.ToString()));
}
