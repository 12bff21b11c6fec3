using System.Text.Json;
using Kok.Domain.Membership;
using Kok.Functions.Membership;
using Kok.Functions.Storage;

namespace Kok.Functions.Tests.Membership;

/// <summary>Member mail requests as they travel on the queues (<see cref="MemberMailQueueClient"/> writes, <see cref="MemberMailFunctions"/> reads).</summary>
public class MemberMailMessageTests
{
    private const string MemberId = "mem_abcdefghijklmnopqrst";

    public static TheoryData<MemberMailRequest> Requests() => new()
    {
        new MemberMailRequest(MemberMailKind.Welcome, MemberId),
        new MemberMailRequest(MemberMailKind.CancellationConfirmed, MemberId),
        MemberMailRequest.ForPeriod(MemberMailKind.DuesPreNotification, MemberId, new DateOnly(2027, 3, 1)),
        MemberMailRequest.ForPeriod(MemberMailKind.DuesChargeFailed, MemberId, new DateOnly(2027, 3, 1)),
        MemberMailRequest.ForPeriod(MemberMailKind.DuesReminder, MemberId, new DateOnly(2027, 3, 1), 2),
        MemberMailRequest.ForPeriod(MemberMailKind.DuesLapsed, MemberId, new DateOnly(2028, 2, 29)),
    };

    [Theory]
    [MemberData(nameof(Requests))]
    public void Requests_round_trip_through_the_queue_json(MemberMailRequest request)
    {
        var json = JsonSerializer.Serialize(request, KokJson.Options);

        Assert.Equal(request, MemberMailFunctions.Parse(json));
    }

    [Fact]
    public void Dues_request_is_written_with_its_period_and_number()
    {
        var json = JsonSerializer.Serialize(
            MemberMailRequest.ForPeriod(MemberMailKind.DuesReminder, MemberId, new DateOnly(2027, 3, 1), 1), KokJson.Options);

        Assert.Contains("\"kind\":\"dues_reminder\"", json, StringComparison.Ordinal);
        Assert.Contains("\"periodStart\":\"2027-03-01\"", json, StringComparison.Ordinal);
        Assert.Contains("\"reminderNumber\":1", json, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("""{"kind":"welcome","memberId":"mem_abcdefghijklmnopqrst"}""", true)]
    [InlineData("""{"kind":"welcome","memberId":"mem_abcdefghijklmnopqrst","periodStart":null,"reminderNumber":null}""", true)]
    [InlineData("""{"kind":"dues_lapsed","memberId":"mem_abcdefghijklmnopqrst","periodStart":"2027-03-01"}""", true)]
    [InlineData("""{"kind":"dues_lapsed","memberId":"mem_abcdefghijklmnopqrst"}""", false)]
    [InlineData("""{"kind":"dues_reminder","memberId":"mem_abcdefghijklmnopqrst","periodStart":"2027-03-01"}""", false)]
    [InlineData("""{"kind":"welcome","memberId":"mem_abcdefghijklmnopqrst","periodStart":"2027-03-01"}""", false)]
    [InlineData("""{"kind":"welcome","memberId":"not-a-member"}""", false)]
    [InlineData("""{"kind":"nonsense","memberId":"mem_abcdefghijklmnopqrst"}""", false)]
    [InlineData("""not json""", false)]
    public void Parse_accepts_only_requests_whose_fields_fit_their_kind(string message, bool readable) =>
        Assert.Equal(readable, MemberMailFunctions.Parse(message) is not null);
}
