using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Kok.Functions.Http;

/// <summary>
/// The key a client's attempts are counted under: its IPv4 address, or the /64 prefix of its IPv6 address (one
/// subscriber line gets a whole /64 and can rotate through it at will), whatever the spelling: with or without port,
/// in brackets, IPv4-mapped IPv6 (<c>::ffff:203.0.113.7</c> is 203.0.113.7), with a zone id, in an RFC 7239
/// <c>for=</c> element, with spaces around it.
/// </summary>
public static class ClientAddress
{
    /// <summary>The key of a forwarding header's entry, or null when it is no address at all.</summary>
    public static string? Parse(string? entry)
    {
        var text = entry?.Trim() ?? string.Empty;
        if (text.StartsWith("for=", StringComparison.OrdinalIgnoreCase))
        {
            text = text[4..].Split(';')[0].Trim().Trim('"');
        }

        string host;
        if (text.StartsWith('['))
        {
            // [IPv6] or [IPv6]:port
            var close = text.IndexOf(']', StringComparison.Ordinal);
            if (close < 0 || !IsPortSuffix(text.AsSpan(close + 1)))
            {
                return null;
            }

            host = text[1..close];
        }
        else if (text.Count(c => c == ':') == 1)
        {
            // IPv4:port (an IPv6 address has at least two colons)
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            if (!IsPortSuffix(text.AsSpan(colon)))
            {
                return null;
            }

            host = text[..colon];
        }
        else
        {
            host = text;
        }

        // A zone id names the sender's interface, not a different client.
        var zone = host.IndexOf('%', StringComparison.Ordinal);
        host = zone >= 0 ? host[..zone] : host;
        if (!IPAddress.TryParse(host, out var address)
            || (address.AddressFamily == AddressFamily.InterNetwork && host.Count(c => c == '.') != 3))
        {
            return null;
        }

        return Key(address);
    }

    /// <summary>An IPv4 address as is (also when mapped into IPv6), an IPv6 address as its /64 network.</summary>
    public static string Key(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes).ToString() + "/64";
    }

    private static bool IsPortSuffix(ReadOnlySpan<char> rest) =>
        rest.IsEmpty
        || (rest[0] == ':' && rest.Length is > 1 and <= 6
            && int.TryParse(rest[1..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535);
}
