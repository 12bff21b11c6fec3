namespace Kok.Domain.Donations;

/// <summary>
/// The effect of <see cref="Donation.Apply"/>: the outcome, the domain events raised and the provider ids the
/// donation learned (which the repository must index so later events find the donation).
/// </summary>
public sealed record ApplyResult(
    ApplyOutcome Outcome,
    IReadOnlyList<DonationEvent> Events,
    IReadOnlyList<PaymentReference> NewReferences)
{
    public static ApplyResult NoChange { get; } = new(ApplyOutcome.NoChange, [], []);

    public static ApplyResult Duplicate { get; } = new(ApplyOutcome.Duplicate, [], []);

    public static ApplyResult NotYetApplicable { get; } = new(ApplyOutcome.NotYetApplicable, [], []);
}
