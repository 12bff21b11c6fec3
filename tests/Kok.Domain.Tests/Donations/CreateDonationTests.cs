using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Payments;
using Kok.Domain.Tests.Common;
using Microsoft.Extensions.Time.Testing;
using Moq;
using static Kok.Domain.Tests.Donations.DonationFixtures;

namespace Kok.Domain.Tests.Donations;

public class CreateDonationTests
{
    private const string FirstId = "don_aaaaaaaaaaaaaaaaaaaa";
    private const string SecondId = "don_bbbbbbbbbbbbbbbbbbbb";

    private readonly InMemoryDonationRepository repository = new();
    private readonly InMemoryIdempotencyStore idempotency = new();
    private readonly Mock<IPaymentGateway> gateway = new(MockBehavior.Strict);
    private readonly Mock<IIdGenerator> ids = new(MockBehavior.Strict);
    private readonly FakeTimeProvider time = new(T0);
    private readonly List<DonationCheckoutRequest> checkouts = [];

    public CreateDonationTests()
    {
        ids.SetupSequence(g => g.NewId("don")).Returns(FirstId).Returns(SecondId).Returns("don_cccccccccccccccccccc");
        gateway
            .Setup(g => g.CreateDonationCheckoutAsync(It.IsAny<DonationCheckoutRequest>(), It.IsAny<CancellationToken>()))
            .Callback<DonationCheckoutRequest, CancellationToken>((request, _) => checkouts.Add(request))
            .ReturnsAsync((DonationCheckoutRequest r, CancellationToken _) =>
                new CheckoutSession($"cs_{r.DonationId}", new Uri($"https://checkout.example/{r.DonationId}")));
    }

    private CreateDonation UseCase(IDonationRepository? donations = null, IIdempotencyStore? store = null) =>
        new(donations ?? repository, gateway.Object, store ?? idempotency, ids.Object, time);

    [Fact]
    public async Task Valid_request_opens_a_checkout_and_stores_the_donation()
    {
        var result = await UseCase().ExecuteAsync(ValidForm(), null, CancellationToken.None);

        var created = Assert.IsType<DonationCreated>(result);
        Assert.Equal(FirstId, created.DonationId);
        Assert.Equal(new Uri($"https://checkout.example/{FirstId}"), created.CheckoutUrl);
        Assert.Equal(
            [new DonationCheckoutRequest(FirstId, 2550, DonationInterval.Once, PaymentMethodKind.Card, "erika@example.de", "de")],
            checkouts);

        var stored = (await repository.GetAsync(FirstId, CancellationToken.None))!.Donation;
        Assert.Equal(DonationStatus.Pending, stored.Status);
        Assert.Equal($"cs_{FirstId}", stored.CheckoutSessionId);
        Assert.Equal(T0, stored.CreatedAt);
        Assert.Equal(new PostalAddress("Heidestraße 17", "51147", "Köln", "DE"), stored.Donor.Address);
        Assert.Equal(0, idempotency.Count);
    }

    [Fact]
    public async Task Invalid_request_creates_nothing()
    {
        var result = await UseCase().ExecuteAsync(ValidForm() with { Amount = 0.99m }, "key-1", CancellationToken.None);

        var invalid = Assert.IsType<DonationInvalid>(result);
        Assert.Equal(["amount"], invalid.Errors.Keys);
        Assert.Empty(checkouts);
        Assert.Equal(0, idempotency.Count);
        ids.Verify(g => g.NewId(It.IsAny<string>()), Times.Never);
    }

    [Fact]
    public async Task Honeypot_creates_nothing()
    {
        var result = await UseCase().ExecuteAsync(ValidForm() with { Website = "spam" }, null, CancellationToken.None);

        Assert.Equal(["website"], Assert.IsType<DonationInvalid>(result).Errors.Keys);
        Assert.Empty(checkouts);
    }

