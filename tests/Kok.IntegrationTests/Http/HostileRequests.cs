using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Kok.DevHost.Functions;
using Kok.Domain.Common;

namespace Kok.IntegrationTests.Http;

/// <summary>One request of the battery: what it tries, and how to send it.</summary>
internal sealed record HostileRequest(
    string Description,
    HttpMethod Method,
    string PathAndQuery,
    byte[]? Body = null,
    string? ContentType = "application/json",
    IReadOnlyList<KeyValuePair<string, string>>? Headers = null)
{
    public bool AcceptsHtml => Headers?.Any(h => h.Key == "Accept" && h.Value.Contains("text/html", StringComparison.Ordinal)) == true;

    public override string ToString() => $"{Description}: {Method} {Shorten(PathAndQuery)}";

    private static string Shorten(string text) => text.Length > 120 ? text[..120] + "…" : text;
}

/// <summary>
/// A battery of hostile requests for one HTTP function, built from its route and methods only: bad UTF-8, lone
/// surrogates and duplicate keys in JSON bodies, JSON of the wrong shape, bodies that are too big, deep, empty or
/// of the wrong media type (also on GET), huge and odd headers (a 10 KB or non-ASCII Idempotency-Key, forged staff
/// principals, odd forwarding addresses), odd query strings and route values, every other method; and for the
/// Stripe webhook each of those bodies correctly signed.
/// </summary>
internal static class HostileRequests
{
    public const string StaffToken = "hostile-staff-token";
    public const string WebhookSecret = "whsec_devhost_00000000000000000000000000000000";

    private static readonly string[] OtherMethods = ["GET", "POST", "PUT", "DELETE", "PATCH", "OPTIONS", "HEAD"];

    public static IEnumerable<HostileRequest> For(FunctionDescriptor function, long nowUnixSeconds)
    {
        var path = HttpFunctionRoutes.Path(function, _ => PlausibleId());
        var methods = HttpFunctionRoutes.Methods(function);
        var staff = Header("Authorization", "Bearer " + StaffToken);
        var webhook = function.HttpTrigger!.Route == "api/stripe/webhook";

        foreach (var method in methods)
        {
            foreach (var (what, body) in Bodies(function))
            {
                yield return new(what, method, path, body, Headers: [staff]);
                if (webhook)
                {
                    yield return new(what + ", signed", method, path, body, Headers: [Header("Stripe-Signature", Sign(body, nowUnixSeconds))]);
                }
            }

            foreach (var (what, contentType, body) in MediaTypes())
            {
                yield return new(what, method, path, body, contentType, [staff]);
            }

            foreach (var (what, header) in Headers())
            {
                yield return new(what, method, path, Json(FormBody(function)), Headers: [staff, header]);
                yield return new(what + ", anonymous", method, path, Json(FormBody(function)), Headers: [header]);
            }

            foreach (var (what, query) in Queries())
            {
                yield return new(what, method, path + query, Headers: [staff]);
            }

            if (HttpFunctionRoutes.HasParameters(function))
            {
                foreach (var (what, value) in RouteValues())
                {
                    yield return new(what, method, HttpFunctionRoutes.Path(function, _ => value), Json(FormBody(function)), Headers: [staff]);
                }
            }
        }

        foreach (var other in OtherMethods.Where(m => methods.All(d => d.Method != m)))
        {
            yield return new("another method", new HttpMethod(other), path, Headers: [staff]);
            yield return new("another method with a body", new HttpMethod(other), path, Json(FormBody(function)), Headers: [staff]);
        }

        if (webhook)
        {
            foreach (var (what, body) in SignedEvents())
            {
                yield return new(what, HttpMethod.Post, path, body, Headers: [Header("Stripe-Signature", Sign(body, nowUnixSeconds))]);
            }
        }
    }

