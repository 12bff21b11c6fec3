namespace Kok.Domain.Privacy;

/// <summary>
/// Whether a mail must go out even to someone who objected to mail (Widerspruch, Art. 21 DSGVO): receipts and what
/// the law or the supporter's own donation or membership requires do; everything else respects the objection.
/// </summary>
public enum MailObligation
{
    /// <summary>Tax or payment law requires it (a receipt, its withdrawal, a SEPA pre-notification).</summary>
    Legal,

    /// <summary>Part of what the supporter asked for or agreed to (confirmations, payment problems, the end of a membership).</summary>
    Contractual,

    /// <summary>Helpful, not owed: reminders. Carries an unsubscribe link; not sent after an objection.</summary>
    Optional,
}
