namespace Kok.Domain.Membership;

/// <summary>What happened to one dues payment attempt.</summary>
internal enum DuesOutcome
{
    Paid,
    Processing,
    Failed,
}
