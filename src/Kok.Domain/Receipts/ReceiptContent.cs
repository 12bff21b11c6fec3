namespace Kok.Domain.Receipts;

/// <summary>
/// What a receipt states, frozen when it is issued: the form, the donor, the payments, the period, the issue date,
/// the issuer (organisation and signatory as they were that day) and the receipt it corrects. Everything but its
/// number and what happened to it later. Checked when a <see cref="ReceiptDocument"/> is made of it. Personal data
/// sits in <see cref="Donor"/>, a class, so the record's ToString never prints it.
/// </summary>
public sealed record ReceiptContent
{
    public required ReceiptForm Form { get; init; }

    public required ReceiptDonor Donor { get; init; }

    /// <summary>The payments in the order printed: one for an Einzelbestätigung.</summary>
    public required IReadOnlyList<ReceiptLine> Lines { get; init; }

    /// <summary>"Zeitraum der Sammelbestätigung"; the payment day of an Einzelbestätigung.</summary>
    public required ReceiptPeriod Period { get; init; }

    /// <summary>The receipt date; numbers run per calendar year of it.</summary>
    public required DateOnly IssueDate { get; init; }

    /// <summary>
    /// The organisation and signatory as on <see cref="IssueDate"/>, so a copy rendered years later says the same.
    /// Null only for receipts frozen before issuer data was kept (none went out: nothing was live).
    /// </summary>
    public OrganisationProfile? Issuer { get; init; }

    /// <summary>The number of the withdrawn receipt this one corrects, if any.</summary>
    public string? Replaces { get; init; }

    /// <summary>The "Gesamtbetrag" (the amount of an Einzelbestätigung): the sum of the lines.</summary>
    public long TotalCents => Lines.Sum(l => l.AmountCents);

    internal void Validate()
    {
        if (!Enum.IsDefined(Form))
        {
            throw new ArgumentOutOfRangeException(nameof(Form));
        }

        ArgumentNullException.ThrowIfNull(Donor);
        ArgumentNullException.ThrowIfNull(Lines);
        if (Lines.Count == 0 || (Form == ReceiptForm.Einzelbestaetigung && Lines.Count != 1))
        {
            throw new ArgumentException("An Einzelbestätigung states one payment, a Sammelbestätigung at least one.", nameof(Lines));
        }

        if (Form == ReceiptForm.Einzelbestaetigung && (Period.From != Lines[0].PaymentDate || Period.To != Lines[0].PaymentDate))
        {
            throw new ArgumentException("An Einzelbestätigung's period is its payment day.", nameof(Period));
        }

        if (Lines.Any(l => l is null || !Period.Contains(l.PaymentDate)))
        {
            throw new ArgumentException("Every payment must lie in the Zeitraum der Sammelbestätigung.", nameof(Lines));
        }

        var total = Lines.Aggregate(0L, (sum, line) => checked(sum + line.AmountCents));
        ArgumentOutOfRangeException.ThrowIfGreaterThan(total, GermanAmountInWords.MaxCents, nameof(Lines));
        if (IssueDate < Period.To)
        {
            throw new ArgumentException("A receipt cannot be issued before the payment.", nameof(IssueDate));
        }

        if (Issuer is { MembershipFeesDeductible: false } && Lines.Any(l => l.Kind == ReceiptKind.MembershipFee))
        {
            throw new ArgumentException(
                "Membership fees of this organisation are not deductible; no receipt may confirm one.", nameof(Lines));
        }

        if (Replaces is not null && !ReceiptNumber.IsValid(Replaces))
        {
            throw new ArgumentException("Not a receipt number.", nameof(Replaces));
        }
    }
}
