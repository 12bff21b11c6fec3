using System.Reflection;
using Kok.Domain;

namespace Kok.Domain.Tests;

public class DomainIsolationTests
{
    private static readonly string[] ForbiddenPrefixes = ["Azure", "Microsoft.Azure", "Stripe", "SendGrid", "StrongGrid"];

    [Fact]
    public void Domain_assembly_references_no_cloud_sdk()
    {
        var references = AssemblyMarker.Assembly.GetReferencedAssemblies().Select(a => a.Name ?? string.Empty).ToArray();

        var offending = references.Where(r => ForbiddenPrefixes.Any(p => r.StartsWith(p, StringComparison.OrdinalIgnoreCase)));

        Assert.Empty(offending);
    }

    [Fact]
    public void Domain_project_file_has_no_cloud_package()
    {
        var project = Path.Combine(RepositoryRoot(), "src", "Kok.Domain", "Kok.Domain.csproj");
        var text = File.ReadAllText(project);

        foreach (var prefix in ForbiddenPrefixes)
        {
            Assert.DoesNotContain($"Include=\"{prefix}", text, StringComparison.OrdinalIgnoreCase);
        }

        Assert.DoesNotContain("ProjectReference", text, StringComparison.Ordinal);
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Kok.Serverless.sln")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("Repository root not found.");
    }
}
