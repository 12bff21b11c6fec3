using System.Reflection;

namespace Kok.InfraTests;

/// <summary>Where the repository and the packaged Bicep CLI are, as recorded at build time.</summary>
internal static class InfraPaths
{
    public static string RepositoryRoot { get; } = Metadata("RepositoryRoot");

    public static string BicepCli { get; } = Metadata("BicepCli");

    public static string InRepository(string relativePath) =>
        Path.Combine(RepositoryRoot, relativePath.Replace('/', Path.DirectorySeparatorChar));

    private static string Metadata(string key) =>
        typeof(InfraPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == key).Value
        ?? throw new InvalidOperationException($"Assembly metadata {key} is missing; see Kok.InfraTests.csproj.");
}
