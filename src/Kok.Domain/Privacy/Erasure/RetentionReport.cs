namespace Kok.Domain.Privacy.Erasure;

/// <summary>What one retention run did, in counts only (it goes to the log).</summary>
public sealed record RetentionReport(int ReceiptsDeleted, int DonationsScrubbed, int MembersScrubbed);
