using System.Security.Cryptography;
using System.Text;

namespace Kok.DevHost.Functions;

/// <summary>A function's id: stable across restarts (derived from its entry point), like the host's function ids.</summary>
internal static class FunctionIds
{
    public static string For(FunctionDescriptor function)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(function.EntryPoint + "|" + function.Name));
        return Convert.ToHexStringLower(hash.AsSpan(0, 16));
    }
}
