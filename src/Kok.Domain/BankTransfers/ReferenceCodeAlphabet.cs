namespace Kok.Domain.BankTransfers;

/// <summary>
/// The characters of a <see cref="ReferenceCode"/> and its check character.
/// <para>
/// Alphabet: the 36 letters and digits without the look-alikes 0/O, 1/I/L, 5/S and 8/B (27 left), and without Q
/// (read as O), Z (as 2), G (as 6) and V (as U), which leaves 23: <c>234679ACDEFHJKMNPRTUWXY</c>. 23 is a prime,
/// which the check needs.
/// </para>
/// <para>
/// Check (ISO 7064 pure system, modulus 23, radix 2): the eight values v₀…v₇ (v₇ the check character) satisfy
/// Σ vᵢ · 2^(7−i) ≡ 0 (mod 23). The weights 2^7…2^0 mod 23 (13, 18, 9, 16, 8, 4, 2, 1) are distinct and non-zero,
/// because 2 has order 11 modulo 23. A single wrong character changes the sum by wᵢ·(a − b), a product of two
/// non-zero numbers modulo a prime, so never by 0: always caught. Swapping the characters at positions i and j
/// changes it by (wᵢ − wⱼ)·(vⱼ − vᵢ), non-zero whenever the two characters differ since all weights differ: every
/// swap of neighbours is caught, and every other swap too. A random text passes the check with chance 1/23.
/// </para>
/// </summary>
public static class ReferenceCodeAlphabet
{
    /// <summary>The alphabet, in the order of the values 0…22.</summary>
    public const string Characters = "234679ACDEFHJKMNPRTUWXY";

    /// <summary>The modulus of the check: a prime, the size of the alphabet.</summary>
    public const int Size = 23;

    /// <summary>
    /// What a person may type for a character of the alphabet: lower case, and the look-alikes left out of it that
    /// stand for one character in it (O, 0 and Q for D; Z for 2; G for 6; V for U). 1/I/L, 5/S and 8/B stand for no
    /// character of the alphabet and stay as they are, so a text holding one of them is no code: guessing would let
    /// the check accept the wrong code.
    /// </summary>
    public static char Normalize(char c) => char.ToUpperInvariant(c) switch
    {
        'O' or '0' or 'Q' => 'D',
        'Z' => '2',
        'G' => '6',
        'V' => 'U',
        var upper => upper,
    };

    /// <summary>The value 0…22 of an alphabet character (upper case, already normalised), or -1.</summary>
    public static int ValueOf(char c) => c is >= '2' and <= 'Y' ? Characters.IndexOf(c, StringComparison.Ordinal) : -1;

    /// <summary>Whether the values, check character last, satisfy the check.</summary>
    public static bool IsValid(ReadOnlySpan<int> values) => values.Length == ReferenceCode.Length && WeightedSum(values) == 0;

    /// <summary>The check character's value for the seven random values.</summary>
    internal static int CheckValue(ReadOnlySpan<int> randomValues)
    {
        // The check character has weight 1, so it is the value that brings the weighted sum to 0.
        return (Size - WeightedSum(randomValues)) % Size;
    }

    private static int WeightedSum(ReadOnlySpan<int> values)
    {
        var sum = 0;
        for (var i = 0; i < values.Length; i++)
        {
            sum = (sum + (values[i] * Weight(i))) % Size;
        }

        return sum;
    }

    /// <summary>2^(7−i) mod 23: the weight of position i of eight.</summary>
    private static int Weight(int position)
    {
        var weight = 1;
        for (var k = position; k < ReferenceCode.Length - 1; k++)
        {
            weight = weight * 2 % Size;
        }

        return weight;
    }
}
