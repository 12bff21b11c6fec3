namespace Kok.Domain.Common;

/// <summary>
/// What a validation message says, for a page to word in its reader's language: a stable code
/// (<c>below_dues</c>) and the whole numbers the message names (<c>minimumCents</c> = 6000), never a sentence.
/// </summary>
public sealed record ValidationCode(string Code, IReadOnlyDictionary<string, long> Arguments)
{
    public ValidationCode(string code)
        : this(code, new Dictionary<string, long>(StringComparer.Ordinal))
    {
    }

    public ValidationCode(string code, string argument, long value)
        : this(code, new Dictionary<string, long>(StringComparer.Ordinal) { [argument] = value })
    {
    }
}
