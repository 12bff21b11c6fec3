namespace Kok.Domain.SelfService;

public enum MonthlyDonationChangeOutcome
{
    /// <summary>The provider took the change; the donation follows when its confirmation (webhook) arrives.</summary>
    Requested,

    /// <summary>The form is wrong; nothing was done.</summary>
    Invalid,

    /// <summary>Not one of the signed-in supporter's donations (or no such donation): told apart from nothing.</summary>
    NotFound,

    /// <summary>The supporter's, but not a running monthly donation (one-time, not started, ended or ending).</summary>
    NotChangeable,
}
