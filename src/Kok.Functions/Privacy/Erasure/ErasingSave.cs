namespace Kok.Functions.Privacy.Erasure;

/// <summary>
/// Saves one donation or member under its pseudonym, loading again when a concurrent change won the race (the save is
/// conditional on the loaded version): an attempt answers true (saved), false (lost the race) or null (gone or erased
/// already: nothing to do).
/// </summary>
internal static class ErasingSave
{
    private const int MaxAttempts = 5;

    public static async Task RunAsync(string id, Func<Task<bool?>> attempt)
    {
        for (var i = 1; i <= MaxAttempts; i++)
        {
            if (await attempt() is not false)
            {
                return;
            }
        }

        throw new InvalidOperationException($"{id} kept changing while being erased; erase again.");
    }
}
