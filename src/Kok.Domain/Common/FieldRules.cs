using System.Globalization;
using System.Text;

namespace Kok.Domain.Common;

/// <summary>
/// Field validators shared by every public form (donations, memberships). Each rule adds its messages under the given
/// field path and returns the normalised value, or null when the value is missing or invalid. A field that already
/// has an error (e.g. it had the wrong JSON type) is not reported again as missing.
/// </summary>
public static class FieldRules
{
    public const int MaxNameLength = 200;
    public const int MaxEmailLength = 254;
    public const int MaxStreetLength = 200;
    public const int MaxCityLength = 100;
    public const int MaxPostalCodeLength = 20;
    public const int MaxIdempotencyKeyLength = 255;
    public const string DefaultLocale = "de";
    public const string Euro = "EUR";

    public const string RequiredMessage = "Is required.";
    public const string WrongTypeMessage = "Has the wrong type.";
    public const string ControlCharacterMessage = "Must not contain control characters.";
    public const string EmailMessage = "Must be a valid email address.";
    public const string CountryMessage = "Must be an ISO 3166-1 alpha-2 country code such as \"DE\".";
    public const string GermanPostalCodeMessage = "Must be a German postal code of five digits.";
    public const string DecimalPlacesMessage = "Must have at most two decimal places.";
    public const string CurrencyMessage = "Only \"EUR\" is supported.";
    public const string HoneypotMessage = "Must be empty.";
    public const string IdempotencyKeyMessage = "Must be 1 to 255 visible ASCII characters.";

    private static readonly string[] Locales = ["de", "en"];

