namespace Kok.Domain.Payments;

/// <summary>
/// The outcome of <see cref="CheckoutIdempotency.ClaimAsync"/>: the key belongs to another request
/// (<see cref="IsConflict"/>); the same request was answered before (<see cref="ReplayUrl"/>, its checkout page);
/// or the subject is to be created under <see cref="Id"/>.
/// </summary>
public sealed record CheckoutClaim(string Id, Uri? ReplayUrl, bool IsConflict);
