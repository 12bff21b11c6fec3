namespace Kok.Domain.Receipts;

/// <summary>
/// Names the donor a Sammelbestätigung is for, as the annual run groups payments (e.g. a hash of the normalised name,
/// email and address). The register keeps one Sammelbestätigung per donor key and year, so a retried issue returns the
/// same receipt. Ids only (ASCII letters, digits, _ and -, at most 64), so it may appear in logs and storage keys.
/// </summary>
public sealed record ReceiptDonorKey
{
    public ReceiptDonorKey(string value)
    {
        if (string.IsNullOrEmpty(value) || value.Length > 64 || !value.All(c => char.IsAsciiLetterOrDigit(c) || c is '_' or '-'))
        {
            throw new ArgumentException("A donor key consists of 1 to 64 ASCII letters, digits, _ and -.", nameof(value));
        }

        Value = value;
    }

    public string Value { get; }

    public override string ToString() => Value;
}
