namespace Kok.Domain.Privacy;

/// <summary>
/// An address on the objection list, as a keyed hash (<see cref="IMailObjectionKeys"/>): the list can answer "did
/// this address object?" without holding the address, and nobody without the key can tell which address a key is.
/// The unsubscribe link carries it. 43 characters of unpadded base64url (256 bits).
/// </summary>
public sealed record MailObjectionKey
{
    public const int Length = 43;

    private MailObjectionKey(string value) => Value = value;

    public string Value { get; }

    public static MailObjectionKey? TryParse(string? value) => IsWellFormed(value) ? new MailObjectionKey(value!) : null;

    public static MailObjectionKey From(string value) =>
        TryParse(value) ?? throw new ArgumentException("Not a mail objection key.", nameof(value));

    public override string ToString() => Value;

    private static bool IsWellFormed(string? value) =>
        value is { Length: Length } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