    /// <summary>Reports fields whose JSON value had the wrong type (the parser could not fill the form).</summary>
    public static void WrongType(ValidationErrors errors, IEnumerable<string> fields)
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(fields);
        foreach (var field in fields)
        {
            errors.Add(field, WrongTypeMessage);
        }
    }

    /// <summary>Required single-line text: trimmed, NFC-normalised, 1..<paramref name="maxLength"/> characters.</summary>
    public static string? RequiredText(ValidationErrors errors, string field, string? value, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
        {
            Missing(errors, field);
            return null;
        }

        if (!IsCleanText(text))
        {
            errors.Add(field, ControlCharacterMessage);
            return null;
        }

        text = text.Normalize(NormalizationForm.FormC);
        if (CharacterCount(text) > maxLength)
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"Must be at most {maxLength} characters."));
            return null;
        }

        return text;
    }

    public static string? PersonName(ValidationErrors errors, string field, string? value) =>
        RequiredText(errors, field, value, MaxNameLength);

    /// <summary>
    /// A deliverable address in the common "local@domain" form: no quoted local parts or IP literals, which real
    /// supporters don't use and which mail services handle badly. Internationalised domains are accepted.
    /// </summary>
    public static string? Email(ValidationErrors errors, string field, string? value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var email = value?.Trim();
        if (string.IsNullOrEmpty(email))
        {
            Missing(errors, field);
            return null;
        }

        if (email.Length > MaxEmailLength)
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"Must be at most {MaxEmailLength} characters."));
            return null;
        }

        if (!IsValidEmail(email))
        {
            errors.Add(field, EmailMessage);
            return null;
        }

        return email;
    }

    /// <summary>ISO 3166-1 alpha-2, case-insensitive; returned in upper case.</summary>
    public static string? Country(ValidationErrors errors, string field, string? value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var code = value?.Trim();
        if (string.IsNullOrEmpty(code))
        {
            Missing(errors, field);
            return null;
        }

        code = code.ToUpperInvariant();
        if (!CountryCodes.IsKnown(code))
        {
            errors.Add(field, CountryMessage);
            return null;
        }

        return code;
    }

    /// <summary>
    /// A postal address under <paramref name="field"/> ("donor.address"). When <paramref name="required"/> is false
    /// a missing address is fine, but a present one must still be complete and valid.
    /// </summary>
    public static PostalAddress? Address(ValidationErrors errors, string field, AddressForm? form, bool required)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (form is null)
        {
            if (required)
            {
                Missing(errors, field);
            }

            return null;
        }

        var street = RequiredText(errors, $"{field}.street", form.Street, MaxStreetLength);
        var postalCode = RequiredText(errors, $"{field}.postalCode", form.PostalCode, MaxPostalCodeLength);
        var city = RequiredText(errors, $"{field}.city", form.City, MaxCityLength);
        var country = Country(errors, $"{field}.country", form.Country);

        // German receipts go to German tax offices; a wrong PLZ is the most common typo worth catching here.
        if (country == "DE" && postalCode is not null && !(postalCode.Length == 5 && postalCode.All(char.IsAsciiDigit)))
        {
            errors.Add($"{field}.postalCode", GermanPostalCodeMessage);
            postalCode = null;
        }

        return street is null || postalCode is null || city is null || country is null
            ? null
            : new PostalAddress(street, postalCode, city, country);
    }

    /// <summary>Name, email and address of a person under <paramref name="field"/> ("donor").</summary>
    public static ContactDetails? Contact(ValidationErrors errors, string field, ContactForm? form, bool addressRequired)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (form is null)
        {
            Missing(errors, field);
            return null;
        }

        var name = PersonName(errors, $"{field}.name", form.Name);
        var email = Email(errors, $"{field}.email", form.Email);
        var address = Address(errors, $"{field}.address", form.Address, addressRequired);
        var addressOk = address is not null || (form.Address is null && !addressRequired);

        return name is null || email is null || !addressOk ? null : new ContactDetails(name, email, address);
    }

    /// <summary>
    /// A euro amount sent as a JSON number with at most two decimals, within [min, max] cents; returned in cents.
    /// </summary>
    public static long? EuroAmount(ValidationErrors errors, string field, decimal? value, long minCents, long maxCents)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is not { } amount)
        {
            Missing(errors, field);
            return null;
        }

        var ok = true;
        if (decimal.Round(amount, 2) != amount)
        {
            errors.Add(field, DecimalPlacesMessage);
            ok = false;
        }

        var min = minCents / 100m;
        var max = maxCents / 100m;
        if (amount < min || amount > max)
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"Must be between {min:0.00} and {max:0.00}."));
            ok = false;
        }

        return ok ? (long)(amount * 100m) : null;
    }

    /// <summary>Optional currency; only euro is accepted (case-insensitive). Returns "EUR" or null on error.</summary>
    public static string? Currency(ValidationErrors errors, string field, string? value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is null)
        {
            return Euro;
        }

        if (!string.Equals(value.Trim(), Euro, StringComparison.OrdinalIgnoreCase))
        {
            errors.Add(field, CurrencyMessage);
            return null;
        }

        return Euro;
    }

    /// <summary>Optional locale of the supporter's texts: "de" (default) or "en".</summary>
    public static string? Locale(ValidationErrors errors, string field, string? value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (value is null)
        {
            return DefaultLocale;
        }

        if (!Locales.Contains(value, StringComparer.Ordinal))
        {
            errors.Add(field, OneOfMessage(Locales));
            return null;
        }

        return value;
    }

    /// <summary>A required value from a fixed set of wire names (exact, case-sensitive).</summary>
    public static T? Choice<T>(ValidationErrors errors, string field, string? value, IReadOnlyDictionary<string, T> allowed)
        where T : struct
    {
        ArgumentNullException.ThrowIfNull(errors);
        ArgumentNullException.ThrowIfNull(allowed);
        if (string.IsNullOrEmpty(value))
        {
            Missing(errors, field);
            return null;
        }

        if (!allowed.TryGetValue(value, out var choice))
        {
            errors.Add(field, OneOfMessage(allowed.Keys));
            return null;
        }

        return choice;
    }

    /// <summary>
    /// Bots fill every input; people never see the honeypot field. A filled honeypot is reported like any invalid
    /// field, so the request creates nothing.
    /// </summary>
    public static void Honeypot(ValidationErrors errors, string field, string? value)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (!string.IsNullOrEmpty(value))
        {
            errors.Add(field, HoneypotMessage);
        }
    }

    /// <summary>The optional <c>Idempotency-Key</c> header: 1–255 visible ASCII characters.</summary>
    public static void IdempotencyKey(ValidationErrors errors, string field, string? key)
    {
        ArgumentNullException.ThrowIfNull(errors);
        if (key is null)
        {
            return;
        }

        if (key.Length is 0 or > MaxIdempotencyKeyLength || !key.All(c => c is >= '!' and <= '~'))
        {
            errors.Add(field, IdempotencyKeyMessage);
        }
    }

    private static void Missing(ValidationErrors errors, string field)
    {
        if (!errors.Contains(field))
        {
            errors.Add(field, RequiredMessage);
        }
    }

    private static string OneOfMessage(IEnumerable<string> values) =>
        $"Must be one of: {string.Join(", ", values.Select(v => $"\"{v}\""))}.";

    private static int CharacterCount(string text) => text.EnumerateRunes().Count();

    // Rejects C0/C1 controls, line/paragraph separators, bidi overrides (which can disguise a name on staff screens)
    // and broken surrogate pairs. Joiners stay allowed: several scripts need them in ordinary names.
    private static bool IsCleanText(string text)
    {
        var index = 0;
        while (index < text.Length)
        {
            if (Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed) != System.Buffers.OperationStatus.Done)
            {
                return false;
            }

            var category = Rune.GetUnicodeCategory(rune);
            if (category is UnicodeCategory.Control or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator
                || rune.Value is >= 0x202A and <= 0x202E or >= 0x2066 and <= 0x2069)
            {
                return false;
            }

            index += consumed;
        }

        return true;
    }

    private static bool IsValidEmail(string email)
    {
        var at = email.LastIndexOf('@');
        if (at <= 0 || at == email.Length - 1)
        {
            return false;
        }

        var local = email[..at];
        var domain = email[(at + 1)..];
        return IsValidLocalPart(local) && IsValidDomain(domain);
    }

    private static bool IsValidLocalPart(string local)
    {
        if (local.Length > 64 || local.StartsWith('.') || local.EndsWith('.') || local.Contains("..", StringComparison.Ordinal))
        {
            return false;
        }

        const string Specials = "!#$%&'*+/=?^_`{|}~-.";
        return local.All(c => char.IsAsciiLetterOrDigit(c) || Specials.Contains(c, StringComparison.Ordinal));
    }

    private static bool IsValidDomain(string domain)
    {
        string ascii;
        try
        {
            ascii = new IdnMapping().GetAscii(domain);
        }
        catch (ArgumentException)
        {
            return false;
        }

        if (ascii.Length > 253)
        {
            return false;
        }

        var labels = ascii.Split('.');
        if (labels.Length < 2)
        {
            return false;
        }

        foreach (var label in labels)
        {
            if (label.Length is 0 or > 63 || label.StartsWith('-') || label.EndsWith('-')
                || !label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            {
                return false;
            }
        }

        var topLevel = labels[^1];
        return topLevel.Length >= 2 && !topLevel.All(char.IsAsciiDigit);
    }
}
