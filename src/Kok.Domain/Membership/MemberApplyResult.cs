using Kok.Domain.Donations;

namespace Kok.Domain.Membership;

/// <summary>
/// The effect of <see cref="Member.Apply"/>: the outcome, the events raised and the provider ids the member learned
/// (which the repository must index so later events without our metadata find the member).
/// </summary>
public sealed record MemberApplyResult(
    ApplyOutcome Outcome,
    IReadOnlyList<MemberEvent> Events,
    IReadOnlyList<PaymentReference> NewReferences)
{
    public static MemberApplyResult NoChange { get; } = new(ApplyOutcome.NoChange, [], []);

    public static MemberApplyResult Duplicate { get; } = new(ApplyOutcome.Duplicate, [], []);

    public static MemberApplyResult NotYetApplicable { get; } = new(ApplyOutcome.NotYetApplicable, [], []);
}
