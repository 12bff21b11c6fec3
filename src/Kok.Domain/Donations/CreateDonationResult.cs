namespace Kok.Domain.Donations;

/// <summary>
/// Outcome of <see cref="CreateDonation"/>: <see cref="DonationCreated"/>, <see cref="DonationReplayed"/>,
/// <see cref="DonationInvalid"/> or <see cref="DonationIdempotencyConflict"/>.
/// </summary>
public abstract record CreateDonationResult;
