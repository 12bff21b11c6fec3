namespace Kok.Domain.Membership;

/// <summary>
/// Asks the mailer for one member mail. Ids only: no personal data sits in the queue. Delivery is at least once; the
/// consumer must send at most once per (<see cref="Kind"/>, <see cref="MemberId"/>) and builds the mail with
/// <see cref="ComposeMemberMail"/>, which re-checks that it is still due.
/// </summary>
public sealed record MemberMailRequest(MemberMailKind Kind, string MemberId);
