using System.IO.Compression;
using System.Text;
using Kok.Domain.BankTransfers;
using Kok.Functions.BankTransfers;
using static Kok.Functions.Tests.BankTransfers.CamtFiles;

namespace Kok.Functions.Tests.BankTransfers;

public sealed class CamtStatementReaderTests
{
    private static readonly string Line140 = ("Spende für die Beratungsstellen, Grüße aus Köln an das Büro in Berlin, weiter so mit der wichtigen Arbeit gegen Ausbeutung " + new string('x', 140))[..140];

    [Theory]
    [InlineData("02")]
    [InlineData("04")]
    [InlineData("08")]
    public void A_camt053_statement_gives_every_credit_and_every_transaction_of_a_batch_and_no_debit(string version)
    {
        var file = Statement(
            version,
            [
                new Entry("CRDT", "2026-12-04", "2026120412345", [new Tx(25_50, "Jürgen Müller-Lüdenscheidt", "DE89370400440532013000", ["SPENDE KOK-7K3M-PX9A", Line140])]),
                new Entry("DBIT", "2026-12-04", "2026120412346", [new Tx(99_00, "Telekom", "DE11111111111111111111", ["Rechnung 4711"])]),
            ],
            [
                new Entry("CRDT", "2026-12-05", "2026120500001",
                [
                    new Tx(10_00, "Anna Ölschläger", "DE44500105175407324931", ["Beitrag 2026"], Ref: "TX-1"),
                    new Tx(20_00, "Bernd Weiß", "DE12500105170648489890", [], CreditorRef: "RF18539007547034", Ref: "TX-2"),
                    new Tx(30_00, "Çelik Straße", "DE27100777770209299700", ["Danke"], Ref: "TX-3"),
                ]),
            ]);

        var entries = CamtStatementReader.Read(Utf8(file), "statement.xml");

        Assert.Equal([25_50L, 10_00, 20_00, 30_00], entries.Select(e => e.AmountCents));
        var first = entries[0];
        Assert.Equal(OwnIban, first.AccountIban);
        Assert.Equal("EUR", first.Currency);
        Assert.Equal(new DateOnly(2026, 12, 4), first.BookingDate);
        Assert.Equal(new DateOnly(2026, 12, 4), first.ValueDate);
        Assert.Equal("Jürgen Müller-Lüdenscheidt", first.PayerName);
        Assert.Equal("DE89370400440532013000", first.PayerIban);
        Assert.Equal("SPENDE KOK-7K3M-PX9A\n" + Line140, first.Remittance);
        Assert.Equal(140, first.Remittance.Split('\n')[1].Length);
        Assert.Equal("2026120412345", first.BankReference);
        Assert.Equal("Anna Ölschläger", entries[1].PayerName);
        Assert.Equal("RF18539007547034", entries[2].CreditorReference);
        Assert.Equal(["2026120500001/TX-1", "2026120500001/TX-2", "2026120500001/TX-3"], entries.Skip(1).Select(e => e.BankReference));
        Assert.Equal(4, entries.Select(e => e.Identity).Distinct().Count());
    }

    [Fact]
    public void Pending_and_reversed_credits_are_left_out()
    {
        var file = Statement("08",
        [
            new Entry("CRDT", "2026-12-04", "A1", [new Tx(5_00, "A", null, ["x"])], Status: "PDNG"),
            new Entry("CRDT", "2026-12-04", "A2", [new Tx(6_00, "B", null, ["y"])], Reversal: true),
            new Entry("CRDT", "2026-12-04", "A3", [new Tx(7_00, "C", null, ["z"])]),
        ]);

        Assert.Equal([7_00L], CamtStatementReader.Read(Utf8(file), "s.xml").Select(e => e.AmountCents));
    }

    [Theory]
    [InlineData("camt.052", "BkToCstmrAcctRpt", "Rpt")]
    [InlineData("camt.054", "BkToCstmrDbtCdtNtfctn", "Ntfctn")]
    public void Intraday_reports_and_notifications_give_their_credits_too(string message, string root, string container)
    {
        var file = Document(message, "08", root, container, [new Entry("CRDT", "2026-12-06", "R1", [new Tx(12_34, "Eva", "DE89370400440532013000", ["KOK 7K3M PX9A"])])]);

        var entry = Assert.Single(CamtStatementReader.Read(Utf8(file), "report.xml"));

        Assert.Equal(12_34, entry.AmountCents);
        Assert.Equal("Eva", entry.PayerName);
    }

