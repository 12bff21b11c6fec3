using Kok.Domain.Common;

namespace Kok.Domain.Privacy.ErasureRequests;

/// <summary>What asking for erasure on "Mein KOK" led to: the open request (new or earlier), or why there is none.</summary>
public sealed record ErasureRequestResult(
    ErasureRequestOutcome Outcome, OpenErasureRequest? Request = null, ValidationErrors? Errors = null, bool MailSent = false);
