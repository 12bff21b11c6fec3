using Kok.Domain.Common;

namespace Kok.Domain.Tests.Common;

public class FieldRulesTests
{
    private readonly ValidationErrors errors = new();

    private string[] MessagesFor(string field) =>
        errors.ToDictionary().TryGetValue(field, out var messages) ? messages : [];

    [Theory]
    [InlineData("Erika Mustermann", "Erika Mustermann")]
    [InlineData("  Erika  ", "Erika")]
    [InlineData("Zoë Ünal-Øster", "Zoë Ünal-Øster")]
    [InlineData("محمد\u200Cرضا", "محمد\u200Cرضا")]
    public void Name_accepts_and_trims_ordinary_names(string input, string expected)
    {
        Assert.Equal(expected, FieldRules.PersonName(errors, "donor.name", input));
        Assert.True(errors.IsEmpty);
    }

    [Fact]
    public void Name_with_a_broken_surrogate_pair_is_refused()
    {
        // Built at run time: xunit would repair a lone surrogate in inline data.
        var input = "Erika" + (char)0xD800 + "Mustermann";

        Assert.Null(FieldRules.PersonName(errors, "donor.name", input));
        Assert.Equal([FieldRules.ControlCharacterMessage], MessagesFor("donor.name"));
    }

    [Fact]
    public void Surrounding_whitespace_of_any_kind_is_trimmed()
    {
        Assert.Equal("Erika", FieldRules.PersonName(errors, "donor.name", "\u2028Erika\u0085 "));
    }

    [Fact]
    public void Name_is_normalised_to_composed_form()
    {
        var decomposed = "Zoe\u0308";

        Assert.Equal("Zoë", FieldRules.PersonName(errors, "donor.name", decomposed));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("   ")]
    public void Name_is_required(string? input)
    {
        Assert.Null(FieldRules.PersonName(errors, "donor.name", input));
        Assert.Equal([FieldRules.RequiredMessage], MessagesFor("donor.name"));
    }

    [Fact]
    public void Name_of_200_characters_is_accepted_and_201_refused()
    {
        Assert.NotNull(FieldRules.PersonName(errors, "a", new string('x', 200)));
        Assert.Null(FieldRules.PersonName(errors, "b", new string('x', 201)));

        Assert.Empty(MessagesFor("a"));
        Assert.Equal(["Must be at most 200 characters."], MessagesFor("b"));
    }

    [Fact]
    public void Name_length_counts_characters_not_utf16_units()
    {
        var emojiName = string.Concat(Enumerable.Repeat("😀", 200));

        Assert.NotNull(FieldRules.PersonName(errors, "donor.name", emojiName));
    }

    [Theory]
    [InlineData("Erika\u0000Mustermann")]
    [InlineData("Erika\nMustermann")]
    [InlineData("Erika\tMustermann")]
    [InlineData("Erika\u0085Mustermann")]
    [InlineData("Erika\u2028Mustermann")]
    [InlineData("Erika\u202Enamrets")]
    [InlineData("\u007FErika")]
    public void Name_with_control_characters_is_refused(string input)
    {
        Assert.Null(FieldRules.PersonName(errors, "donor.name", input));
        Assert.Equal([FieldRules.ControlCharacterMessage], MessagesFor("donor.name"));
    }

    [Theory]
    [InlineData("erika@example.de")]
    [InlineData("Erika.Mustermann+spenden@mail.example.org")]
    [InlineData("o'brien@example.ie")]
    [InlineData("user@münchen.de")]
    [InlineData("x@a-b.co")]
    [InlineData(" erika@example.de ")]
    public void Email_accepts_valid_addresses(string input)
    {
        Assert.Equal(input.Trim(), FieldRules.Email(errors, "donor.email", input));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("erika")]
    [InlineData("erika@")]
    [InlineData("@example.de")]
    [InlineData("erika@example")]
    [InlineData("erika@@example.de")]
    [InlineData("erika@exa mple.de")]
    [InlineData("eri ka@example.de")]
    [InlineData(".erika@example.de")]
    [InlineData("erika.@example.de")]
    [InlineData("eri..ka@example.de")]
    [InlineData("erika@-example.de")]
    [InlineData("erika@example-.de")]
    [InlineData("erika@example..de")]
    [InlineData("erika@example.123")]
    [InlineData("erika@example.d")]
    [InlineData("Erika <erika@example.de>")]
    [InlineData("erika@[127.0.0.1]")]
    [InlineData("erika\n@example.de")]
    public void Email_refuses_invalid_addresses(string input)
    {
        Assert.Null(FieldRules.Email(errors, "donor.email", input));
        Assert.Equal([FieldRules.EmailMessage], MessagesFor("donor.email"));
    }

