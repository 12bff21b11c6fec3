using Kok.Domain.Common;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Domain.Tests.Common;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Kok.Domain.Tests.Membership.MemberFixtures;

namespace Kok.Domain.Tests.Membership;

public class CreateMemberTests
{
    private const string FirstId = "mem_aaaaaaaaaaaaaaaaaaaa";
    private const string SecondId = "mem_bbbbbbbbbbbbbbbbbbbb";

    private readonly InMemoryMemberRepository repository = new();
    private readonly InMemoryIdempotencyStore idempotency = new();
    private readonly InMemorySignUpLock signUpLock = new();
    private readonly Mock<IPaymentGateway> gateway = new(MockBehavior.Strict);
    private readonly Mock<IIdGenerator> ids = new(MockBehavior.Strict);
    private readonly FakeTimeProvider time = new(T0);
    private readonly List<MembershipCheckoutRequest> checkouts = [];

    public CreateMemberTests()
    {
        ids.SetupSequence(g => g.NewId("mem")).Returns(FirstId).Returns(SecondId).Returns("mem_cccccccccccccccccccc");
        gateway
            .Setup(g => g.CreateMembershipCheckoutAsync(It.IsAny<MembershipCheckoutRequest>(), It.IsAny<CancellationToken>()))
            .Callback<MembershipCheckoutRequest, CancellationToken>((request, _) => checkouts.Add(request))
            .ReturnsAsync((MembershipCheckoutRequest r, CancellationToken _) =>
                new CheckoutSession($"cs_{r.MemberId}", new Uri($"https://checkout.example/{r.MemberId}")));
    }

    private CreateMember UseCase(MembershipRules? rules = null) =>
        new(repository, gateway.Object, idempotency, signUpLock, ids.Object, rules ?? MembershipRules.Default, time);

    private Task<CreateMemberResult> Sign(MembershipForm form, string? key = null) =>
        UseCase().ExecuteAsync(form, key, CancellationToken.None);

    [Fact]
    public async Task Valid_sign_up_opens_a_checkout_and_stores_a_pending_member_with_consent()
    {
        var created = Assert.IsType<MemberCreated>(await Sign(ValidForm("organisation")));

        Assert.Equal(FirstId, created.MemberId);
        Assert.Equal([new MembershipCheckoutRequest(FirstId, 6000, PaymentMethodKind.SepaDebit, "erika@example.de", "de")], checkouts);
        var stored = repository.Stored(FirstId);
        Assert.Equal(MembershipStatus.Pending, stored.Status);
        Assert.Equal(MemberKind.Organisation, stored.Kind);
        Assert.Equal("Erika Mustermann", stored.ContactPerson);
        Assert.Equal(new PrivacyConsent(PrivacyNotice.CurrentVersion, T0, false), stored.Consent);
        Assert.Equal($"cs_{FirstId}", stored.CheckoutSessionId);
    }

    [Fact]
    public async Task Invalid_sign_up_creates_nothing()
    {
        var invalid = Assert.IsType<MemberInvalid>(await Sign(ValidForm() with { AnnualAmount = 20m }, "key-1"));

        Assert.Contains("annualAmount", invalid.Errors.Keys);
        Assert.Empty(checkouts);
        Assert.Equal(0, idempotency.Count);
    }

    [Theory]
    [InlineData(true, MembershipStatus.Active)]
    [InlineData(false, MembershipStatus.Processing)]
    public async Task Second_sign_up_for_an_active_or_processing_membership_is_409(bool paid, MembershipStatus existing)
    {
        await Sign(ValidForm());
        await Activate(FirstId, paid);

        var duplicate = Assert.IsType<MemberAlreadyExists>(await Sign(ValidForm() with { Email = "ERIKA@example.de", Name = " erika   mustermann " }));

        Assert.Equal(existing, duplicate.ExistingStatus);
        Assert.NotEmpty(duplicate.Advice);
        Assert.Single(checkouts);
    }

    [Fact]
    public async Task Fresh_pending_sign_up_blocks_but_not_after_a_day()
    {
        await Sign(ValidForm());

        Assert.Equal(MembershipStatus.Pending, Assert.IsType<MemberAlreadyExists>(await Sign(ValidForm())).ExistingStatus);

        time.Advance(TimeSpan.FromHours(24));
        Assert.IsType<MemberCreated>(await Sign(ValidForm()));
    }

