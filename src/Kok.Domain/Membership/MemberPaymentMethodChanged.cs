using Kok.Domain.Payments;

namespace Kok.Domain.Membership;

/// <summary>The member's next dues are charged on <paramref name="Method"/>, which replaced one of <paramref name="PreviousKind"/>.</summary>
public sealed record MemberPaymentMethodChanged(string MemberId, SavedPaymentMethod Method, PaymentMethodKind? PreviousKind) : MemberEvent(MemberId);
