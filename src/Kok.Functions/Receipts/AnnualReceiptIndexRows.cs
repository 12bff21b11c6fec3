using System.Globalization;
using Azure.Data.Tables;
using Kok.Domain.Donations;
using Kok.Domain.Receipts;
using Kok.Functions.Storage;

namespace Kok.Functions.Receipts;

/// <summary>
/// The rows of <see cref="TableNames.AnnualReceiptIndex"/>: partition = Berlin payment year (<c>2026</c>), row key =
/// <c>{donorKey}|{donationId}|{paymentId}</c>, so one partition read lists a year's payments with each donor group's
/// together, and one range read a group's. Columns: the payment date, the amount kept (paid less partial refunds) and
/// why the donor is left out, if so. Ids, dates and money only; the donor key is a hash of the donor's normalised
/// data (<see cref="AnnualReceiptGrouping"/>), so no name or address is stored here.
/// </summary>
internal static class AnnualReceiptIndexRows
{
    public const string RunPartition = "run";

    public static string Partition(int year) => year.ToString("0000", CultureInfo.InvariantCulture);

    public static string RowKey(ReceiptDonorKey donorKey, string donationId, string paymentId) => $"{donorKey.Value}|{donationId}|{paymentId}";

    /// <summary>Row keys of one donor group lie in [<c>key|</c>, <c>key}</c>): '}' follows '|'.</summary>
    public static (string From, string To) DonorRange(ReceiptDonorKey donorKey) => (donorKey.Value + "|", donorKey.Value + "}");

    /// <summary>The payments of a monthly donation the annual run confirms, by Berlin payment year; none for one-time donations.</summary>
    public static IReadOnlyList<(int Year, ReceiptablePayment Payment)> Of(Donation donation)
    {
        if (donation.Interval != DonationInterval.Monthly)
        {
            return [];
        }

        var donorKey = AnnualReceiptGrouping.KeyOf(donation.Donor);
        var leftOut = AnnualReceiptGrouping.LeftOut(donation.WantsReceipt, donation.Donor.Address);
        return donation.Payments
            .Where(p => p.Status == PaymentStatus.Paid && p.PaidAt is not null && p.AmountCents - p.RefundedCents > 0)
            .Select(p => (Date: GermanTime.DateOf(p.PaidAt!.Value), Payment: p))
            .Select(p => (p.Date.Year, new ReceiptablePayment(donorKey, donation.Id, p.Payment.Id, p.Date, p.Payment.AmountCents - p.Payment.RefundedCents, leftOut)))
            .ToList();
    }

    /// <summary>The years in which a donation has paid payments, counted or not (refunded ones too): where stale rows may lie.</summary>
    public static IEnumerable<int> YearsOf(Donation donation) =>
        donation.Payments.Where(p => p.PaidAt is not null).Select(p => GermanTime.DateOf(p.PaidAt!.Value).Year).Distinct();

    public static TableEntity ToEntity(int year, ReceiptablePayment payment)
    {
        var entity = new TableEntity(Partition(year), RowKey(payment.DonorKey, payment.DonationId, payment.PaymentId))
        {
            ["DonationId"] = payment.DonationId,
            ["PaymentId"] = payment.PaymentId,
            ["PaidOn"] = StoredNames.Date(payment.PaidOn),
            ["AmountCents"] = payment.AmountCents,
        };
        if (payment.LeftOut is { } reason)
        {
            entity["LeftOut"] = StoredNames.Name(reason);
        }

        return entity;
    }

    public static ReceiptablePayment FromEntity(TableEntity entity)
    {
        var donorKey = entity.RowKey[..entity.RowKey.IndexOf('|', StringComparison.Ordinal)];
        return new ReceiptablePayment(
            new ReceiptDonorKey(donorKey),
            entity.GetString("DonationId"),
            entity.GetString("PaymentId"),
            StoredNames.ParseDate(entity.GetString("PaidOn")),
            entity.GetInt64("AmountCents") ?? 0,
            StoredNames.TryParse<AnnualReceiptLeftOutReason>(entity.GetString("LeftOut")));
    }
}
