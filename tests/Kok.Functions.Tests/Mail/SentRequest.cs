using System.Text.Json.Nodes;

namespace Kok.Functions.Tests.Mail;

internal sealed record SentRequest(HttpMethod Method, Uri Uri, string? Authorization, string? ContentType, string Body)
{
    public JsonObject Json() => (JsonObject)JsonNode.Parse(Body)!;
}
