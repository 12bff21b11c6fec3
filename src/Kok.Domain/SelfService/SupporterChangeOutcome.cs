namespace Kok.Domain.SelfService;

/// <summary>How a change on "Mein KOK" (a monthly donation, a membership's amount) went.</summary>
public enum SupporterChangeOutcome
{
    /// <summary>Done, or for a monthly donation: the provider took the change and the donation follows with its confirmation (webhook).</summary>
    Requested,

    /// <summary>The form is wrong; nothing was done.</summary>
    Invalid,

    /// <summary>Not one of the signed-in supporter's donations (or no such donation): told apart from nothing.</summary>
    NotFound,

    /// <summary>The supporter's, but not one that can change (a donation not running monthly, a membership whose dues no longer run).</summary>
    NotChangeable,
}
