namespace Kok.DevHost.SendGrid;

/// <summary>One entry of SendGrid's error body <c>{"errors":[{"message","field","help"}]}</c>.</summary>
internal sealed record SendGridError(string Message, string? Field = null, string? Help = null);
