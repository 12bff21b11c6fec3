using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Mail;
using Kok.Domain.Payments;
using Kok.Domain.Receipts;
using static Kok.Domain.Tests.Donations.DonationFixtures;

namespace Kok.Domain.Tests.Donations;

public class DonationReceiptSubjectsTests
{
    private readonly InMemoryDonationRepository donations = new();

    [Fact]
    public async Task Address_abroad_keeps_its_country_and_english_locale_gives_english_mails()
    {
        var request = Request() with
        {
            Donor = new ContactDetails("Jane Doe", "jane@example.org", new PostalAddress("1 High Street", "OX1 1AA", "Oxford", "GB")),
            Locale = "en-GB",
        };
        var donation = Donation.Create(DonationId, request, T0);
        donation.AttachCheckout(new CheckoutSession(SessionId, CheckoutUrl));
        donation.Apply(Completed("evt_1", paid: true));
        await donations.TryAddAsync(donation, CancellationToken.None);

        var payment = await new DonationReceiptSubjects(donations).LoadAsync(DonationId, donation.Payments[0].Id, CancellationToken.None);

        Assert.NotNull(payment);
        Assert.Equal(["1 High Street", "OX1 1AA Oxford", "GB"], payment.ReceiptAddressLines);
        Assert.Equal(MailLanguage.English, payment.Language);
        Assert.Equal(ReceiptPaymentState.Paid, payment.State);
        Assert.Equal(PaidPaymentMail.OneTimeDonation, payment.PaidMail);
        Assert.Equal($"donation:{DonationId}:{donation.Payments[0].Id}", payment.PaidMailSubjectId);
    }

    [Fact]
    public async Task Later_monthly_payments_call_for_no_mail_even_when_the_first_was_refunded()
    {
        var donation = NewDonation(DonationInterval.Monthly, amountCents: 1000);
        donation.Apply(CompletedSubscription("evt_c", paid: true));
        donation.Apply(Invoice("evt_i0", 0));
        donation.Apply(Invoice("evt_i1", 1));
        donation.Apply(Refunded("evt_r", paymentIntentId: "pi_inv_0", amount: 1000));
        await donations.TryAddAsync(donation, CancellationToken.None);
        var source = new DonationReceiptSubjects(donations);

        var first = await source.LoadAsync(DonationId, donation.Payments[0].Id, CancellationToken.None);
        var second = await source.LoadAsync(DonationId, donation.Payments[1].Id, CancellationToken.None);

        Assert.Equal((ReceiptPaymentState.Refunded, PaidPaymentMail.MonthlyDonationStart), (first!.State, first.PaidMail));
        Assert.Equal((ReceiptPaymentState.Paid, PaidPaymentMail.None), (second!.State, second.PaidMail));
        Assert.Equal("donation:" + DonationId, second.PaidMailSubjectId);
    }
}