    [Fact]
    public void Email_is_required()
    {
        Assert.Null(FieldRules.Email(errors, "donor.email", null));
        Assert.Equal([FieldRules.RequiredMessage], MessagesFor("donor.email"));
    }

    [Fact]
    public void Email_of_254_characters_is_accepted_and_255_refused()
    {
        static string Address(int thirdLabel) =>
            $"{new string('l', 64)}@{new string('a', 63)}.{new string('b', 63)}.{new string('c', thirdLabel)}.de";

        Assert.Equal(254, Address(58).Length);
        Assert.NotNull(FieldRules.Email(errors, "a", Address(58)));
        Assert.Null(FieldRules.Email(errors, "b", Address(59)));

        Assert.Empty(MessagesFor("a"));
        Assert.Equal(["Must be at most 254 characters."], MessagesFor("b"));
    }

    [Theory]
    [InlineData("DE", "DE")]
    [InlineData("de", "DE")]
    [InlineData("AT", "AT")]
    [InlineData(" CH ", "CH")]
    [InlineData("XK", "XK")]
    public void Country_accepts_alpha2_codes(string input, string expected)
    {
        Assert.Equal(expected, FieldRules.Country(errors, "donor.address.country", input));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("XX")]
    [InlineData("D")]
    [InlineData("DEU")]
    [InlineData("Germany")]
    [InlineData("UK")]
    [InlineData("EU")]
    public void Country_refuses_other_values(string input)
    {
        Assert.Null(FieldRules.Country(errors, "donor.address.country", input));
        Assert.Equal([FieldRules.CountryMessage], MessagesFor("donor.address.country"));
    }

    [Fact]
    public void Address_is_required_only_when_asked()
    {
        Assert.Null(FieldRules.Address(errors, "donor.address", null, required: false));
        Assert.True(errors.IsEmpty);

        Assert.Null(FieldRules.Address(errors, "donor.address", null, required: true));
        Assert.Equal([FieldRules.RequiredMessage], MessagesFor("donor.address"));
    }

