using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Kok.Domain.Common;
using Kok.Domain.Dashboard;
using Kok.Domain.Dues;
using Kok.Domain.Receipts;
using Kok.Functions.Http;
using Kok.Functions.Staff;
using Kok.Functions.Storage;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Azure.Functions.Worker;

namespace Kok.Functions.Dashboard;

/// <summary>
/// The dashboard's member detail and staff actions, staff only (<see cref="StaffOnlyAttribute"/>). Each action calls
/// one use case, which records it in the audit trail with the signed-in staff member:
/// <c>GET /api/dashboard/members/{id}</c>, <c>POST …/{id}/remind</c> (202), <c>POST …/{id}/payments</c> (bank
/// transfer, 201), <c>POST …/{id}/cancel</c>, <c>POST /api/dashboard/mail/poison/{queue}/requeue</c>.
/// </summary>
[StaffOnly]
public sealed class DashboardMemberFunctions(
    GetMemberDetail getDetail,
    RemindMember remind,
    RecordDuesBankTransfer recordBankTransfer,
    CancelMemberByStaff cancel,
    RequeuePoisonMessages requeue)
{
    public const int MaxBodyBytes = 4 * 1024;

    [Function("GetDashboardMember")]
    public async Task<IActionResult> Detail(
        [HttpTrigger(AuthorizationLevel.Anonymous, "get", Route = "api/dashboard/members/{id}")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        return await getDetail.ExecuteAsync(id, cancellationToken) is { } detail
            ? ApiResults.Ok(Detail(detail))
            : StaffProblems.MemberNotFound();
    }

    [Function("RemindDashboardMember")]
    public async Task<IActionResult> Remind(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/dashboard/members/{id}/remind")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var staff = StaffIdentity.Of(request);
        var result = await remind.ExecuteAsync(id, staff.Id, staff.Name, cancellationToken);
        return result.Outcome switch
        {
            StaffActionOutcome.Done => new JsonResult(new { result.MemberId, result.MailKind }, KokJson.Options) { StatusCode = StatusCodes.Status202Accepted },
            StaffActionOutcome.NotFound => StaffProblems.MemberNotFound(),
            _ when result.LastReminderAt is { } last => ReminderTooSoon(last, result.NextReminderAt!.Value),
            _ => StaffProblems.Problem(StatusCodes.Status409Conflict, StaffErrorCodes.NothingOutstanding, "Nothing outstanding.",
                "Nur überfällige oder erloschene Mitgliedschaften werden erinnert / only overdue or lapsed memberships can be reminded."),
        };
    }

    /// <summary>409 naming when the last staff reminder went out (ISO 8601 and a sentence in Berlin time) and when the next may.</summary>
    private static ObjectResult ReminderTooSoon(DateTimeOffset last, DateTimeOffset next)
    {
        var (lastBerlin, nextBerlin) = (GermanTime.LocalTime(last), GermanTime.LocalTime(next));
        var detail = string.Create(CultureInfo.InvariantCulture,
            $"Die letzte Erinnerung an dieses Mitglied ging am {lastBerlin:dd.MM.yyyy} um {lastBerlin:HH:mm} Uhr hinaus; eine weitere ist ab {nextBerlin:HH:mm} Uhr möglich / ")
            + string.Create(CultureInfo.InvariantCulture,
                $"the last reminder to this member went out on {lastBerlin:d MMMM yyyy} at {lastBerlin:HH:mm} (Berlin time); another is possible from {nextBerlin:HH:mm}.");
        return ProblemResults.Problem(StatusCodes.Status409Conflict, "Reminder sent moments ago.", detail, new Dictionary<string, object?>
        {
            ["lastReminderAt"] = last.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
            ["nextReminderAt"] = next.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture),
        });
    }

    [Function("RecordDashboardMemberPayment")]
    [AcceptsJson(MaxBodyBytes)]
    public async Task<IActionResult> RecordPayment(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/dashboard/members/{id}/payments")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var staff = StaffIdentity.Of(request);
        var result = await recordBankTransfer.ExecuteAsync(id, BankTransfer(JsonBody.Of(request).Root), staff.Id, staff.Name, cancellationToken);
        return result.Outcome switch
        {
            StaffActionOutcome.Done => ApiResults.Created(new { result.MemberId, result.PaymentId, result.PeriodStart, result.Status }),
            StaffActionOutcome.NotFound => StaffProblems.MemberNotFound(),
            StaffActionOutcome.Invalid => StaffProblems.Validation(result.Errors!, result.ErrorCodes),
            _ => result.Reason switch
            {
                BankTransferOutcome.AlreadyPaid => StaffProblems.Problem(StatusCodes.Status409Conflict, StaffErrorCodes.AlreadyPaid, "Already paid.",
                    "Der Beitrag ist bereits bezahlt / the dues are already paid."),
                BankTransferOutcome.PaymentInProgress => StaffProblems.Problem(StatusCodes.Status409Conflict, StaffErrorCodes.PaymentInProgress,
                    "Payment in progress.", "Eine Zahlung des Beitrags läuft noch / a payment of the dues is still in progress."),
                _ => StaffProblems.Problem(StatusCodes.Status409Conflict, StaffErrorCodes.NothingPayable, "Nothing payable.",
                    "Es ist kein Beitrag offen / no dues are payable."),
            },
        };
    }

    [Function("CancelDashboardMember")]
    public async Task<IActionResult> Cancel(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/dashboard/members/{id}/cancel")] HttpRequest request,
        string id,
        CancellationToken cancellationToken)
    {
        var staff = StaffIdentity.Of(request);
        var result = await cancel.ExecuteAsync(id, staff.Id, staff.Name, cancellationToken);
        return result.Outcome == StaffActionOutcome.Done
            ? ApiResults.Ok(new { result.MemberId, result.Status, result.EndsOn, result.MemberUntil })
            : StaffProblems.MemberNotFound();
    }

    [Function("RequeueDashboardPoisonMessages")]
    public async Task<IActionResult> Requeue(
        [HttpTrigger(AuthorizationLevel.Anonymous, "post", Route = "api/dashboard/mail/poison/{queue}/requeue")] HttpRequest request,
        string queue,
        CancellationToken cancellationToken)
    {
        var staff = StaffIdentity.Of(request);
        var result = await requeue.ExecuteAsync(queue, staff.Id, staff.Name, cancellationToken);
        return result.Outcome == StaffActionOutcome.Done
            ? ApiResults.Ok(new { result.Queue, result.Requeued })
            : StaffProblems.Problem(StatusCodes.Status404NotFound, StaffErrorCodes.QueueNotFound, "Queue not found.",
                "Keine Warteschlange der App / not one of the app's queues.");
    }

    /// <summary>The member part is <c>MemberView</c> plus the list fields (<c>id</c>, <c>dueDate</c>, <c>outstandingCents</c>, <c>city</c>).</summary>
    private static JsonObject Detail(MemberDetail detail)
    {
        var member = JsonSerializer.SerializeToNode(detail.Member, KokJson.Options)!.AsObject();
        member["id"] = detail.Member.MemberId;
        member["dueDate"] = JsonSerializer.SerializeToNode(detail.DueDate, KokJson.Options);
        member["outstandingCents"] = detail.OutstandingCents;
        member["city"] = detail.Member.Address.City;
        return new JsonObject
        {
            ["member"] = member,
            ["duesHistory"] = Node(detail.DuesHistory.Select(e => new
            {
                e.PeriodStart,
                e.PeriodEnd,
                e.AmountCents,
                e.Status,
                e.PaymentId,
                e.RequestedOn,
                e.SettledAt,
                e.FailureCode,
                e.PaidWith,
                e.TransferReference,
            })),
            ["payments"] = Node(detail.Payments),
            ["mails"] = Node(detail.Mails),
            ["receipts"] = Node(detail.Receipts.Select(r => new { r.Number, r.IssuedOn, r.AmountCents, r.PaymentId, r.WithdrawnOn })),
            ["firstYearDues"] = Node(detail.FirstYear),
            ["audit"] = Node(detail.Audit.Select(a => new
            {
                a.At,
                a.StaffName,
                a.Action,
                a.Details,
                Facts = a.Facts.ToDictionary(f => f.Key, f => f.Value, StringComparer.Ordinal),
                a.Id,
            })),
        };
    }

    private static JsonNode? Node<T>(T value) => JsonSerializer.SerializeToNode(value, KokJson.Options);

    /// <summary>A value of the wrong JSON type arrives as null and is named by the validator like a missing one.</summary>
    private static BankTransferForm BankTransfer(JsonElement root)
    {
        var reader = new JsonFormReader();
        return new BankTransferForm(
            reader.Number(root, "amountCents", BankTransferFormValidator.AmountField),
            reader.Text(root, "paidOn", BankTransferFormValidator.PaidOnField),
            reader.Text(root, "reference", BankTransferFormValidator.ReferenceField));
    }
}
