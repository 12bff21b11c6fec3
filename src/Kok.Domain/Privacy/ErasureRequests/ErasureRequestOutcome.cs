namespace Kok.Domain.Privacy.ErasureRequests;

public enum ErasureRequestOutcome
{
    /// <summary>A new request was recorded.</summary>
    Requested,

    /// <summary>One was open already: it is answered again, nothing is recorded twice.</summary>
    AlreadyOpen,

    Invalid,

    /// <summary>Nothing is stored under the session's address (erased meanwhile): there is nothing to ask for.</summary>
    NotFound,
}
