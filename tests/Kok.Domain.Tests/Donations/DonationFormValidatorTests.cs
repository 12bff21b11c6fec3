using Kok.Domain.Common;
using Kok.Domain.Donations;
using Kok.Domain.Payments;
using static Kok.Domain.Tests.Donations.DonationFixtures;

namespace Kok.Domain.Tests.Donations;

public class DonationFormValidatorTests
{
    private static IReadOnlyDictionary<string, string[]> ErrorsOf(DonationForm form)
    {
        var result = DonationFormValidator.Validate(form);
        Assert.False(result.IsValid);
        return result.Errors;
    }

    private static void AssertOnlyError(DonationForm form, string field)
    {
        Assert.Equal([field], ErrorsOf(form).Keys);
    }

    [Fact]
    public void Valid_form_becomes_a_normalised_request()
    {
        var result = DonationFormValidator.Validate(ValidForm());

        Assert.True(result.IsValid);
        Assert.Empty(result.Errors);
        Assert.Equal(Request(), result.Value);
    }

    [Fact]
    public void Monthly_sepa_in_english_without_receipt()
    {
        var form = ValidForm(wantsReceipt: false) with
        {
            Interval = "monthly",
            PaymentMethod = "sepa_debit",
            Locale = "en",
            Currency = null,
        };

        var request = DonationFormValidator.Validate(form).Value;

        Assert.NotNull(request);
        Assert.Equal(DonationInterval.Monthly, request.Interval);
        Assert.Equal(PaymentMethodKind.SepaDebit, request.PaymentMethod);
        Assert.Equal("en", request.Locale);
        Assert.False(request.WantsReceipt);
    }

    [Theory]
    [InlineData("0.99", false)]
    [InlineData("1.00", true)]
    [InlineData("10000.00", true)]
    [InlineData("10000.01", false)]
    [InlineData("25.555", false)]
    public void Amount_limits(string amount, bool valid)
    {
        var form = ValidForm() with { Amount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) };

        var result = DonationFormValidator.Validate(form);

