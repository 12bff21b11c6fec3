namespace Kok.Domain.Privacy.Erasure;

/// <summary>
/// The answer to an erasure request: the validation errors (nothing done), or per store what would be done
/// (<see cref="Confirmed"/> false) or what was done, with how many donations and memberships the address named.
/// </summary>
public sealed record ErasureResult(
    IReadOnlyDictionary<string, string[]>? Errors,
    bool Confirmed,
    int Donations,
    int Members,
    IReadOnlyList<StoreErasure> Stores)
{
    public static ErasureResult Invalid(IReadOnlyDictionary<string, string[]> errors) => new(errors, false, 0, 0, []);
}
