namespace Kok.Domain.Privacy.Export;

/// <summary>Every store of personal data the app declares, with where the copy shows it (<see cref="StoredDataDescription"/>).</summary>
public interface IPersonalDataInventory
{
    IReadOnlyList<StoredDataDescription> Describe();
}
