namespace Kok.Domain.Privacy.Export;

/// <summary>
/// One place the app stores personal data, as its writer declares it, and where its data for this supporter is in
/// the copy: <see cref="Section"/> (a property of <see cref="SupporterDataExport"/>), or <see cref="CoveredBy"/>, why it
/// adds nothing the sections do not hold already.
/// </summary>
public sealed record StoredDataDescription(
    string Store,
    IReadOnlyList<string> Fields,
    string Purpose,
    string OnErasure,
    string? Section,
    string? CoveredBy);
