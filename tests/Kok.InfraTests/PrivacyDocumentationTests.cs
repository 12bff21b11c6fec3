using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;

namespace Kok.InfraTests;

/// <summary>
/// docs/privacy.md tells supporters and the office where their data is: it must name every store the code declares
/// (<see cref="PersonalDataCatalog"/>), so a new table with personal data cannot go unmentioned.
/// </summary>
public sealed class PrivacyDocumentationTests
{
    [Fact]
    public void Every_store_with_personal_data_has_a_row_in_docs_privacy()
    {
        var storage = new StorageClients(new StorageSettings("UseDevelopmentStorage=true", null, null, null, null), []);
        var rows = File.ReadAllLines(InfraPaths.InRepository("docs/privacy.md")).Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToArray();

        var missing = PersonalDataCatalog.All(storage)
            .Select(d => d.Store)
            .Distinct(StringComparer.Ordinal)
            .Where(store => !rows.Any(r => r.StartsWith($"| `{store}`", StringComparison.Ordinal)))
            .ToArray();

        Assert.True(missing.Length == 0, "docs/privacy.md has no row for: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_mail_kind_has_its_class_in_docs_privacy()
    {
        var rows = File.ReadAllLines(InfraPaths.InRepository("docs/privacy.md")).Where(l => l.StartsWith("| `", StringComparison.Ordinal)).ToArray();

        var wrong = Enum.GetValues<Kok.Domain.Mail.MailKind>()
            .Where(kind => !rows.Any(r => r.StartsWith(
                $"| `{kind}` | {Kok.Domain.Privacy.MailObligations.Of(kind).ToString().ToLowerInvariant()} |", StringComparison.Ordinal)))
            .ToArray();

        Assert.True(wrong.Length == 0, "docs/privacy.md has no row, or another class, for: " + string.Join(", ", wrong));
    }
}
