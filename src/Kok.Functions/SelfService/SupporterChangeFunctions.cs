using Kok.Domain.Payments;
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
/// 202 once the payment provider took the change (the donation follows with the provider's confirmation). A member
/// sets a new annual amount (<see cref="ChangeOwnMembershipAmount"/>, <c>POST /api/me/memberships/{id}/amount</c>).
/// Either asks for another card or SEPA mandate (<see cref="StartPaymentMethodChange"/>,
/// <c>POST /api/me/donations/{id}/payment-method</c>, <c>POST /api/me/memberships/{id}/payment-method</c>, no body):
/// 200 with the provider's page to go to; the method changes only once the provider confirms it. A new postal address
/// for the receipts to come (<see cref="ChangeOwnAddress"/>, <c>POST /api/me/address {"address": {…}, "wantsReceipt"?: true}</c>) → 200.
/// Guarded as every <c>api/me</c> route (<see cref="SupporterGuardMiddleware"/>).
/// </summary>
public sealed class SupporterChangeFunctions(
    ChangeOwnMonthlyDonation change,
    ChangeOwnMembershipAmount changeMembership,
    StartPaymentMethodChange paymentMethods,
    ChangeOwnAddress changeAddress,
    ILogger<SupporterChangeFunctions> logger)
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

    /// <summary>A new annual amount of one of the member's memberships, from the next dues: <c>{"annualAmount": 80}</c> → 200.</summary>
    [Function("SupporterChangeMembershipAmount")]
    [AcceptsJson(MaxBodyBytes)]
    public async Task<IActionResult> ChangeMembershipAmount(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpEndpoint.SupporterRoutePrefix + "/memberships/{id}/amount")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var reader = new JsonFormReader();
        var amount = reader.Number(JsonBody.Of(request).Root, "annualAmount", "annualAmount");
        var result = await changeMembership.ExecuteAsync(SupporterIdentity.Of(request).SupporterKey, id, amount, reader.WrongTypeFields, cancellationToken);
        return Answer(result, StatusCodes.Status200OK, new { Status = "changed", MemberId = id, result.MailSent }, "Membership");
    }

    [Function("SupporterChangeAddress")]
    [AcceptsJson(2 * MaxBodyBytes)]
    public async Task<IActionResult> ChangeAddress(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpEndpoint.SupporterRoutePrefix + "/address")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var reader = new JsonFormReader();
        var root = JsonBody.Of(request).Root;
        var address = ContactFormReader.Address(reader, root, "address");
        var wantsReceipt = reader.Flag(root, "wantsReceipt", "wantsReceipt");
        var result = await changeAddress.ExecuteAsync(SupporterIdentity.Of(request).SupporterKey, address, wantsReceipt, reader.WrongTypeFields, cancellationToken);
        return Answer(result, StatusCodes.Status200OK, new { Status = "changed", result.MailSent }, "Supporter");
    }

    [Function("SupporterChangeDonationPaymentMethod")]
    public Task<IActionResult> ChangeDonationPaymentMethod(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpEndpoint.SupporterRoutePrefix + "/donations/{id}/payment-method")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        PaymentMethodAsync(() => paymentMethods.ForDonationAsync(SupporterIdentity.Of(request).SupporterKey, id, cancellationToken), "Donation");

    [Function("SupporterChangeMembershipPaymentMethod")]
    public Task<IActionResult> ChangeMembershipPaymentMethod(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = HttpEndpoint.SupporterRoutePrefix + "/memberships/{id}/payment-method")] HttpRequest request,
        string id,
        CancellationToken cancellationToken) =>
        PaymentMethodAsync(() => paymentMethods.ForMembershipAsync(SupporterIdentity.Of(request).SupporterKey, id, cancellationToken), "Membership");

    private async Task<IActionResult> PaymentMethodAsync(Func<Task<SupporterChangeResult>> start, string what)
    {
        SupporterChangeResult result;
        try
        {
            result = await start();
        }
        catch (PaymentGatewayException ex) when (!ex.IsTransient)
        {
            logger.LogWarning("Stripe refused a payment method setup: {Reason}", ex.Message);
            return ProblemResults.Problem(StatusCodes.Status409Conflict, "The payment provider refused the change.");
        }

        // Nothing is mailed yet: the confirmation follows the provider's.
        return result.Outcome == SupporterChangeOutcome.Requested
            ? new JsonResult(new { Status = "redirect", result.Url }, KokJson.Options) { StatusCode = StatusCodes.Status200OK }
            : Answer(result, StatusCodes.Status200OK, null!, what);
    }

    private async Task<IActionResult> ChangeAsync(HttpRequest request, string id, MonthlyDonationChangeKind kind, CancellationToken cancellationToken)
    {
        SupporterChangeResult result;
        try
        {
            result = await change.ExecuteAsync(SupporterIdentity.Of(request).SupporterKey, id, Form(request, kind), cancellationToken);
        }
        catch (PaymentGatewayException ex) when (!ex.IsTransient)
        {
            // Stripe refused (the subscription changed there meanwhile, say): nothing was changed; not the page's fault,
            // and no 5xx. A transient failure stays a 503 with Retry-After (ServiceUnavailableMiddleware).
            logger.LogWarning("Stripe refused a monthly donation change: {Reason}", ex.Message);
            return ProblemResults.Problem(StatusCodes.Status409Conflict, "The payment provider refused the change.");
        }

        return Answer(result, StatusCodes.Status202Accepted, new { Status = "requested", DonationId = id, Change = kind.ToString().ToLowerInvariant(), result.MailSent }, "Donation");
    }

    private IActionResult Answer(SupporterChangeResult result, int doneStatus, object done, string what)
    {
        if (result.Outcome == SupporterChangeOutcome.Requested && !result.MailSent)
        {
            logger.LogWarning("The confirmation mail of a Mein KOK change ({What}) was not sent.", what);
        }

        return result.Outcome switch
        {
            SupporterChangeOutcome.Requested => new JsonResult(done, KokJson.Options) { StatusCode = doneStatus },
            SupporterChangeOutcome.Invalid => ProblemResults.Validation(result.Errors!.ToDictionary()),
            SupporterChangeOutcome.NotChangeable => ProblemResults.Problem(StatusCodes.Status409Conflict, $"{what} cannot be changed any more."),
            _ => ProblemResults.Problem(StatusCodes.Status404NotFound, $"{what} not found."),
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
