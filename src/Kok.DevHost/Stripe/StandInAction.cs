using System.Text.Json.Nodes;

namespace Kok.DevHost.Stripe;

/// <summary>What a simulated action answers, and the events it produced (in the order Stripe would send them).</summary>
internal sealed record StandInAction(JsonObject Body, IReadOnlyList<StandInEvent> Events);
