namespace Kok.Functions.Storage.Saving;

/// <summary>
/// Where a supporter's personal data is stored: the table (or queue, or blob container), the fields that hold it,
/// why, and how it is erased. Every repository, projection and store that writes personal data declares it, so one
/// list (<see cref="PersonalDataCatalog"/>) says every place a name, email, address or account number can be.
/// </summary>
public sealed record PersonalDataDeclaration(
    string Store,
    IReadOnlyList<string> Fields,
    PersonalDataErasure Erasure,
    string Purpose);
