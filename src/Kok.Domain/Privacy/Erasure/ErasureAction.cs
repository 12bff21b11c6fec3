namespace Kok.Domain.Privacy.Erasure;

/// <summary>What an erasure does to one store's data of the supporter.</summary>
public enum ErasureAction
{
    /// <summary>The rows go.</summary>
    Delete,

    /// <summary>The rows stay (money, dates, ids) with the personal fields replaced.</summary>
    Pseudonymise,

    /// <summary>Kept, locked, while tax law asks for it, then deleted by the retention run.</summary>
    Retain,

    /// <summary>Kept: names nobody (a keyed hash, staff names) and its removal would undo what the supporter wanted.</summary>
    Keep,
}
