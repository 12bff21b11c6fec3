namespace Kok.Domain.Donations;

/// <summary>The request was refused; <paramref name="Errors"/> maps JSON paths to English messages (HTTP 400).</summary>
public sealed record DonationInvalid(IReadOnlyDictionary<string, string[]> Errors) : CreateDonationResult;
