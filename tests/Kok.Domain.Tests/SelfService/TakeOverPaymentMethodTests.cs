using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Domain.Donations;
using Kok.Domain.Mail;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Domain.SelfService;
using Kok.Domain.Tests.Donations;
using Kok.Domain.Tests.Mail;
using Kok.Domain.Tests.Membership;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Kok.Domain.Tests.Membership.MemberFixtures;

namespace Kok.Domain.Tests.SelfService;

public sealed class TakeOverPaymentMethodTests
{
    private static readonly SavedPaymentMethod NewSepa = new("pm_new", PaymentMethodKind.SepaDebit, "1234", "mandate_new", CustomerId, "REF1234");
    private readonly FakeTimeProvider clock = new(T0.AddDays(40));
    private readonly InMemoryMemberRepository members = new();
    private readonly InMemoryDonationRepository donations = new();
    private readonly Mock<IPaymentMethodSetup> setup = new();
    private readonly Mock<ISubscriptionGateway> subscriptions = new();
    private readonly Mock<IAuditTrail> audit = new();
    private readonly Mock<IMailSender> sender = new();
    private readonly InMemoryMailLog mailLog = new();
    private readonly List<SubscriptionChange> changes = [];
    private readonly List<AuditEntry> entries = [];
    private readonly List<MailMessage> mails = [];

    public TakeOverPaymentMethodTests()
    {
        subscriptions.Setup(g => g.ChangeAsync(It.IsAny<SubscriptionChange>(), It.IsAny<CancellationToken>()))
            .Callback<SubscriptionChange, CancellationToken>((c, _) => changes.Add(c)).Returns(Task.CompletedTask);
        audit.Setup(a => a.RecordAsync(It.IsAny<AuditEntry>(), It.IsAny<CancellationToken>()))
            .Callback<AuditEntry, CancellationToken>((e, _) => entries.Add(e)).Returns(Task.CompletedTask);
        sender.Setup(s => s.SendAsync(It.IsAny<MailMessage>(), It.IsAny<CancellationToken>()))
            .Callback<MailMessage, CancellationToken>((m, _) => mails.Add(m)).ReturnsAsync(new MailSent("msg_1"));
    }

    [Fact]
    public async Task A_member_takes_over_the_confirmed_method_once_however_often_the_provider_confirms_it()
    {
        var member = ActiveMember();
        await members.TryAddAsync(member, default);
        Sets(NewSepa);

        var first = await UseCase().ExecuteAsync(SetUp("evt_cs", PaymentMetadataKeys.MemberId, member.Id), default);
        var again = await UseCase().ExecuteAsync(SetUp("evt_si", PaymentMetadataKeys.MemberId, member.Id), default);

        Assert.Equal((PaymentEventDisposition.Processed, PaymentEventDisposition.Duplicate), (first, again));
        var stored = members.Stored(member.Id);
        Assert.Equal(NewSepa, stored.SavedPaymentMethod);
        Assert.Equal(PaymentMethodKind.SepaDebit, stored.PaymentMethod);
        var entry = Assert.Single(entries);
        Assert.Equal((member.Id, TakeOverPaymentMethod.MemberAction, ChangeOwnMonthlyDonation.SupporterActorId), (entry.Subject, entry.Action, entry.StaffId));
        Assert.Contains("IBAN-Endung 1234", Assert.Single(mails).Text, StringComparison.Ordinal);
        Assert.Equal(MailKind.PaymentMethodChanged, Assert.Single(mailLog.Entries).Key.Kind);
    }