        Assert.Equal(valid, result.IsValid);
        if (!valid)
        {
            Assert.Equal(["amount"], result.Errors.Keys);
        }
    }

    [Fact]
    public void Amount_is_stored_in_cents()
    {
        Assert.Equal(100, DonationFormValidator.Validate(ValidForm() with { Amount = 1m }).Value!.AmountCents);
        Assert.Equal(1_000_000, DonationFormValidator.Validate(ValidForm() with { Amount = 10000m }).Value!.AmountCents);
    }

    [Fact]
    public void Missing_amount_is_named() => AssertOnlyError(ValidForm() with { Amount = null }, "amount");

    [Fact]
    public void Currency_other_than_euro_is_named() => AssertOnlyError(ValidForm() with { Currency = "USD" }, "currency");

    [Theory]
    [InlineData(null)]
    [InlineData("yearly")]
    [InlineData("Once")]
    public void Interval_must_be_once_or_monthly(string? interval) =>
        AssertOnlyError(ValidForm() with { Interval = interval }, "interval");

    [Theory]
    [InlineData(null)]
    [InlineData("paypal")]
    [InlineData("sepa")]
    [InlineData("SEPA_DEBIT")]
    public void Payment_method_must_be_card_or_sepa_debit(string? method) =>
        AssertOnlyError(ValidForm() with { PaymentMethod = method }, "paymentMethod");

    [Theory]
    [InlineData("fr")]
    [InlineData("en-GB")]
    public void Locale_must_be_de_or_en(string locale) => AssertOnlyError(ValidForm() with { Locale = locale }, "locale");

    [Fact]
    public void Missing_locale_defaults_to_german()
    {
        Assert.Equal("de", DonationFormValidator.Validate(ValidForm() with { Locale = null }).Value!.Locale);
    }

    [Fact]
    public void Donor_is_required() => AssertOnlyError(ValidForm() with { Donor = null }, "donor");

    [Fact]
    public void Donor_fields_are_named_by_json_path()
    {
        var form = ValidForm() with
        {
            Donor = new ContactForm
            {
                Name = "Bad\u0007Name",
                Email = "not-an-email",
                Address = new AddressForm { Street = "", PostalCode = " ", City = "Köln", Country = "ZZ" },
            },
        };

        Assert.Equal(
            ["donor.address.country", "donor.address.postalCode", "donor.address.street", "donor.email", "donor.name"],
            ErrorsOf(form).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Name_longer_than_200_characters_is_named() =>
        AssertOnlyError(ValidForm() with { Donor = ValidForm().Donor! with { Name = new string('n', 201) } }, "donor.name");

    [Fact]
    public void Address_is_required_when_a_receipt_is_wanted() =>
        AssertOnlyError(ValidForm(wantsReceipt: true) with { Donor = ValidForm().Donor! with { Address = null } }, "donor.address");

    [Fact]
    public void Address_is_optional_without_receipt()
    {
        var form = ValidForm(wantsReceipt: false) with { Donor = ValidForm().Donor! with { Address = null } };

        Assert.True(DonationFormValidator.Validate(form).IsValid);
    }

    [Fact]
    public void Missing_wants_receipt_means_no_receipt_and_no_address_needed()
    {
        var form = ValidForm() with { WantsReceipt = null, Donor = ValidForm().Donor! with { Address = null } };

        var request = DonationFormValidator.Validate(form).Value;

        Assert.NotNull(request);
        Assert.False(request.WantsReceipt);
    }

    [Fact]
    public void Address_given_without_receipt_is_checked_but_not_kept()
    {
        var valid = DonationFormValidator.Validate(ValidForm(wantsReceipt: false));
        var invalid = ValidForm(wantsReceipt: false) with
        {
            Donor = ValidForm().Donor! with { Address = new AddressForm { Country = "DE" } },
        };

        Assert.Null(valid.Value!.Donor.Address);
        Assert.Contains("donor.address.street", ErrorsOf(invalid).Keys);
    }

    [Theory]
    [InlineData("at")]
    [InlineData("CH")]
    public void Foreign_addresses_are_accepted(string country)
    {
        var form = ValidForm() with
        {
            Donor = ValidForm().Donor! with
            {
                Address = new AddressForm { Street = "Bahnhofstrasse 1", PostalCode = "8001", City = "Zürich", Country = country },
            },
        };

        Assert.Equal(country.ToUpperInvariant(), DonationFormValidator.Validate(form).Value!.Donor.Address!.Country);
    }

    [Fact]
    public void Filled_honeypot_is_refused() =>
        AssertOnlyError(ValidForm() with { Website = "http://spam.example" }, "website");

    [Fact]
    public void Fields_of_the_wrong_type_are_named_once()
    {
        var form = ValidForm() with { Amount = null, WrongTypeFields = ["amount"] };

        var errors = ErrorsOf(form);

        Assert.Equal(["amount"], errors.Keys);
        Assert.Equal([FieldRules.WrongTypeMessage], errors["amount"]);
    }

    [Fact]
    public void Every_problem_is_reported_at_once()
    {
        var form = new DonationForm { Website = "x", Currency = "USD", Locale = "xx" };

        Assert.Equal(
            ["amount", "currency", "donor", "interval", "locale", "paymentMethod", "website"],
            ErrorsOf(form).Keys.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Fingerprint_ignores_formatting_but_not_values()
    {
        var a = DonationFormValidator.Validate(ValidForm()).Value!;
        var b = DonationFormValidator.Validate(ValidForm() with { Amount = 25.5m, Currency = "eur" }).Value!;
        var c = DonationFormValidator.Validate(ValidForm() with { Amount = 25.51m }).Value!;

        Assert.Equal(a.Fingerprint(), b.Fingerprint());
        Assert.NotEqual(a.Fingerprint(), c.Fingerprint());
    }
}
