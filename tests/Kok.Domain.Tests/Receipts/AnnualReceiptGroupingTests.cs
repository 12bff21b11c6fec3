using Kok.Domain.Common;
using Kok.Domain.Receipts;

namespace Kok.Domain.Tests.Receipts;

/// <summary>The annual run's grouping rule and its plan of a year.</summary>
public class AnnualReceiptGroupingTests
{
    private static readonly PostalAddress Address = new("Kurfürstenstraße 33", "10785", "Berlin", "DE");

    [Fact]
    public void The_same_donor_written_with_other_case_and_spaces_is_one_group()
    {
        var key = AnnualReceiptGrouping.KeyOf(new ContactDetails("Jörg Weißmüller", "joerg@example.org", Address));

        Assert.Equal(key, AnnualReceiptGrouping.KeyOf(new ContactDetails("  jörg   WEISSMÜLLER ".Replace("SS", "ß", StringComparison.Ordinal), "Joerg@Example.org ", Address with { Street = "Kurfürstenstraße  33" })));
        Assert.Matches("^d[0-9a-f]{40}$", key.Value);
    }

    [Fact]
    public void Another_address_email_or_name_is_another_group()
    {
        var key = AnnualReceiptGrouping.KeyOf(new ContactDetails("Jörg Weißmüller", "joerg@example.org", Address));

        Assert.NotEqual(key, AnnualReceiptGrouping.KeyOf(new ContactDetails("Jörg Weißmüller", "joerg@example.org", Address with { PostalCode = "10787" })));
        Assert.NotEqual(key, AnnualReceiptGrouping.KeyOf(new ContactDetails("Jörg Weißmüller", "joerg@example.net", Address)));
        Assert.NotEqual(key, AnnualReceiptGrouping.KeyOf(new ContactDetails("Jörg Weissmüller", "joerg@example.org", Address)));
        Assert.NotEqual(key, AnnualReceiptGrouping.KeyOf(new ContactDetails("Jörg Weißmüller", "joerg@example.org", null)));
    }

    [Fact]
    public void Donors_without_receipt_wish_or_address_are_left_out_with_the_reason()
    {
        Assert.Null(AnnualReceiptGrouping.LeftOut(wantsReceipt: true, Address));
        Assert.Equal(AnnualReceiptLeftOutReason.NoAddress, AnnualReceiptGrouping.LeftOut(wantsReceipt: true, null));
        Assert.Equal(AnnualReceiptLeftOutReason.NoReceiptWanted, AnnualReceiptGrouping.LeftOut(wantsReceipt: false, Address));
    }

    [Fact]
    public async Task The_plan_counts_groups_payments_and_total_and_lists_the_left_out_groups()
    {
        var a = new ReceiptDonorKey("da");
        var b = new ReceiptDonorKey("db");
        var c = new ReceiptDonorKey("dc");
        ReceiptablePayment[] payments =
        [
            new(a, "don_1", "pay_1", new DateOnly(2026, 1, 3), 1000, null),
            new(a, "don_1", "pay_2", new DateOnly(2026, 2, 3), 1000, null),
            new(a, "don_2", "pay_3", new DateOnly(2026, 2, 9), 500, null),
            new(b, "don_3", "pay_4", new DateOnly(2026, 3, 3), 700, AnnualReceiptLeftOutReason.NoReceiptWanted),
            new(c, "don_4", "pay_5", new DateOnly(2026, 4, 3), 300, null),
        ];
        var index = new Moq.Mock<IAnnualReceiptIndex>();
        index.Setup(i => i.ListAsync(2026, Moq.It.IsAny<CancellationToken>())).Returns(payments.ToAsyncEnumerable());

        var plan = await AnnualReceiptPlan.ReadAsync(index.Object, 2026, CancellationToken.None);

        Assert.Equal([a, c], plan.Donors);
        Assert.Equal(4, plan.Payments);
        Assert.Equal(2800, plan.TotalCents);
        var leftOut = Assert.Single(plan.LeftOut);
        Assert.Equal((b, AnnualReceiptLeftOutReason.NoReceiptWanted, 700L, "don_3"), (leftOut.DonorKey, leftOut.Reason, leftOut.TotalCents, leftOut.DonationId));
        Assert.Equal(["don_1", "don_2"], plan.DonationsOf(a));
        Assert.Equal(["don_4"], plan.DonationsOf(c));
        Assert.Empty(plan.DonationsOf(b));
    }
}
