using Kok.Domain.Common;

namespace Kok.Domain.BankTransfers;

/// <summary>
/// The receipt address staff give a donation made from a statement line, as sent: the postal <c>address</c>, and
/// optionally a real <c>email</c>; <see cref="WrongTypeFields"/> names fields the reader found of the wrong JSON type.
/// </summary>
public sealed record ReceiptAddressForm(AddressForm? Address, string? Email, IReadOnlyCollection<string>? WrongTypeFields = null);
