using Kok.Domain.Membership;
using Kok.Domain.Receipts;
using Kok.Domain.SelfService;
using Kok.Functions.Http;
using Kok.Functions.Membership;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Kok.Functions.SelfService;

/// <summary>
/// "Mein KOK" sign-in and session: the public form that mails a sign-in link (<c>POST /api/me/link</c>), the page
/// the link opens (<c>GET /mein-kok/anmelden</c>) and its form's post that signs in, sign-out, and the overview
/// <c>GET /api/me</c>. Everything under <c>api/me</c> but the link form is guarded by <see cref="SupporterGuardMiddleware"/>.
/// </summary>
public sealed class SelfServiceFunctions(
    RequestSignInLink requestLink,
    SignInWithLink signIn,
    GetSupporterOverview overview,
    DownloadSupporterReceipt download,
    CancelOwnMembership cancelMembership,
    SupporterSessionCookie session,
    TimeProvider time,
    ILogger<SelfServiceFunctions> logger)
{
    /// <summary>
    /// The one answer to every well-formed request, known address or not, as fixed bytes: nothing in it (nor in its
    /// headers) can tell whether a mail went out.
    /// </summary>
    public const string AcceptedBody =
        """{"status":"accepted","message":"Wenn wir diese Adresse kennen, haben wir einen Anmeldelink dorthin geschickt. / If we know this address, we have sent a sign-in link to it."}""";

    [Function("RequestSignInLink")]
    [PublicForm]
    [AcceptsJson(PublicFormAttribute.MaxBodyBytes)]
    public async Task<IActionResult> RequestLink(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "options", Route = HttpEndpoint.SupporterRoutePrefix + "/link")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var root = JsonBody.Of(request).Root;
        var reader = new JsonFormReader();
        var form = new SignInLinkForm(reader.Text(root, "email", "email"), reader.Text(root, "website", "website"));
        try
        {
            if (await requestLink.ExecuteAsync(form with { WrongTypeFields = reader.WrongTypeFields }, cancellationToken) is { } errors)
            {
                return ProblemResults.Validation(errors.ToDictionary());
            }
        }
        catch (SignInLinkNotSentException ex)
        {
            // Failing only for known addresses would tell who gives: the answer stays the same, the person may ask again.
            logger.LogWarning("A sign-in link could not be sent: {ErrorType}.", ex.InnerException?.GetType().Name);
        }

        return new ContentResult { StatusCode = StatusCodes.Status202Accepted, ContentType = "application/json", Content = AcceptedBody };
    }

    /// <summary>The page; public and the same for everyone (its script reads <c>/api/me</c>, which needs the session).</summary>
    [Function("MeinKokPage")]
    public static IActionResult Page(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SelfServiceLinks.PagePath)] HttpRequest request) =>
        SupporterPage.Html(request);

    [Function("ShowSignIn")]
    public async Task<IActionResult> ShowSignIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = SelfServiceLinks.SignInPath)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = MemberPageContext.From(request);
        var check = await signIn.CheckAsync(request.Query["token"].ToString(), cancellationToken);
        return check == SignInLinkCheck.Valid
            ? MemberPage.Html(request, StatusCodes.Status200OK, SignInPage.Show(page))
            : Rejected(request, page, check);
    }

    /// <summary>The sign-in page's form: spends the link, sets the session cookie and goes on to the overview page.</summary>
    [Function("SignIn")]
    public async Task<IActionResult> SignIn(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = SelfServiceLinks.SignInPath)] HttpRequest request,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var page = MemberPageContext.From(request);

        // Another site must not sign a visitor in as someone else (with a link of its own).
        if (CrossSiteRequests.IsCrossSiteWrite(request))
        {
            return ProblemResults.Problem(StatusCodes.Status403Forbidden, "Cross-site request refused.");
        }

        var (check, supporterKey) = await signIn.UseAsync(request.Query["token"].ToString(), cancellationToken);
        if (check != SignInLinkCheck.Valid || supporterKey is null)
        {
            return Rejected(request, page, check);
        }

        session.SignIn(request.HttpContext.Response, supporterKey, time.GetUtcNow());
        MemberPage.ApplyHeaders(request.HttpContext.Response);
        request.HttpContext.Response.Headers.Location = $"/{SelfServiceLinks.PagePath}?lang={(page.English ? "en" : "de")}";
        return new StatusCodeResult(StatusCodes.Status303SeeOther);
    }

    [Function("SignOut")]
    public IActionResult SignOut(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpEndpoint.SupporterRoutePrefix + "/signout")] HttpRequest request)
    {
        ArgumentNullException.ThrowIfNull(request);
        session.SignOut(request.HttpContext.Response);
        return ApiResults.Ok(new { Status = "signed_out" });
    }

    [Function("SupporterOverview")]
    public async Task<IActionResult> Overview(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HttpEndpoint.SupporterRoutePrefix)] HttpRequest request,
        CancellationToken cancellationToken) =>
        ApiResults.Ok(await overview.ExecuteAsync(SupporterIdentity.Of(request).SupporterKey, cancellationToken));

    /// <summary>The archived PDF of one of the supporter's own receipts; any other number is 404, as an unknown one.</summary>
    [Function("SupporterReceiptPdf")]
    public async Task<IActionResult> ReceiptPdf(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = HttpEndpoint.SupporterRoutePrefix + "/receipts/{number}/pdf")] HttpRequest request,
        string number,
        CancellationToken cancellationToken) =>
        await download.ExecuteAsync(SupporterIdentity.Of(request).SupporterKey, number, cancellationToken) is { } file
            ? new FileContentResult(file.Content, RenderedReceipt.ContentType) { FileDownloadName = file.Document.FileName }
            : ProblemResults.Problem(StatusCodes.Status404NotFound, "Receipt not found.");

    /// <summary>Cancels one of the supporter's memberships (see <see cref="CancelOwnMembership"/>); the page shows the answer.</summary>
    [Function("SupporterCancelMembership")]
    public async Task<IActionResult> CancelMembership(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpEndpoint.SupporterRoutePrefix + "/memberships/{id}/cancel")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        await cancelMembership.ExecuteAsync(SupporterIdentity.Of(request).SupporterKey, id, cancellationToken) is MembershipCancelled cancelled
            ? ApiResults.Ok(new MemberCancelledResponse(cancelled.Member.MemberId, cancelled.Outcome, cancelled.Member.Status, cancelled.Member.EndsOn))
            : ProblemResults.Problem(StatusCodes.Status404NotFound, "Membership not found.");

    private static IActionResult Rejected(HttpRequest request, MemberPageContext page, SignInLinkCheck check) =>
        PageOrProblem.Error(request, StatusCodes.Status403Forbidden, "Invalid link.",
            check switch
            {
                SignInLinkCheck.Expired => "This link has expired.",
                SignInLinkCheck.Used => "This link has already been used.",
                _ => "This link is not valid.",
            },
            () => MemberPage.Html(request, StatusCodes.Status403Forbidden, SignInPage.Rejected(page, check)));
}
