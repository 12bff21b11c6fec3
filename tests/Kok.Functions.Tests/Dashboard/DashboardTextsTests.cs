using System.Reflection;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Kok.Domain.Dashboard;
using Kok.Domain.Donations;
using Kok.Domain.Dues;
using Kok.Domain.Mail;
using Kok.Domain.Membership;
using Kok.Domain.Payments;
using Kok.Functions.Dashboard;
using Kok.Functions.Staff;
using Microsoft.AspNetCore.Mvc;

namespace Kok.Functions.Tests.Dashboard;

/// <summary>
/// The dashboard page names every code the server can send it (mail kinds, audit actions and their facts, queue
/// names, statuses, counters, error codes) in German and English (dashboard.texts.json), so a person never reads
/// <c>member_welcome</c> or <c>dues-charge</c>; and every text the page asks for exists in both languages.
/// </summary>
public sealed partial class DashboardTextsTests
{
    private static readonly JsonObject Texts = Load();

    public static TheoryData<string> Languages => new() { "de", "en" };

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_mail_kind_has_a_label(string lang)
    {
        AssertLabelled(lang, "mailKinds", Names<MailKind>().Concat(Names<MemberMailKind>()));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_audit_action_and_each_of_its_facts_has_a_label(string lang)
    {
        var actions = typeof(AuditEntry).Assembly.GetTypes()
            .Select(t => t.GetField("AuditAction", BindingFlags.Public | BindingFlags.Static))
            .Where(f => f is { IsLiteral: true })
            .Select(f => (string)f!.GetRawConstantValue()!)
            .ToList();

        Assert.Equal(13, actions.Count);
        AssertLabelled(lang, "auditActions", actions);
        AssertLabelled(lang, "auditFacts", Constants(typeof(AuditFacts)));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_queue_staff_can_see_has_a_label(string lang)
    {
        AssertLabelled(lang, "queues", StoragePoisonQueueMonitor.WorkQueues);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_status_method_kind_outcome_and_counter_has_a_label(string lang)
    {
        AssertLabelled(lang, "memberStatuses", Names<MembershipStatus>());
        AssertLabelled(lang, "paymentStatuses", Names<PaymentStatus>().Concat(Names<DuesEntryStatus>()));
        AssertLabelled(lang, "mailStates", Names<MailLogState>());
        AssertLabelled(lang, "methods", Names<PaymentMethodKind>());
        AssertLabelled(lang, "kinds", Names<MemberKind>());
        AssertLabelled(lang, "outcomes", Names<MemberCancellation>());
        AssertLabelled(lang, "locales", ["de", "en"]);
        AssertLabelled(lang, "counters", Constants(typeof(DashboardCounter)));
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_kind_of_attention_item_and_each_donation_status_and_interval_has_a_label(string lang)
    {
        AssertLabelled(lang, "attentionKinds", Names<AttentionKind>());
        AssertLabelled(lang, "donationStatuses", Names<DonationStatus>());
        AssertLabelled(lang, "intervals", Names<DonationInterval>());
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void Every_error_code_of_the_dashboard_API_has_a_message(string lang)
    {
        var fieldCodes = Constants(typeof(BankTransferFormValidator)).Where(c => c.Contains('_', StringComparison.Ordinal)).ToList();
        Assert.Equal(5, fieldCodes.Count);
        AssertLabelled(lang, "fieldErrors", fieldCodes.Concat([StaffErrorCodes.BelowDues, StaffErrorCodes.BodyTooLarge, StaffErrorCodes.BodyNotObject]));
        AssertLabelled(lang, "problems", Constants(typeof(StaffErrorCodes))
            .Except([StaffErrorCodes.BelowDues, StaffErrorCodes.BodyTooLarge, StaffErrorCodes.BodyNotObject]));
    }

    [Fact]
    public void German_and_English_have_the_same_texts_none_empty()
    {
        AssertSameShape("", Texts["de"]!, Texts["en"]!);
    }

    [Fact]
    public void Every_text_the_page_asks_for_exists()
    {
        var script = Resource("dashboard.js");
        var html = Resource("dashboard.html");
        var keys = TextCall().Matches(script).Select(m => m.Groups["key"].Value)
            .Concat(I18nAttribute().Matches(html).Select(m => m.Groups["key"].Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();

        Assert.True(keys.Count > 80, $"only {keys.Count} keys found");
        foreach (var lang in new[] { "de", "en" })
        {
            Assert.All(keys, key => Assert.True(Texts[lang]![key] is not null, $"{lang}: no text '{key}'"));
        }
    }

    [Fact]
    public void The_served_script_carries_the_texts()
    {
        // The asset itself; who may fetch it is the staff guard's business (DashboardPageFunctionTests).
        var request = HttpRequests.Create("GET", contentType: null);

        var script = Encoding.UTF8.GetString(Assert.IsType<FileContentResult>(
            DashboardPageFunction.AssetFile(request, "dashboard.js")).FileContents);

        Assert.DoesNotContain("{{texts}}", script, StringComparison.Ordinal);
        Assert.Contains("\"dues_staff_reminder\": \"Erinnerung durch die Geschäftsstelle\"", script, StringComparison.Ordinal);
    }

    private static void AssertLabelled(string lang, string group, IEnumerable<string> codes)
    {
        var labels = Texts[lang]![group]!.AsObject();
        Assert.All(codes, code => Assert.True(
            labels[code] is { } text && text.ToJsonString().Length > 2,
            $"{lang}.{group} has no label for '{code}'"));
    }

    private static void AssertSameShape(string path, JsonNode de, JsonNode en)
    {
        switch (de)
        {
            case JsonObject objectDe:
                var objectEn = Assert.IsType<JsonObject>(en);
                Assert.Equal(objectDe.Select(p => p.Key).Order(StringComparer.Ordinal), objectEn.Select(p => p.Key).Order(StringComparer.Ordinal));
                foreach (var (key, value) in objectDe)
                {
                    AssertSameShape(path + "." + key, value!, objectEn[key]!);
                }

                break;
            case JsonArray arrayDe:
                Assert.Equal(arrayDe.Count, Assert.IsType<JsonArray>(en).Count);
                break;
            default:
                Assert.False(string.IsNullOrWhiteSpace(de.GetValue<string>()), path + " (de) is empty");
                Assert.False(string.IsNullOrWhiteSpace(en.GetValue<string>()), path + " (en) is empty");
                Assert.Equal(Placeholders(de.GetValue<string>()), Placeholders(en.GetValue<string>()));
                break;
        }
    }

    private static IEnumerable<string> Placeholders(string text) =>
        Placeholder().Matches(text).Select(m => m.Value).Order(StringComparer.Ordinal);

    private static IEnumerable<string> Names<T>()
        where T : struct, Enum => Enum.GetValues<T>().Select(v => JsonNamingPolicy.SnakeCaseLower.ConvertName(v.ToString()));

    private static List<string> Constants(Type type) =>
        type.GetFields(BindingFlags.Public | BindingFlags.Static)
            .Where(f => f is { IsLiteral: true } && f.FieldType == typeof(string))
            .Select(f => (string)f.GetRawConstantValue()!)
            .ToList();

    private static JsonObject Load() => JsonNode.Parse(Resource("dashboard.texts.json"))!.AsObject();

    private static string Resource(string name)
    {
        using var stream = typeof(DashboardPageFunction).Assembly.GetManifestResourceStream("Kok.Functions.Dashboard.Page." + name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    [GeneratedRegex("\\bt\\(\"(?<key>[A-Za-z]+)\"")]
    private static partial Regex TextCall();

    [GeneratedRegex("data-i18n=\"(?<key>[A-Za-z]+)\"")]
    private static partial Regex I18nAttribute();

    [GeneratedRegex("\\{[a-z]+\\}", RegexOptions.IgnoreCase)]
    private static partial Regex Placeholder();
}
