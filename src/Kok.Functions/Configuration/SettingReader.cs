namespace Kok.Functions.Configuration;

/// <summary>Who reads a setting.</summary>
public enum SettingReader
{
    /// <summary>Services wired by <c>AddKokBackend</c>, in the Functions host and in DevHost alike.</summary>
    Backend,

    /// <summary>The Azure Functions host or the worker's Program.cs, outside <c>AddKokBackend</c>.</summary>
    Host,

    /// <summary>
    /// An adapter of <c>AddKokBackend</c> on each use (Stripe, SendGrid), not at start-up, so DevHost can point it
    /// at its stand-ins once it knows its own address.
    /// </summary>
    Adapter,
}
