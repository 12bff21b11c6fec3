namespace Kok.IntegrationTests.Samples;

public sealed record SampleOrder(string OrderId, long AmountCents);
