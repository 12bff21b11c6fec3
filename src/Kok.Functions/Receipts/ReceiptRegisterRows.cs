using System.Globalization;
using System.Text.Json;
using Azure.Data.Tables;
using Kok.Domain.Receipts;
using Kok.Functions.Storage;

namespace Kok.Functions.Receipts;

/// <summary>
/// The rows of the register partition and how receipts map to them:
/// <list type="bullet">
/// <item><c>counter-2026</c>: the last number of the year (<c>Last</c>).</item>
/// <item><c>number-2026-000123</c>: a receipt's frozen data as plain columns (name, address, total, dates, form),
/// so staff can query them; a Sammelbestätigung's lines (payment key, date, kind, amount) and the frozen issuer as
/// JSON (<see cref="ChunkedProperty"/>), the facsimile by its SHA-256 only; later the withdrawal (date, reason) and
/// the correction it was replaced by. An Einzelbestätigung keeps its payment in <c>PaymentKey</c>, <c>Kind</c>,
/// <c>PaymentDate</c> as before.</item>
/// <item><c>payment-{key}</c>: <c>Number</c> of the receipt currently confirming the payment.</item>
/// <item><c>annual-2025-{donorKey}</c>: <c>Number</c> of the donor's current Sammelbestätigung for 2025.</item>
/// <item><c>facsimile-{sha256}</c>: a signature image, once however many receipts carry it.</item>
/// </list>
/// Rows written before Sammelbestätigungen existed have no <c>Form</c> and no <c>Issuer</c> and read as
/// Einzelbestätigungen without frozen issuer.
/// </summary>
internal static class ReceiptRegisterRows
{
    public const string Partition = "register";

    public static string CounterKey(int year) => "counter-" + year.ToString("0000", CultureInfo.InvariantCulture);

    public static string NumberKey(string number) => "number-" + number;

    public static string PaymentKey(ReceiptPaymentKey key) => "payment-" + key.Value;

    /// <summary>Where the payment rows of one subject (<see cref="ReceiptPaymentKey.SubjectKey"/>) begin: they all start so.</summary>
    public static string PaymentPrefix(string subjectKey) => "payment-" + subjectKey + ":";

    public static string AnnualKey(int year, ReceiptDonorKey donor) =>
        "annual-" + year.ToString("0000", CultureInfo.InvariantCulture) + "-" + donor.Value;

    public static string FacsimileKey(string sha256) => "facsimile-" + sha256;

    public static TableEntity Pointer(string rowKey, string number) => new(Partition, rowKey) { ["Number"] = number };

    public static TableEntity Receipt(IssuedReceipt receipt, DateTimeOffset issuedAt)
    {
        var document = receipt.Document;
        var entity = new TableEntity(Partition, NumberKey(document.Number))
        {
            ["Number"] = document.Number,
            ["Form"] = StoredNames.Name(document.Form),
            ["DonorName"] = document.DonorName,
            ["DonorAddressLines"] = JsonSerializer.Serialize(document.DonorAddressLines, KokJson.Options),
            ["AmountCents"] = document.AmountCents,
            ["IssueDate"] = Date(document.IssueDate),
            ["IssuedAt"] = issuedAt,
        };
        if (document.Form == ReceiptForm.Einzelbestaetigung)
        {
            entity["PaymentKey"] = receipt.PaymentKey.Value;
            entity["Kind"] = StoredNames.Name(document.Kind);
            entity["PaymentDate"] = Date(document.PaymentDate);
        }
        else
        {
            entity["DonorKey"] = receipt.DonorKey!.Value;
            entity["PeriodFrom"] = Date(document.Period.From);
            entity["PeriodTo"] = Date(document.Period.To);
            var lines = receipt.PaymentKeys.Zip(document.Lines, (key, line) => new StoredLine(key.Value, line.PaymentDate, line.Kind, line.AmountCents));
            ChunkedProperty.Write(entity, "Lines", JsonSerializer.Serialize(lines, KokJson.Options));
        }

        if (document.Issuer is { } issuer)
        {
            ChunkedProperty.Write(entity, "Issuer", JsonSerializer.Serialize(StoredIssuer.Of(issuer), KokJson.Options));
        }

        if (document.Replaces is { } replaces)
        {
            entity["Replaces"] = replaces;
        }

        return entity;
    }

    /// <summary>
    /// The columns a withdrawal (and a correction) changes, merged into the receipt row; <paramref name="at"/> only
    /// when it is withdrawn now, so a correction of a receipt withdrawn earlier keeps when that happened.
    /// </summary>
    public static TableEntity Withdrawal(ReceiptDocument withdrawn, DateTimeOffset? at)
    {
        var entity = new TableEntity(Partition, NumberKey(withdrawn.Number))
        {
            ["WithdrawnOn"] = Date(withdrawn.Withdrawal!.On),
            ["WithdrawalReason"] = withdrawn.Withdrawal.Reason,
        };
        if (at is { } now)
        {
            entity["WithdrawnAt"] = now;
        }

        if (withdrawn.ReplacedBy is { } replacedBy)
        {
            entity["ReplacedBy"] = replacedBy;
        }

        return entity;
    }

