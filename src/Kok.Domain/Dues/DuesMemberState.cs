using Kok.Domain.Membership;

namespace Kok.Domain.Dues;

/// <summary>
/// What the dues run knows about one member's current dues cycle. <see cref="PreNotifiedOn"/>,
/// <see cref="ChargeRequestedOn"/>, <see cref="LastFailedChargeOn"/> and <see cref="RemindersSent"/> all belong to the
/// cycle of <see cref="NextDuesDate"/> and are reset when it moves on.
/// </summary>
public sealed record DuesMemberState(
    MembershipStatus Status,
    DateOnly? NextDuesDate,
    DateOnly? PreNotifiedOn = null,
    DateOnly? ChargeRequestedOn = null,
    DateOnly? LastFailedChargeOn = null,
    int RemindersSent = 0);
