using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Domain.Donations;
using Kok.Domain.Mail;
using Kok.Domain.Membership;
using Kok.Domain.SelfService;
using Kok.Domain.Tests.Donations;
using Kok.Domain.Tests.Mail;
using Kok.Domain.Tests.Membership;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Kok.Domain.Tests.Membership.MemberFixtures;

namespace Kok.Domain.Tests.SelfService;

public sealed class ChangeOwnAddressTests
{
    private static readonly AddressForm NewAddress = new() { Street = "Neue Straße 7", PostalCode = "10115", City = "Berlin", Country = "DE" };
    private readonly FakeTimeProvider clock = new(T0.AddDays(40));
    private readonly InMemoryMemberRepository members = new();
    private readonly InMemoryDonationRepository donations = new();
    private readonly Mock<ISupporterDirectory> directory = new();
    private readonly Mock<IAuditTrail> audit = new();
    private readonly Mock<IMailSender> sender = new();
    private readonly List<AuditEntry> entries = [];
    private readonly List<MailMessage> mails = [];

    public ChangeOwnAddressTests()
    {
        audit.Setup(a => a.RecordAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Callback<AuditEntry, CancellationToken>((e, _) => entries.Add(e)).Returns(Task.CompletedTask);
        sender.Setup(s => s.SendAsync(It.IsAny<MailMessage>(), It.IsAny<CancellationToken>()))
            .Callback<MailMessage, CancellationToken>((m, _) => mails.Add(m)).ReturnsAsync(new MailSent("msg_1"));
    }

    [Fact]
    public async Task The_membership_and_a_running_monthly_donation_take_the_address_and_the_receipt_choice_once_audited_and_mailed()
    {
        var member = ActiveMember();
        await members.TryAddAsync(member, default);
        var monthly = DonationFixtures.NewDonation(DonationInterval.Monthly, amountCents: 1000);
        monthly.Apply(DonationFixtures.CompletedSubscription("evt_cs", paid: true));
        await donations.TryAddAsync(monthly, default);
        Owns(member, monthly);

        var result = await UseCase().ExecuteAsync("key", NewAddress, wantsReceipt: false, null, default);

        Assert.Equal(SupporterChangeOutcome.Requested, result.Outcome);
        Assert.Equal("Neue Straße 7", members.Stored(member.Id).Address.Street);
        var donation = (await donations.GetAsync(monthly.Id, default))!.Donation;
        Assert.False(donation.WantsReceipt);
        Assert.Null(donation.Donor.Address);
        Assert.Equal([ChangeOwnAddress.MemberAction, ChangeOwnAddress.DonationAction], entries.Select(e => e.Action));
        Assert.All(entries, e => Assert.Equal(ChangeOwnMonthlyDonation.SupporterActorId, e.StaffId));
        Assert.Contains("keine Sammelbestätigung", Assert.Single(mails).Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("", "10115", "Berlin", "DE", "address.street")]
    [InlineData("Neue Straße 7", "1011", "Berlin", "DE", "address.postalCode")]
    [InlineData("Neue Straße 7", "10115", "", "DE", "address.city")]
    [InlineData("Neue Straße 7", "10115", "Berlin", "XX", "address.country")]
    public async Task A_bad_address_is_refused_naming_the_field_before_anything_is_read_or_written(string street, string postalCode, string city, string country, string field)
    {
        var result = await UseCase().ExecuteAsync("key", new AddressForm { Street = street, PostalCode = postalCode, City = city, Country = country }, null, null, default);

        Assert.Equal(SupporterChangeOutcome.Invalid, result.Outcome);
        Assert.True(result.Errors!.Contains(field));
        directory.VerifyNoOtherCalls();
        Assert.Empty(entries);
        Assert.Empty(mails);
    }

    private void Owns(Member member, Donation donation) =>
        directory.Setup(d => d.FindAsync("key", It.IsAny<CancellationToken>())).ReturnsAsync(new SupporterRecords([donation], [member]));

    private ChangeOwnAddress UseCase() => new(
        directory.Object,
        members,
        donations,
        audit.Object,
        new RandomIdGenerator(),
        new MailDispatcher(new InMemoryMailLog(), sender.Object, clock),
        new SelfServiceLinks(new Uri("https://spenden.example.org")),
        clock);
}
