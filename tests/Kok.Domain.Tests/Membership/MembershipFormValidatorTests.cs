using Kok.Domain.Common;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using static Kok.Domain.Tests.Membership.MemberFixtures;

namespace Kok.Domain.Tests.Membership;

public class MembershipFormValidatorTests
{
    private static IReadOnlyDictionary<string, string[]> Errors(MembershipForm form, MembershipRules? rules = null)
    {
        var result = MembershipFormValidator.Validate(form, rules ?? MembershipRules.Default, new ValidationErrors());
        Assert.False(result.IsValid);
        return result.Errors;
    }

    [Theory]
    [InlineData("person", MemberKind.Person)]
    [InlineData("organisation", MemberKind.Organisation)]
    [InlineData("group", MemberKind.Group)]
    public void Valid_form_of_each_kind_is_accepted(string kind, MemberKind expected)
    {
        var result = MembershipFormValidator.Validate(ValidForm(kind), MembershipRules.Default, new ValidationErrors());

        var request = Assert.IsType<MembershipRequest>(result.Value);
        Assert.Equal(expected, request.Kind);
        Assert.Equal(6000, request.AnnualAmountCents);
        Assert.Equal(PaymentMethodKind.SepaDebit, request.PaymentMethod);
        Assert.Equal(kind == "person" ? null : "Erika Mustermann", request.ContactPerson);
    }

    [Theory]
    [InlineData(null, "Is required.")]
    [InlineData("company", "Must be one of: \"person\", \"organisation\", \"group\".")]
    public void Kind_is_required_and_known(string? kind, string message) =>
        Assert.Equal([message], Errors(ValidForm() with { Kind = kind })["kind"]);

    [Theory]
    [InlineData("organisation")]
    [InlineData("group")]
    public void Contact_person_is_required_for_organisations_and_groups(string kind) =>
        Assert.Equal(["Is required."], Errors(ValidForm(kind) with { ContactPerson = "  " })["contactPerson"]);

    [Fact]
    public void Contact_person_is_not_needed_for_a_person_and_not_kept()
    {
        var result = MembershipFormValidator.Validate(ValidForm() with { ContactPerson = "Someone" }, MembershipRules.Default, new ValidationErrors());

        Assert.Null(result.Value!.ContactPerson);
        Assert.True(MembershipFormValidator.Validate(ValidForm() with { ContactPerson = null }, MembershipRules.Default, new ValidationErrors()).IsValid);
    }

    [Fact]
    public void Name_is_required_and_clean()
    {
        Assert.Equal(["Is required."], Errors(ValidForm() with { Name = "" })["name"]);
        Assert.Equal([FieldRules.ControlCharacterMessage], Errors(ValidForm() with { Name = "Erika\u202EMustermann" })["name"]);
        Assert.Equal(["Must be at most 200 characters."], Errors(ValidForm() with { Name = new string('a', 201) })["name"]);
    }

    [Theory]
    [InlineData(null, "Is required.")]
    [InlineData("erika@", FieldRules.EmailMessage)]
    [InlineData("erika example.de", FieldRules.EmailMessage)]
    public void Email_is_required_and_valid(string? email, string message) =>
        Assert.Equal([message], Errors(ValidForm() with { Email = email })["email"]);

    [Theory]
    [InlineData("person")]
    [InlineData("organisation")]
    [InlineData("group")]
    public void Address_is_always_required(string kind) =>
        Assert.Equal(["Is required."], Errors(ValidForm(kind) with { Address = null })["address"]);

    [Fact]
    public void Address_fields_are_checked()
    {
        var errors = Errors(ValidForm() with { Address = new AddressForm { Street = "", PostalCode = "1234", City = "Köln", Country = "XX" } });

        Assert.Equal(["Is required."], errors["address.street"]);
        Assert.Equal([FieldRules.CountryMessage], errors["address.country"]);

        var german = Errors(ValidForm() with { Address = new AddressForm { Street = "A 1", PostalCode = "1234", City = "Köln", Country = "DE" } });
        Assert.Equal([FieldRules.GermanPostalCodeMessage], german["address.postalCode"]);
    }

    [Theory]
    [InlineData("49.99", "Must be between 50.00 and 10000.00.")]
    [InlineData("10000.01", "Must be between 50.00 and 10000.00.")]
    [InlineData("60.001", FieldRules.DecimalPlacesMessage)]
    public void Annual_amount_is_within_the_minimum_and_maximum_with_two_decimals(string amount, string message) =>
        Assert.Contains(message, Errors(ValidForm() with { AnnualAmount = decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture) })["annualAmount"]);

    [Fact]
    public void Boundaries_are_accepted_and_the_minimum_is_configurable()
    {
        Assert.True(MembershipFormValidator.Validate(ValidForm() with { AnnualAmount = 50.00m }, MembershipRules.Default, new ValidationErrors()).IsValid);
        Assert.True(MembershipFormValidator.Validate(ValidForm() with { AnnualAmount = 10_000.00m }, MembershipRules.Default, new ValidationErrors()).IsValid);
        Assert.Equal(["Must be between 75.00 and 10000.00."], Errors(ValidForm(), new MembershipRules(75_00))["annualAmount"]);
        Assert.Equal(["Is required."], Errors(ValidForm() with { AnnualAmount = null })["annualAmount"]);
    }

    [Fact]
    public void Payment_method_and_locale_come_from_fixed_sets()
    {
        Assert.Equal(["Must be one of: \"card\", \"sepa_debit\"."], Errors(ValidForm() with { PaymentMethod = "paypal" })["paymentMethod"]);
        Assert.Equal(["Must be one of: \"de\", \"en\"."], Errors(ValidForm() with { Locale = "fr" })["locale"]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(null)]
    public void Privacy_consent_must_be_given(bool? privacy)
    {
        Assert.Equal([MembershipFormValidator.PrivacyMessage], Errors(ValidForm() with { Consents = new MembershipConsentsForm { Privacy = privacy } })["consents.privacy"]);
        Assert.Equal([MembershipFormValidator.PrivacyMessage], Errors(ValidForm() with { Consents = null })["consents.privacy"]);
    }

    [Fact]
    public void Honeypot_and_wrong_types_are_reported()
    {
        var errors = Errors(ValidForm() with { Website = "http://spam", WrongTypeFields = ["annualAmount"], AnnualAmount = null });

        Assert.Equal([FieldRules.HoneypotMessage], errors["website"]);
        Assert.Equal([FieldRules.WrongTypeMessage], errors["annualAmount"]);
    }
}
