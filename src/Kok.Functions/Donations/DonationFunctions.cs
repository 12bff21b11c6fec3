using Kok.Domain.Donations;
using Kok.Functions.BankTransfers;
using Kok.Functions.Http;
using Kok.Functions.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kok.Functions.Donations;

/// <summary>The donation endpoints: the public form's <c>POST /api/donations</c> and staff's status read.</summary>
public sealed class DonationFunctions(
    CreateDonation createDonation,
    GetDonation getDonation)
{
    [Function("CreateDonation")]
    [PublicForm]
    [AcceptsJson(PublicFormAttribute.MaxBodyBytes)]
    public async Task<IActionResult> Create(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", "options", Route = "api/donations")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var form = DonationFormReader.Read(JsonBody.Of(request).Root);
        var result = await createDonation.ExecuteAsync(form, PublicFormMiddleware.IdempotencyKey(request), cancellationToken);
        return result switch
        {
            DonationCreated created => Created(created.DonationId, created.CheckoutUrl),
            DonationReplayed replayed => Created(replayed.DonationId, replayed.CheckoutUrl),
            TransferDonationCreated transfer => ApiResults.Created(
                new DonationCreatedResponse(transfer.DonationId, null, TransferInstructionsResponse.From(transfer))),
            DonationInvalid invalid => ProblemResults.Validation(invalid.Errors),
            DonationIdempotencyConflict => ProblemResults.Problem(StatusCodes.Status422UnprocessableEntity,
                "Idempotency-Key reused.", "This Idempotency-Key was already used with a different body."),
            _ => throw new InvalidOperationException($"Unexpected result {result.GetType().Name}."),
        };
    }

    [Function("GetDonation")]
    [StaffOnly]
    public async Task<IActionResult> Get(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/donations/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        return await getDonation.ExecuteAsync(id, cancellationToken) is { } view
            ? ApiResults.Ok(view)
            : ProblemResults.Problem(StatusCodes.Status404NotFound, "Donation not found.");
    }

    private static JsonResult Created(string donationId, Uri checkoutUrl) =>
        ApiResults.Created(new DonationCreatedResponse(donationId, checkoutUrl.ToString()));
}