    /// <summary>JSON (or not quite) bodies; the function's own form body with hostile parts where it takes one.</summary>
    private static IEnumerable<(string, byte[]?)> Bodies(FunctionDescriptor function)
    {
        yield return ("no body", null);
        yield return ("empty body", []);
        foreach (var json in new[] { "null", "[]", "\"x\"", "5", "true", "{}", "{", "{\"a\":}", "{\"a\":1}}", " \t\r\n " })
        {
            yield return ($"JSON {json.Trim()}", Encoding.UTF8.GetBytes(json));
        }

        var form = FormBody(function);
        yield return ("the form body", Json(form));
        yield return ("invalid UTF-8 in a value", Bytes("{\"a\":\"", [0xFF, 0xFE], "\"}"));
        yield return ("invalid UTF-8 in a name", Bytes("{\"", [0xC3], "\":1}"));
        yield return ("invalid UTF-8 outside strings", Bytes("{", [0xFF], "}"));
        yield return ("overlong UTF-8", Bytes("{\"a\":\"", [0xC0, 0xAF], "\"}"));
        yield return ("encoded surrogate (CESU-8)", Bytes("{\"a\":\"", [0xED, 0xA0, 0x80], "\"}"));
        yield return ("byte order mark", Bytes(string.Empty, [0xEF, 0xBB, 0xBF], Encoding.UTF8.GetString(Json(form))));
        foreach (var escape in new[] { "\\ud800", "\\udc00", "\\ud800\\u0041", "\\udbff\\udbff", "x\\udfff" })
        {
            yield return ($"lone surrogate {escape} in each value", Json(Mutate(form, escape, Where.Values)));
            yield return ($"lone surrogate {escape} in a name", Encoding.UTF8.GetBytes($"{{\"{escape}\":1,\"a\":2}}"));
        }

        yield return ("duplicate key", Encoding.UTF8.GetBytes("{\"a\":1,\"a\":2}"));
        yield return ("duplicate key, escaped spelling", Encoding.UTF8.GetBytes("{\"amount\":5,\"\\u0061mount\":9999}"));
        yield return ("duplicate key of each form field", Json(Mutate(form, null, Where.DuplicateEveryKey)));
        yield return ("duplicate key nested", Encoding.UTF8.GetBytes("{\"o\":{\"k\":1,\"k\":2}}"));
        yield return ("each value null", Json(Mutate(form, "null", Where.ValuesRaw)));
        yield return ("each value an array", Json(Mutate(form, "[]", Where.ValuesRaw)));
        yield return ("each value an object", Json(Mutate(form, "{}", Where.ValuesRaw)));
        yield return ("each value a huge number", Json(Mutate(form, "1e400", Where.ValuesRaw)));
        yield return ("each value a negative number", Json(Mutate(form, "-99999999999999999999", Where.ValuesRaw)));
        yield return ("each value control characters", Json(Mutate(form, "\\u0000\\u001b\\u007f", Where.Values)));
        yield return ("each value 10,000 characters", Json(Mutate(form, new string('x', 10_000), Where.Values)));
        yield return ("deep arrays", Encoding.UTF8.GetBytes(new string('[', 500) + new string(']', 500)));
        yield return ("deep objects", Encoding.UTF8.GetBytes(string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200)));
        yield return ("20 KB", Encoding.UTF8.GetBytes("{\"a\":\"" + new string('x', 20 * 1024) + "\"}"));
        yield return ("2 MB", Encoding.UTF8.GetBytes("{\"a\":\"" + new string('x', 2 * 1024 * 1024) + "\"}"));
    }

    private static IEnumerable<(string, string?, byte[]?)> MediaTypes()
    {
        yield return ("no content type", null, Encoding.UTF8.GetBytes("{}"));
        yield return ("text/plain", "text/plain", Encoding.UTF8.GetBytes("{}"));
        yield return ("form encoded", "application/x-www-form-urlencoded", Encoding.UTF8.GetBytes("a=b&amount=5"));
        yield return ("multipart", "multipart/form-data; boundary=x", Encoding.UTF8.GetBytes("--x\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nb\r\n--x--"));
        yield return ("JSON in UTF-16", "application/json; charset=utf-16", Encoding.Unicode.GetBytes("{\"a\":\"ü\"}"));
        yield return ("odd JSON media type", "application/problem+json; charset=x", Encoding.UTF8.GetBytes("{}"));
        yield return ("XML", "application/xml", Encoding.UTF8.GetBytes("<a/>"));
    }

    private static IEnumerable<(string, KeyValuePair<string, string>)> Headers()
    {
        yield return ("10 KB Idempotency-Key", Header("Idempotency-Key", new string('k', 10 * 1024)));
        yield return ("non-ASCII Idempotency-Key", Header("Idempotency-Key", "schlüssel-€-\u4e2d"));
        yield return ("blank Idempotency-Key", Header("Idempotency-Key", "   "));
        yield return ("10 KB bearer token", Header("Authorization", "Bearer " + new string('t', 10 * 1024)));
        yield return ("non-ASCII bearer token", Header("Authorization", "Bearer tökén"));
        yield return ("bare Bearer", Header("Authorization", "Bearer"));
        yield return ("Basic auth", Header("Authorization", "Basic !!!"));
        foreach (var principal in new[] { "!!!", "bnVsbA==", B64("[]"), B64("{\"claims\":[null]}"), B64("{\"claims\":[{\"typ\":null,\"val\":null}]}"),
                     B64("{\"claims\":[{\"typ\":\"roles\",\"val\":\"staff\"}]}"), B64("{\"claims\":5}"), B64("{\"auth_typ\":[]}"),
                     B64("{\"claims\":[{\"typ\":\"roles\",\"val\":\"staff\"},{\"typ\":\"oid\",\"val\":\"\\ud800\"}]}"),
                     Convert.ToBase64String([0x7B, 0xFF, 0x7D]), B64(new string('{', 5000)) })
        {
            yield return ($"App Service principal {principal[..Math.Min(principal.Length, 40)]}", Header("X-MS-CLIENT-PRINCIPAL", principal));
        }

        foreach (var forwarded in new[] { "garbage", ",,,", "[::1", "1.2.3.4:99999", "[fe80::1%eth0]:80", "::ffff:1.2.3.4", new string('1', 10 * 1024), "ü" })
        {
            yield return ($"X-Forwarded-For {forwarded[..Math.Min(forwarded.Length, 40)]}", Header("X-Forwarded-For", forwarded));
        }

        yield return ("Origin null", Header("Origin", "null"));
        yield return ("Origin unparseable", Header("Origin", "http://["));
        yield return ("Origin non-ASCII", Header("Origin", "https://bücher.example"));
        yield return ("Sec-Fetch-Site odd", Header("Sec-Fetch-Site", "somewhere"));
        yield return ("X-Forwarded-Proto odd", Header("X-Forwarded-Proto", ",,,"));
        yield return ("Accept HTML (pages may answer HTML)", Header("Accept", "text/html"));
        yield return ("Accept garbage", Header("Accept", ";;;q=x, /, */*;q=abc"));
        yield return ("Stripe-Signature odd", Header("Stripe-Signature", "t=99999999999999999999,v1=zz,v0=,t=-1"));
        yield return ("Stripe-Signature 10 KB", Header("Stripe-Signature", "t=1,v1=" + new string('0', 10 * 1024)));
        yield return ("Cookie odd", Header("Cookie", "kok_staff=%%%; a"));
    }

    private static IEnumerable<(string, string)> Queries()
    {
        yield return ("token with a lone surrogate", "?token=%ED%A0%80");
        yield return ("token with invalid UTF-8", "?token=%FF%FE");
        yield return ("token 8 KB", "?token=" + new string('t', 8 * 1024));
        yield return ("token twice", "?token=a&token=b");
        yield return ("token empty", "?token=");
        yield return ("year huge", "?year=99999999999999999999");
        yield return ("year negative", "?year=-1");
        yield return ("year zero byte", "?year=%00");
        yield return ("year twice", "?year=2026&year=2027");
        yield return ("status odd", "?status=%00&interval=%FF&q=" + new string('q', 300));
        yield return ("q with a lone surrogate", "?q=%ED%A0%80");
        yield return ("continuation token garbage", "?continuationToken=!!!");
        yield return ("continuation token base64 of junk", "?continuationToken=" + Convert.ToBase64String(RandomNumberGenerator.GetBytes(64)).TrimEnd('='));
        yield return ("asset version odd", "?v=%00");
        yield return ("query syntax odd", "?=&&=&%&a=%ZZ");
    }

    private static IEnumerable<(string, string)> RouteValues()
    {
        foreach (var value in new[]
                 {
                     "x", "%00", "%FF", "%ED%A0%80", "%C3%BC", "..", "%2E%2E", "%2F", "%5C", "%23", "%3F", "%25", "%20", "a%09b", "%7F",
                     "%27%22%3C%3E", new string('a', 400), "mem_" + new string('A', 400), "don_%23", "mem_ABCDEFGHIJKLMNOPQRS%2F",
                     "receipt-mail-poison", "dashboard.js%00",
                 })
        {
            yield return ($"route value {value[..Math.Min(value.Length, 30)]}", value);
        }
    }

    /// <summary>Bodies a Stripe endpoint could only get with the signing secret: valid signatures, unreadable events.</summary>
    private static IEnumerable<(string, byte[])> SignedEvents()
    {
        const string envelope = "{{\"id\":\"evt_hostile1\",\"object\":\"event\",\"type\":\"{0}\",\"created\":1767225600,\"data\":{{\"object\":{1}}}}}";
        string[] types =
        [
            "checkout.session.completed", "checkout.session.async_payment_succeeded", "checkout.session.async_payment_failed",
            "invoice.paid", "customer.subscription.deleted", "charge.refunded", "payment_intent.succeeded", "payment_intent.payment_failed",
        ];
        string[] objects =
        [
            "[]", "5", "\"x\"", "null", "{}", "{\"object\":\"invoice\"}", "{\"object\":\"checkout.session\",\"id\":\"cs_#/?\"}",
            "{\"id\":\"x_1\",\"object\":\"checkout.session\",\"payment_intent\":\"pi_../x\",\"amount_total\":-5}",
            "{\"id\":\"x_1\",\"object\":\"checkout.session\",\"amount_total\":\"x\"}",
            "{\"id\":\"x_1\",\"metadata\":{\"donationId\":{}}}", "{\"id\":\"x_1\",\"metadata\":[]}",
            "{\"id\":\"x_1\",\"metadata\":{\"memberId\":\"mem_\\ud800\",\"duesPeriod\":\"9999-99-99\"}}",
            "{\"id\":\"x_1\",\"payments\":5,\"parent\":[]}", "{\"id\":\"x_1\",\"payments\":{\"data\":[null,5]}}",
            "{\"id\":\"x_1\",\"last_payment_error\":7}", "{\"id\":\"x_1\",\"status_transitions\":{\"paid_at\":1e300}}",
        ];
        foreach (var type in types)
        {
            foreach (var obj in objects)
            {
                yield return ($"signed {type} with object {obj[..Math.Min(obj.Length, 40)]}", Encoding.UTF8.GetBytes(string.Format(CultureInfo.InvariantCulture, envelope, type, obj)));
            }
        }

        foreach (var json in new[]
                 {
                     "{\"id\":\"evt_1\"}", "{\"id\":5,\"type\":[],\"created\":\"x\",\"data\":[]}",
                     "{\"id\":\"evt_#\",\"type\":\"invoice.paid\",\"created\":1,\"data\":{\"object\":{}}}",
                     "{\"id\":\"evt_1\",\"type\":\"invoice.paid\",\"created\":-1,\"data\":{\"object\":{}}}",
                     "{\"id\":\"evt_1\",\"type\":\"invoice.paid\",\"created\":1e20,\"data\":{\"object\":{}}}",
                     "{\"id\":\"evt_1\",\"type\":\"" + new string('t', 5000) + "\",\"created\":1,\"data\":{\"object\":{}}}",
                     "{\"id\":\"evt_1\",\"id\":\"evt_2\",\"type\":\"invoice.paid\",\"created\":1,\"data\":{\"object\":{}}}",
                     "{\"id\":\"evt_1\",\"type\":\"invoice.paid\",\"created\":1,\"data\":{\"object\":{\"id\":\"in_1\",\"id\":\"in_2\"}}}",
                     "{\"id\":\"evt_\\ud800\",\"type\":\"invoice.paid\",\"created\":1,\"data\":{\"object\":{}}}",
                 })
        {
            yield return ($"signed {json[..Math.Min(json.Length, 60)]}", Encoding.UTF8.GetBytes(json));
        }
    }

    /// <summary>A body of the shape the function reads (the form's, the bank transfer's), or a small object.</summary>
    public static string FormBody(FunctionDescriptor function) => function.Name switch
    {
        "CreateDonation" => """
            {"amount":25.5,"currency":"EUR","interval":"once","paymentMethod":"card","donor":{"name":"Erika Mustermann",
             "email":"erika@example.org","address":{"street":"Kurfürstenstraße 33","postalCode":"10785","city":"Berlin","country":"DE"}},
             "wantsReceipt":true,"locale":"de"}
            """,
        "CreateMembership" => """
            {"kind":"person","name":"Erika Mustermann","email":"erika@example.de",
             "address":{"street":"Heidestraße 17","postalCode":"51147","city":"Köln","country":"DE"},
             "annualAmount":60.00,"paymentMethod":"card","locale":"de","consents":{"privacy":true,"listPublicly":false}}
            """,
        "RecordDashboardMemberPayment" => """{"amountCents":6000,"paidOn":"2026-03-01","reference":"Beitrag"}""",
        "RequestSignInLink" => """{"email":"erika@example.org"}""",
        _ => """{"note":"hello"}""",
    };

    public static string PlausibleId() => RandomIdGenerator.Derive(Domain.Membership.Member.IdPrefix, "hostile", "request");

    private static KeyValuePair<string, string> Header(string name, string value) => new(name, value);

    private static string B64(string text) => Convert.ToBase64String(Encoding.UTF8.GetBytes(text));

    private static byte[] Json(string json) => Encoding.UTF8.GetBytes(json);

    private static byte[] Bytes(string before, byte[] middle, string after) =>
        [.. Encoding.UTF8.GetBytes(before), .. middle, .. Encoding.UTF8.GetBytes(after)];

    private static string Sign(byte[]? body, long timestamp)
    {
        var signed = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".").Concat(body ?? []).ToArray();
        var hash = HMACSHA256.HashData(Encoding.UTF8.GetBytes(WebhookSecret), signed);
        return $"t={timestamp.ToString(CultureInfo.InvariantCulture)},v1={Convert.ToHexStringLower(hash)}";
    }

    private enum Where
    {
        Values,
        ValuesRaw,
        DuplicateEveryKey,
    }

    /// <summary>The form body with every string value replaced (or every key written twice), spelled as raw JSON.</summary>
    private static string Mutate(string json, string? replacement, Where where)
    {
        var text = new StringBuilder();
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Write(document.RootElement, text, replacement, where);
        return text.ToString();
    }

    private static void Write(System.Text.Json.JsonElement element, StringBuilder text, string? replacement, Where where)
    {
        switch (element.ValueKind)
        {
            case System.Text.Json.JsonValueKind.Object:
                text.Append('{');
                var first = true;
                foreach (var property in element.EnumerateObject())
                {
                    var copies = where == Where.DuplicateEveryKey ? 2 : 1;
                    for (var i = 0; i < copies; i++)
                    {
                        text.Append(first ? string.Empty : ",").Append(System.Text.Json.JsonSerializer.Serialize(property.Name)).Append(':');
                        first = false;
                        Write(property.Value, text, replacement, where);
                    }
                }

                text.Append('}');
                break;
            case System.Text.Json.JsonValueKind.Array:
                text.Append(element.GetRawText());
                break;
            default:
                text.Append(where switch
                {
                    Where.Values => "\"" + replacement + "\"",
                    Where.ValuesRaw => replacement,
                    _ => element.GetRawText(),
                });
                break;
        }
    }
}
