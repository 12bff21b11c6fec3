namespace Kok.InfraTests;

/// <summary>Shares one Bicep compilation among the test classes that look at the template.</summary>
[CollectionDefinition(Name)]
public sealed class BicepTemplateGroup : ICollectionFixture<BicepBuild>
{
    public const string Name = "Bicep";
}
