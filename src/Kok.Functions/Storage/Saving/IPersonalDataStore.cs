namespace Kok.Functions.Storage.Saving;

/// <summary>A store outside the save pipeline (mail log, receipt register, idempotency keys …) that holds personal data.</summary>
public interface IPersonalDataStore
{
    IReadOnlyList<PersonalDataDeclaration> PersonalData { get; }
}
