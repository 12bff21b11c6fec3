namespace Kok.Domain.Payments;

/// <summary>
/// Changes a running subscription (a monthly donation) at the payment provider. The provider confirms each change by
/// an event (<see cref="SubscriptionUpdated"/>), which is what changes the donation: our tables learn only what the
/// provider really holds. Idempotent by <see cref="SubscriptionChange.IdempotencyKey"/>; an unreachable or refusing
/// provider throws <see cref="PaymentGatewayException"/>.
/// </summary>
public interface ISubscriptionGateway
{
    Task ChangeAsync(SubscriptionChange change, CancellationToken cancellationToken);
}
