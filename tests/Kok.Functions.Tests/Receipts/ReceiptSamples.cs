namespace Kok.Functions.Tests.Receipts;

/// <summary>
/// Set KOK_RECEIPT_SAMPLES to a folder to keep the PDFs the tests render, e.g. to look at them with pdftoppm.
/// </summary>
internal static class ReceiptSamples
{
    public static void Keep(string name, byte[] pdf)
    {
        var folder = Environment.GetEnvironmentVariable("KOK_RECEIPT_SAMPLES");
        if (!string.IsNullOrWhiteSpace(folder))
        {
            Directory.CreateDirectory(folder);
            File.WriteAllBytes(Path.Combine(folder, name + ".pdf"), pdf);
        }
    }
}
