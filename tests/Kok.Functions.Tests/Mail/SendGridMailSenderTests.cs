using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using Kok.Domain.Mail;
using Kok.Functions.Mail;
using Microsoft.Extensions.Configuration;
using Moq;

namespace Kok.Functions.Tests.Mail;

public sealed class SendGridMailSenderTests
{
    private const string RecipientEmail = "anna.mueller@example.org";
    private const string RecipientName = "Anna Müller";

    private static readonly byte[] PdfBytes = [0x25, 0x50, 0x44, 0x46, 0x2D, 0x31, 0x2E, 0x37, 0x0A, 0xFF, 0x00, 0x80];

    private static readonly Dictionary<string, string?> BaseSettings = new()
    {
        ["SendGrid:ApiKey"] = "SG.unit-test-key",
        ["SendGrid:FromEmail"] = "spenden@kok.example",
        ["SendGrid:FromName"] = "KOK e.V.",
        ["SendGrid:ReplyTo"] = "info@kok.example",
    };

    private readonly FakeSendGridHandler handler = new();
    private readonly CapturingLogger<SendGridMailSender> logger = new();

    [Fact]
    public async Task Sends_sendgrid_v3_json_with_text_before_html_and_base64_attachments()
    {
        var result = await Sender().SendAsync(Message(), CancellationToken.None);

        Assert.Equal(new MailSent("W8r2cTZ1S9yWq3_sendgrid"), result);
        var request = Assert.Single(handler.Requests);
        Assert.Equal(HttpMethod.Post, request.Method);
        Assert.Equal(new Uri("https://api.sendgrid.com/v3/mail/send"), request.Uri);
        Assert.Equal("Bearer SG.unit-test-key", request.Authorization);
        Assert.Equal("application/json", request.ContentType);

        var json = request.Json();
        Assert.Equal(
            ["attachments", "content", "from", "personalizations", "reply_to", "subject", "tracking_settings"],
            json.Select(p => p.Key).Order(StringComparer.Ordinal));
        AssertJson("""{"email":"spenden@kok.example","name":"KOK e.V."}""", json["from"]);
        AssertJson("""{"email":"info@kok.example"}""", json["reply_to"]);
        AssertJson($$"""[{"to":[{"email":"{{RecipientEmail}}","name":"{{RecipientName}}"}]}]""", json["personalizations"]);
        Assert.Equal("Ihre Zuwendungsbestätigung / Your donation receipt", json["subject"]!.GetValue<string>());
        AssertJson(
            """[{"type":"text/plain","value":"Hallo Anna,\n\ndanke.\n"},{"type":"text/html","value":"<p>Hallo Anna,</p><p>danke.</p>"}]""",
            json["content"]);
        AssertJson(
            $$"""[{"content":"{{Convert.ToBase64String(PdfBytes)}}","type":"application/pdf","filename":"Zuwendungsbestaetigung-2026-0001.pdf","disposition":"attachment"}]""",
            json["attachments"]);
        AssertJson(
            """{"click_tracking":{"enable":false,"enable_text":false},"open_tracking":{"enable":false}}""",
            json["tracking_settings"]);
        Assert.Equal(PdfBytes, Convert.FromBase64String(json["attachments"]![0]!["content"]!.GetValue<string>()));
    }

    [Fact]
    public async Task An_unsubscribe_link_goes_out_as_list_unsubscribe_headers_for_one_click()
    {
        var link = new Uri("https://kok.example/unsubscribe?token=" + new string('A', 43) + "&lang=de");

        await Sender().SendAsync(Message().WithUnsubscribe(link), CancellationToken.None);

        var json = Assert.Single(handler.Requests).Json();
        AssertJson(
            $$"""{"List-Unsubscribe":"<{{link.AbsoluteUri}}>","List-Unsubscribe-Post":"List-Unsubscribe=One-Click"}""",
            json["personalizations"]![0]!["headers"]);
    }

    [Fact]
    public async Task A_mail_without_an_unsubscribe_link_sends_no_custom_headers()
    {
        await Sender().SendAsync(Message(), CancellationToken.None);

        var json = Assert.Single(handler.Requests).Json();
        Assert.False(json.ContainsKey("headers"));
        Assert.Null(json["personalizations"]![0]!["headers"]);
    }

