using System.Globalization;
using System.Xml;
using System.Xml.Linq;
using Kok.Domain.BankTransfers;

namespace Kok.Functions.BankTransfers;

/// <summary>
/// Reads the credits of an ISO 20022 bank statement as German banks hand them out: camt.053 (end-of-day statement,
/// <c>BkToCstmrStmt/Stmt</c>), camt.052 (intraday report, <c>Rpt</c>) and camt.054 (notification, <c>Ntfctn</c>),
/// versions .001.02 to .001.08. Streaming: the reader holds one entry (<c>Ntry</c>) at a time, so memory does not grow
/// with the file. Never resolves a DTD or an external entity: a file with a DTD is refused, not read.
/// <para>
/// Kept: every booked credit entry (<c>CdtDbtInd</c> CRDT, not a reversal) and, of a batched entry (several
/// <c>TxDtls</c>), every credit transaction on its own. Ignored: debits, reversals, pending (PDNG) and information-only
/// entries.
/// </para>
/// </summary>
public static class CamtStatementReader
{
    private static readonly string[] Messages = ["camt.053", "camt.052", "camt.054"];

    public static IReadOnlyList<BankStatementEntry> Read(Stream xml, string fileName)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            IgnoreComments = true,
            IgnoreWhitespace = true,
            IgnoreProcessingInstructions = true,
            CloseInput = false,
        };
        try
        {
            using var reader = XmlReader.Create(xml, settings);
            reader.MoveToContent();
            var ns = SupportedNamespace(reader, fileName);
            return ReadEntries(reader, ns, fileName);
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            throw new BankStatementFormatException($"{fileName}: the file declares a DTD, which a bank statement never does; it was not read.");
        }
        catch (XmlException e)
        {
            throw new BankStatementFormatException($"{fileName}: not well-formed XML (line {e.LineNumber}, position {e.LinePosition}).");
        }
    }

    private static XNamespace SupportedNamespace(XmlReader reader, string fileName)
    {
        var ns = reader.NamespaceURI;
        const string Prefix = "urn:iso:std:iso:20022:tech:xsd:";
        if (reader.LocalName == "Document" && ns.StartsWith(Prefix, StringComparison.Ordinal))
        {
            var message = ns[Prefix.Length..];
            foreach (var name in Messages)
            {
                for (var version = 2; version <= 8; version++)
                {
                    if (message == $"{name}.001.{version:00}")
                    {
                        return ns;
                    }
                }
            }
        }

        throw new BankStatementFormatException(
            $"{fileName}: not a camt.053, camt.052 or camt.054 statement of versions 001.02 to 001.08 (root element {reader.LocalName}, namespace '{ns}').");
    }

    private static List<BankStatementEntry> ReadEntries(XmlReader reader, XNamespace ns, string fileName)
    {
        var entries = new List<BankStatementEntry>();
        var account = string.Empty;
        while (!reader.EOF)
        {
            if (reader.NodeType == XmlNodeType.Element && reader.NamespaceURI == ns.NamespaceName)
            {
                // Document / BkToCstmrStmt / Stmt (Rpt, Ntfctn) / Acct: the account the statement is about.
                if (reader.LocalName == "Acct" && reader.Depth == 3)
                {
                    account = Text(XNode.ReadFrom(reader) as XElement, ns, "Id", "IBAN") ?? string.Empty;
                    continue;
                }

                if (reader.LocalName == "Ntry")
                {
                    var lineNumber = (reader as IXmlLineInfo)?.LineNumber ?? 0;
                    entries.AddRange(Credits((XElement)XNode.ReadFrom(reader), ns, account, $"{fileName}, line {lineNumber}"));
                    continue;
                }
            }

            reader.Read();
        }

        return entries;
    }

    private static IEnumerable<BankStatementEntry> Credits(XElement entry, XNamespace ns, string account, string where)
    {
        if (Text(entry, ns, "CdtDbtInd") != "CRDT" || Text(entry, ns, "RvslInd") is "true" or "1" || !IsBooked(entry, ns))
        {
            yield break;
        }

        var bookingDate = Date(entry, ns, "BookgDt") ?? Date(entry, ns, "ValDt")
            ?? throw new BankStatementFormatException($"{where}: a credit entry without a booking date.");
        var booking = new Booking(account, bookingDate, Date(entry, ns, "ValDt"));
        var entryReference = Text(entry, ns, "AcctSvcrRef") ?? Text(entry, ns, "NtryRef");
        var transactions = entry.Elements(ns + "NtryDtls").SelectMany(d => d.Elements(ns + "TxDtls")).ToList();
        if (transactions.Count <= 1)
        {
            yield return Entry(transactions.FirstOrDefault(), ns, booking, Amount(entry.Element(ns + "Amt"), where),
                entryReference ?? Text(transactions.FirstOrDefault(), ns, "Refs", "AcctSvcrRef"));
            yield break;
        }

        for (var i = 0; i < transactions.Count; i++)
        {
            var transaction = transactions[i];
            if (Text(transaction, ns, "CdtDbtInd") == "DBIT")
            {
                continue;
            }

            var amount = Amount(
                transaction.Element(ns + "AmtDtls")?.Element(ns + "TxAmt")?.Element(ns + "Amt") ?? transaction.Element(ns + "Amt"),
                $"{where}, transaction {i + 1}");
            var ownReference = Text(transaction, ns, "Refs", "AcctSvcrRef") ?? (i + 1).ToString(CultureInfo.InvariantCulture);
            yield return Entry(transaction, ns, booking, amount,
                entryReference is null ? Text(transaction, ns, "Refs", "AcctSvcrRef") : $"{entryReference}/{ownReference}");
        }
    }

    private static BankStatementEntry Entry(
        XElement? transaction, XNamespace ns, Booking booking, (long Cents, string Currency) amount, string? reference)
    {
        var parties = transaction?.Element(ns + "RltdPties");
        var debtor = parties?.Element(ns + "Dbtr");
        var remittance = transaction?.Element(ns + "RmtInf");
        return new BankStatementEntry
        {
            AccountIban = booking.Account,
            AmountCents = amount.Cents,
            Currency = amount.Currency,
            BookingDate = booking.BookingDate,
            ValueDate = booking.ValueDate,

            // Up to .001.07 the name is Dbtr/Nm; .001.08 wraps the party: Dbtr/Pty/Nm.
            PayerName = Text(debtor, ns, "Nm") ?? Text(debtor, ns, "Pty", "Nm"),
            PayerIban = Text(parties, ns, "DbtrAcct", "Id", "IBAN"),
            Remittance = string.Join('\n', remittance?.Elements(ns + "Ustrd").Select(u => u.Value) ?? []),
            CreditorReference = remittance?.Elements(ns + "Strd").Select(s => Text(s, ns, "CdtrRefInf", "Ref")).FirstOrDefault(r => r is not null),
            BankReference = reference,
        };
    }

    /// <summary>What every credit of one booked entry shares: the statement's account and the entry's dates.</summary>
    private readonly record struct Booking(string Account, DateOnly BookingDate, DateOnly? ValueDate);

    /// <summary>Booked: status BOOK (up to .001.07 the text of Sts, from .001.08 Sts/Cd); no status at all counts as booked.</summary>
    private static bool IsBooked(XElement entry, XNamespace ns)
    {
        var status = entry.Element(ns + "Sts");
        var code = status?.Element(ns + "Cd")?.Value ?? status?.Value;
        return code is null || code.Trim() == "BOOK";
    }

    private static (long Cents, string Currency) Amount(XElement? amount, string where)
    {
        if (amount is null
            || !decimal.TryParse(amount.Value.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var euros)
            || euros <= 0
            || euros > 1_000_000_000m
            || decimal.Round(euros, 2) != euros)
        {
            throw new BankStatementFormatException($"{where}: the amount is missing or not a positive amount with at most two decimals.");
        }

        return ((long)(euros * 100), (string?)amount.Attribute("Ccy") ?? string.Empty);
    }

    private static DateOnly? Date(XElement entry, XNamespace ns, string name)
    {
        var date = entry.Element(ns + name);
        var text = date?.Element(ns + "Dt")?.Value ?? date?.Element(ns + "DtTm")?.Value;
        if (text is null)
        {
            return null;
        }

        return text.Length >= 10 && DateOnly.TryParseExact(text[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
            ? day
            : throw new BankStatementFormatException($"'{text}' is not a date (yyyy-MM-dd) in {name}.");
    }

    private static string? Text(XElement? element, XNamespace ns, params string[] path)
    {
        foreach (var name in path)
        {
            element = element?.Element(ns + name);
        }

        var text = element?.Value.Trim();
        return string.IsNullOrEmpty(text) ? null : text;
    }
}
