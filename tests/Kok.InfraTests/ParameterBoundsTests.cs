using System.Globalization;
using System.Text.Json.Nodes;
using Kok.Functions.Mail;
using Microsoft.Extensions.Configuration;

namespace Kok.InfraTests;

/// <summary>
/// Holds every parameter of main.bicep to the app's own start-up checks: each value the template accepts at the edges
/// of its constraints (minimum and maximum and one past each, lengths, the default, and values just outside the
/// shapes it checks) is evaluated by `bicep snapshot`; where the template accepts it, the app settings it produces
/// must pass the app's checks (the composition root resolved whole, and the SendGrid sender settings). Loosening a
/// bound in the Bicep (duesGraceDays @minValue(0) against the app's "after the last reminder, day 21") makes a value
/// pass the template that stops the app, and this test names it. A new parameter must be added below, or to the list
/// of parameters the app does not read, with the reason.
/// </summary>
[Collection(BicepTemplateGroup.Name)]
public sealed class ParameterBoundsTests(BicepBuild build)
{
    /// <summary>Longest text probed where the template sets no maximum length.</summary>
    private const int LongText = 2000;

    private static readonly Dictionary<string, string> NotReadByTheApp = new(StringComparer.Ordinal)
    {
        ["environmentName"] = "names the resources",
        ["location"] = "the region",
        ["staffAuthClientId"] = "App Service Authentication's, not the app's",
        ["stripeSecretKey"] = "stored in Key Vault; empty keeps the vault's secret; checked when Stripe is first called",
        ["stripeWebhookSecret"] = "stored in Key Vault; empty keeps the vault's secret; checked on the first webhook",
        ["sendGridApiKey"] = "stored in Key Vault; empty keeps the vault's secret; checked when the first mail is sent",
        ["alertEmail"] = "the action group's",
        ["poisonQueues"] = "the alert's query",
        ["maximumInstanceCount"] = "the plan's scale limit",
        ["instanceMemoryMB"] = "the plan's instance size",
        ["dailyLogCapGb"] = "the workspace's cap",
        ["lockStorageAccount"] = "a resource lock",
        ["receiptRetentionDays"] = "the storage lifecycle rule",
        ["applicationInsightsEntraAuth"] = "the Functions host's telemetry set-up (Program.cs reads the resulting setting; ApplicationInsightsAuthTests)",
        ["duesSchedule"] = "read by the Functions host's timer trigger (%Dues:Schedule%), not by the app's checks",
    };

    /// <summary>Values the template and the app both accept; each probe replaces one of them.</summary>
    private static readonly Dictionary<string, object> Nominal = new(StringComparer.Ordinal)
    {
        ["environmentName"] = "kok-test",
        ["location"] = "germanywestcentral",
        ["websiteOrigins"] = "https://www.example.org",
        ["websiteSuccessUrl"] = "https://www.example.org/danke",
        ["websiteCancelUrl"] = "https://www.example.org/spenden",
        ["senderEmail"] = "spenden@example.org",
        ["replyToEmail"] = "info@example.org",
        ["organisationName"] = "KOK e.V.",
        ["organisationStreet"] = "Kurfürstenstraße 33",
        ["organisationPostalCode"] = "10785",
        ["organisationCity"] = "Berlin",
        ["organisationTaxOffice"] = "Finanzamt für Körperschaften I",
        ["organisationTaxNumber"] = "27/000/00000",
        ["organisationExemptionNoticeDate"] = "2025-06-01",
        ["organisationPurposes"] = "der Hilfe für Betroffene von Menschenhandel",
        ["organisationSignatoryName"] = "Erika Beispiel",
        ["organisationSignatoryRole"] = "Geschäftsführung",
        ["organisationContactEmail"] = "info@example.org",
        ["staffAuthClientId"] = "00000000-0000-0000-0000-0000000000aa",
        ["linkSigningSecret"] = "nominal-link-signing-secret-0000000000000000",
        ["alertEmail"] = "ops@example.org",
        ["sepaCreditorId"] = "DE98ZZZ09999999999",
    };

    /// <summary>How to write a well-formed value of a given length, and values just outside the checked shape.</summary>
    private static readonly Dictionary<string, (Func<int, string> Text, string[] Shapes)> Strings = new(StringComparer.Ordinal)
    {
        ["websiteOrigins"] = (Url, ["www.example.org"]),
        ["websiteSuccessUrl"] = (Url, ["www.example.org/danke", "https://", "https://www.example.org/a b"]),
        ["websiteCancelUrl"] = (Url, ["www.example.org/spenden", "https://www.example.org/a\tb"]),
        ["senderEmail"] = (Mail, ["spenden", "spenden @example.org"]),
        ["replyToEmail"] = (Mail, ["info.example.org"]),
        ["senderName"] = (Letters, []),
        ["organisationName"] = (Letters, []),
        ["organisationStreet"] = (Letters, []),
        ["organisationPostalCode"] = (Letters, []),
        ["organisationCity"] = (Letters, []),
        ["organisationTaxOffice"] = (Letters, []),
        ["organisationTaxNumber"] = (Letters, []),
        ["organisationExemptionNoticeDate"] = (n => n == 10 ? "2024-02-29" : new string('2', n), ["2025-02-29", "01.06.2025", "2025-13-01"]),
        ["organisationPurposes"] = (Letters, []),
        ["organisationSignatoryName"] = (Letters, []),
        ["organisationSignatoryRole"] = (Letters, []),
        ["organisationContactEmail"] = (Mail, []),
        ["sepaCreditorId"] = (Creditor, ["de98 zzz0 9999 9999 99", "DE98ZZZ", "DE9XZZZ09999999999", "DE98ZZZ-9999999999"]),
        ["customHostName"] = (n => new string('a', n), ["spenden.example.org", "spenden example.org", "https://spenden.example.org"]),
        ["staffRole"] = (Letters, []),
        ["linkSigningSecret"] = (n => new string('s', n), []),
    };

