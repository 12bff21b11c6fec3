using System.Globalization;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Net.Http.Headers;

namespace Kok.DevHost.SendGrid;

/// <summary>
/// What the SendGrid stand-in received, for people and tests: <c>GET /dev/mail</c> (JSON, newest first; an HTML inbox
/// when a browser asks), <c>GET /dev/mail/{id}</c> (the mail as a mail program shows it),
/// <c>GET /dev/mail/{id}/attachments/{index}</c>, <c>DELETE /dev/mail</c>.
/// </summary>
internal static class DevMailEndpoints
{
    public const string Prefix = "/dev/mail";
    public const string MaxMailsHeader = "X-DevHost-Max-Mails";
    public const string DroppedHeader = "X-DevHost-Mails-Dropped";

    // Served as application/json only, so mail HTML may stay readable ("<p>" rather than "\u003Cp\u003E").
    private static readonly JsonSerializerOptions ReadableJson = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public static void Map(IEndpointRouteBuilder endpoints)
    {
        var mail = endpoints.MapGroup(Prefix);
        mail.MapGet("/", List);
        mail.MapDelete("/", (SendGridMailStore store) =>
        {
            store.Clear();
            return Results.NoContent();
        });
        mail.MapGet("/{id}", Show);
        mail.MapGet("/{id}/attachments/{index:int}", Download);
    }

    private static IResult List(HttpRequest request, HttpResponse response, SendGridMailStore store)
    {
        var mails = store.All();
        var dropped = store.Dropped;
        if (WantsHtml(request))
        {
            return Page(response, DevMailPage.Inbox(mails, store.MaxMails, dropped));
        }

        // The list stays a plain array; how many it keeps and how many were dropped travel in headers.
        response.Headers[MaxMailsHeader] = store.MaxMails.ToString(CultureInfo.InvariantCulture);
        response.Headers[DroppedHeader] = dropped.ToString(CultureInfo.InvariantCulture);

        var array = new JsonArray();
        foreach (var mail in mails)
        {
            array.Add(Json(mail));
        }

        return Results.Content(array.ToJsonString(ReadableJson), "application/json");
    }

    private static IResult Show(string id, HttpResponse response, SendGridMailStore store)
    {
        var mail = store.Find(id);
        return mail is null
            ? Page(response, DevMailPage.NotFound(id, store.MaxMails), StatusCodes.Status404NotFound)
            : Page(response, DevMailPage.Mail(mail));
    }

    private static IResult Download(string id, int index, HttpResponse response, SendGridMailStore store)
    {
        var mail = store.Find(id);
        if (mail is null || index < 0 || index >= mail.Attachments.Count)
        {
            return Results.NotFound();
        }

        var attachment = mail.Attachments[index];
        var type = MediaTypeHeaderValue.TryParse(attachment.ContentType, out _) ? attachment.ContentType : "application/octet-stream";
        response.Headers.XContentTypeOptions = "nosniff";
        return Results.File(attachment.Content, type, attachment.FileName);
    }

    private static JsonObject Json(ReceivedMail mail)
    {
        var attachments = new JsonArray();
        foreach (var attachment in mail.Attachments)
        {
            attachments.Add(new JsonObject
            {
                ["filename"] = attachment.FileName,
                ["type"] = attachment.ContentType,
                ["disposition"] = attachment.Disposition,
                ["sizeBytes"] = attachment.Content.Length,
            });
        }

        return new JsonObject
        {
            ["id"] = mail.Id,
            ["to"] = new JsonArray([.. mail.To.Select(t => JsonValue.Create(t.Email))]),
            ["toNames"] = new JsonArray([.. mail.To.Select(t => JsonValue.Create(t.Name))]),
            ["from"] = mail.From.Email,
            ["fromName"] = mail.From.Name,
            ["replyTo"] = mail.ReplyTo?.Email,
            ["subject"] = mail.Subject,
            ["text"] = mail.Text,
            ["html"] = mail.Html,
            ["attachments"] = attachments,
            ["headers"] = new JsonObject(mail.Headers.Select(h => KeyValuePair.Create(h.Key, (JsonNode?)JsonValue.Create(h.Value)))),
            ["receivedAt"] = mail.ReceivedAt.ToString("O", CultureInfo.InvariantCulture),
        };
    }

    private static bool WantsHtml(HttpRequest request) =>
        request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));

    // The mail's HTML is someone else's markup: no scripts, no remote loads, no forms, on the page or in its frame.
    private static IResult Page(HttpResponse response, string html, int status = StatusCodes.Status200OK)
    {
        response.Headers.ContentSecurityPolicy =
            "default-src 'none'; style-src 'unsafe-inline'; img-src data:; frame-src 'self'; base-uri 'none'; form-action 'none'";
        response.Headers.XContentTypeOptions = "nosniff";
        return Results.Content(html, "text/html; charset=utf-8", statusCode: status);
    }
}
