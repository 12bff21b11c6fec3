using Kok.Domain.BankTransfers;

namespace Kok.Domain.Membership;

/// <summary>
/// A membership by bank transfer was stored, pending until the first year's dues arrive with <paramref name="Code"/>
/// (HTTP 201); also the answer to a repeat under the same idempotency key.
/// </summary>
public sealed record TransferMemberCreated(string MemberId, long AnnualAmountCents, ReferenceCode Code, BankAccount Account) : CreateMemberResult;
