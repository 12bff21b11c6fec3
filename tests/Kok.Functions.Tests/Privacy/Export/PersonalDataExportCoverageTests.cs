using Kok.Domain.Privacy.Export;
using Kok.Functions.Privacy.Export;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.Functions.Tests.Privacy.Export;

/// <summary>
/// The copy of a supporter's data is complete by construction: it describes every store the writers declare
/// (<see cref="PersonalDataCatalog"/>), and each declared store either has a section of the copy or says why it adds
/// nothing new. A new table with personal data fails here until the copy covers it.
/// </summary>
public sealed class PersonalDataExportCoverageTests
{
    private static readonly StorageClients Storage = new(new StorageSettings("UseDevelopmentStorage=true", null, null, null, null), []);

    private static readonly string[] Sections = typeof(SupporterDataExport).GetProperties().Select(p => p.Name).ToArray();

    [Fact]
    public void Every_declared_store_has_a_section_of_the_copy_or_says_why_it_adds_nothing()
    {
        var uncovered = PersonalDataCatalog.All(Storage)
            .Select(d => d.Store)
            .Distinct(StringComparer.Ordinal)
            .Where(store => !PersonalDataExportCoverage.ByStore.TryGetValue(store, out var coverage)
                            || (coverage.Section is null && string.IsNullOrWhiteSpace(coverage.CoveredBy)))
            .ToArray();

        Assert.True(uncovered.Length == 0, "The copy of a supporter's data does not cover: " + string.Join(", ", uncovered));
    }

    [Fact]
    public void Every_section_named_is_part_of_the_copy_and_every_covered_store_is_declared()
    {
        var declared = PersonalDataCatalog.All(Storage).Select(d => d.Store).ToHashSet(StringComparer.Ordinal);

        Assert.All(PersonalDataExportCoverage.ByStore, entry =>
        {
            Assert.Contains(entry.Key, declared);
            if (entry.Value.Section is { } section)
            {
                Assert.Contains(section, Sections);
            }
        });
    }

    [Fact]
    public void The_copy_describes_every_declaration_with_its_purpose_and_where_it_shows()
    {
        var described = new PersonalDataExportCoverage(Storage).Describe();

        Assert.Equal(PersonalDataCatalog.All(Storage).Count, described.Count);
        Assert.All(described, d =>
        {
            Assert.False(string.IsNullOrWhiteSpace(d.Purpose));
            Assert.True(d.Section is not null || d.CoveredBy is not null, d.Store);
        });
        Assert.Contains(described, d => d.Store == "blob:receipts" && d.Section == nameof(SupporterDataExport.Receipts));
    }
}
