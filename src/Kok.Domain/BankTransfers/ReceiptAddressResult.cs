using Kok.Domain.Dashboard;

namespace Kok.Domain.BankTransfers;

/// <summary>
/// The answer of <see cref="AddReceiptAddress"/>: Done (the receipt is on its way), Invalid (<see cref="Errors"/> per
/// field), NotFound, or Conflict (<see cref="Reason"/>: given before, or not paid).
/// </summary>
public sealed record ReceiptAddressResult(
    StaffActionOutcome Outcome,
    IReadOnlyDictionary<string, string[]>? Errors = null,
    string? Reason = null);
