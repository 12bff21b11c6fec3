using Kok.Domain.Donations;
using Kok.Domain.Membership;
using Kok.Domain.Privacy.Erasure;
using Kok.Functions.Privacy.Erasure;
using Kok.Functions.Storage;
using Kok.Functions.Storage.Saving;
using Microsoft.Extensions.DependencyInjection;
using Moq;

namespace Kok.Functions.Tests.Privacy;

/// <summary>
/// The erasure is driven by the personal-data declarations: every declared store has exactly one eraser, so a new
/// table holding a supporter's data cannot be left out of an erasure (nor of the plan staff see first).
/// </summary>
public sealed class ErasureCoverageTests
{
    private static readonly StorageClients Storage = new(new StorageSettings("UseDevelopmentStorage=true", null, null, null, null), []);

    [Fact]
    public void Every_declared_store_has_exactly_one_eraser()
    {
        var erasers = Erasers();

        var missing = PersonalDataCatalog.All(Storage)
            .Where(d => erasers.Count(e => e.Serves(d)) != 1)
            .Select(d => $"{d.Store} ({d.Fields[0]})")
            .ToList();

        Assert.True(missing.Count == 0, "Declared stores without exactly one eraser: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_eraser_serves_a_declared_store_and_acts_as_declared()
    {
        var declared = PersonalDataCatalog.All(Storage);

        Assert.All(Erasers(), e =>
        {
            Assert.Contains(declared, e.Serves);
            ISupporterEraser eraser = e;
            Assert.Equal(e.Declaration.Store, eraser.Store);
        });
    }

    [Fact]
    public void Side_tables_go_before_the_donations_and_members_and_the_lists_that_find_them_last()
    {
        var order = Erasers().Cast<ISupporterEraser>().OrderBy(e => e.Order).Select(e => e.Store).ToList();

        Assert.True(order.IndexOf(TableNames.MemberIndex) < order.IndexOf(TableNames.Members));
        Assert.True(order.IndexOf(TableNames.Donations) < order.IndexOf(TableNames.DashboardDonationList));
    }

    private static List<IDeclaredEraser> Erasers()
    {
        var services = new ServiceCollection()
            .AddSingleton(Storage)
            .AddSingleton(RetentionPeriods.Default)
            .AddSingleton<RetainedReceipts>()
            .AddSingleton(Mock.Of<IDonationRepository>())
            .AddSingleton(Mock.Of<IMemberRepository>())
            .BuildServiceProvider();
        return ErasureServiceCollectionExtensions.EraserTypes
            .Select(t => (IDeclaredEraser)ActivatorUtilities.CreateInstance(services, t))
            .ToList();
    }
}
