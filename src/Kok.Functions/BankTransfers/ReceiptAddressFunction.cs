using Kok.Domain.BankTransfers;
using Kok.Domain.Dashboard;
using Kok.Functions.Dashboard;
using Kok.Functions.Http;
using Kok.Functions.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kok.Functions.BankTransfers;

/// <summary>
/// <c>POST /api/dashboard/donations/{id}/receipt-address {"address": {"street", "postalCode", "city", "country"}, "email"?: "…"}</c>,
/// staff only: the address (and maybe e-mail) a donation made from a bank statement line needs for its receipt,
/// which is then issued (<see cref="AddReceiptAddress"/>). 200, 400 naming the field, 404, 409.
/// </summary>
[StaffOnly]
public sealed class ReceiptAddressFunction(AddReceiptAddress addReceiptAddress)
{
    public const int MaxBodyBytes = 2048;

    [Function("AddDonationReceiptAddress")]
    [AcceptsJson(MaxBodyBytes)]
    public async Task<IActionResult> Add(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/dashboard/donations/{id}/receipt-address")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var reader = new JsonFormReader();
        var root = JsonBody.Of(request).Root;
        var address = ContactFormReader.Address(reader, root, AddReceiptAddress.AddressField);
        var email = reader.Text(root, "email", AddReceiptAddress.EmailField);
        var staff = StaffIdentity.Of(request);
        var result = await addReceiptAddress.ExecuteAsync(id, new(address, email, reader.WrongTypeFields), staff.Id, staff.Name, cancellationToken);
        return result.Outcome switch
        {
            StaffActionOutcome.Done => ApiResults.Ok(new { DonationId = id, Status = "receipt_requested" }),
            StaffActionOutcome.Invalid => StaffProblems.Validation(result.Errors!, null),
            StaffActionOutcome.NotFound => ProblemResults.Problem(StatusCodes.Status404NotFound, "Donation not found."),
            _ => StaffProblems.Problem(StatusCodes.Status409Conflict, StaffErrorCodes.ReceiptAddressNotWanted, "No address wanted.", result.Reason!),
        };
    }
}
