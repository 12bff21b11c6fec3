namespace Kok.Domain.Common;

/// <summary>A postal address as submitted; any part may be missing so validation can name it.</summary>
public sealed record AddressForm
{
    public string? Street { get; init; }

    public string? PostalCode { get; init; }

    public string? City { get; init; }

    /// <summary>ISO 3166-1 alpha-2 code, e.g. "DE".</summary>
    public string? Country { get; init; }
}
