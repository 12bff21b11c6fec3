namespace Kok.Domain.Membership;

/// <summary>The mails a member gets besides dues receipts. Serialise by name ("Welcome") on queues.</summary>
public enum MemberMailKind
{
    /// <summary>After the first dues arrived; queue <c>welcome-mail</c>.</summary>
    Welcome,

    /// <summary>Confirms a cancellation; queue <c>member-mail</c>.</summary>
    CancellationConfirmed,

    /// <summary>The first dues could not be collected, with how to retry; queue <c>member-mail</c>.</summary>
    FirstPaymentFailed,
}
