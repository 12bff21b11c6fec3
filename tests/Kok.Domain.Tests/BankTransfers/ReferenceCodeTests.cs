using Kok.Domain.BankTransfers;

namespace Kok.Domain.Tests.BankTransfers;

public class ReferenceCodeTests
{
    private const string AllLettersAndDigits = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";

    /// <summary>10,000 codes from a seeded source, so a failure names a code that fails again.</summary>
    private static readonly ReferenceCode[] Generated = Generate(10_000, seed: 18);

    [Fact]
    public void The_alphabet_has_no_look_alikes_and_a_prime_size()
    {
        Assert.Equal(23, ReferenceCodeAlphabet.Characters.Length);
        Assert.Equal(ReferenceCodeAlphabet.Size, ReferenceCodeAlphabet.Characters.Distinct().Count());
        Assert.All("0O1IL5S8B", c => Assert.DoesNotContain(c, ReferenceCodeAlphabet.Characters));
        Assert.True(Enumerable.Range(2, 21).All(d => ReferenceCodeAlphabet.Size % d != 0), "23 is a prime");
    }

    [Fact]
    public void A_code_is_written_with_prefix_and_two_groups_of_four()
    {
        var code = ReferenceCode.FromRandomCharacters("7K3MPX9");

        Assert.Matches("^KOK-7K3M-PX9[234679ACDEFHJKMNPRTUWXY]$", code.Value);
        Assert.Equal(code.Value, code.ToString());
        Assert.Equal(code.Value.Replace("KOK-", string.Empty, StringComparison.Ordinal).Replace("-", string.Empty, StringComparison.Ordinal), code.Characters);
    }

    [Fact]
    public void Generated_codes_pass_their_own_check()
    {
        var generator = new RandomReferenceCodeGenerator();

        for (var i = 0; i < 1000; i++)
        {
            var code = generator.NewCode();
            Assert.True(ReferenceCode.TryParse(code.Value, out var read), code.Value);
            Assert.Equal(code, read);
        }
    }

