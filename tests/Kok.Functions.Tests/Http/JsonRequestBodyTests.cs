using System.Text;
using Kok.Functions.Http;
using Microsoft.AspNetCore.Mvc;

namespace Kok.Functions.Tests.Http;

public class JsonRequestBodyTests
{
    [Theory]
    [InlineData("""{"amount":5,"amount":9999}""", "amount")]
    [InlineData("""{"amount":5,"\u0061mount":9999}""", "amount")]
    [InlineData("""{"donor":{"name":"A","name":"B"}}""", "donor.name")]
    [InlineData("""{"donor":{"address":{"city":"A","street":"x","city":"B"}}}""", "donor.address.city")]
    [InlineData("""{"items":[{"k":1},{"k":1,"k":2}]}""", "items[1].k")]
    [InlineData("""{"a":1,"a":{"b":1}}""", "a")]
    public void A_property_twice_in_one_object_is_refused_naming_it(string json, string field) =>
        Assert.Contains("appears more than once", Assert.Single(Errors(json)[field]), StringComparison.Ordinal);

    [Theory]
    [InlineData("""{"name":"\ud800"}""", "name")]
    [InlineData("""{"name":"\udc00"}""", "name")]
    [InlineData("""{"name":"a\ud800b"}""", "name")]
    [InlineData("""{"name":"\ud800\u0041"}""", "name")]
    [InlineData("""{"name":"\udbff\udbff"}""", "name")]
    [InlineData("""{"donor":{"address":{"city":"x\udfff"}}}""", "donor.address.city")]
    [InlineData("""{"tags":["ok","\ud800"]}""", "tags[1]")]
    [InlineData("""{"\ud800":1}""", "body")]
    [InlineData("""{"donor":{"\udc00":1}}""", "donor")]
    public void An_escaped_lone_surrogate_is_refused_naming_where_it_is(string json, string field) =>
        Assert.Contains("surrogate", Assert.Single(Errors(json)[field]), StringComparison.Ordinal);

    [Fact]
    public void Invalid_utf8_is_refused_naming_the_field_or_the_body()
    {
        Assert.Contains("UTF-8", Errors(Bytes("{\"donor\":{\"name\":\"", [0xFF, 0xFE], "\"}}"))["donor.name"][0], StringComparison.Ordinal);
        Assert.Contains("UTF-8", Errors(Bytes("{\"", [0xC3], "\":1}"))["body"][0], StringComparison.Ordinal);
        Assert.Contains("UTF-8", Errors(Bytes("{\"a\":\"", [0xED, 0xA0, 0x80], "\"}"))["a"][0], StringComparison.Ordinal);
        Assert.Contains("UTF-8", Errors(Bytes("{\"a\":\"", [0xC0, 0xAF], "\"}"))["a"][0], StringComparison.Ordinal);
        Assert.True(Errors(Bytes("{", [0xFF], "}")).ContainsKey("body"));
    }

    [Theory]
    [InlineData("null")]
    [InlineData("[]")]
    [InlineData("\"x\"")]
    [InlineData("5")]
    [InlineData("")]
    [InlineData("{")]
    public void Anything_but_one_json_object_is_refused_as_the_body(string json) =>
        Assert.Equal(["body"], Errors(json).Keys);

    [Fact]
    public void Text_that_every_reader_reads_alike_passes_unchanged()
    {
        const string json = """{"name":"Jürgen 😀 \ud83d\ude00","donor":{"name":"x"},"items":[{"k":1},{"k":2}],"n":null}""";

        var (body, errors) = JsonRequestBody.Parse(Encoding.UTF8.GetBytes(json), JsonRequestBody.FormMaxDepth);

        Assert.Null(errors);
        using (body)
        {
            Assert.Equal("Jürgen 😀 😀", body!.Root.GetProperty("name").GetString());
            Assert.Equal(Encoding.UTF8.GetBytes(json), body.Raw);
        }
    }

    [Fact]
    public async Task Reading_a_request_refuses_more_than_the_limit_with_413_and_names_bad_fields_with_400()
    {
        var tooBig = HttpRequests.Create(body: "{\"a\":\"" + new string('x', 100) + "\"}");
        tooBig.ContentLength = null;
        var (_, tooBigProblem) = await JsonRequestBody.ReadAsync(tooBig, 64, default);
        Assert.Equal(413, tooBigProblem!.StatusCode);

        var (body, problem) = await JsonRequestBody.ReadAsync(HttpRequests.Create(body: """{"amount":5,"amount":9999}"""), 1024, default);
        Assert.Null(body);
        Assert.Equal(400, problem!.StatusCode);
        Assert.Contains("application/problem+json", problem.ContentTypes);
        Assert.Equal(["amount"], Assert.IsType<ValidationProblemDetails>(problem.Value).Errors.Keys);
    }

    private static IReadOnlyDictionary<string, string[]> Errors(string json) => Errors(Encoding.UTF8.GetBytes(json));

    private static IReadOnlyDictionary<string, string[]> Errors(byte[] raw)
    {
        var (body, errors) = JsonRequestBody.Parse(raw, JsonRequestBody.FormMaxDepth);
        Assert.Null(body);
        return errors!;
    }

    private static byte[] Bytes(string before, byte[] middle, string after) =>
        [.. Encoding.UTF8.GetBytes(before), .. middle, .. Encoding.UTF8.GetBytes(after)];
}
