using Kok.Domain.BankTransfers;

namespace Kok.Domain.Donations;

/// <summary>
/// A donation by bank transfer was stored, pending until the money arrives with <paramref name="Code"/> (HTTP 201);
/// also the answer to a repeat under the same idempotency key.
/// </summary>
public sealed record TransferDonationCreated(string DonationId, long AmountCents, ReferenceCode Code, BankAccount Account) : CreateDonationResult;
