namespace Kok.Domain.Common;

/// <summary>A validated postal address; <see cref="Country"/> is an upper-case ISO 3166-1 alpha-2 code.</summary>
public sealed record PostalAddress(string Street, string PostalCode, string City, string Country)
{
    /// <summary>"Musterweg 1", "12345 Musterstadt", and the country code for addresses outside Germany.</summary>
    public IReadOnlyList<string> Lines() =>
        Country == "DE" ? [Street, $"{PostalCode} {City}"] : [Street, $"{PostalCode} {City}", Country];
}
