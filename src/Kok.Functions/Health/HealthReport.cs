namespace Kok.Functions.Health;

public sealed record HealthReport(string Status, string Storage, string Version);
