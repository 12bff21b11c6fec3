namespace Kok.Domain.Payments;

/// <summary>What one provider event did to a donation or member, before the aggregate turns it into its result.</summary>
public enum PaymentEffect
{
    Changed,
    Unchanged,

    /// <summary>The event refers to something not known yet (a refund before its payment); the provider retries it.</summary>
    NotYetApplicable,
}
