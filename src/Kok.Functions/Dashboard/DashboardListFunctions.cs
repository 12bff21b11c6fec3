using System.Globalization;
using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Functions.Http;
using Kok.Functions.Staff;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kok.Functions.Dashboard;

/// <summary>
/// The dashboard's lists and CSV exports, staff only (<see cref="StaffAuthorization"/>):
/// <c>GET /api/dashboard/members</c> and <c>GET /api/dashboard/donations</c> (50 a page, continuation token), and
/// <c>GET /api/dashboard/export/members.csv</c> / <c>donations.csv</c>, streamed page by page. All read the list
/// indexes the repositories keep (<see cref="MemberListIndex"/>, <see cref="DonationListIndex"/>), never the
/// member or donation tables as a whole.
/// </summary>
public sealed class DashboardListFunctions(ListDashboardMembers members, ListDashboardDonations donations, StaffAuthorization staff)
{
    private static readonly CultureInfo German = CultureInfo.GetCultureInfo("de-DE");

    private static readonly string[] MemberHeader =
    [
        "Mitgliedsnummer", "Art", "Name", "Ansprechperson", "E-Mail", "Straße", "PLZ", "Ort", "Land", "Status",
        "Jahresbeitrag (EUR)", "Zahlungsart", "Mitglied seit", "Fällig am", "Offen (EUR)",
    ];

    private static readonly string[] DonationHeader =
    [
        "Spenden-ID", "Datum", "Name", "E-Mail", "Betrag (EUR)", "Intervall", "Status", "Eingegangen (EUR)", "Zahlungsart",
    ];

    [Function("ListDashboardMembers")]
    public async Task<IActionResult> Members(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard/members")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var auth = staff.Authorize(request);
        if (!auth.IsAllowed)
        {
            return auth.Failure;
        }

        var query = MemberListQuery.Parse(Text(request, "status"), Text(request, "year"), Text(request, "q"), Text(request, "continuationToken"));
        if (!query.IsValid)
        {
            return ProblemResults.Validation(query.Errors);
        }

        return ApiResults.Ok(await members.ExecuteAsync(query.Value!, cancellationToken));
    }

    [Function("ListDashboardDonations")]
    public async Task<IActionResult> Donations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard/donations")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var auth = staff.Authorize(request);
        if (!auth.IsAllowed)
        {
            return auth.Failure;
        }

        var query = DonationListQuery.Parse(
            Text(request, "status"), Text(request, "interval"), Text(request, "year"), Text(request, "q"), Text(request, "continuationToken"));
        if (!query.IsValid)
        {
            return ProblemResults.Validation(query.Errors);
        }

        return ApiResults.Ok(await donations.ExecuteAsync(query.Value!, cancellationToken));
    }

    [Function("ExportDashboardMembers")]
    public IActionResult ExportMembers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard/export/members.csv")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var auth = staff.Authorize(request);
        if (!auth.IsAllowed)
        {
            return auth.Failure;
        }

        // The members file lists every member as of now; the year only names the file (the office files it by year).
        if (!TryYear(request, out var year, out var problem))
        {
            return problem;
        }

        var rows = Pages(members.ExportAsync(cancellationToken), row => MemberRecord(row));
        return new CsvExportResult($"mitglieder-{donations.YearOf(year)}.csv", MemberHeader, rows);
    }

    [Function("ExportDashboardDonations")]
    public IActionResult ExportDonations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard/export/donations.csv")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        var auth = staff.Authorize(request);
        if (!auth.IsAllowed)
        {
            return auth.Failure;
        }

        if (!TryYear(request, out var year, out var problem))
        {
            return problem;
        }

        var chosen = donations.YearOf(year);
        var rows = Pages(donations.ExportAsync(chosen, cancellationToken), DonationRecord);
        return new CsvExportResult($"spenden-{chosen}.csv", DonationHeader, rows);
    }

    private static string? Text(HttpRequest request, string name) =>
        request.Query.TryGetValue(name, out var value) ? value.ToString() : null;

    private static bool TryYear(HttpRequest request, out int? year, out IActionResult problem)
    {
        var errors = new ValidationErrors();
        year = DashboardScope.ParseYearParameter(Text(request, "year"), errors);
        problem = errors.IsEmpty ? null! : ProblemResults.Validation(errors.ToDictionary());
        return errors.IsEmpty;
    }

    private static async IAsyncEnumerable<IEnumerable<string?[]>> Pages<T>(IAsyncEnumerable<IReadOnlyList<T>> pages, Func<T, string?[]> record)
    {
        await foreach (var page in pages)
        {
            yield return page.Select(record);
        }
    }

    private static string?[] MemberRecord(MemberExportRow row)
    {
        var item = row.Item;
        return
        [
            item.Id, Code(item.Kind), item.Name, item.ContactPerson, item.Email, row.Address.Street, row.Address.PostalCode,
            row.Address.City, row.Address.Country, Code(item.Status), Euros(item.AnnualAmountCents), Code(item.PaymentMethod),
            Date(item.MemberSince), Date(item.DueDate), Euros(item.OutstandingCents),
        ];
    }

    private static string?[] DonationRecord(DonationListItem item) =>
    [
        item.Id, Date(AssociationCalendar.Date(item.CreatedAt)), item.DonorName, item.Email, Euros(item.AmountCents),
        Code(item.Interval), Code(item.Status), Euros(item.PaidCents), item.PaymentMethod is { } method ? Code(method) : null,
    ];

    /// <summary>Euros with the German decimal comma and no thousands separator: 6000 → "60,00".</summary>
    internal static string Euros(long cents) => (cents / 100m).ToString("0.00", German);

    private static string? Date(DateOnly? date) => date?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static string Code<TEnum>(TEnum value)
        where TEnum : struct, Enum => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
