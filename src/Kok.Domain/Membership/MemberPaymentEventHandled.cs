using Kok.Domain.Payments;

namespace Kok.Domain.Membership;

/// <summary>
/// Result of <see cref="HandleMemberPaymentEvent"/>: the member it concerned (null when none was found), what the
/// provider should be told, and the events raised.
/// </summary>
public sealed record MemberPaymentEventHandled(
    string? MemberId,
    PaymentEventDisposition Disposition,
    IReadOnlyList<MemberEvent> Events)
{
    public bool Found => MemberId is not null;
}