    private static readonly string[] Integers =
        ["membershipMinimumAnnualAmountCents", "duesPreNotificationDays", "duesGraceDays", "rateLimitPermitLimit", "rateLimitWindowSeconds"];

    [Fact]
    public void Every_parameter_is_held_to_the_app_or_named_as_not_read_by_it()
    {
        var declared = build.Template["parameters"]!.AsObject().Select(p => p.Key).Order(StringComparer.Ordinal);

        Assert.Equal(declared, NotReadByTheApp.Keys.Concat(Strings.Keys).Concat(Integers).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Sepa_creditor_id_is_required_and_must_have_the_shape_the_app_accepts()
    {
        var parameter = build.Template["parameters"]!["sepaCreditorId"]!;

        Assert.Null(parameter["defaultValue"]);
        Assert.Equal(
            "[if(__bicep.isSepaCreditorId(__bicep.normalizedCreditorId(parameters('sepaCreditorId'))), __bicep.normalizedCreditorId(parameters('sepaCreditorId')), fail('sepaCreditorId: a SEPA creditor identifier, e.g. DE98ZZZ09999999999'))]",
            (string?)build.Template["variables"]!["checked"]!["sepaCreditorId"]);
    }

    [Fact]
    public void Every_value_the_template_accepts_passes_the_apps_start_up_checks()
    {
        var parameters = build.Template["parameters"]!.AsObject();
        var checks = build.Template["variables"]!["checked"]!.AsObject().ToDictionary(c => c.Key, c => Condition((string)c.Value!), StringComparer.Ordinal);
        var probes = Integers.ToDictionary(p => p, p => IntegerProbes(parameters[p]!).ToList(), StringComparer.Ordinal);
        foreach (var (name, (text, shapes)) in Strings)
        {
            probes[name] = [.. StringProbes(parameters[name]!, text, shapes)];
        }

        // The template's own checks (modules/checks.bicep, wired in main.bicep's "checked"), all probes in one evaluation.
        var refusedByTemplate = BicepSnapshot.Refused(build.Template, checks, probes);
        var pending = probes.ToDictionary(
            p => p.Key, p => new Queue<object>(p.Value.Where(v => !refusedByTemplate.Contains((p.Key, v)))), StringComparer.Ordinal);

        var nominal = BicepSnapshot.Evaluate(Nominal).AppSettings ?? throw new InvalidOperationException("The nominal values do not deploy.");
        Assert.True(AppAccepts(nominal, null, out var nominalReason), nominalReason);
        var refusedByApp = new List<string>();
        while (pending.Values.Any(q => q.Count > 0))
        {
            var round = pending.Where(p => p.Value.Count > 0).ToDictionary(p => p.Key, p => p.Value.Dequeue(), StringComparer.Ordinal);
            var result = BicepSnapshot.Evaluate(With(round));
            Assert.True(result.AppSettings is not null, "The template refused values its checks accept:\n" + result.Refusal);

            // The whole round at once; only when the app refuses it, each changed setting alone, to name the culprit.
            var secret = round.TryGetValue("linkSigningSecret", out var probedSecret) ? (string)probedSecret : null;
            if (AppAccepts(result.AppSettings, secret, out _))
            {
                continue;
            }

            foreach (var (key, value) in result.AppSettings.Where(s => nominal.GetValueOrDefault(s.Key) != s.Value))
            {
                if (!AppAccepts(new Dictionary<string, string>(nominal) { [key] = value }, null, out var reason))
                {
                    refusedByApp.Add($"{key} = {Show(value)} (from {Source(round, value)}): {reason}");
                }
            }

            if (secret is not null && !AppAccepts(nominal, secret, out var secretReason))
            {
                refusedByApp.Add($"linkSigningSecret = {Show(secret)}: {secretReason}");
            }
        }

        Assert.True(refusedByApp.Count == 0,
            "The template accepts values the app refuses at start-up (tighten the parameter's decorators or modules/checks.bicep):\n"
            + string.Join('\n', refusedByApp));
        Assert.NotEmpty(refusedByTemplate);
    }

    /// <summary>The condition of a check compiled as "[if(COND, value, fail('...'))]".</summary>
    private static string Condition(string expression)
    {
        const string start = "[if(";
        Assert.StartsWith(start, expression, StringComparison.Ordinal);
        var depth = 0;
        var quoted = false;
        for (var i = start.Length; i < expression.Length; i++)
        {
            switch (expression[i])
            {
                case '\'': quoted = !quoted; break;
                case '(' when !quoted: depth++; break;
                case ')' when !quoted: depth--; break;
                case ',' when !quoted && depth == 0: return expression[start.Length..i];
            }
        }

        throw new FormatException("No condition in " + expression);
    }

    private static string Source(IReadOnlyDictionary<string, object> round, string settingValue) =>
        round.FirstOrDefault(p => p.Value is string s ? s.Length > 0 && settingValue.Contains(s, StringComparison.Ordinal) : settingValue == Convert.ToString(p.Value, CultureInfo.InvariantCulture)).Key
        ?? "a computed value";

    /// <summary>
    /// The app's start-up checks over the app settings the template produced. Values Azure resolves at deployment
    /// (references to other resources, Key Vault references) are replaced by local stand-ins.
    /// </summary>
    private static bool AppAccepts(IReadOnlyDictionary<string, string> appSettings, string? linkSigningSecret, out string? reason)
    {
        var values = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["AzureWebJobsStorage"] = "UseDevelopmentStorage=true",
            ["PublicBaseUrl"] = "https://func-kok-test.azurewebsites.net",
            ["Stripe:SecretKey"] = "sk_test_probe",
            ["SendGrid:ApiKey"] = "SG.probe",
            ["Links:SigningSecret"] = linkSigningSecret ?? (string)Nominal["linkSigningSecret"],
        };
        foreach (var (name, value) in appSettings.Where(s => !s.Value.StartsWith('[')))
        {
            values[name.Replace("__", ":", StringComparison.Ordinal)] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(values).Build();
        try
        {
            AppComposition.ResolveAll(configuration);
            _ = SendGridSettings.From(configuration);
            reason = null;
            return true;
        }
        catch (Exception ex) when (ex is InvalidOperationException or ArgumentException or FormatException or OverflowException)
        {
            reason = ex.GetBaseException().Message;
            return false;
        }
    }

    private static Dictionary<string, object> With(IReadOnlyDictionary<string, object> probes)
    {
        var values = new Dictionary<string, object>(Nominal, StringComparer.Ordinal);
        foreach (var (name, value) in probes)
        {
            values[name] = value;
        }

        return values;
    }

    /// <summary>The bounds and one past each (or the extremes of an ARM integer where unbounded), and the default.</summary>
    private static IEnumerable<object> IntegerProbes(JsonNode parameter)
    {
        var min = (long?)parameter["minValue"];
        var max = (long?)parameter["maxValue"];
        var probes = new List<long> { min ?? long.MinValue, max ?? long.MaxValue };
        if (min is { } low)
        {
            probes.Add(low - 1);
        }

        if (max is { } high)
        {
            probes.Add(high + 1);
        }

        if (parameter["defaultValue"] is JsonValue value)
        {
            probes.Add((long)value);
        }

        return probes.Distinct().Where(p => p >= (min ?? long.MinValue) && p <= (max ?? long.MaxValue)).Cast<object>();
    }

    /// <summary>Well-formed values at the length bounds and one past each (empty, or long, where unbounded), the default, the shapes.</summary>
    private static IEnumerable<object> StringProbes(JsonNode parameter, Func<int, string> text, string[] shapes)
    {
        var min = (int?)parameter["minLength"] ?? 0;
        var max = (int?)parameter["maxLength"] ?? LongText;
        var probes = new List<string> { text(min), text(max) };
        if (min > 0)
        {
            probes.Add(text(min - 1));
        }

        probes.Add(text(max + 1));
        if (parameter["defaultValue"] is JsonValue value)
        {
            probes.Add((string)value!);
        }

        probes.AddRange(shapes);

        // What the declared lengths refuse never reaches the app; the template's own checks are left to the snapshot.
        return probes.Distinct(StringComparer.Ordinal).Where(p => p.Length >= min && p.Length <= max).Cast<object>();
    }

    private static string Url(int length) => length switch
    {
        >= 24 => "https://www.example.org/" + new string('a', length - 24),
        > 8 => "https://" + new string('a', length - 8),
        _ => new string('h', length),
    };

    private static string Mail(int length) => length >= 3 ? "a@" + new string('b', length - 2) : new string('a', length);

    private static string Letters(int length) => new('K', length);

    private static string Creditor(int length) => length >= 8 ? "DE98ZZZ" + new string('9', length - 7) : new string('D', length);

    private static string Show(object value) =>
        value is string s ? (s.Length > 40 ? $"'{s[..20]}…' ({s.Length.ToString(CultureInfo.InvariantCulture)} characters)" : $"'{s}'") : Convert.ToString(value, CultureInfo.InvariantCulture)!;
}
