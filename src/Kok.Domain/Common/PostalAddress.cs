namespace Kok.Domain.Common;

/// <summary>A validated postal address; <see cref="Country"/> is an upper-case ISO 3166-1 alpha-2 code.</summary>
public sealed record PostalAddress(string Street, string PostalCode, string City, string Country);
