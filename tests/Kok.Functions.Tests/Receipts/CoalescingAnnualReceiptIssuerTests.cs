using Kok.Domain.Receipts;
using Kok.Functions.Receipts;
using Moq;

namespace Kok.Functions.Tests.Receipts;

/// <summary>Concurrent workers' Sammelbestätigungen numbered together, each caller getting its own result.</summary>
public class CoalescingAnnualReceiptIssuerTests
{
    private static readonly OrganisationProfile Issuer = OrganisationProfile.KokDefaults with
    {
        AddressLines = ["Kurfürstenstraße 33", "10785 Berlin"],
        TaxOffice = "Berlin für Körperschaften I",
        TaxNumber = "27/123/45678",
        ExemptionNoticeDate = new DateOnly(2025, 5, 17),
        AssessmentPeriod = "2021 bis 2023",
        Purposes = "der Hilfe für Opfer von Straftaten",
        SignatoryName = "Erika Mustermann",
        SignatoryFunction = "Geschäftsführerin",
        ContactEmail = "spenden@example.org",
    };

    [Fact]
    public async Task Requests_waiting_while_a_step_runs_are_numbered_together_and_a_donor_twice_goes_in_the_next_step()
    {
        var first = new TaskCompletionSource();
        var batches = new List<IReadOnlyList<AnnualReceiptIssueRequest>>();
        var register = new Mock<IReceiptRegister>();
        register.Setup(r => r.IssueAnnualAsync(It.IsAny<IReadOnlyList<AnnualReceiptIssueRequest>>(), It.IsAny<CancellationToken>()))
            .Returns(async (IReadOnlyList<AnnualReceiptIssueRequest> requests, CancellationToken _) =>
            {
                lock (batches)
                {
                    batches.Add(requests);
                }

                if (batches.Count == 1)
                {
                    await first.Task;
                }

                return requests.Select(r => AnnualReceiptIssueResult.Issued(r, new IssuedReceipt(r.PaymentKeys, r.ToDocument("2026-00000" + r.Subject.DonorKey.Value[1..]), r.Subject.DonorKey))).ToList();
            });
        var issuer = new CoalescingAnnualReceiptIssuer(register.Object);

        var one = issuer.IssueAsync(Request("d1"), CancellationToken.None);
        await Eventually(() => batches.Count == 1);
        var later = new[] { issuer.IssueAsync(Request("d2"), CancellationToken.None), issuer.IssueAsync(Request("d3"), CancellationToken.None), issuer.IssueAsync(Request("d2"), CancellationToken.None) };
        first.SetResult();
        var results = await Task.WhenAll(later.Prepend(one));

        Assert.Equal([1, 2, 1], batches.Select(b => b.Count));
        Assert.Equal(["d1", "d2", "d3", "d2"], results.Select(r => r.Receipt!.DonorKey!.Value));
        Assert.Equal(["2026-000001", "2026-000002", "2026-000003", "2026-000002"], results.Select(r => r.Receipt!.Number));
    }

    [Fact]
    public async Task A_failed_step_fails_its_requests_and_the_next_ones_still_go()
    {
        var calls = 0;
        var register = new Mock<IReceiptRegister>();
        register.Setup(r => r.IssueAnnualAsync(It.IsAny<IReadOnlyList<AnnualReceiptIssueRequest>>(), It.IsAny<CancellationToken>()))
            .Returns((IReadOnlyList<AnnualReceiptIssueRequest> requests, CancellationToken _) => Interlocked.Increment(ref calls) == 1
                ? Task.FromException<IReadOnlyList<AnnualReceiptIssueResult>>(new InvalidOperationException("storage down"))
                : Task.FromResult<IReadOnlyList<AnnualReceiptIssueResult>>(requests.Select(r => AnnualReceiptIssueResult.Refused(r, [r.PaymentKeys[0]])).ToList()));
        var issuer = new CoalescingAnnualReceiptIssuer(register.Object);

        await Assert.ThrowsAsync<InvalidOperationException>(() => issuer.IssueAsync(Request("d1"), CancellationToken.None));
        var refused = await issuer.IssueAsync(Request("d2"), CancellationToken.None);

        Assert.Null(refused.Receipt);
        Assert.Single(refused.AlreadyConfirmed);
    }

    private static AnnualReceiptIssueRequest Request(string donor) => new(
        AnnualReceiptSubject.CalendarYear(new ReceiptDonorKey(donor), 2025),
        new ReceiptDonor("Jürgen Weiß", ["Königstraße 5", "12345 Groß Köris"]),
        [new AnnualReceiptPayment(ReceiptPaymentKey.For(ReceiptSubjectKind.Donation, "don_" + donor, "pay_1"), new DateOnly(2025, 3, 3), ReceiptKind.Donation, 2500)],
        new DateOnly(2026, 1, 10),
        Issuer);

    private static async Task Eventually(Func<bool> condition)
    {
        for (var i = 0; i < 200 && !condition(); i++)
        {
            await Task.Delay(10);
        }

        Assert.True(condition());
    }
}
