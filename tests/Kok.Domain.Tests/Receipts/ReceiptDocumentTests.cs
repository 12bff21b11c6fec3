using Kok.Domain.Receipts;

namespace Kok.Domain.Tests.Receipts;

public class ReceiptDocumentTests
{
    [Fact]
    public void Keeps_the_frozen_values_and_names_the_file_after_the_number()
    {
        var receipt = ReceiptTestData.Receipt();

        Assert.Equal("2026-000123", receipt.Number);
        Assert.Equal(ReceiptKind.Donation, receipt.Kind);
        Assert.Equal("Max Mustermann", receipt.DonorName);
        Assert.Equal(["Musterweg 1", "12345 Musterstadt"], receipt.DonorAddressLines);
        Assert.Equal(2550, receipt.AmountCents);
        Assert.False(receipt.IsWaiverOfExpenseReimbursement);
        Assert.False(receipt.IsWithdrawn);
        Assert.Equal("Zuwendungsbestaetigung-2026-000123.pdf", receipt.FileName);
    }

    [Fact]
    public void Flattens_line_breaks_in_name_and_address_and_drops_empty_lines()
    {
        var receipt = new ReceiptDocument(
            "2026-000001", ReceiptKind.Donation, "Max\r\nMustermann", ["Musterweg 1\nHinterhaus", " ", "12345 Musterstadt"], 100,
            new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1));

        Assert.Equal("Max Mustermann", receipt.DonorName);
        Assert.Equal(["Musterweg 1 Hinterhaus", "12345 Musterstadt"], receipt.DonorAddressLines);
    }

    [Theory]
    [InlineData("2026-123")]
    [InlineData("26-000123")]
    [InlineData("2026-000123\n")]
    [InlineData("")]
    public void Rejects_malformed_numbers(string number)
    {
        Assert.Throws<ArgumentException>(() => new ReceiptDocument(
            number, ReceiptKind.Donation, "A", ["B"], 100, new DateOnly(2026, 1, 1), new DateOnly(2026, 1, 1)));
    }

    [Fact]
    public void Requires_an_address_a_positive_amount_and_an_issue_date_not_before_the_payment()
    {
        var day = new DateOnly(2026, 1, 2);
        Assert.Throws<ArgumentException>(() => new ReceiptDocument("2026-000001", ReceiptKind.Donation, "A", [" "], 100, day, day));
        Assert.Throws<ArgumentOutOfRangeException>(() => new ReceiptDocument("2026-000001", ReceiptKind.Donation, "A", ["B"], 0, day, day));
        Assert.Throws<ArgumentException>(() => new ReceiptDocument("2026-000001", ReceiptKind.Donation, "A", ["B"], 100, day, day.AddDays(-1)));
    }

    [Fact]
    public void A_machine_made_receipt_cannot_confirm_a_waiver_of_expenses()
    {
        var day = new DateOnly(2026, 1, 2);
        Assert.Throws<ArgumentException>(() => new ReceiptDocument(
            "2026-000001", ReceiptKind.Donation, "A", ["B"], 100, day, day, isWaiverOfExpenseReimbursement: true));
    }

    [Fact]
    public void Withdraw_returns_a_copy_marked_withdrawn()
    {
        var receipt = ReceiptTestData.Receipt();

        var withdrawn = receipt.Withdraw(new DateOnly(2026, 4, 1));

        Assert.True(withdrawn.IsWithdrawn);
        Assert.Equal(new DateOnly(2026, 4, 1), withdrawn.WithdrawnOn);
        Assert.Equal(receipt.Number, withdrawn.Number);
        Assert.False(receipt.IsWithdrawn);
        Assert.Throws<ArgumentException>(() => receipt.Withdraw(new DateOnly(2026, 3, 1)));
    }

    [Fact]
    public void ToString_does_not_reveal_personal_data()
    {
        var text = ReceiptTestData.Receipt().ToString();

        Assert.DoesNotContain("Mustermann", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Musterweg", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Receipt_numbers_are_year_and_six_digit_sequence()
    {
        Assert.Equal("2026-000123", ReceiptNumber.Create(2026, 123));
        Assert.Equal("2027-999999", ReceiptNumber.Create(2027, 999_999));
        Assert.True(ReceiptNumber.IsValid("2026-000123"));
        Assert.False(ReceiptNumber.IsValid(null));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReceiptNumber.Create(2026, 0));
        Assert.Throws<ArgumentOutOfRangeException>(() => ReceiptNumber.Create(2026, 1_000_000));
    }
}
