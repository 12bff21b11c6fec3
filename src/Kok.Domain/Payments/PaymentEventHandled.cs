namespace Kok.Domain.Payments;

/// <summary>
/// What a payment webhook use case did with an event, for donations (<typeparamref name="TEvent"/> =
/// <see cref="Donations.DonationEvent"/>) and members (<see cref="Membership.MemberEvent"/>) alike: whose it was (null
/// when no owner was found), the <see cref="PaymentEventDisposition"/> the webhook answers with, and the events raised.
/// </summary>
public sealed record PaymentEventHandled<TEvent>(string? OwnerId, PaymentEventDisposition Disposition, IReadOnlyList<TEvent> Events)
{
    /// <summary>An answer without events (nothing changed, or no owner).</summary>
    public PaymentEventHandled(string? ownerId, PaymentEventDisposition disposition)
        : this(ownerId, disposition, [])
    {
    }

    public bool Found => OwnerId is not null;
}
