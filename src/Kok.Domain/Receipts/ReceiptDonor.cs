namespace Kok.Domain.Receipts;

/// <summary>
/// "Name und Anschrift des Zuwendenden" exactly as a receipt prints them: each on one line, empty lines dropped.
/// Personal data: a class, not a record, so a stray log call cannot print it.
/// </summary>
public sealed class ReceiptDonor
{
    public ReceiptDonor(string name, IReadOnlyList<string> addressLines)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(addressLines);
        var lines = addressLines.Where(l => !string.IsNullOrWhiteSpace(l)).Select(SingleLine).ToArray();
        if (lines.Length == 0)
        {
            throw new ArgumentException("A Zuwendungsbestätigung needs the supporter's address.", nameof(addressLines));
        }

        Name = SingleLine(name);
        AddressLines = lines;
    }

    public string Name { get; }

    public IReadOnlyList<string> AddressLines { get; }

    private static string SingleLine(string value) =>
        string.Join(' ', value.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
