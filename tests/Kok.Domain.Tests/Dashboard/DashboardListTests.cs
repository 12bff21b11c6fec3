using Kok.Domain.Dashboard;
using Kok.Domain.Donations;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Domain.Tests.Dues;
using Moq;
using static Kok.Domain.Tests.Membership.MemberFixtures;

namespace Kok.Domain.Tests.Dashboard;

public class DashboardListTests
{
    [Fact]
    public void An_active_member_is_listed_with_its_next_due_date_and_nothing_outstanding()
    {
        var item = MemberListItem.From(ActiveMember(kind: MemberKind.Organisation), new DateOnly(2026, 6, 1));

        Assert.Equal(MembershipStatus.Active, item.Status);
        Assert.Equal(MemberKind.Organisation, item.Kind);
        Assert.Equal("Erika Mustermann", item.ContactPerson);
        Assert.Equal(new DateOnly(2026, 3, 1), item.MemberSince);
        Assert.Equal(new DateOnly(2027, 3, 1), item.DueDate);
        Assert.Equal(6000, item.AnnualAmountCents);
        Assert.Equal(0, item.OutstandingCents);
        Assert.Equal("Köln", item.City);
    }

    [Fact]
    public void Overdue_and_lapsed_members_owe_the_annual_amount_of_the_unpaid_period()
    {
        var overdue = MemberListItem.From(DuesMailFixtures.Overdue(), new DateOnly(2027, 3, 10));
        var lapsed = DuesMailFixtures.Lapsed();

        Assert.Equal(6000, overdue.OutstandingCents);
        Assert.Equal(DuesMailFixtures.DueDate, overdue.DueDate);
        Assert.Equal(6000, MemberListItem.From(lapsed, MemberListItem.ListedOn(lapsed)).OutstandingCents);
        Assert.Equal(new DateOnly(2027, 5, 30), MemberListItem.ListedOn(lapsed));
        Assert.Equal(DuesMailFixtures.DueDate, MemberListItem.From(lapsed, new DateOnly(2027, 6, 1)).DueDate);
    }

    [Fact]
    public void A_pending_member_has_no_due_date_and_owes_nothing()
    {
        var item = MemberListItem.From(NewMember(), new DateOnly(2026, 3, 1));

        Assert.Equal(MembershipStatus.Pending, item.Status);
        Assert.Null(item.DueDate);
        Assert.Null(item.MemberSince);
        Assert.Equal(0, item.OutstandingCents);
    }

    [Theory]
    [InlineData("erika@EXAMPLE")]
    [InlineData("mustermann")]
    [InlineData("MEM_")]
    public void Search_looks_in_name_contact_email_and_id_ignoring_case(string q)
    {
        var item = MemberListItem.From(ActiveMember(kind: MemberKind.Group), new DateOnly(2026, 6, 1));
        var query = MemberListQuery.Parse(null, null, q, null);

        Assert.True(item.Matches(query.Value!.Search!));
        Assert.False(item.Matches("köln"));
    }

    [Fact]
    public void Search_matches_umlauts_case_insensitively()
    {
        var query = MemberListQuery.Parse(null, null, "  GRÜN  ", null);
        var item = new MemberListItem("mem_x", MemberKind.Person, "Jörg Grün", null, "j@example.de", MembershipStatus.Active, 6000,
            PaymentMethodKind.Card, null, null, 0, "Berlin");

        Assert.Equal("grün", query.Value!.Search);
        Assert.True(item.Matches(query.Value.Search!));
    }

    [Fact]
    public void A_valid_query_reads_status_year_search_and_continuation()
    {
        var token = ListContinuation.Encode("overdue|2026-03-01|mem_abc");

        var query = MemberListQuery.Parse("overdue", "2026", "Müller", token);

        Assert.True(query.IsValid);
        Assert.Equal(new MemberListQuery(MembershipStatus.Overdue, 2026, "müller", "overdue|2026-03-01|mem_abc"), query.Value);
        Assert.Equal(MemberListQuery.All, MemberListQuery.Parse(null, "", " ", null).Value);
    }

    [Theory]
    [InlineData("Overdue", null, null, "status")]
    [InlineData("2", null, null, "status")]
    [InlineData(null, "26", null, "year")]
    [InlineData(null, "1999", null, "year")]
    [InlineData(null, null, "not base64!", "continuationToken")]
    [InlineData(null, null, "AA", "continuationToken")]
    public void Bad_parameters_are_named(string? status, string? year, string? token, string field)
    {
        var query = MemberListQuery.Parse(status, year, null, token);

        Assert.False(query.IsValid);
        Assert.Equal([field], query.Errors.Keys);
    }

    [Fact]
    public void Donation_query_reads_snake_case_enums_and_names_bad_ones()
    {
        Assert.Equal(
            new DonationListQuery(DonationStatus.Paid, DonationInterval.Monthly, 2026, null, null),
            DonationListQuery.Parse("paid", "monthly", "2026", null, null).Value);
        var bad = DonationListQuery.Parse("bezahlt", "yearly", null, null, null);
        Assert.Equal(["interval", "status"], bad.Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Continuation_tokens_round_trip_and_are_url_safe()
    {
        var token = ListContinuation.Encode("all|9999-12-31|mem_ü?/+");

        Assert.DoesNotContain('+', token);
        Assert.DoesNotContain('/', token);
        Assert.True(ListContinuation.TryDecode(token, out var key));
        Assert.Equal("all|9999-12-31|mem_ü?/+", key);
    }

    [Fact]
    public async Task Donation_list_defaults_to_the_Berlin_year()
    {
        var clock = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(new DateTimeOffset(2026, 12, 31, 23, 30, 0, TimeSpan.Zero));
        var list = new Mock<IDashboardDonationList>();
        list.Setup(l => l.ListAsync(It.IsAny<DonationListQuery>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ListPage<DonationListItem>([], null));

        await new ListDashboardDonations(list.Object, clock).ExecuteAsync(new DonationListQuery(null, null, null, null, null), CancellationToken.None);

        list.Verify(l => l.ListAsync(It.Is<DonationListQuery>(q => q.Year == 2027), It.IsAny<CancellationToken>()));
    }

    [Fact]
    public async Task Member_export_reads_page_after_page_until_the_last()
    {
        var list = new Mock<IDashboardMemberList>();
        var row = new MemberExportRow(MemberListItem.From(ActiveMember(), new DateOnly(2026, 6, 1)), new Kok.Domain.Common.PostalAddress("S", "1", "C", "DE"));
        list.Setup(l => l.ExportPageAsync(null, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ListPage<MemberExportRow>([row], ListContinuation.Encode("all|k1")));
        list.Setup(l => l.ExportPageAsync("all|k1", It.IsAny<CancellationToken>()))
            .ReturnsAsync(new ListPage<MemberExportRow>([row, row], null));

        var pages = new List<int>();
        await foreach (var page in new ListDashboardMembers(list.Object).ExportAsync(CancellationToken.None))
        {
            pages.Add(page.Count);
        }

        Assert.Equal([1, 2], pages);
    }
}