    [Fact]
    public async Task Optional_settings_left_out_send_no_reply_to_and_no_sender_name()
    {
        await Sender(new() { ["SendGrid:ReplyTo"] = null, ["SendGrid:FromName"] = null })
            .SendAsync(Message(attachments: []), CancellationToken.None);

        var json = Assert.Single(handler.Requests).Json();
        Assert.False(json.ContainsKey("reply_to"));
        Assert.False(json.ContainsKey("attachments"));
        AssertJson("""{"email":"spenden@kok.example"}""", json["from"]);
    }

    [Theory]
    [InlineData("http://127.0.0.1:7071/dev/sendgrid")]
    [InlineData("http://127.0.0.1:7071/dev/sendgrid/")]
    public async Task Api_base_replaces_sendgrids_host_and_keeps_the_v3_path(string apiBase)
    {
        await Sender(new() { ["SendGrid:ApiBase"] = apiBase }).SendAsync(Message(), CancellationToken.None);

        Assert.Equal(new Uri("http://127.0.0.1:7071/dev/sendgrid/v3/mail/send"), Assert.Single(handler.Requests).Uri);
    }

    [Fact]
    public async Task Names_lose_line_breaks_and_the_commas_and_semicolons_sendgrid_splits_on()
    {
        var message = Message(to: new MailRecipient(RecipientEmail, "Müller, Anna; \"Dr.\" <x>"));

        await Sender(new() { ["SendGrid:FromName"] = "KOK e.V.\r\nBcc: evil@example.net" }).SendAsync(message, CancellationToken.None);

        var json = Assert.Single(handler.Requests).Json();
        Assert.Equal("Müller Anna Dr. x", json["personalizations"]![0]!["to"]![0]!["name"]!.GetValue<string>());
        Assert.Equal("KOK e.V. Bcc: evil@example.net", json["from"]!["name"]!.GetValue<string>());
    }

    [Fact]
    public async Task Attachment_type_parameters_are_dropped_because_sendgrid_refuses_semicolons()
    {
        var message = Message(attachments: [new MailAttachment("liste.csv", "text/csv; charset=utf-8", Encoding.UTF8.GetBytes("a;b\n"))]);

        await Sender().SendAsync(message, CancellationToken.None);

        Assert.Equal("text/csv", Assert.Single(handler.Requests).Json()["attachments"]![0]!["type"]!.GetValue<string>());
    }

