using Kok.Domain.SelfService;
using Kok.Functions.Http;
using Kok.Functions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Extensions.Logging;

namespace Kok.Functions.SelfService;

/// <summary>
/// "Mein KOK": the signed-in donor changes a running monthly donation (<see cref="ChangeOwnMonthlyDonation"/>):
/// <c>POST /api/me/donations/{id}/amount {"amount": 30}</c>, <c>…/pause {"months": 2}</c>, <c>…/cancel</c>. Each answers
/// 202 once the payment provider took the change (the donation follows with the provider's confirmation); guarded as
/// every <c>api/me</c> route (<see cref="SupporterGuardMiddleware"/>).
/// </summary>
public sealed class SupporterDonationFunctions(ChangeOwnMonthlyDonation change, ILogger<SupporterDonationFunctions> logger)
{
    private const int MaxBodyBytes = 1024;

    [Function("SupporterChangeDonationAmount")]
    [AcceptsJson(MaxBodyBytes)]
    public Task<IActionResult> ChangeAmount(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpEndpoint.SupporterRoutePrefix + "/donations/{id}/amount")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        ChangeAsync(request, id, MonthlyDonationChangeKind.Amount, cancellationToken);

    [Function("SupporterPauseDonation")]
    [AcceptsJson(MaxBodyBytes)]
    public Task<IActionResult> Pause(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpEndpoint.SupporterRoutePrefix + "/donations/{id}/pause")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        ChangeAsync(request, id, MonthlyDonationChangeKind.Pause, cancellationToken);

    [Function("SupporterCancelDonation")]
    public Task<IActionResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpEndpoint.SupporterRoutePrefix + "/donations/{id}/cancel")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        ChangeAsync(request, id, MonthlyDonationChangeKind.Cancel, cancellationToken);

    private async Task<IActionResult> ChangeAsync(HttpRequest request, string id, MonthlyDonationChangeKind kind, CancellationToken cancellationToken)
    {
        var result = await change.ExecuteAsync(SupporterIdentity.Of(request).SupporterKey, id, Form(request, kind), cancellationToken);
        if (result.Outcome == MonthlyDonationChangeOutcome.Requested && !result.MailSent)
        {
            logger.LogWarning("The confirmation mail of a monthly donation change was not sent.");
        }

        return result.Outcome switch
        {
            MonthlyDonationChangeOutcome.Requested => new JsonResult(new { Status = "requested", DonationId = id, Change = kind.ToString().ToLowerInvariant(), result.MailSent }, KokJson.Options)
            {
                StatusCode = StatusCodes.Status202Accepted,
            },
            MonthlyDonationChangeOutcome.Invalid => ProblemResults.Validation(result.Errors!.ToDictionary()),
            MonthlyDonationChangeOutcome.NotChangeable => ProblemResults.Problem(
                StatusCodes.Status409Conflict, "This donation is not a running monthly donation and cannot be changed."),
            _ => ProblemResults.Problem(StatusCodes.Status404NotFound, "Donation not found."),
        };
    }

    private static MonthlyDonationChangeForm Form(HttpRequest request, MonthlyDonationChangeKind kind)
    {
        if (kind == MonthlyDonationChangeKind.Cancel)
        {
            return new MonthlyDonationChangeForm(kind);
        }

        var root = JsonBody.Of(request).Root;
        var reader = new JsonFormReader();
        return kind == MonthlyDonationChangeKind.Amount
            ? new MonthlyDonationChangeForm(kind, Amount: reader.Number(root, "amount", "amount")) { WrongTypeFields = reader.WrongTypeFields }
            : new MonthlyDonationChangeForm(kind, Months: reader.Number(root, "months", "months")) { WrongTypeFields = reader.WrongTypeFields };
    }
}