    /// <summary>The receipt in <paramref name="entity"/>; <paramref name="facsimile"/> loads a signature by its hash.</summary>
    public static async Task<IssuedReceipt> ToReceiptAsync(TableEntity entity, Func<string, Task<ReadOnlyMemory<byte>>> facsimile)
    {
        var issuer = ChunkedProperty.Read(entity, "Issuer") is { } json
            ? await JsonSerializer.Deserialize<StoredIssuer>(json, KokJson.Options)!.ToProfileAsync(facsimile)
            : null;
        var donor = new ReceiptDonor(
            entity.GetString("DonorName"),
            JsonSerializer.Deserialize<string[]>(entity.GetString("DonorAddressLines") ?? "[]", KokJson.Options) ?? []);
        var number = entity.GetString("Number");
        var form = entity.GetString("Form") is { } stored ? StoredNames.Parse<ReceiptForm>(stored) : ReceiptForm.Einzelbestaetigung;
        IReadOnlyList<ReceiptPaymentKey> keys;
        ReceiptContent content;
        ReceiptDonorKey? donorKey = null;
        if (form == ReceiptForm.Einzelbestaetigung)
        {
            var paymentDate = ParseDate(entity.GetString("PaymentDate"));
            keys = [ReceiptPaymentKey.Parse(entity.GetString("PaymentKey"))];
            content = new ReceiptContent
            {
                Form = form,
                Donor = donor,
                Lines = [new ReceiptLine(paymentDate, StoredNames.Parse<ReceiptKind>(entity.GetString("Kind")), entity.GetInt64("AmountCents") ?? 0)],
                Period = new ReceiptPeriod(paymentDate, paymentDate),
                IssueDate = ParseDate(entity.GetString("IssueDate")),
                Issuer = issuer,
                Replaces = entity.GetString("Replaces"),
            };
        }
        else
        {
            var lines = JsonSerializer.Deserialize<StoredLine[]>(ChunkedProperty.Read(entity, "Lines") ?? "[]", KokJson.Options) ?? [];
            keys = lines.Select(l => ReceiptPaymentKey.Parse(l.Payment)).ToArray();
            donorKey = new ReceiptDonorKey(entity.GetString("DonorKey"));
            content = new ReceiptContent
            {
                Form = form,
                Donor = donor,
                Lines = lines.Select(l => new ReceiptLine(l.Date, l.Kind, l.AmountCents)).ToArray(),
                Period = new ReceiptPeriod(ParseDate(entity.GetString("PeriodFrom")), ParseDate(entity.GetString("PeriodTo"))),
                IssueDate = ParseDate(entity.GetString("IssueDate")),
                Issuer = issuer,
                Replaces = entity.GetString("Replaces"),
            };
        }

        var document = ReceiptDocument.Issue(number, content);
        if (entity.GetString("WithdrawnOn") is { } withdrawnOn)
        {
            // Rows withdrawn before reasons were kept were all withdrawn by a refund.
            document = document.Withdraw(new ReceiptWithdrawal(ParseDate(withdrawnOn), entity.GetString("WithdrawalReason") ?? ReceiptWithdrawal.RefundReason));
            if (entity.GetString("ReplacedBy") is { } replacedBy)
            {
                document = document.ReplacedWith(replacedBy);
            }
        }

        return new IssuedReceipt(keys, document, donorKey);
    }

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDate(string? value) => DateOnly.ParseExact(value ?? string.Empty, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private sealed record StoredLine(string Payment, DateOnly Date, ReceiptKind Kind, long AmountCents);

    /// <summary>The frozen issuer: every field of the profile, the facsimile by its SHA-256 only.</summary>
    private sealed record StoredIssuer(
        string Name,
        string ShortName,
        string[] AddressLines,
        string City,
        string TaxOffice,
        string TaxNumber,
        TaxExemptionNotice ExemptionNotice,
        DateOnly? ExemptionNoticeDate,
        string AssessmentPeriod,
        string Purposes,
        bool MembershipFeesDeductible,
        string SignatoryName,
        string SignatoryFunction,
        string ContactEmail,
        string? SignatureFacsimileSha256)
    {
        public static StoredIssuer Of(OrganisationProfile issuer) => new(
            issuer.Name,
            issuer.ShortName,
            issuer.AddressLines.ToArray(),
            issuer.City,
            issuer.TaxOffice,
            issuer.TaxNumber,
            issuer.ExemptionNotice,
            issuer.ExemptionNoticeDate,
            issuer.AssessmentPeriod,
            issuer.Purposes,
            issuer.MembershipFeesDeductible,
            issuer.SignatoryName,
            issuer.SignatoryFunction,
            issuer.ContactEmail,
            issuer.SignatureFacsimileSha256);

        public async Task<OrganisationProfile> ToProfileAsync(Func<string, Task<ReadOnlyMemory<byte>>> facsimile) => new()
        {
            Name = Name,
            ShortName = ShortName,
            AddressLines = AddressLines,
            City = City,
            TaxOffice = TaxOffice,
            TaxNumber = TaxNumber,
            ExemptionNotice = ExemptionNotice,
            ExemptionNoticeDate = ExemptionNoticeDate,
            AssessmentPeriod = AssessmentPeriod,
            Purposes = Purposes,
            MembershipFeesDeductible = MembershipFeesDeductible,
            SignatoryName = SignatoryName,
            SignatoryFunction = SignatoryFunction,
            ContactEmail = ContactEmail,
            SignatureFacsimile = SignatureFacsimileSha256 is { } hash ? await facsimile(hash) : default,
        };
    }
}