    [Theory]
    [InlineData(HttpStatusCode.TooManyRequests)]
    [InlineData(HttpStatusCode.InternalServerError)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.RequestTimeout)]
    public async Task Throttling_and_server_errors_throw_so_the_queue_retries(HttpStatusCode status)
    {
        handler.Status = status;
        handler.ResponseBody = """{"errors":[{"message":"too many requests","field":null,"help":null}]}""";
        handler.RetryAfter = status == HttpStatusCode.TooManyRequests ? TimeSpan.FromSeconds(30) : null;

        var thrown = await Assert.ThrowsAsync<SendGridUnavailableException>(() => Sender().SendAsync(Message(), CancellationToken.None));

        Assert.Equal((int)status, thrown.StatusCode);
        Assert.Contains("too many requests", thrown.Message, StringComparison.Ordinal);
        Assert.Equal(handler.RetryAfter, thrown.RetryAfter);
        AssertNoPersonalData(thrown.Message);
        AssertNoPersonalDataInLogs();
    }

    [Fact]
    public async Task Network_failures_surface_as_exceptions()
    {
        handler.Failure = new HttpRequestException("Connection refused");

        await Assert.ThrowsAsync<HttpRequestException>(() => Sender().SendAsync(Message(), CancellationToken.None));
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "Does not contain a valid address.", "personalizations.0.to.0.email")]
    [InlineData(HttpStatusCode.Forbidden, "The from address does not match a verified Sender Identity.", "from")]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, "Payload Too Large", null)]
    public async Task Other_client_errors_reject_the_mail_with_sendgrids_reason(HttpStatusCode status, string message, string? field)
    {
        handler.Status = status;
        handler.ResponseBody = new JsonObject
        {
            ["errors"] = new JsonArray(
                new JsonObject { ["message"] = message, ["field"] = field, ["help"] = null },
                new JsonObject { ["message"] = $"Recipient {RecipientName} <{RecipientEmail}> is on the bounce list, like ANNA.MUELLER@EXAMPLE.ORG.", ["field"] = null }),
        }.ToJsonString();

        var result = await Sender().SendAsync(Message(), CancellationToken.None);

        var rejected = Assert.IsType<MailRejected>(result);
        Assert.StartsWith($"SendGrid {(int)status}: {message}", rejected.Reason, StringComparison.Ordinal);
        if (field is not null)
        {
            Assert.Contains($"({field})", rejected.Reason, StringComparison.Ordinal);
        }

        AssertNoPersonalData(rejected.Reason);
        AssertNoPersonalDataInLogs();
    }

    [Fact]
    public async Task A_rejection_without_sendgrid_json_still_names_the_status()
    {
        handler.Status = HttpStatusCode.BadRequest;
        handler.ResponseBody = "<html>Bad Request</html>";

        var result = await Sender().SendAsync(Message(), CancellationToken.None);

        Assert.Equal(new MailRejected("SendGrid 400"), result);
    }

    [Fact]
    public async Task A_refused_api_key_is_a_configuration_fault_not_a_verdict_on_the_mail()
    {
        handler.Status = HttpStatusCode.Unauthorized;
        handler.ResponseBody = """{"errors":[{"message":"The provided authorization grant is invalid, expired, or revoked","field":null,"help":null}]}""";

        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(() => Sender().SendAsync(Message(), CancellationToken.None));

        Assert.Contains("SendGrid:ApiKey", thrown.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("SG.unit-test-key", thrown.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Success_logs_the_message_id_but_no_address_name_or_body()
    {
        await Sender().SendAsync(Message(), CancellationToken.None);

        Assert.Contains(logger.Lines, l => l.Contains("W8r2cTZ1S9yWq3_sendgrid", StringComparison.Ordinal));
        AssertNoPersonalDataInLogs();
        Assert.DoesNotContain(logger.Lines, l => l.Contains("Hallo Anna", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("SendGrid:ApiKey", null)]
    [InlineData("SendGrid:FromEmail", null)]
    [InlineData("SendGrid:FromEmail", "spenden@kok.example\r\nBcc: evil@example.net")]
    [InlineData("SendGrid:ReplyTo", "info@kok.example\nBcc: evil@example.net")]
    [InlineData("SendGrid:ApiBase", "not a url")]
    public async Task Missing_or_unsafe_configuration_fails_before_anything_is_sent(string key, string? value)
    {
        var thrown = await Assert.ThrowsAsync<InvalidOperationException>(
            () => Sender(new() { [key] = value }).SendAsync(Message(), CancellationToken.None));

        Assert.Contains(key, thrown.Message, StringComparison.Ordinal);
        Assert.Empty(handler.Requests);
    }

    private static MailMessage Message(MailRecipient? to = null, IReadOnlyList<MailAttachment>? attachments = null) =>
        new(
            to ?? new MailRecipient(RecipientEmail, RecipientName),
            "Ihre Zuwendungsbestätigung / Your donation receipt",
            "Hallo Anna,\n\ndanke.\n",
            "<p>Hallo Anna,</p><p>danke.</p>",
            attachments ?? [new MailAttachment("Zuwendungsbestaetigung-2026-0001.pdf", "application/pdf", PdfBytes)]);

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\nactual   {actual?.ToJsonString()}");

    private static void AssertNoPersonalData(string text)
    {
        Assert.DoesNotContain("anna.mueller", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("example.org", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(RecipientName, text, StringComparison.OrdinalIgnoreCase);
    }

    private void AssertNoPersonalDataInLogs()
    {
        Assert.NotEmpty(logger.Lines);
        foreach (var line in logger.Lines)
        {
            AssertNoPersonalData(line);
        }
    }

    private SendGridMailSender Sender(Dictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>(BaseSettings);
        foreach (var (key, value) in overrides ?? [])
        {
            settings[key] = value;
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var factory = new Mock<IHttpClientFactory>();
        factory.Setup(f => f.CreateClient(SendGridMailSender.HttpClientName)).Returns(() => new HttpClient(handler, disposeHandler: false));
        return new SendGridMailSender(configuration, factory.Object, logger);
    }
}
