namespace Kok.DevHost.Tests.Samples;

public sealed record SampleOrder(string OrderId, long AmountCents);
