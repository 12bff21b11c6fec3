namespace Kok.Domain.Common;

/// <summary>A supporter's name, email and optional postal address as submitted (donor, member).</summary>
public sealed record ContactForm
{
    public string? Name { get; init; }

    public string? Email { get; init; }

    public AddressForm? Address { get; init; }
}
