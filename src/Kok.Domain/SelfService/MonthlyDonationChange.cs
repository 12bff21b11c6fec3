namespace Kok.Domain.SelfService;

/// <summary>
/// A change a donor made to a monthly donation: its kind and, for a new amount, the amount from the next payment on;
/// for a pause, the day before which nothing is collected.
/// </summary>
public sealed record MonthlyDonationChange(MonthlyDonationChangeKind Kind, long? AmountCents = null, DateTimeOffset? PauseUntil = null);
