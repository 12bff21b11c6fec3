namespace Kok.Functions.Storage.Saving;

/// <summary>How the personal data of one supporter is removed from a table when they ask for erasure.</summary>
public enum PersonalDataErasure
{
    /// <summary>The rows go: nothing in them must be kept.</summary>
    Delete,

    /// <summary>The rows stay (counts, money, dates) with the personal fields replaced.</summary>
    Pseudonymise,

    /// <summary>Kept, locked, while a legal duty lasts (receipt copies and their bookings), then deleted.</summary>
    RetainThenDelete,

    /// <summary>
    /// Kept: a keyed hash that names nobody without the key, and whose removal would undo what the supporter asked
    /// for (the objection list: deleting it would let the mails start again).
    /// </summary>
    Keep,
}
