using System.Text.Json.Serialization;
using Kok.Functions.BankTransfers;

namespace Kok.Functions.Donations;

/// <summary>
/// The 201 body of <c>POST /api/donations</c>; a replay with the same Idempotency-Key gets the same. A checkout's
/// answer carries <see cref="CheckoutUrl"/>, a bank transfer's <see cref="BankTransfer"/> instead.
/// </summary>
public sealed record DonationCreatedResponse(
    string DonationId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CheckoutUrl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TransferInstructionsResponse? BankTransfer = null);
