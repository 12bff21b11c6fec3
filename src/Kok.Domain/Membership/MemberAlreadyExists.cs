namespace Kok.Domain.Membership;

/// <summary>
/// A membership for the same name and email address is active or still pending (HTTP 409). <see cref="Advice"/>
/// tells the person what to do instead of signing up again.
/// </summary>
public sealed record MemberAlreadyExists(MembershipStatus ExistingStatus) : CreateMemberResult
{
    public string Advice => ExistingStatus switch
    {
        MembershipStatus.Pending =>
            "You started signing up less than a day ago and the payment is still open. Please finish it on the payment page you were sent to; if you closed it, you can sign up again after 24 hours or ask the KOK office to help.",
        MembershipStatus.Processing =>
            "You are already signed up and your SEPA direct debit is being processed. You will get an e-mail as soon as it has gone through; there is no need to sign up again.",
        MembershipStatus.Cancelling =>
            "You are a supporting member until the end of your paid period and have cancelled. If you would like to stay, please write to the KOK office instead of signing up again.",
        _ =>
            "You are already a supporting member with this name and e-mail address; there is no need to sign up again. To change your membership, please write to the KOK office; to end it, use the personal link in our e-mails.",
    };
}