    [Fact]
    public void Every_single_character_change_in_10000_generated_codes_is_caught()
    {
        var checkedVariants = 0;
        foreach (var code in Generated)
        {
            for (var position = 0; position < ReferenceCode.Length; position++)
            {
                foreach (var typed in AllLettersAndDigits.Where(c => ReferenceCodeAlphabet.Normalize(c) != code.Characters[position]))
                {
                    var changed = Written(code.Characters[..position] + typed + code.Characters[(position + 1)..]);
                    Assert.False(ReferenceCode.TryParse(changed, out _), $"{code} changed to {changed} still reads as a code");
                    checkedVariants++;
                }
            }
        }

        // 8 positions × 36 letters and digits, less those that stand for the original character.
        Assert.True(checkedVariants > Generated.Length * ReferenceCode.Length * 30, checkedVariants.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public void Every_swap_of_neighbours_in_10000_generated_codes_is_caught()
    {
        foreach (var code in Generated)
        {
            for (var i = 0; i + 1 < ReferenceCode.Length; i++)
            {
                if (code.Characters[i] == code.Characters[i + 1])
                {
                    continue;
                }

                var swapped = Written(Swap(code.Characters, i, i + 1));
                Assert.False(ReferenceCode.TryParse(swapped, out _), $"{code} swapped to {swapped} still reads as a code");
                Assert.Empty(ReferenceCode.FindIn($"Spende {swapped} danke"));
            }
        }
    }

    [Fact]
    public void Every_swap_of_any_two_characters_is_caught_too()
    {
        foreach (var code in Generated.Take(2000))
        {
            for (var i = 0; i < ReferenceCode.Length; i++)
            {
                for (var j = i + 1; j < ReferenceCode.Length; j++)
                {
                    if (code.Characters[i] != code.Characters[j])
                    {
                        Assert.False(ReferenceCode.TryParse(Swap(code.Characters, i, j), out _), $"{code}: swap {i} and {j}");
                    }
                }
            }
        }
    }

    [Fact]
    public void A_changed_code_inside_a_remittance_line_is_no_code()
    {
        foreach (var code in Generated.Take(2000))
        {
            var changed = Written(code.Characters[..5] + Other(code.Characters[5]) + code.Characters[6..]);

            Assert.Empty(ReferenceCode.FindIn($"Spende {changed} danke"));
        }
    }

    [Fact]
    public void The_look_alikes_people_type_still_match()
    {
        var withLookAlikes = Generated.Where(c => c.Characters.IndexOfAny(['D', '2', '6', 'U']) >= 0).Take(2000).ToArray();
        Assert.NotEmpty(withLookAlikes);

        foreach (var code in withLookAlikes)
        {
            foreach (var variant in LookAlikeVariants(code.Characters))
            {
                Assert.True(ReferenceCode.TryParse(variant, out var read), $"{variant} for {code}");
                Assert.Equal(code, read);
                Assert.Equal([code], ReferenceCode.FindIn($"Spende KOK {variant} danke"));
                Assert.Equal([code], ReferenceCode.FindIn($"Spende {variant.ToLowerInvariant()} danke"));
            }
        }
    }

    [Theory]
    [InlineData("{0}")]
    [InlineData("{1}")]
    [InlineData("{2}")]
    [InlineData("kok-{3}")]
    [InlineData("K0K {4} {5}")]
    [InlineData("KOK {3}")]
    [InlineData("kok {3}")]
    [InlineData(" KOK - {4} - {5} ")]
    public void A_code_typed_with_spaces_hyphens_and_any_case_is_read(string pattern)
    {
        foreach (var code in Generated.Take(500))
        {
            var text = Format(pattern, code);

            Assert.True(ReferenceCode.TryParse(text, out var read), text);
            Assert.Equal(code, read);
        }
    }

    [Theory]
    [InlineData("Spende {0} danke")]
    [InlineData("Spende KOK {6} {7} danke")]
    [InlineData("SPENDE{1}DANKE")]
    [InlineData("Mitgliedsbeitrag 2026 KOK {4}+{5} Erika Muster")]
    [InlineData("SVWZ+KOK-{3} EREF+NOTPROVIDED")]
    [InlineData("Beitrag {4}-{5}")]
    [InlineData("Beitrag {3}")]
    [InlineData("Beitrag {4} {5}, danke!")]
    [InlineData("KOK.{4}.{5}")]
    [InlineData("Spende an KOK e.V., Ref KOK/{4}/{5}")]
    public void A_code_is_found_inside_a_free_remittance_text(string pattern)
    {
        foreach (var code in Generated.Take(500))
        {
            var text = Format(pattern, code);

            Assert.Contains(code, ReferenceCode.FindIn(text));
        }
    }

    [Fact]
    public void A_code_is_found_in_a_140_character_line_wherever_it_stands()
    {
        var code = Generated[0];
        for (var start = 0; start + code.Value.Length <= 140; start++)
        {
            var line = ("Spende fuer die Arbeit gegen Menschenhandel, vielen Dank " + new string('x', 140))[..start]
                .PadRight(start) + code.Value;
            line = (line + " Erika Mustermann Berlin Spende 2026 " + new string('y', 140))[..140];

            Assert.Equal(140, line.Length);
            Assert.Contains(code, ReferenceCode.FindIn(line));
        }
    }

    [Theory]
    [InlineData(140, "\n")]
    [InlineData(35, "\n")]
    [InlineData(27, "\n")]
    [InlineData(35, "")]
    [InlineData(27, " ")]
    [InlineData(35, "\r\n")]
    public void A_code_split_by_the_banks_line_breaks_is_found(int lineLength, string lineBreak)
    {
        foreach (var code in Generated.Take(200))
        {
            foreach (var written in new[] { code.Value, $"KOK {code.Characters}", code.Characters[..4] + "-" + code.Characters[4..] })
            {
                for (var before = Math.Max(0, lineLength - written.Length); before < lineLength; before++)
                {
                    // The bank fills each line up to its length and breaks it there, inside the code or not.
                    var text = new string('a', before) + " " + written + " Erika Mustermann Dank";
                    var lines = Enumerable.Range(0, (text.Length + lineLength - 1) / lineLength)
                        .Select(i => text.Substring(i * lineLength, Math.Min(lineLength, text.Length - (i * lineLength))));
                    var remittance = string.Join(lineBreak, lines);

                    Assert.True(ReferenceCode.FindIn(remittance).Contains(code), remittance);
                }
            }
        }
    }

    [Fact]
    public void Lines_padded_with_spaces_to_their_length_still_give_the_code()
    {
        var code = Generated[1];
        var remittance = "SPENDE " + code.Value[..9] + "\n" + code.Value[9..] + " DANKE";
        var padded = "SPENDE " + code.Value[..9].PadRight(28) + "\n" + code.Value[9..].PadRight(35) + "\nDANKE";

        Assert.Equal([code], ReferenceCode.FindIn(remittance));
        Assert.Equal([code], ReferenceCode.FindIn(padded));
    }

    [Theory]
    [InlineData("Mitgliedsbeitrag 2026 Erika Mustermann")]
    [InlineData("Spende an KOK e.V. Berlin")]
    [InlineData("KOK")]
    [InlineData("")]
    [InlineData("EREF+NOTPROVIDED KREF+NONREF")]
    public void A_text_without_a_code_gives_none(string text)
    {
        Assert.Empty(ReferenceCode.FindIn(text));
        Assert.False(ReferenceCode.TryParse(text, out _));
    }

    [Fact]
    public void Two_codes_in_one_text_are_both_found_once_each()
    {
        var (first, second) = (Generated[2], Generated[3]);

        Assert.Equal([first, second], ReferenceCode.FindIn($"{first.Value} und {second.Value}, nochmal {first.Value}"));
    }

    [Fact]
    public void Words_of_a_sentence_are_not_read_together_as_a_code_without_the_prefix()
    {
        // Eight alphabet characters spread over words only count after the prefix.
        var code = Generated[4];
        var spread = string.Join(' ', code.Characters.Select(c => c.ToString()));

        Assert.Empty(ReferenceCode.FindIn("Gruss " + spread));
        Assert.Equal([code], ReferenceCode.FindIn("Gruss KOK " + spread));
    }

    [Fact]
    public void Parsing_refuses_text_around_the_code()
    {
        var code = Generated[5];

        Assert.False(ReferenceCode.TryParse($"Spende {code.Value}", out _));
        Assert.False(ReferenceCode.TryParse(code.Value + "X", out _));
        Assert.False(ReferenceCode.TryParse(code.Characters[..7], out _));
    }

    [Fact]
    public void A_derived_code_is_the_same_for_the_same_parts_and_differs_otherwise()
    {
        var a = ReferenceCode.Derive("mem_abc", "dues");

        Assert.Equal(a, ReferenceCode.Derive("mem_abc", "dues"));
        Assert.NotEqual(a, ReferenceCode.Derive("mem_abd", "dues"));
        Assert.NotEqual(a, ReferenceCode.Derive("mem_ab", "cdues"));
        Assert.True(ReferenceCode.TryParse(a.Value, out _));
    }

    [Fact]
    public void Random_characters_outside_the_alphabet_are_refused()
    {
        Assert.Throws<ArgumentException>(() => ReferenceCode.FromRandomCharacters("7K3MPX0"));
        Assert.Throws<ArgumentException>(() => ReferenceCode.FromRandomCharacters("7K3MPX"));
    }

    private static ReferenceCode[] Generate(int count, int seed)
    {
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => ReferenceCode.FromRandomCharacters(
            new string([.. Enumerable.Range(0, ReferenceCode.RandomLength).Select(_ => ReferenceCodeAlphabet.Characters[random.Next(ReferenceCodeAlphabet.Size)])])))];
    }

