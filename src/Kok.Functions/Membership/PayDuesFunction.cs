using System.Globalization;
using Kok.Domain.Dues;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Functions.Http;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kok.Functions.Membership;

/// <summary>
/// <c>GET /api/memberships/{id}/dues/pay?token=…</c>, the pay link in dues mails: 303 to the hosted checkout, or a
/// small page (nothing to pay 200, bad link 400, unknown member 404, expired link or ended membership 410; the
/// errors as problem+json for a client that does not ask for HTML, <see cref="PageOrProblem"/>); the provider
/// unreachable is 503 with Retry-After, a page for browsers and problem+json otherwise.
/// </summary>
public sealed class PayDuesFunction(PayOverdueDues payOverdueDues)
{
    [Function("PayDues")]
    public async Task<IActionResult> PayAsync(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/memberships/{id}/dues/pay")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        PayDuesResult result;
        try
        {
            result = await payOverdueDues.ExecuteAsync(id, request.Query["token"].ToString(), cancellationToken);
        }
        catch (PaymentGatewayException ex)
        {
            if (ex.RetryAfter is { } wait)
            {
                request.HttpContext.Response.Headers.RetryAfter = ((int)Math.Ceiling(wait.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
            }

            // A person who clicked the link in a mail gets a page; scripts and tools the problem.
            return PageOrProblem.WantsPage(request)
                ? MemberPage.Html(request, StatusCodes.Status503ServiceUnavailable, DuesPaymentPage.Unavailable(MemberPageContext.From(request)))
                : ProblemResults.Problem(StatusCodes.Status503ServiceUnavailable, "Payment provider unavailable.",
                    "The payment page could not be opened. Please try again in a few minutes.");
        }

        // The URL carries the member's token: every answer, the redirect too, wears the member pages' headers.
        MemberPage.ApplyHeaders(request.HttpContext.Response);
        switch (result)
        {
            case DuesCheckoutStarted started:
                request.HttpContext.Response.Headers.Location = started.CheckoutUrl.ToString();
                return new StatusCodeResult(StatusCodes.Status303SeeOther);
            case PayDuesLinkRejected rejected:
                var expired = rejected.Reason == LinkTokenCheck.Expired;
                var status = expired ? StatusCodes.Status410Gone : StatusCodes.Status400BadRequest;
                return PageOrProblem.Error(request, status, expired ? "Link expired." : "Invalid link.", null,
                    () => MemberPage.Html(request, status, CancellationPage.Rejected(MemberPageContext.From(request), rejected.Reason)));
            case NoDuesToPay { MembershipEnded: true } ended:
                return PageOrProblem.Error(request, StatusCodes.Status410Gone, "Membership ended.", null,
                    () => MemberPage.Html(request, StatusCodes.Status410Gone, DuesPaymentPage.NothingToPay(MemberPageContext.From(request, ended.Locale), ended)));
            case NoDuesToPay nothing:
                return MemberPage.Html(request, StatusCodes.Status200OK, DuesPaymentPage.NothingToPay(MemberPageContext.From(request, nothing.Locale), nothing));
            default:
                return PageOrProblem.Error(request, StatusCodes.Status404NotFound, "Membership not found.", null,
                    () => MemberPage.Html(request, StatusCodes.Status404NotFound, CancellationPage.NotFound(MemberPageContext.From(request))));
        }
    }
}
