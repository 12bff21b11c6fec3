using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json.Nodes;
using Kok.Domain.Mail;
using Kok.Functions.Mail;

namespace Kok.DevHost.Tests.SendGrid;

public sealed class SendGridStandInTests : IAsyncLifetime
{
    private const string ValidBody = """
        {
          "from": { "email": "spenden@kok.example" },
          "personalizations": [ { "to": [ { "email": "anna@example.org" } ] } ],
          "subject": "Danke",
          "content": [ { "type": "text/plain", "value": "Danke." }, { "type": "text/html", "value": "<p>Danke.</p>" } ]
        }
        """;

    private static readonly byte[] Pdf = Encoding.ASCII.GetBytes("%PDF-1.7\n% stand-in test\n%%EOF\n").Concat(new byte[] { 0, 0xFF, 0x80 }).ToArray();

    private SendGridStandInHost host = null!;

    public async Task InitializeAsync() => host = await SendGridStandInHost.StartAsync();

    public async Task DisposeAsync() => await host.DisposeAsync();

    [Fact]
    public void Api_base_defaults_to_the_stand_in_on_the_listening_port()
    {
        Assert.Equal(host.BaseUrl + "/dev/sendgrid", host.App.Configuration["SendGrid:ApiBase"]);
        Assert.IsType<SendGridMailSender>(host.Sender);
    }

