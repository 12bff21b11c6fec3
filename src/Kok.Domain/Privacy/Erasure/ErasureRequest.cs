using Kok.Domain.Common;

namespace Kok.Domain.Privacy.Erasure;

/// <summary>
/// A validated erasure request (Art. 17 DSGVO): whose data (the address they gave), why (kept in the audit trail
/// only as "given"; it may name the person), whether staff confirmed (else only the plan is answered) and when a
/// running membership ends. The reason is required only with the confirmation: the plan changes nothing and is not
/// recorded, so asking staff for a reason before they have seen what would go only invites placeholders. A reason
/// given with the plan is still checked, so a bad one is named before staff confirm.
/// </summary>
public sealed record ErasureRequest(string Email, string? Reason, bool Confirm, MembershipEndChoice MembershipEnd)
{
    public const int MaxReasonLength = 500;

    public static IReadOnlyDictionary<string, MembershipEndChoice> MembershipEnds { get; } =
        new Dictionary<string, MembershipEndChoice>(StringComparer.Ordinal)
        {
            ["period_end"] = MembershipEndChoice.PeriodEnd,
            ["now"] = MembershipEndChoice.Now,
        };

    public static Validated<ErasureRequest> Validate(ErasureForm form, IReadOnlyCollection<string> wrongTypeFields)
    {
        ArgumentNullException.ThrowIfNull(form);
        ArgumentNullException.ThrowIfNull(wrongTypeFields);
        var errors = new ValidationErrors();
        FieldRules.WrongType(errors, wrongTypeFields);
        var email = FieldRules.Email(errors, "email", form.Email);
        var confirm = form.Confirm ?? false;
        var reason = confirm || !string.IsNullOrWhiteSpace(form.Reason)
            ? FieldRules.RequiredText(errors, "reason", form.Reason, MaxReasonLength)
            : null;
        var end = form.MembershipEnd is null
            ? MembershipEndChoice.PeriodEnd
            : FieldRules.Choice(errors, "membershipEnd", form.MembershipEnd, MembershipEnds);
        return errors.IsEmpty && email is not null && (reason is not null || !confirm) && end is { } choice
            ? new Validated<ErasureRequest>(new ErasureRequest(email, reason, confirm, choice))
            : new Validated<ErasureRequest>(errors);
    }
}