    [Fact]
    public async Task Malformed_idempotency_key_is_reported_with_the_body_errors()
    {
        var result = await UseCase().ExecuteAsync(ValidForm() with { Interval = "weekly" }, "bad key", CancellationToken.None);

        Assert.Equal(
            ["Idempotency-Key", "interval"],
            Assert.IsType<DonationInvalid>(result).Errors.Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task Same_key_and_body_replays_the_first_answer_and_creates_nothing()
    {
        var useCase = UseCase();
        var first = Assert.IsType<DonationCreated>(await useCase.ExecuteAsync(ValidForm(), "key-1", CancellationToken.None));
        time.Advance(TimeSpan.FromHours(23));

        var second = await useCase.ExecuteAsync(ValidForm(), "key-1", CancellationToken.None);

        var replayed = Assert.IsType<DonationReplayed>(second);
        Assert.Equal(first.DonationId, replayed.DonationId);
        Assert.Equal(first.CheckoutUrl, replayed.CheckoutUrl);
        Assert.Single(checkouts);
        Assert.Null(await repository.GetAsync(SecondId, CancellationToken.None));
    }

    [Fact]
    public async Task Same_key_with_another_body_conflicts()
    {
        var useCase = UseCase();
        await useCase.ExecuteAsync(ValidForm(), "key-1", CancellationToken.None);

        var result = await useCase.ExecuteAsync(ValidForm() with { Amount = 30m }, "key-1", CancellationToken.None);

        Assert.IsType<DonationIdempotencyConflict>(result);
        Assert.Single(checkouts);
    }

    [Fact]
    public async Task Same_key_after_24_hours_creates_a_new_donation()
    {
        var useCase = UseCase();
        await useCase.ExecuteAsync(ValidForm(), "key-1", CancellationToken.None);
        time.Advance(TimeSpan.FromHours(24));

        var result = await useCase.ExecuteAsync(ValidForm(), "key-1", CancellationToken.None);

        Assert.Equal(SecondId, Assert.IsType<DonationCreated>(result).DonationId);
        Assert.Equal(2, checkouts.Count);
    }

    [Fact]
    public async Task Different_keys_create_different_donations()
    {
        var useCase = UseCase();

        var a = await useCase.ExecuteAsync(ValidForm(), "key-1", CancellationToken.None);
        var b = await useCase.ExecuteAsync(ValidForm(), "key-2", CancellationToken.None);

        Assert.NotEqual(Assert.IsType<DonationCreated>(a).DonationId, Assert.IsType<DonationCreated>(b).DonationId);
    }

    [Fact]
    public async Task Repeat_after_a_crash_before_saving_finishes_the_first_donation()
    {
        var failingOnce = new Mock<IDonationRepository>();
        failingOnce.Setup(r => r.GetAsync(It.IsAny<string>(), It.IsAny<CancellationToken>()))
            .ReturnsAsync((VersionedDonation?)null);
        failingOnce.SetupSequence(r => r.TryAddAsync(It.IsAny<Donation>(), It.IsAny<CancellationToken>()))
            .ThrowsAsync(new TimeoutException("storage down"))
            .ReturnsAsync(true);
        var useCase = UseCase(failingOnce.Object);

        await Assert.ThrowsAsync<TimeoutException>(() => useCase.ExecuteAsync(ValidForm(), "key-1", CancellationToken.None));
        var retry = await useCase.ExecuteAsync(ValidForm(), "key-1", CancellationToken.None);

        Assert.Equal(FirstId, Assert.IsType<DonationCreated>(retry).DonationId);
        Assert.Equal([FirstId, FirstId], checkouts.Select(c => c.DonationId));
    }

    [Fact]
    public async Task Losing_the_insert_race_answers_with_the_stored_donation()
    {
        var winner = NewDonation();
        var donations = new Mock<IDonationRepository>(MockBehavior.Strict);
        donations.Setup(r => r.TryAddAsync(It.IsAny<Donation>(), It.IsAny<CancellationToken>())).ReturnsAsync(false);
        donations.Setup(r => r.GetAsync(FirstId, It.IsAny<CancellationToken>()))
            .ReturnsAsync(new VersionedDonation(winner, "v1"));

        var result = await UseCase(donations.Object).ExecuteAsync(ValidForm(), null, CancellationToken.None);

        var replayed = Assert.IsType<DonationReplayed>(result);
        Assert.Equal(FirstId, replayed.DonationId);
        Assert.Equal(CheckoutUrl, replayed.CheckoutUrl);
    }

    [Fact]
    public async Task Idempotency_claim_names_scope_key_fingerprint_and_donation()
    {
        var store = new Mock<IIdempotencyStore>(MockBehavior.Strict);
        IdempotencyRecord? claimed = null;
        store.Setup(s => s.ClaimAsync(It.IsAny<IdempotencyRecord>(), It.IsAny<CancellationToken>()))
            .Callback<IdempotencyRecord, CancellationToken>((r, _) => claimed = r)
            .ReturnsAsync((StoredIdempotencyRecord?)null);

        await UseCase(store: store.Object).ExecuteAsync(ValidForm(), "key-1", CancellationToken.None);

        Assert.Equal(
            new IdempotencyRecord("donations", "key-1", DonationFormValidator.Validate(ValidForm()).Value!.Fingerprint(), FirstId, T0),
            claimed);
    }
}
