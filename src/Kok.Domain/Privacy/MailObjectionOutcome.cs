namespace Kok.Domain.Privacy;

/// <summary>What recording an objection to mail did.</summary>
public enum MailObjectionOutcome
{
    Recorded,

    /// <summary>The address was on the list already; nothing changed.</summary>
    AlreadyRecorded,
}
