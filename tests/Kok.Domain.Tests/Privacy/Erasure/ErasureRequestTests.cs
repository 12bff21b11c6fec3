using Kok.Domain.Privacy.Erasure;

namespace Kok.Domain.Tests.Privacy.Erasure;

public sealed class ErasureRequestTests
{
    [Fact]
    public void A_request_without_confirmation_is_a_dry_run_ending_memberships_at_the_period_end()
    {
        var validated = ErasureRequest.Validate(new ErasureForm(" a@example.org ", "Bitte per Mail", null, null), []);

        Assert.True(validated.IsValid);
        Assert.Equal(new ErasureRequest("a@example.org", "Bitte per Mail", false, MembershipEndChoice.PeriodEnd), validated.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("   ")]
    public void A_dry_run_needs_no_reason(string? reason)
    {
        var validated = ErasureRequest.Validate(new ErasureForm("a@example.org", reason, null, null), []);

        Assert.True(validated.IsValid);
        Assert.Null(validated.Value!.Reason);
        Assert.False(validated.Value.Confirm);
    }

    [Fact]
    public void A_reason_given_with_a_dry_run_is_still_checked_for_length()
    {
        var validated = ErasureRequest.Validate(
            new ErasureForm("a@example.org", new string('x', ErasureRequest.MaxReasonLength + 1), false, null), []);

        Assert.False(validated.IsValid);
        Assert.Equal(["reason"], validated.Errors.Keys);
    }

    [Fact]
    public void A_confirmed_request_needs_a_reason()
    {
        var validated = ErasureRequest.Validate(new ErasureForm("a@example.org", null, true, null), []);

        Assert.False(validated.IsValid);
        Assert.Equal(["reason"], validated.Errors.Keys);
    }

    [Theory]
    [InlineData(null, "r", null, "email")]
    [InlineData("not-an-address", "r", null, "email")]
    [InlineData("a@example.org", null, null, "reason")]
    [InlineData("a@example.org", "  ", null, "reason")]
    [InlineData("a@example.org", "r", "tomorrow", "membershipEnd")]
    public void Each_bad_field_is_named(string? email, string? reason, string? end, string field)
    {
        var validated = ErasureRequest.Validate(new ErasureForm(email, reason, true, end), []);

        Assert.False(validated.IsValid);
        Assert.Equal([field], validated.Errors.Keys);
    }

    [Fact]
    public void A_confirmation_of_the_wrong_type_is_named_and_never_read_as_yes()
    {
        var validated = ErasureRequest.Validate(new ErasureForm("a@example.org", "r", null, "now"), ["confirm"]);

        Assert.False(validated.IsValid);
        Assert.Contains("confirm", validated.Errors.Keys);
    }
}
