using System.Text.Json.Serialization;
using Kok.Functions.BankTransfers;

namespace Kok.Functions.Membership;

/// <summary>
/// The 201 body of <c>POST /api/memberships</c>; a replay with the same Idempotency-Key gets the same. A checkout's
/// answer carries <see cref="CheckoutUrl"/>, a sign-up by bank transfer <see cref="BankTransfer"/> instead (account,
/// first year's dues, the member's reference code and the GiroCode).
/// </summary>
public sealed record MemberCreatedResponse(
    string MemberId,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? CheckoutUrl,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] TransferInstructionsResponse? BankTransfer = null);
