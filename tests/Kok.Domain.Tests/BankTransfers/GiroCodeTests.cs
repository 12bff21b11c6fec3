using Kok.Domain.BankTransfers;

namespace Kok.Domain.Tests.BankTransfers;

public sealed class GiroCodeTests
{
    [Fact]
    public void The_payload_has_the_epc_lines_in_order_with_the_reference_code_as_remittance()
    {
        var account = BankAccount.From(" KOK e.V. ", "de02 1203 0000 0000 2020 51", "byladem1001", "Beispielbank")!;
        var code = ReferenceCode.Derive("don_1", "transfer");

        var payload = GiroCode.Payload(account, 1_234_56, code);

        Assert.Equal($"BCD\n002\n1\nSCT\nBYLADEM1001\nKOK e.V.\nDE02120300000000202051\nEUR1234.56\n\n\n{code.Value}", payload);
    }

    [Fact]
    public void Without_a_bic_the_line_stays_empty_and_cents_keep_two_digits()
    {
        var account = BankAccount.From("KOK", "DE02120300000000202051", null, null)!;

        var lines = GiroCode.Payload(account, 5, ReferenceCode.Derive("x")).Split('\n');

        Assert.Equal(string.Empty, lines[4]);
        Assert.Equal("EUR0.05", lines[7]);
    }

    [Fact]
    public void A_holder_longer_than_70_characters_is_cut_as_the_guideline_allows()
    {
        var account = BankAccount.From(new string('K', 80), "DE02120300000000202051", null, null)!;

        Assert.Equal(70, GiroCode.Payload(account, 100, ReferenceCode.Derive("x")).Split('\n')[5].Length);
    }

    [Theory]
    [InlineData(null, "DE02120300000000202051")]
    [InlineData("KOK", " ")]
    public void An_account_without_holder_or_iban_is_no_account(string? holder, string? iban)
    {
        Assert.Null(BankAccount.From(holder, iban, "BIC", "Bank"));
    }

    [Fact]
    public void The_iban_is_shown_in_groups_of_four()
    {
        Assert.Equal("DE02 1203 0000 0000 2020 51", BankAccount.From("KOK", "DE02120300000000202051", null, null)!.IbanGrouped);
    }
}