    [Fact]
    public void Address_names_each_missing_part()
    {
        var address = FieldRules.Address(errors, "donor.address", new AddressForm { City = "Köln" }, required: false);

        Assert.Null(address);
        Assert.Equal(
            ["donor.address.country", "donor.address.postalCode", "donor.address.street"],
            errors.ToDictionary().Keys.Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("DE", "1234", false)]
    [InlineData("DE", "123456", false)]
    [InlineData("DE", "5114a", false)]
    [InlineData("DE", "51147", true)]
    [InlineData("AT", "1010", true)]
    [InlineData("GB", "SW1A 1AA", true)]
    public void Address_checks_german_postal_codes(string country, string postalCode, bool valid)
    {
        var address = FieldRules.Address(
            errors,
            "donor.address",
            new AddressForm { Street = "Hauptstraße 1", PostalCode = postalCode, City = "Ort", Country = country },
            required: true);

        Assert.Equal(valid, address is not null);
        Assert.Equal(valid ? [] : [FieldRules.GermanPostalCodeMessage], MessagesFor("donor.address.postalCode"));
    }

    [Fact]
    public void Address_is_normalised()
    {
        var address = FieldRules.Address(
            errors,
            "donor.address",
            new AddressForm { Street = " Heidestraße 17 ", PostalCode = "51147", City = "Köln ", Country = "de" },
            required: true);

        Assert.Equal(new PostalAddress("Heidestraße 17", "51147", "Köln", "DE"), address);
    }

    [Theory]
    [InlineData("1.00", 100L)]
    [InlineData("25.5", 2550L)]
    [InlineData("25.50", 2550L)]
    [InlineData("25.500", 2550L)]
    [InlineData("10000.00", 1_000_000L)]
    [InlineData("10000", 1_000_000L)]
    public void Amount_in_range_with_two_decimals_becomes_cents(string input, long cents)
    {
        var amount = decimal.Parse(input, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(cents, FieldRules.EuroAmount(errors, "amount", amount, 100, 1_000_000));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("0.99")]
    [InlineData("10000.01")]
    [InlineData("0")]
    [InlineData("-5.00")]
    public void Amount_out_of_range_is_refused(string input)
    {
        var amount = decimal.Parse(input, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Null(FieldRules.EuroAmount(errors, "amount", amount, 100, 1_000_000));
        Assert.Equal(["Must be between 1.00 and 10000.00."], MessagesFor("amount"));
    }

    [Theory]
    [InlineData("25.555")]
    [InlineData("1.001")]
    public void Amount_with_more_than_two_decimals_is_refused(string input)
    {
        var amount = decimal.Parse(input, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Null(FieldRules.EuroAmount(errors, "amount", amount, 100, 1_000_000));
        Assert.Equal([FieldRules.DecimalPlacesMessage], MessagesFor("amount"));
    }

    [Fact]
    public void Amount_is_required()
    {
        Assert.Null(FieldRules.EuroAmount(errors, "amount", null, 100, 1_000_000));
        Assert.Equal([FieldRules.RequiredMessage], MessagesFor("amount"));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("EUR")]
    [InlineData("eur")]
    public void Currency_is_optional_and_only_euro(string? input)
    {
        Assert.Equal("EUR", FieldRules.Currency(errors, "currency", input));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("USD")]
    [InlineData("")]
    [InlineData("€")]
    public void Other_currencies_are_refused(string input)
    {
        Assert.Null(FieldRules.Currency(errors, "currency", input));
        Assert.Equal([FieldRules.CurrencyMessage], MessagesFor("currency"));
    }

    [Theory]
    [InlineData(null, "de")]
    [InlineData("de", "de")]
    [InlineData("en", "en")]
    public void Locale_is_de_or_en(string? input, string expected)
    {
        Assert.Equal(expected, FieldRules.Locale(errors, "locale", input));
        Assert.True(errors.IsEmpty);
    }

    [Theory]
    [InlineData("fr")]
    [InlineData("DE")]
    [InlineData("de-DE")]
    [InlineData("")]
    public void Other_locales_are_refused(string input)
    {
        Assert.Null(FieldRules.Locale(errors, "locale", input));
        Assert.Equal(["Must be one of: \"de\", \"en\"."], MessagesFor("locale"));
    }

    [Fact]
    public void Choice_maps_wire_names_exactly()
    {
        var allowed = new Dictionary<string, DayOfWeek> { ["mon"] = DayOfWeek.Monday, ["tue"] = DayOfWeek.Tuesday };

        Assert.Equal(DayOfWeek.Tuesday, FieldRules.Choice(errors, "day", "tue", allowed));
        Assert.Null(FieldRules.Choice(errors, "other", "Mon", allowed));
        Assert.Null(FieldRules.Choice(errors, "missing", null, allowed));

        Assert.Equal(["Must be one of: \"mon\", \"tue\"."], MessagesFor("other"));
        Assert.Equal([FieldRules.RequiredMessage], MessagesFor("missing"));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("https://spam.example", false)]
    [InlineData(" ", false)]
    public void Honeypot_must_be_empty(string? input, bool valid)
    {
        FieldRules.Honeypot(errors, "website", input);

        Assert.Equal(valid, errors.IsEmpty);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("4f1c2b7e-9d0a-4c55-8f1e-3a2b1c0d9e8f", true)]
    [InlineData("", false)]
    [InlineData("with space", false)]
    [InlineData("ümlaut", false)]
    public void Idempotency_key_is_visible_ascii(string? key, bool valid)
    {
        FieldRules.IdempotencyKey(errors, "Idempotency-Key", key);

        Assert.Equal(valid, errors.IsEmpty);
    }

    [Fact]
    public void Idempotency_key_may_have_255_characters_not_256()
    {
        FieldRules.IdempotencyKey(errors, "a", new string('k', 255));
        FieldRules.IdempotencyKey(errors, "b", new string('k', 256));

        Assert.False(errors.Contains("a"));
        Assert.True(errors.Contains("b"));
    }

    [Fact]
    public void Wrong_type_is_reported_instead_of_missing()
    {
        FieldRules.WrongType(errors, ["amount"]);
        FieldRules.EuroAmount(errors, "amount", null, 100, 1_000_000);

        Assert.Equal([FieldRules.WrongTypeMessage], MessagesFor("amount"));
    }
}
