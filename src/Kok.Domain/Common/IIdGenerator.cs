namespace Kok.Domain.Common;

/// <summary>Creates the public ids of new aggregates; injectable so tests get predictable ids.</summary>
public interface IIdGenerator
{
    /// <summary>Returns <c>{prefix}_</c> followed by 20 random lower-case base32 characters (100 bits).</summary>
    string NewId(string prefix);
}