    [Fact]
    public async Task A_mail_sent_by_the_real_adapter_appears_in_the_outbox_with_its_attachment()
    {
        var result = await host.Sender.SendAsync(Receipt(), CancellationToken.None);

        var sent = Assert.IsType<MailSent>(result);
        Assert.Matches("^[A-Za-z0-9_-]{22}$", sent.MessageId);
        var mail = Assert.Single(await host.InboxAsync())!.AsObject();
        Assert.Equal(sent.MessageId, mail["id"]!.GetValue<string>());
        Assert.Equal(["anna@example.org"], mail["to"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(["Müller Anna"], mail["toNames"]!.AsArray().Select(t => t!.GetValue<string>()));
        Assert.Equal(SendGridStandInHost.FromEmail, mail["from"]!.GetValue<string>());
        Assert.Equal("KOK e.V.", mail["fromName"]!.GetValue<string>());
        Assert.Equal("info@kok.example", mail["replyTo"]!.GetValue<string>());
        Assert.Equal("Ihre Zuwendungsbestätigung", mail["subject"]!.GetValue<string>());
        Assert.Equal("Hallo Anna,\n\ndanke für Ihre Spende.\n", mail["text"]!.GetValue<string>());
        Assert.Equal("<p>Hallo Anna,</p><p>danke für Ihre Spende.</p>", mail["html"]!.GetValue<string>());
        Assert.Equal(host.Clock.GetUtcNow(), DateTimeOffset.Parse(mail["receivedAt"]!.GetValue<string>(), System.Globalization.CultureInfo.InvariantCulture));
        var attachment = Assert.Single(mail["attachments"]!.AsArray())!;
        Assert.Equal("Zuwendungsbestaetigung-2026-0001.pdf", attachment["filename"]!.GetValue<string>());
        Assert.Equal("application/pdf", attachment["type"]!.GetValue<string>());
        Assert.Equal(Pdf.Length, attachment["sizeBytes"]!.GetValue<int>());
    }

    [Fact]
    public async Task The_outbox_lists_newest_first_and_can_be_cleared()
    {
        var first = Assert.IsType<MailSent>(await host.Sender.SendAsync(Receipt(subject: "Erste"), CancellationToken.None));
        host.Clock.Advance(TimeSpan.FromMinutes(1));
        var second = Assert.IsType<MailSent>(await host.Sender.SendAsync(Receipt(subject: "Zweite"), CancellationToken.None));

        Assert.Equal([second.MessageId, first.MessageId], (await host.InboxAsync()).Select(m => m!["id"]!.GetValue<string>()));

        using var cleared = await host.Http.DeleteAsync("/dev/mail");
        Assert.Equal(HttpStatusCode.NoContent, cleared.StatusCode);
        Assert.Empty(await host.InboxAsync());
    }

    [Fact]
    public async Task The_mail_page_shows_headers_and_bodies_escaped_with_the_html_in_a_script_free_sandbox()
    {
        var message = new MailMessage(
            new MailRecipient("anna@example.org", "Anna & Max Müller"),
            "Danke <script>alert('subject')</script> & Co",
            "Text mit <b>Tags</b> & Zeichen\nzweite Zeile",
            "<p onclick=\"x()\">Hallo</p><script>alert('html')</script>",
            [new MailAttachment("Beleg <1>.pdf", "application/pdf", Pdf)]);
        var sent = Assert.IsType<MailSent>(await host.Sender.SendAsync(message, CancellationToken.None));

        using var response = await host.Http.GetAsync($"/dev/mail/{sent.MessageId}");
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("default-src 'none'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.DoesNotContain("<script", page, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", page, StringComparison.Ordinal);
        Assert.DoesNotContain("allow-scripts", page, StringComparison.Ordinal);
        Assert.Contains("Danke &lt;script&gt;alert(&#x27;subject&#x27;)&lt;/script&gt; &amp; Co", page, StringComparison.Ordinal);
        Assert.Contains("<dd id=\"to\">Anna &amp; Max Müller &lt;anna@example.org&gt;</dd>", page, StringComparison.Ordinal);
        Assert.Contains("sandbox=\"\"", page, StringComparison.Ordinal);
        Assert.Contains(
            "srcdoc=\"&lt;p onclick=&quot;x()&quot;&gt;Hallo&lt;/p&gt;&lt;script&gt;alert(&#x27;html&#x27;)&lt;/script&gt;\"",
            page,
            StringComparison.Ordinal);
        Assert.Contains("<pre id=\"text-body\">Text mit &lt;b&gt;Tags&lt;/b&gt; &amp; Zeichen&#xA;zweite Zeile</pre>", page, StringComparison.Ordinal);
        Assert.Contains($"href=\"/dev/mail/{sent.MessageId}/attachments/0\"", page, StringComparison.Ordinal);
        Assert.Contains("Beleg &lt;1&gt;.pdf", page, StringComparison.Ordinal);

        using var missing = await host.Http.GetAsync("/dev/mail/nope<x>");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("nope&lt;x&gt;", await missing.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_browser_gets_an_html_inbox_linking_to_each_mail()
    {
        var sent = Assert.IsType<MailSent>(await host.Sender.SendAsync(Receipt(subject: "Quittung <1>"), CancellationToken.None));
        using var request = new HttpRequestMessage(HttpMethod.Get, "/dev/mail");
        request.Headers.Accept.ParseAdd("text/html,application/xhtml+xml;q=0.9,*/*;q=0.8");

        using var response = await host.Http.SendAsync(request);
        var page = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains($"<a href=\"/dev/mail/{sent.MessageId}\">Quittung &lt;1&gt;</a>", page, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_attachment_downloads_with_its_bytes_type_and_file_name()
    {
        var sent = Assert.IsType<MailSent>(await host.Sender.SendAsync(Receipt(), CancellationToken.None));

        using var response = await host.Http.GetAsync($"/dev/mail/{sent.MessageId}/attachments/0");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(Pdf, await response.Content.ReadAsByteArrayAsync());
        Assert.Equal("application/pdf", response.Content.Headers.ContentType!.MediaType);
        Assert.Equal("attachment", response.Content.Headers.ContentDisposition!.DispositionType);
        Assert.Equal("Zuwendungsbestaetigung-2026-0001.pdf", response.Content.Headers.ContentDisposition.FileName?.Trim('"'));

        using var beyond = await host.Http.GetAsync($"/dev/mail/{sent.MessageId}/attachments/1");
        Assert.Equal(HttpStatusCode.NotFound, beyond.StatusCode);
    }

    [Theory]
    [InlineData(null, "authorization required")]
    [InlineData("SG.wrong-key", "The provided authorization grant is invalid, expired, or revoked")]
    public async Task Without_the_right_api_key_sendgrid_answers_401(string? apiKey, string message)
    {
        using var response = await host.PostMailAsync(ValidBody, apiKey);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        AssertJson(
            $$"""{"errors":[{"message":"{{message}}","field":null,"help":null}]}""",
            JsonNode.Parse(await response.Content.ReadAsStringAsync()));
        Assert.Empty(await host.InboxAsync());
    }

    [Fact]
    public async Task A_valid_raw_request_gets_202_with_a_message_id_and_no_body()
    {
        using var response = await host.PostMailAsync(ValidBody);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(await response.Content.ReadAsStringAsync());
        var id = response.Headers.GetValues("X-Message-Id").Single();
        Assert.Equal(id, Assert.Single(await host.InboxAsync())!["id"]!.GetValue<string>());
    }

    [Theory]
    [InlineData("{}", "from.email,personalizations,subject,content")]
    [InlineData("""{"from":{"email":"not-an-address"},"personalizations":[{"to":[{"email":"anna@example.org"}]}],"subject":"S","content":[{"type":"text/plain","value":"x"}]}""", "from.email")]
    [InlineData("""{"from":{"email":"a@kok.example"},"personalizations":[{}],"subject":"S","content":[{"type":"text/plain","value":"x"}]}""", "personalizations.0.to")]
    [InlineData("""{"from":{"email":"a@kok.example"},"personalizations":[{"to":[{"email":"anna@example.org"},{"email":"anna at example.org"}]}],"subject":"S","content":[{"type":"text/plain","value":"x"}]}""", "personalizations.0.to.1.email")]
    [InlineData("""{"from":{"email":"a@kok.example"},"personalizations":[{"to":[{"email":"anna@example.org"}]}],"content":[{"type":"text/plain","value":"x"}]}""", "subject")]
    [InlineData("""{"from":{"email":"a@kok.example"},"personalizations":[{"to":[{"email":"anna@example.org"}]}],"subject":"S","content":[{"type":"text/plain","value":""}]}""", "content.0.value")]
    [InlineData("""{"from":{"email":"a@kok.example"},"personalizations":[{"to":[{"email":"anna@example.org"}]}],"subject":"S","content":[]}""", "content")]
    [InlineData("""{"from":{"email":"a@kok.example"},"personalizations":[{"to":[{"email":"anna@example.org"}]}],"subject":"S","content":[{"type":"text/html","value":"<p>x</p>"},{"type":"text/plain","value":"x"}]}""", "content")]
    [InlineData("""{"from":{"email":"a@kok.example"},"reply_to":{"email":"nope"},"personalizations":[{"to":[{"email":"anna@example.org"}]}],"subject":"S","content":[{"type":"text/plain","value":"x"}]}""", "reply_to.email")]
    [InlineData("""{"from":{"email":"a@kok.example"},"personalizations":[{"to":[{"email":"anna@example.org"}]}],"subject":"S","content":[{"type":"text/plain","value":"x"}],"attachments":[{"content":"not base64!","filename":"a.pdf","type":"application/pdf"}]}""", "attachments.0.content")]
    [InlineData("""{"from":{"email":"a@kok.example"},"personalizations":[{"to":[{"email":"anna@example.org"}]}],"subject":"S","content":[{"type":"text/plain","value":"x"}],"attachments":[{"content":"QUJD","type":"application/pdf; name=a.pdf"}]}""", "attachments.0.filename,attachments.0.type")]
    [InlineData("""{"from":{"email":"a@kok.example"},"personalizations":[{"to":[{"email":"anna@example.org","name":"Müller, Anna"}]}],"subject":"S","content":[{"type":"text/plain","value":"x"}]}""", "personalizations.0.to.0.name")]
    [InlineData("""{"from":{"email":"a@kok.example"},"personalizations":[{"to":[{"email":"anna@example.org"}]}],"subject":"S\r\nBcc: x@example.net","content":[{"type":"text/plain","value":"x"}]}""", "subject")]
    public async Task Bad_bodies_get_sendgrid_shaped_400s_naming_every_faulty_field(string body, string fields)
    {
        using var response = await host.PostMailAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = JsonNode.Parse(await response.Content.ReadAsStringAsync())!["errors"]!.AsArray();
        Assert.Equal(fields.Split(','), errors.Select(e => e!["field"]!.GetValue<string>()));
        Assert.All(errors, e =>
        {
            Assert.False(string.IsNullOrWhiteSpace(e!["message"]!.GetValue<string>()));
            Assert.Equal(["message", "field", "help"], e.AsObject().Select(p => p.Key));
        });
        Assert.Empty(await host.InboxAsync());
    }

    [Theory]
    [InlineData("{ not json")]
    [InlineData("[1, 2]")]
    public async Task Unreadable_json_is_a_plain_bad_request(string body)
    {
        using var response = await host.PostMailAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertJson("""{"errors":[{"message":"Bad Request","field":null,"help":null}]}""", JsonNode.Parse(await response.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Armed_faults_make_the_next_two_sends_throw_and_the_third_succeed()
    {
        using var armed = await host.Http.PostAsJsonAsync("/dev/sendgrid/faults", new { failNext = 2, status = 503 });
        Assert.Equal(HttpStatusCode.OK, armed.StatusCode);

        var first = await Assert.ThrowsAsync<SendGridUnavailableException>(() => host.Sender.SendAsync(Receipt(), CancellationToken.None));
        var second = await Assert.ThrowsAsync<SendGridUnavailableException>(() => host.Sender.SendAsync(Receipt(), CancellationToken.None));
        var third = await host.Sender.SendAsync(Receipt(), CancellationToken.None);

        Assert.Equal(503, first.StatusCode);
        Assert.Equal(503, second.StatusCode);
        Assert.Contains("Service Unavailable", first.Message, StringComparison.Ordinal);
        var sent = Assert.IsType<MailSent>(third);
        Assert.Equal(sent.MessageId, Assert.Single(await host.InboxAsync())!["id"]!.GetValue<string>());
    }

    [Fact]
    public async Task A_429_fault_carries_retry_after_and_a_4xx_fault_is_a_rejection()
    {
        using (await host.Http.PostAsJsonAsync("/dev/sendgrid/faults", new { failNext = 1, status = 429 }))
        {
        }

        var throttled = await Assert.ThrowsAsync<SendGridUnavailableException>(() => host.Sender.SendAsync(Receipt(), CancellationToken.None));
        Assert.Equal(429, throttled.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(1), throttled.RetryAfter);

        using (await host.Http.PostAsJsonAsync("/dev/sendgrid/faults", new { failNext = 1, status = 400 }))
        {
        }

        var rejected = Assert.IsType<MailRejected>(await host.Sender.SendAsync(Receipt(), CancellationToken.None));
        Assert.StartsWith("SendGrid 400: Bad Request", rejected.Reason, StringComparison.Ordinal);
        Assert.DoesNotContain("anna", rejected.Reason, StringComparison.OrdinalIgnoreCase);
        Assert.Empty(await host.InboxAsync());
    }

    [Fact]
    public async Task Faults_can_be_disarmed_and_refuse_nonsense()
    {
        using (await host.Http.PostAsJsonAsync("/dev/sendgrid/faults", new { failNext = 5, status = 500 }))
        {
        }

        using var disarmed = await host.Http.DeleteAsync("/dev/sendgrid/faults");
        AssertJson("""{"failNext":0,"status":null}""", JsonNode.Parse(await disarmed.Content.ReadAsStringAsync()));
        Assert.IsType<MailSent>(await host.Sender.SendAsync(Receipt(), CancellationToken.None));

        using var nonsense = await host.Http.PostAsJsonAsync("/dev/sendgrid/faults", new { failNext = 1, status = 202 });
        Assert.Equal(HttpStatusCode.BadRequest, nonsense.StatusCode);
    }

    private static MailMessage Receipt(string subject = "Ihre Zuwendungsbestätigung") =>
        new(
            new MailRecipient("anna@example.org", "Müller, Anna"),
            subject,
            "Hallo Anna,\n\ndanke für Ihre Spende.\n",
            "<p>Hallo Anna,</p><p>danke für Ihre Spende.</p>",
            [new MailAttachment("Zuwendungsbestaetigung-2026-0001.pdf", "application/pdf", Pdf)]);

    private static void AssertJson(string expected, JsonNode? actual) =>
        Assert.True(JsonNode.DeepEquals(JsonNode.Parse(expected), actual), $"expected {expected}\nactual   {actual?.ToJsonString()}");
}
