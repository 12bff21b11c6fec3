using Kok.Domain.Privacy.Erasure;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Privacy.Erasure;

/// <summary>
/// A store's eraser named by the declaration it serves (<see cref="PersonalDataCatalog"/>): a test fails when a
/// declared store has none, so a new table with personal data cannot be forgotten by the erasure.
/// </summary>
public interface IDeclaredEraser : ISupporterEraser
{
    PersonalDataDeclaration Declaration { get; }

    string ISupporterEraser.Store => Declaration.Store;

    ErasureAction ISupporterEraser.Action => Declaration.Erasure switch
    {
        PersonalDataErasure.Delete => ErasureAction.Delete,
        PersonalDataErasure.Pseudonymise => ErasureAction.Pseudonymise,
        PersonalDataErasure.RetainThenDelete => ErasureAction.Retain,
        _ => ErasureAction.Keep,
    };

    /// <summary>Whether this eraser serves <paramref name="declaration"/> (same store and fields).</summary>
    bool Serves(PersonalDataDeclaration declaration) =>
        declaration.Store == Declaration.Store && declaration.Fields.SequenceEqual(Declaration.Fields, StringComparer.Ordinal);
}
