using Azure.Data.Tables;

namespace Kok.Functions.Storage.Saving;

/// <summary>
/// How one kind of aggregate maps to its row: what a repository does, and all it does. Domain rules run before the
/// save, side tables are kept by projections (<see cref="IProjection{TAggregate}"/>), the write itself by
/// <see cref="AggregateStore{TAggregate}"/>.
/// </summary>
public interface IAggregateRows<TAggregate>
{
    string Table { get; }

    /// <summary>The personal data the aggregate's own row holds.</summary>
    PersonalDataDeclaration PersonalData { get; }

    string IdOf(TAggregate aggregate);

    /// <summary>The row: keys, the snapshot, plain columns for queries.</summary>
    TableEntity ToEntity(TAggregate aggregate);

    TAggregate FromEntity(TableEntity entity);

    /// <summary>Partition and row key of the aggregate with <paramref name="id"/>.</summary>
    (string Partition, string Row) KeysOf(string id);
}
