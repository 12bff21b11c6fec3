namespace Kok.Domain.Dues;

/// <summary>A hosted checkout for the dues of <see cref="Period"/> is open: send the browser to <see cref="CheckoutUrl"/> (303).</summary>
public sealed record DuesCheckoutStarted(Uri CheckoutUrl, DuesPeriod Period) : PayDuesResult;
