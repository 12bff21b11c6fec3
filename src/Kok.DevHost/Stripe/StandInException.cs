namespace Kok.DevHost.Stripe;

/// <summary>A request the stand-in refuses the way Stripe would; becomes a Stripe-shaped error response.</summary>
internal sealed class StandInException(int status, string message, string? param = null, string? code = null)
    : Exception(message)
{
    public int Status { get; } = status;
    public string? Param { get; } = param;
    public string? Code { get; } = code;
}
