using System.Text;
using CsvHelper;
using Kok.Functions.Dashboard;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;

namespace Kok.Functions.Tests.Dashboard;

public class CsvExportResultTests
{
    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example\",\"Spende\")")]
    [InlineData("+49 30 1234")]
    [InlineData("-2+3")]
    [InlineData("@SUM(A1:A9)")]
    [InlineData("\tcmd")]
    [InlineData("\rcmd")]
    [InlineData("\ncmd")]
    [InlineData("\0x")]
    [InlineData(" =1+1")]
    [InlineData("\u00A0\u3000@x")]
    [InlineData("\uFF1D1+1")]
    [InlineData("=")]
    public void Text_a_spreadsheet_could_run_as_a_formula_gets_a_leading_apostrophe(string text) =>
        Assert.Equal("'" + text, CsvCell.Neutralise(text));

    [Theory]
    [InlineData("")]
    [InlineData("Erika Mustermann")]
    [InlineData("Müller-Lüdenscheidt")]
    [InlineData("a=b")]
    [InlineData("'=already text")]
    [InlineData("10785")]
    [InlineData("   ")]
    [InlineData("01.08.2041")]
    public void Other_text_is_left_as_it_is(string text) => Assert.Equal(text, CsvCell.Neutralise(text));

    [Fact]
    public async Task Every_text_cell_is_neutralised_and_amounts_stay_unquoted_numbers_also_when_negative()
    {
        CsvCell[][] records =
        [
            ["=1+1", CsvCell.Euros(-500), "Ja", CsvCell.Euros(123456)],
            [null, CsvCell.Euros(0), "-", "x;y"],
        ];

        var (text, cells) = await ExportAsync(["=Header", "Betrag", "C", "D"], records);

        Assert.Equal(["'=Header", "Betrag", "C", "D"], cells[0]);
        Assert.Equal(["'=1+1", "-5,00", "Ja", "1234,56"], cells[1]);
        Assert.Equal(["", "0,00", "'-", "x;y"], cells[2]);
        Assert.Contains("\"'=1+1\";-5,00;Ja;1234,56\r\n", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_first_page_is_read_before_anything_is_answered()
    {
        var started = CsvExportResult.StartAsync<string>("x.csv", ["A"], Failing(), t => [t], default);

        await Assert.ThrowsAsync<TimeoutException>(() => started);
    }

    private static async IAsyncEnumerable<IReadOnlyList<string>> Failing()
    {
        yield return await Task.FromException<IReadOnlyList<string>>(new TimeoutException("storage away"));
    }

    private static async Task<(string Text, string[][] Cells)> ExportAsync(string[] header, CsvCell[][] records)
    {
        var pages = Pages(records);
        var result = await CsvExportResult.StartAsync("x.csv", header, pages, r => r, default);
        var http = new DefaultHttpContext();
        var body = new MemoryStream();
        http.Response.Body = body;

        await result.ExecuteResultAsync(new ActionContext(http, new RouteData(), new Microsoft.AspNetCore.Mvc.Abstractions.ActionDescriptor()));

        var bytes = body.ToArray();
        var rows = new List<string[]>();
        await using var csv = CsvReader.Create(bytes, CsvReaderOptions.Default with { Separator = ';', HasHeader = false });
        foreach (var _ in csv)
        {
            rows.Add(Enumerable.Range(0, csv.FieldCount).Select(csv.GetString).ToArray());
        }

        return (Encoding.UTF8.GetString(bytes), rows.ToArray());
    }

    private static async IAsyncEnumerable<IReadOnlyList<CsvCell[]>> Pages(CsvCell[][] records)
    {
        await Task.Yield();
        yield return records;
    }
}