    [Fact]
    public async Task Failed_first_payment_does_not_block_a_new_attempt()
    {
        await Sign(ValidForm());
        var stored = (await repository.GetAsync(FirstId, default))!;
        stored.Member.Apply(Completed("evt_1", paid: false) with { SessionId = $"cs_{FirstId}", Metadata = new Dictionary<string, string>() });
        stored.Member.Apply(Failed("evt_2") with { SessionId = $"cs_{FirstId}" });
        await repository.TrySaveAsync(stored.Member, stored.Version, [], default);

        Assert.IsType<MemberCreated>(await Sign(ValidForm()));
    }

    [Fact]
    public async Task Another_name_at_the_same_address_is_fine()
    {
        await Sign(ValidForm());

        Assert.IsType<MemberCreated>(await Sign(ValidForm() with { Name = "Max Mustermann" }));
    }

    [Fact]
    public async Task Same_key_and_body_replays_and_other_body_conflicts()
    {
        var first = Assert.IsType<MemberCreated>(await Sign(ValidForm(), "key-1"));

        var replay = Assert.IsType<MemberReplayed>(await Sign(ValidForm(), "key-1"));
        Assert.Equal(first.MemberId, replay.MemberId);
        Assert.Equal(first.CheckoutUrl, replay.CheckoutUrl);
        Assert.IsType<MemberIdempotencyConflict>(await Sign(ValidForm() with { AnnualAmount = 70m }, "key-1"));
        Assert.Single(checkouts);
    }

    [Fact]
    public async Task A_second_tab_signing_up_while_the_first_is_at_the_checkout_gets_409_and_nothing()
    {
        // The first sign-up stops inside Stripe's checkout call, before its member is stored: the moment a second
        // request with another idempotency key used to pass the duplicate check too.
        var atCheckout = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        gateway
            .Setup(g => g.CreateMembershipCheckoutAsync(It.Is<MembershipCheckoutRequest>(r => r.MemberId == FirstId), It.IsAny<CancellationToken>()))
            .Returns(async (MembershipCheckoutRequest r, CancellationToken _) =>
            {
                checkouts.Add(r);
                atCheckout.SetResult();
                await resume.Task;
                return new CheckoutSession($"cs_{r.MemberId}", new Uri($"https://checkout.example/{r.MemberId}"));
            });

        var first = Sign(ValidForm(), "tab-1");
        await atCheckout.Task;
        var second = await Sign(ValidForm() with { Email = "ERIKA@example.de", Name = " erika   mustermann " }, "tab-2");
        resume.SetResult();

        Assert.IsType<MemberCreated>(await first);
        Assert.Equal(MembershipStatus.Pending, Assert.IsType<MemberAlreadyExists>(second).ExistingStatus);
        Assert.Equal([FirstId], checkouts.Select(c => c.MemberId));
        Assert.Equal([FirstId], await repository.FindIdsByEmailAsync("erika@example.de", default));
        Assert.Equal(0, signUpLock.Held);
    }

    [Fact]
    public async Task The_lease_is_given_back_when_the_checkout_fails_so_the_person_can_try_again()
    {
        gateway
            .Setup(g => g.CreateMembershipCheckoutAsync(It.Is<MembershipCheckoutRequest>(r => r.MemberId == FirstId), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new HttpRequestException("Stripe is unreachable."));

        await Assert.ThrowsAsync<HttpRequestException>(() => Sign(ValidForm(), "key-1"));

        Assert.Equal(0, signUpLock.Held);
        Assert.IsType<MemberCreated>(await Sign(ValidForm(), "key-2"));
    }

    [Fact]
    public async Task A_lease_left_by_a_sign_up_that_died_blocks_for_two_minutes_only()
    {
        Assert.NotNull(await signUpLock.TryAcquireAsync(SignUpKey.Of("erika@example.de", "Erika Mustermann"), "mem_dead", T0, T0 + CreateMember.SignUpLease, default));

        Assert.Equal(MembershipStatus.Pending, Assert.IsType<MemberAlreadyExists>(await Sign(ValidForm())).ExistingStatus);
        Assert.Empty(checkouts);

        time.Advance(CreateMember.SignUpLease);
        Assert.IsType<MemberCreated>(await Sign(ValidForm()));
    }

    [Fact]
    public async Task The_lease_is_per_applicant_not_per_address()
    {
        Assert.NotNull(await signUpLock.TryAcquireAsync(SignUpKey.Of("erika@example.de", "Max Mustermann"), "mem_other", T0, T0 + CreateMember.SignUpLease, default));

        Assert.IsType<MemberCreated>(await Sign(ValidForm()));
    }

    private async Task Activate(string id, bool paid)
    {
        var stored = (await repository.GetAsync(id, default))!;
        stored.Member.Apply(Completed("evt_1", paid) with { SessionId = $"cs_{id}" });
        await repository.TrySaveAsync(stored.Member, stored.Version, [], default);
    }
}