    [Fact]
    public void Without_a_bank_reference_the_same_entry_in_two_files_has_the_same_identity()
    {
        Entry Day() => new("CRDT", "2026-12-04", null, [new Tx(25_00, "Eva", "DE89370400440532013000", ["Spende"])]);

        var first = Assert.Single(CamtStatementReader.Read(Utf8(Statement("02", [Day()])), "a.xml"));
        var second = Assert.Single(CamtStatementReader.Read(Utf8(Statement("08", [Day()])), "b.xml"));

        Assert.Null(first.BankReference);
        Assert.Equal(first.Identity, second.Identity);
    }

    [Fact]
    public async Task A_zip_of_several_statement_files_gives_the_credits_of_all()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var day = 1; day <= 3; day++)
            {
                var file = archive.CreateEntry($"camt053/2026-12-0{day}.xml");
                await using var stream = file.Open();
                await stream.WriteAsync(Encoding.UTF8.GetBytes(Statement("02", [new Entry("CRDT", $"2026-12-0{day}", $"D{day}", [new Tx(day * 100, "Eva", null, ["Spende"])])])));
            }
        }

        zip.Position = 0;
        var entries = await BankStatementUpload.ReadAsync(zip, "statements.zip", CancellationToken.None);

        Assert.Equal([100L, 200, 300], entries.Select(e => e.AmountCents));
    }

    [Theory]
    [InlineData("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt>", "not well-formed XML (line 1")]
    [InlineData("this is no xml", "not well-formed XML")]
    [InlineData("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.09\"/>", "camt.053.001.09")]
    [InlineData("<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:pain.001.001.03\"/>", "pain.001.001.03")]
    [InlineData("<Statement/>", "root element Statement")]
    public void A_file_that_is_no_supported_statement_is_refused_saying_what_is_wrong(string xml, string expected)
    {
        var error = Assert.Throws<BankStatementFormatException>(() => CamtStatementReader.Read(Utf8(xml), "upload.xml"));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.StartsWith("upload.xml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_dtd_with_an_external_entity_is_refused_and_the_entity_never_read()
    {
        var secret = Path.Combine(Path.GetTempPath(), $"kok-secret-{Guid.NewGuid():N}.txt");
        File.WriteAllText(secret, "TOP-SECRET");
        try
        {
            var xml = $"<?xml version=\"1.0\"?>\n<!DOCTYPE Document [<!ENTITY xxe SYSTEM \"file://{secret}\">]>\n"
                + Statement("02", [new Entry("CRDT", "2026-12-04", "X", [new Tx(1_00, "&xxe;", null, ["&xxe;"])])])
                    .Replace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n", string.Empty, StringComparison.Ordinal)
                    .Replace("&amp;xxe;", "&xxe;", StringComparison.Ordinal);

            var error = Assert.Throws<BankStatementFormatException>(() => CamtStatementReader.Read(Utf8(xml), "evil.xml"));

            Assert.Contains("DTD", error.Message, StringComparison.Ordinal);
            Assert.DoesNotContain("TOP-SECRET", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(secret);
        }
    }

    [Fact]
    public async Task A_50_mb_upload_is_refused_after_reading_little_more_than_the_10_mb_allowed()
    {
        Assert.True(BankStatementUpload.IsTooLarge(50L * 1024 * 1024));
        var body = new CountingStream(50L * 1024 * 1024);

        var error = await Assert.ThrowsAsync<BankStatementFormatException>(() => BankStatementUpload.ReadAsync(body, "big.xml", CancellationToken.None));

        Assert.Contains("10 MB", error.Message, StringComparison.Ordinal);
        Assert.True(body.BytesRead <= BankStatementUpload.MaxBytes + (128 * 1024), $"read {body.BytesRead} bytes");
    }

    [Fact]
    public async Task A_zip_that_unpacks_beyond_the_limit_is_refused()
    {
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            await using var stream = archive.CreateEntry("huge.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 11; i++)
            {
                await stream.WriteAsync(zeros);
            }
        }

        zip.Position = 0;
        Assert.True(zip.Length < BankStatementUpload.MaxBytes);

        var error = await Assert.ThrowsAsync<BankStatementFormatException>(() => BankStatementUpload.ReadAsync(zip, "s.zip", CancellationToken.None));
        Assert.Contains("huge.xml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_payer_iban_is_shown_masked()
    {
        Assert.Equal("DE89 **** 3000", BankStatementEntry.Mask("DE89370400440532013000"));
    }

    /// <summary>An endless body of spaces that counts what was read from it.</summary>
    private sealed class CountingStream(long length) : Stream
    {
        public long BytesRead { get; private set; }

        public override bool CanRead => true;

        public override bool CanSeek => false;

        public override bool CanWrite => false;

        public override long Length => length;

        public override long Position { get => BytesRead; set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = (int)Math.Min(count, length - BytesRead);
            Array.Fill(buffer, (byte)' ', offset, n);
            BytesRead += n;
            return n;
        }

        public override void Flush()
        {
        }

        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

        public override void SetLength(long value) => throw new NotSupportedException();

        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
