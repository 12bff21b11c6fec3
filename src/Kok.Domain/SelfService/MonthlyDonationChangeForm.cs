namespace Kok.Domain.SelfService;

/// <param name="Amount">The new monthly amount in euros (<see cref="MonthlyDonationChangeKind.Amount"/> only).</param>
/// <param name="Months">How many months to pause (<see cref="MonthlyDonationChangeKind.Pause"/> only).</param>
/// <param name="WrongTypeFields">Fields sent with a JSON type other than expected.</param>
public sealed record MonthlyDonationChangeForm(
    MonthlyDonationChangeKind Kind,
    decimal? Amount = null,
    decimal? Months = null,
    IReadOnlyCollection<string>? WrongTypeFields = null);
