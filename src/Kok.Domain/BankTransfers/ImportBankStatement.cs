using Kok.Domain.Dashboard;
using Kok.Domain.Donations;
using Kok.Domain.Dues;
using Kok.Domain.Payments;

namespace Kok.Domain.BankTransfers;

/// <summary>
/// Staff import a bank statement: each credit is matched by the reference code in its remittance (tolerant to spaces,
/// hyphens, case and look-alikes; the check character decides) and the amount the donation asked for. A match is
/// recorded through the same path as every other payment (<see cref="HandlePaymentEvent"/>: the donation becomes
/// paid and its thank-you and receipt, or its place in the Sammelbestätigung, follow from the receipt-mail queue).
/// <para>
/// Exactly once: an entry's identity (<see cref="BankStatementEntry.Identity"/>) is looked up first, and recorded in
/// the <see cref="IBankEntryLog"/> after its payment; the payment itself is an event with that identity as its id, so
/// an import that died between the two is finished by importing the same file again. Cost per entry, not per
/// supporter: one log read and one log write, plus per code found one index read and, for a match, the donation's
/// read and write and one write remembering the payer's IBAN (as a hash); an unmatched entry with an IBAN reads that
/// memory once for a suggestion.
/// </para>
/// <para>
/// A code that belongs to no donation may be a member's dues reference code: the credit then pays the member's dues
/// through <see cref="PayDuesByTransfer"/> (the first year, or the period asked for), with the same event id; an
/// amount above the dues pays them and the extra becomes a donation of the member; a smaller one is left unmatched
/// for staff, with the member named. Payer IBANs are remembered for donations only.
/// </para>
/// </summary>
public sealed class ImportBankStatement(
    IBankEntryLog log,
    IDonationRepository donations,
    HandlePaymentEvent payments,
    IAuditTrail audit,
    Common.IIdGenerator ids,
    TimeProvider time,
    PayDuesByTransfer? dues = null)
{
    /// <summary>The audit action of an import (labelled in the dashboard texts like every other).</summary>
    public const string ImportAuditAction = "bank.import";

    public async Task<BankImportResult> ExecuteAsync(
        IReadOnlyList<BankStatementEntry> entries, string staffId, string staffName, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var lines = new List<BankImportLine>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in entries)
        {
            var identity = entry.Identity;
            if (!seen.Add(identity))
            {
                lines.Add(Line(entry, BankEntryOutcome.AlreadyKnown, null, "Steht doppelt in der Datei.", "Listed twice in the file."));
                continue;
            }

            if (await log.GetAsync(identity, cancellationToken).ConfigureAwait(false) is { } known)
            {
                var (stateDe, stateEn) = known.Outcome switch
                {
                    BankEntryOutcome.Matched or BankEntryOutcome.Assigned or BankEntryOutcome.AssignedToDues or BankEntryOutcome.NewDonation
                        => ("zugeordnet", "matched"),
                    BankEntryOutcome.Excluded => ("keine Spende", "not a donation"),
                    _ => ("offen", "unmatched"),
                };
                lines.Add(Line(entry, BankEntryOutcome.AlreadyKnown, known.DonationId,
                    $"Schon am {known.ImportedAt:dd.MM.yyyy} eingelesen ({stateDe}).",
                    $"Imported before on {known.ImportedAt:yyyy-MM-dd} ({stateEn}).") with { MemberId = known.MemberId });
                continue;
            }

            var line = await MatchAsync(entry, identity, cancellationToken).ConfigureAwait(false);
            if (line.Outcome == BankEntryOutcome.Unmatched)
            {
                if (entry.PayerKey is { } payer && await log.FindPayerAsync(payer, cancellationToken).ConfigureAwait(false) is { } suggested)
                {
                    line = Suggest(line, suggested);
                }

                await log.AddUnmatchedAsync(Unmatched(entry, identity, line), cancellationToken).ConfigureAwait(false);
            }
            else if (entry.PayerKey is { } key && line.MemberId is null)
            {
                await log.RememberPayerAsync(key, line.DonationId!, cancellationToken).ConfigureAwait(false);
            }

            await log.RecordAsync(
                new BankEntryRecord(identity, line.Outcome, line.DonationId, entry.AmountCents, entry.BookingDate, time.GetUtcNow(), line.MemberId),
                cancellationToken).ConfigureAwait(false);
            lines.Add(line);
        }

        var result = new BankImportResult(
            [.. lines.Where(l => l.Outcome == BankEntryOutcome.Matched)],
            [.. lines.Where(l => l.Outcome == BankEntryOutcome.AlreadyKnown)],
            [.. lines.Where(l => l.Outcome == BankEntryOutcome.Unmatched)]);
        await audit.RecordAsync(
            new AuditEntry(ids.NewId(RecomputeDashboardTotals.AuditIdPrefix), AuditEntry.Global, ImportAuditAction, staffId, staffName, time.GetUtcNow(),
                AuditFacts.Format(("entries", entries.Count), ("matched", result.Matched.Count), ("known", result.AlreadyKnown.Count), ("unmatched", result.Unmatched.Count))),
            cancellationToken).ConfigureAwait(false);
        return result;
    }

    private async Task<BankImportLine> MatchAsync(BankStatementEntry entry, string identity, CancellationToken cancellationToken)
    {
        if (!string.Equals(entry.Currency, "EUR", StringComparison.Ordinal))
        {
            return Line(entry, BankEntryOutcome.Unmatched, null, $"Nicht in Euro ({entry.Currency}).", $"Not in euros ({entry.Currency}).");
        }

        var codes = entry.Codes();
        if (codes.Count == 0)
        {
            return Line(entry, BankEntryOutcome.Unmatched, null, "Kein Spendencode im Verwendungszweck.", "No reference code in the remittance.");
        }

        BankImportLine? unmatched = null;
        foreach (var code in codes)
        {
            var donationId = await donations.FindIdAsync(new PaymentReference(PaymentReferenceKind.TransferCode, code.Characters), cancellationToken)
                .ConfigureAwait(false);
            if (!Donation.IsWellFormedId(donationId))
            {
                if (dues is not null && await dues.FindMemberAsync(code, cancellationToken).ConfigureAwait(false) is { } memberId)
                {
                    var duesLine = await PayDuesAsync(entry, identity, code, memberId, cancellationToken).ConfigureAwait(false);
                    if (duesLine.Outcome == BankEntryOutcome.Matched)
                    {
                        return duesLine;
                    }

                    unmatched = duesLine;
                    continue;
                }

                unmatched ??= Line(entry, BankEntryOutcome.Unmatched, null,
                    $"Code {code.Value} gehört zu keiner Spende.", $"Code {code.Value} belongs to no donation.");
                continue;
            }

            var received = new BankTransferReceived(
                "bank:" + identity,
                new DateTimeOffset(entry.BookingDate.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero),
                new Dictionary<string, string>(),
                code,
                entry.AmountCents);
            var handled = await payments.ExecuteAsync(received, donationId!, cancellationToken).ConfigureAwait(false);
            if (handled.Disposition is PaymentEventDisposition.Processed or PaymentEventDisposition.Duplicate)
            {
                return Line(entry, BankEntryOutcome.Matched, donationId,
                    $"Code {code.Value} und Betrag {EuroTexts.German(entry.AmountCents)} passen: Spende {donationId} ist bezahlt.",
                    $"Code {code.Value} and amount {EuroTexts.English(entry.AmountCents)} fit: donation {donationId} is paid.");
            }

            unmatched = await WhyNotAsync(entry, code, donationId!, cancellationToken).ConfigureAwait(false);
        }

        return unmatched!;
    }

    private async Task<BankImportLine> PayDuesAsync(
        BankStatementEntry entry, string identity, ReferenceCode code, string memberId, CancellationToken cancellationToken)
    {
        var payment = new DuesTransferPayment("bank:" + identity, entry.AmountCents, entry.BookingDate, code.Value, DecidedByStaff: false);
        var result = await dues!.ExecuteAsync(memberId, payment, cancellationToken).ConfigureAwait(false);
        var line = result?.Outcome switch
        {
            DuesTransferOutcome.Settled or DuesTransferOutcome.Duplicate => Line(entry, BankEntryOutcome.Matched, result.ExtraDonationId,
                $"Code {code.Value} und Betrag {EuroTexts.German(entry.AmountCents)} passen: Beitrag von Mitglied {memberId} ist bezahlt."
                    + (result.ExtraCents > 0 ? $" {EuroTexts.German(result.ExtraCents)} über dem Beitrag sind als Spende {result.ExtraDonationId} verbucht." : string.Empty),
                $"Code {code.Value} and amount {EuroTexts.English(entry.AmountCents)} fit: the dues of member {memberId} are paid."
                    + (result.ExtraCents > 0 ? $" {EuroTexts.English(result.ExtraCents)} above the dues are recorded as donation {result.ExtraDonationId}." : string.Empty)),
            DuesTransferOutcome.TooLow => Line(entry, BankEntryOutcome.Unmatched, null,
                $"Code {code.Value} von Mitglied {memberId}, aber {EuroTexts.German(entry.AmountCents)} statt {EuroTexts.German(result.DuesCents)} (Teilzahlung); bitte entscheiden.",
                $"Code {code.Value} of member {memberId}, but {EuroTexts.English(entry.AmountCents)} instead of {EuroTexts.English(result.DuesCents)} (partial payment); please decide."),
            DuesTransferOutcome.NothingOwed => Line(entry, BankEntryOutcome.Unmatched, null,
                $"Code {code.Value} von Mitglied {memberId}, aber gerade ist kein Beitrag offen; bitte prüfen.",
                $"Code {code.Value} of member {memberId}, but no dues are open right now; please check."),
            _ => Line(entry, BankEntryOutcome.Unmatched, null, $"Code {code.Value} gehört zu keiner Spende.", $"Code {code.Value} belongs to no donation."),
        };
        return result is null ? line : line with { MemberId = memberId };
    }

    private async Task<BankImportLine> WhyNotAsync(BankStatementEntry entry, ReferenceCode code, string donationId, CancellationToken cancellationToken)
    {
        var donation = (await donations.GetAsync(donationId, cancellationToken).ConfigureAwait(false))?.Donation;
        if (donation is not null && donation.Status != DonationStatus.Pending)
        {
            return Line(entry, BankEntryOutcome.Unmatched, donationId,
                $"Code {code.Value}: Spende {donationId} ist schon bezahlt; bitte prüfen.",
                $"Code {code.Value}: donation {donationId} is already paid; please check.");
        }

        var asked = donation?.AmountCents ?? 0;
        return Line(entry, BankEntryOutcome.Unmatched, donationId,
            $"Code {code.Value} von Spende {donationId}, aber {EuroTexts.German(entry.AmountCents)} statt {EuroTexts.German(asked)}; bitte entscheiden.",
            $"Code {code.Value} of donation {donationId}, but {EuroTexts.English(entry.AmountCents)} instead of {EuroTexts.English(asked)}; please decide.");
    }

    /// <summary>A hint at the supporter whose donation this payer's account paid before; staff decide, nothing is applied.</summary>
    private static BankImportLine Suggest(BankImportLine line, string donationId) => line with
    {
        SuggestedDonationId = donationId,
        ExplanationDe = $"{line.ExplanationDe} Vorschlag: Von diesem Konto kam schon Spende {donationId}; bitte prüfen.",
        ExplanationEn = $"{line.ExplanationEn} Suggestion: this account paid donation {donationId} before; please check.",
    };

    private UnmatchedBankEntry Unmatched(BankStatementEntry entry, string identity, BankImportLine line) => new()
    {
        Identity = identity,
        AmountCents = entry.AmountCents,
        BookingDate = entry.BookingDate,
        PayerName = entry.PayerName,
        PayerIbanMasked = entry.MaskedPayerIban,
        Remittance = string.Join(' ', new[] { entry.Remittance.Replace('\n', ' '), entry.CreditorReference }.Where(t => !string.IsNullOrEmpty(t))),
        DonationId = line.DonationId,
        SuggestedDonationId = line.SuggestedDonationId,
        MemberId = line.MemberId,
        ExplanationDe = line.ExplanationDe,
        ExplanationEn = line.ExplanationEn,
        ImportedAt = time.GetUtcNow(),
    };

    private static BankImportLine Line(BankStatementEntry entry, BankEntryOutcome outcome, string? donationId, string german, string english) =>
        new(outcome, donationId, entry.AmountCents, entry.BookingDate, entry.PayerName, entry.MaskedPayerIban, german, english);
}
