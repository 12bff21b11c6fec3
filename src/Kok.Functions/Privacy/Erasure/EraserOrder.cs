namespace Kok.Functions.Privacy.Erasure;

/// <summary>
/// The order the erasers run in: side tables first, then the donations and members (after which the address no longer
/// finds them), then the staff lists, through which donations are found by address, last.
/// </summary>
internal static class EraserOrder
{
    public const int SideTables = 10;
    public const int Receipts = 20;
    public const int Aggregates = 100;
    public const int Lists = 200;
}
