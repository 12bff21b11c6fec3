using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Domain.Donations;
using Kok.Domain.Payments;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Kok.Domain.Tests.Donations.DonationFixtures;

namespace Kok.Domain.Tests.Dashboard;

/// <summary>The "Needs attention" items follow a donation's state, whatever the order, and marking one done is audited.</summary>
public sealed class AttentionItemsTests
{
    [Fact]
    public void A_dispute_is_an_item_until_it_is_won_and_a_lost_one_stays_as_returned_with_the_same_key_in_any_order()
    {
        var donation = NewDonation(method: PaymentMethodKind.SepaDebit);
        donation.Apply(Completed("evt_c", paid: false));
        donation.Apply(Succeeded("evt_s"));
        donation.Apply(Dispute("evt_d", DisputeStatus.Open));

        var disputed = Assert.Single(AttentionItems.Of(donation));
        Assert.Equal(AttentionKind.Disputed, disputed.Kind);
        Assert.Equal(2550, disputed.AmountCents);
        Assert.Equal("general", disputed.ReasonCode);

        var lost = Dispute("evt_l", DisputeStatus.Lost, 40, kind: "closed");
        donation.Apply(lost);
        var returned = Assert.Single(AttentionItems.Of(donation));
        Assert.Equal(AttentionKind.Returned, returned.Kind);

        var reversed = NewDonation(method: PaymentMethodKind.SepaDebit);
        foreach (var e in new PaymentEvent[] { lost, Dispute("evt_d", DisputeStatus.Open), Succeeded("evt_s"), Completed("evt_c", paid: false), lost })
        {
            reversed.Apply(e);
        }

        Assert.Equal(returned.Key, Assert.Single(AttentionItems.Of(reversed)).Key);

        var won = NewDonation();
        won.Apply(Completed("evt_c", paid: true));
        won.Apply(Dispute("evt_d", DisputeStatus.Open));
        won.Apply(Dispute("evt_w", DisputeStatus.Won, 40, kind: "closed"));
        Assert.Empty(AttentionItems.Of(won));
    }

    [Fact]
    public void The_list_shows_the_reason_in_german_and_english_and_links_the_supporter()
    {
        var donation = NewDonation(DonationInterval.Monthly, amountCents: 1000);
        donation.Apply(CompletedSubscription("evt_c", paid: true));
        donation.Apply(InvoiceFailed("evt_f", 1, code: "expired_card"));

        var item = AttentionListItem.From(Assert.Single(AttentionItems.Of(donation)));

        Assert.Equal(AttentionKind.MonthlyPaymentFailed, item.Kind);
        Assert.Equal("Die Karte ist abgelaufen.", item.ReasonGerman);
        Assert.Equal("The card has expired.", item.ReasonEnglish);
        Assert.Equal($"/dashboard#donation/{DonationId}", item.Link);
    }

    [Fact]
    public async Task Marking_an_item_done_is_audited_and_an_unknown_one_writes_nothing()
    {
        var list = new Mock<IAttentionList>();
        list.Setup(l => l.MarkDoneAsync("k1", "staff-1", It.IsAny<DateTimeOffset>(), It.IsAny<CancellationToken>())).ReturnsAsync(true);
        var audit = new Mock<IAuditTrail>();
        var ids = new Mock<IIdGenerator>();
        ids.Setup(i => i.NewId(It.IsAny<string>())).Returns("aud_1");
        var markDone = new MarkAttentionDone(list.Object, audit.Object, ids.Object, new FakeTimeProvider(T0));

        Assert.True(await markDone.ExecuteAsync("k1", "staff-1", "Sam", CancellationToken.None));
        Assert.False(await markDone.ExecuteAsync("k2", "staff-1", "Sam", CancellationToken.None));

        audit.Verify(a => a.RecordAsync(
            It.Is<AuditEntry>(e => e.Action == MarkAttentionDone.Action && e.StaffId == "staff-1" && e.Details == "item=k1"),
            It.IsAny<CancellationToken>()), Times.Once);
    }
}
