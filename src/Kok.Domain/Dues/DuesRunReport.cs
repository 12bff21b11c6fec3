namespace Kok.Domain.Dues;

/// <summary>What one dues run did: entries read, steps taken, stale index entries dropped, members left for tomorrow.</summary>
public sealed record DuesRunReport(
    int Examined,
    int PreNotified,
    int ChargesRequested,
    int Reminded,
    int Lapsed,
    int Stale,
    int Deferred);