    private static string Written(string characters) => $"KOK-{characters[..4]}-{characters[4..]}";

    private static string Swap(string characters, int i, int j)
    {
        var chars = characters.ToCharArray();
        (chars[i], chars[j]) = (chars[j], chars[i]);
        return new string(chars);
    }

    private static char Other(char c) => ReferenceCodeAlphabet.Characters[(ReferenceCodeAlphabet.Characters.IndexOf(c, StringComparison.Ordinal) + 1) % ReferenceCodeAlphabet.Size];

    /// <summary>The code with each look-alike people type: O, 0 and Q for D; Z for 2; G for 6; V for U.</summary>
    private static IEnumerable<string> LookAlikeVariants(string characters)
    {
        var map = new Dictionary<char, string> { ['D'] = "O0Qo", ['2'] = "Zz", ['6'] = "Gg", ['U'] = "Vv" };
        foreach (var (original, lookAlikes) in map)
        {
            if (characters.Contains(original, StringComparison.Ordinal))
            {
                foreach (var lookAlike in lookAlikes)
                {
                    yield return Written(characters.Replace(original, lookAlike));
                }
            }
        }
    }

    /// <summary>{0} KOK-XXXX-XXXX, {1} KOKXXXXXXXX, {2} XXXXXXXX, {3} XXXX-XXXX, {4} first four, {5} last four, {6}/{7} lower case.</summary>
    private static string Format(string pattern, ReferenceCode code) =>
        string.Format(System.Globalization.CultureInfo.InvariantCulture, pattern,
            code.Value, "KOK" + code.Characters, code.Characters, code.Characters[..4] + "-" + code.Characters[4..],
            code.Characters[..4], code.Characters[4..], code.Characters[..4].ToLowerInvariant(), code.Characters[4..].ToLowerInvariant());
}