    [Fact]
    public async Task A_method_of_another_customer_an_unconfirmed_setup_or_an_ended_membership_changes_nothing()
    {
        var member = ActiveMember();
        await members.TryAddAsync(member, default);

        Sets(NewSepa with { CustomerId = "cus_someone_else" });
        var foreign = await UseCase().ExecuteAsync(SetUp("evt_1", PaymentMetadataKeys.MemberId, member.Id), default);
        Sets(null);
        var unconfirmed = await UseCase().ExecuteAsync(SetUp("evt_2", PaymentMetadataKeys.MemberId, member.Id), default);
        var stored = (await members.GetAsync(member.Id, default))!;
        stored.Member.Cancel(clock.GetUtcNow(), Member.CancelledByMember);
        stored.Member.EndIfDue(clock.GetUtcNow().AddYears(2));
        await members.TrySaveAsync(stored.Member, stored.Version, [], default);
        Sets(NewSepa);
        var ended = await UseCase().ExecuteAsync(SetUp("evt_3", PaymentMetadataKeys.MemberId, member.Id), default);

        Assert.Equal((PaymentEventDisposition.Unchanged, PaymentEventDisposition.Ignored), (foreign, unconfirmed));
        Assert.NotEqual(PaymentEventDisposition.Processed, ended);
        Assert.Equal("pm_c", members.Stored(member.Id).SavedPaymentMethod!.PaymentMethodId);
        Assert.Empty(entries);
        Assert.Empty(mails);
    }

    [Fact]
    public async Task A_monthly_donation_gets_the_method_as_its_subscriptions_default_before_it_records_it()
    {
        var donation = DonationFixtures.NewDonation(DonationInterval.Monthly, amountCents: 1000);
        donation.Apply(DonationFixtures.CompletedSubscription("evt_cs0", paid: true));
        await donations.TryAddAsync(donation, default);
        Sets(NewSepa with { CustomerId = DonationFixtures.CustomerId });

        var first = await UseCase().ExecuteAsync(SetUp("evt_cs", PaymentMetadataKeys.DonationId, donation.Id), default);
        var again = await UseCase().ExecuteAsync(SetUp("evt_si", PaymentMetadataKeys.DonationId, donation.Id), default);

        Assert.Equal((PaymentEventDisposition.Processed, PaymentEventDisposition.Duplicate), (first, again));
        var change = Assert.Single(changes);
        Assert.Equal((DonationFixtures.SubscriptionId, "pm_new", "payment-method-seti_1"), (change.SubscriptionId, change.DefaultPaymentMethodId, change.IdempotencyKey));
        var stored = (await donations.GetAsync(donation.Id, default))!.Donation;
        Assert.Equal(PaymentMethodKind.SepaDebit, stored.PaymentMethod);
        Assert.True(stored.UsesSetUpPaymentMethod("pm_new"));
        Assert.Equal(TakeOverPaymentMethod.DonationAction, Assert.Single(entries).Action);
        Assert.Single(mails);
    }

    [Fact]
    public async Task A_provider_refusing_the_subscription_change_leaves_the_donation_as_it_was_so_the_confirmation_is_retried()
    {
        var donation = DonationFixtures.NewDonation(DonationInterval.Monthly, amountCents: 1000);
        donation.Apply(DonationFixtures.CompletedSubscription("evt_cs0", paid: true));
        await donations.TryAddAsync(donation, default);
        Sets(NewSepa with { CustomerId = DonationFixtures.CustomerId });
        subscriptions.Setup(g => g.ChangeAsync(It.IsAny<SubscriptionChange>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new PaymentGatewayException("down") { IsTransient = true });

        await Assert.ThrowsAsync<PaymentGatewayException>(() => UseCase().ExecuteAsync(SetUp("evt_cs", PaymentMetadataKeys.DonationId, donation.Id), default));

        Assert.Equal(PaymentMethodKind.Card, (await donations.GetAsync(donation.Id, default))!.Donation.PaymentMethod);
        Assert.Empty(entries);
        Assert.Empty(mails);
    }

    private void Sets(SavedPaymentMethod? method) =>
        setup.Setup(s => s.SetUpMethodAsync("seti_1", It.IsAny<CancellationToken>())).ReturnsAsync(method);

    private PaymentMethodSetUp SetUp(string eventId, string key, string ownerId) =>
        new(eventId, clock.GetUtcNow(), new Dictionary<string, string> { [key] = ownerId }, "seti_1");

    private TakeOverPaymentMethod UseCase() => new(
        setup.Object,
        members,
        donations,
        subscriptions.Object,
        audit.Object,
        new RandomIdGenerator(),
        new MailDispatcher(mailLog, sender.Object, clock),
        new SelfServiceLinks(new Uri("https://spenden.example.org")));
}
