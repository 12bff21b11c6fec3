namespace Kok.Domain.Receipts;

/// <summary>
/// Whose Sammelbestätigung for which year: a donor key (<see cref="AnnualReceiptGrouping"/>) and a payment year, with
/// the group's donations when they are already known (the annual run's message names them; otherwise the index is asked).
/// </summary>
public sealed record AnnualReceiptGroup(int Year, ReceiptDonorKey DonorKey, IReadOnlyCollection<string>? DonationIds = null);
