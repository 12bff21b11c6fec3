namespace Kok.Domain.Membership;

/// <summary>
/// Where a supporting membership stands. The allowed moves between them are in <see cref="MembershipTransitions"/>:
/// <c>pending → processing → active → (overdue → lapsed) → cancelling → ended</c>.
/// </summary>
public enum MembershipStatus
{
    /// <summary>Signed up; the first year's dues are not paid (checkout open, abandoned, or its payment failed).</summary>
    Pending,

    /// <summary>Checkout finished with a SEPA debit that Stripe has not settled yet.</summary>
    Processing,

    /// <summary>Dues paid: a member until <c>PaidThrough</c>, renewing on <c>NextDuesDate</c>.</summary>
    Active,

    /// <summary>The next year's dues were not collected on time (set by the dues run).</summary>
    Overdue,

    /// <summary>Dues stayed unpaid past the grace period (set by the dues run); no longer a member.</summary>
    Lapsed,

    /// <summary>Cancelled by the member or staff; stays a member until the end of the paid period, no more dues.</summary>
    Cancelling,

    /// <summary>Over. Terminal.</summary>
    Ended,
}
