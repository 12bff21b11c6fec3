namespace Kok.Domain.Common;

/// <summary>
/// Validated personal data of a supporter. Personal data: never log it, never put it on a queue.
/// <see cref="Address"/> is only kept when a receipt needs it.
/// </summary>
public sealed record ContactDetails(string Name, string Email, PostalAddress? Address);
