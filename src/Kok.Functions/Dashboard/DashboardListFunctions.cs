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
/// The dashboard's lists and CSV exports, staff only (<see cref="StaffOnlyAttribute"/>):
/// <c>GET /api/dashboard/members</c> and <c>GET /api/dashboard/donations</c> (50 a page, continuation token), and
/// <c>GET /api/dashboard/export/members.csv</c> / <c>donations.csv</c>, streamed page by page through the one CSV
/// writer (<see cref="CsvExportResult"/>, which neutralises formulas in every text cell). All read the list
/// indexes the repositories keep (<see cref="MemberListIndex"/>, <see cref="DonationListIndex"/>), never the
/// member or donation tables as a whole.
/// </summary>
[StaffOnly]
public sealed class DashboardListFunctions(ListDashboardMembers members, ListDashboardDonations donations)
{
    private static readonly string[] MemberHeader =
    [
        "Mitgliedsnummer", "Art", "Name", "Ansprechperson", "E-Mail", "Straße", "PLZ", "Ort", "Land", "Status",
        "Jahresbeitrag (EUR)", "Zahlungsart", "Mitglied seit", "Fällig am", "Offen (EUR)",
    ];

    private static readonly string[] DonationHeader =
    [
        "Spenden-ID", "Datum", "Name", "E-Mail", "Betrag (EUR)", "Intervall", "Status", "Eingegangen (EUR)", "Zahlungsart",
        "Zuwendungsbestätigung gewünscht", "Straße", "PLZ", "Ort", "Land",
    ];

    [Function("ListDashboardMembers")]
    public async Task<IActionResult> Members(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard/members")] HttpRequest request,
        CancellationToken cancellationToken)
    {
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
        var query = DonationListQuery.Parse(
            Text(request, "status"), Text(request, "interval"), Text(request, "year"), Text(request, "q"), Text(request, "continuationToken"));
        if (!query.IsValid)
        {
            return ProblemResults.Validation(query.Errors);
        }

        return ApiResults.Ok(await donations.ExecuteAsync(query.Value!, cancellationToken));
    }

    [Function("ExportDashboardMembers")]
    public async Task<IActionResult> ExportMembers(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard/export/members.csv")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        // The members file lists every member as of now; the year only names the file (the office files it by year).
        if (!TryYear(request, out var year, out var problem))
        {
            return problem;
        }

        return await CsvExportResult.StartAsync(
            $"mitglieder-{donations.YearOf(year)}.csv", MemberHeader, members.ExportAsync(cancellationToken), MemberRecord, cancellationToken);
    }

    [Function("ExportDashboardDonations")]
    public async Task<IActionResult> ExportDonations(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard/export/donations.csv")] HttpRequest request,
        CancellationToken cancellationToken)
    {
        if (!TryYear(request, out var year, out var problem))
        {
            return problem;
        }

        var chosen = donations.YearOf(year);
        return await CsvExportResult.StartAsync(
            $"spenden-{chosen}.csv", DonationHeader, donations.ExportAsync(chosen, cancellationToken), DonationRecord, cancellationToken);
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

    private static CsvCell[] MemberRecord(MemberExportRow row)
    {
        var item = row.Item;
        return
        [
            item.Id, Code(item.Kind), item.Name, item.ContactPerson, item.Email, row.Address.Street, row.Address.PostalCode,
            row.Address.City, row.Address.Country, Code(item.Status), CsvCell.Euros(item.AnnualAmountCents), Code(item.PaymentMethod),
            Date(item.MemberSince), Date(item.DueDate), CsvCell.Euros(item.OutstandingCents),
        ];
    }

    private static CsvCell[] DonationRecord(DonationExportRow row)
    {
        var item = row.Item;
        return
        [
            item.Id, Date(AssociationCalendar.Date(item.CreatedAt)), item.DonorName, item.Email, CsvCell.Euros(item.AmountCents),
            Code(item.Interval), Code(item.Status), CsvCell.Euros(item.PaidCents), item.PaymentMethod is { } method ? Code(method) : null,
            row.WantsReceipt switch { true => "Ja", false => "Nein", null => null },
            row.Address?.Street, row.Address?.PostalCode, row.Address?.City, row.Address?.Country,
        ];
    }

    private static string? Date(DateOnly? date) => date?.ToString("dd.MM.yyyy", CultureInfo.InvariantCulture);

    private static string Code<TEnum>(TEnum value)
        where TEnum : struct, Enum => System.Text.Json.JsonNamingPolicy.SnakeCaseLower.ConvertName(value.ToString());
}
