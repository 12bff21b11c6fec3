using System.Security.Cryptography;

namespace Kok.Domain.BankTransfers;

/// <summary>
/// Codes from a cryptographic random source, like <see cref="Common.RandomIdGenerator"/>'s ids: a code printed in a
/// mail must not let anyone guess the codes of other supporters. Codes are not unique by themselves (≈ 3.4 billion);
/// whoever stores one checks it is not taken yet and draws again if it is.
/// </summary>
public sealed class RandomReferenceCodeGenerator : IReferenceCodeGenerator
{
    public ReferenceCode NewCode()
    {
        Span<char> characters = stackalloc char[ReferenceCode.RandomLength];
        for (var i = 0; i < characters.Length; i++)
        {
            characters[i] = ReferenceCodeAlphabet.Characters[RandomNumberGenerator.GetInt32(ReferenceCodeAlphabet.Size)];
        }

        return ReferenceCode.FromRandomCharacters(characters);
    }
}
