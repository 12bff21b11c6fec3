using Kok.Domain.Common;

namespace Kok.Domain.SelfService;

/// <param name="Errors">What is wrong with the form when <see cref="Outcome"/> is <see cref="SupporterChangeOutcome.Invalid"/>.</param>
/// <param name="MailSent">Whether the confirmation mail went out (the change stands either way).</param>
public sealed record SupporterChangeResult(
    SupporterChangeOutcome Outcome,
    ValidationErrors? Errors = null,
    bool MailSent = false)
{
    /// <summary>Where the browser goes next, for a change made on the provider's page (a new payment method).</summary>
    public Uri? Url { get; init; }
}
