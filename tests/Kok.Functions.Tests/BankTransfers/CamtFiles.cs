using System.Globalization;
using System.Text;

namespace Kok.Functions.Tests.BankTransfers;

/// <summary>
/// camt files written as German banks write them (Sparkasse, Volksbank, Deutsche Bank exports): UTF-8 with declaration,
/// the Buchungstext in AddtlNtryInf, remittance in 140-character Ustrd lines, batches (Sammler) as several TxDtls.
/// </summary>
internal static class CamtFiles
{
    public const string OwnIban = "DE02120300000000202051";

    public sealed record Tx(long Cents, string? Name, string? Iban, string[] Ustrd, string? CreditorRef = null, string? Ref = null, string Direction = "CRDT");

    public sealed record Entry(string Direction, string BookingDate, string? AcctSvcrRef, Tx[] Transactions, string Status = "BOOK", bool Reversal = false)
    {
        public long Cents => Transactions.Sum(t => t.Cents);
    }

    public static string Statement(string version, params Entry[][] statements) => Document("camt.053", version, "BkToCstmrStmt", "Stmt", statements);

    public static string Document(string message, string version, string root, string container, params Entry[][] statements)
    {
        var v8 = string.CompareOrdinal(version, "08") >= 0;
        var xml = new StringBuilder();
        xml.Append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        xml.Append(CultureInfo.InvariantCulture, $"<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:{message}.001.{version}\" xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\n");
        xml.Append(CultureInfo.InvariantCulture, $"  <{root}>\n    <GrpHdr><MsgId>052026120600001</MsgId><CreDtTm>2026-12-06T06:12:44.0+01:00</CreDtTm></GrpHdr>\n");
        var n = 0;
        foreach (var entries in statements)
        {
            n++;
            xml.Append(CultureInfo.InvariantCulture, $"    <{container}>\n      <Id>0520261206{n:00000}</Id><ElctrncSeqNb>{n}</ElctrncSeqNb>\n");
            xml.Append(CultureInfo.InvariantCulture, $"      <Acct><Id><IBAN>{OwnIban}</IBAN></Id><Ccy>EUR</Ccy><Ownr><Nm>KOK e.V.</Nm></Ownr><Svcr><FinInstnId><BIC>BYLADEM1001</BIC></FinInstnId></Svcr></Acct>\n");
            xml.Append("      <Bal><Tp><CdOrPrtry><Cd>PRCD</Cd></CdOrPrtry></Tp><Amt Ccy=\"EUR\">1000.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Dt><Dt>2026-12-04</Dt></Dt></Bal>\n");
            foreach (var entry in entries)
            {
                xml.Append(CultureInfo.InvariantCulture, $"      <Ntry>\n        <Amt Ccy=\"EUR\">{Euros(entry.Cents)}</Amt>\n        <CdtDbtInd>{entry.Direction}</CdtDbtInd>\n");
                if (entry.Reversal)
                {
                    xml.Append("        <RvslInd>true</RvslInd>\n");
                }

                xml.Append(v8 ? $"        <Sts><Cd>{entry.Status}</Cd></Sts>\n" : $"        <Sts>{entry.Status}</Sts>\n");
                xml.Append(CultureInfo.InvariantCulture, $"        <BookgDt><Dt>{entry.BookingDate}</Dt></BookgDt>\n        <ValDt><Dt>{entry.BookingDate}</Dt></ValDt>\n");
                if (entry.AcctSvcrRef is not null)
                {
                    xml.Append(CultureInfo.InvariantCulture, $"        <AcctSvcrRef>{entry.AcctSvcrRef}</AcctSvcrRef>\n");
                }

                xml.Append("        <BkTxCd><Prtry><Cd>NTRF+166+9310</Cd><Issr>DK</Issr></Prtry></BkTxCd>\n        <NtryDtls>\n");
                if (entry.Transactions.Length > 1)
                {
                    xml.Append(CultureInfo.InvariantCulture, $"          <Btch><NbOfTxs>{entry.Transactions.Length}</NbOfTxs></Btch>\n");
                }

                foreach (var tx in entry.Transactions)
                {
                    xml.Append("          <TxDtls>\n");
                    xml.Append(CultureInfo.InvariantCulture, $"            <Refs>{(tx.Ref is null ? string.Empty : $"<AcctSvcrRef>{tx.Ref}</AcctSvcrRef>")}<EndToEndId>NOTPROVIDED</EndToEndId></Refs>\n");
                    xml.Append(CultureInfo.InvariantCulture, $"            <AmtDtls><TxAmt><Amt Ccy=\"EUR\">{Euros(tx.Cents)}</Amt></TxAmt></AmtDtls>\n");
                    if (v8)
                    {
                        xml.Append(CultureInfo.InvariantCulture, $"            <CdtDbtInd>{tx.Direction}</CdtDbtInd>\n");
                    }

                    xml.Append("            <RltdPties>");
                    if (tx.Name is not null)
                    {
                        xml.Append(v8 ? $"<Dbtr><Pty><Nm>{Escape(tx.Name)}</Nm></Pty></Dbtr>" : $"<Dbtr><Nm>{Escape(tx.Name)}</Nm></Dbtr>");
                    }

                    if (tx.Iban is not null)
                    {
                        xml.Append(CultureInfo.InvariantCulture, $"<DbtrAcct><Id><IBAN>{tx.Iban}</IBAN></Id></DbtrAcct>");
                    }

                    xml.Append("<CdtrAcct><Id><IBAN>").Append(OwnIban).Append("</IBAN></Id></CdtrAcct></RltdPties>\n            <RmtInf>");
                    foreach (var line in tx.Ustrd)
                    {
                        xml.Append("<Ustrd>").Append(Escape(line)).Append("</Ustrd>");
                    }

                    if (tx.CreditorRef is not null)
                    {
                        xml.Append(CultureInfo.InvariantCulture, $"<Strd><CdtrRefInf><Tp><CdOrPrtry><Cd>SCOR</Cd></CdOrPrtry></Tp><Ref>{tx.CreditorRef}</Ref></CdtrRefInf></Strd>");
                    }

                    xml.Append("</RmtInf>\n          </TxDtls>\n");
                }

                xml.Append("        </NtryDtls>\n        <AddtlNtryInf>GUTSCHR. UEBERWEISUNG</AddtlNtryInf>\n      </Ntry>\n");
            }

            xml.Append(CultureInfo.InvariantCulture, $"    </{container}>\n");
        }

        xml.Append(CultureInfo.InvariantCulture, $"  </{root}>\n</Document>\n");
        return xml.ToString();
    }

    public static MemoryStream Utf8(string text) => new(Encoding.UTF8.GetBytes(text));

    private static string Euros(long cents) => string.Create(CultureInfo.InvariantCulture, $"{cents / 100}.{cents % 100:00}");

    private static string Escape(string text) => System.Security.SecurityElement.Escape(text);
}
