using System.Diagnostics.CodeAnalysis;

namespace Kok.Domain.Membership;

/// <summary>
/// The queues the member mailer listens on: welcome mails on <see cref="WelcomeQueueName"/>, every other member
/// mail on <see cref="MemberMailQueueName"/>.
/// </summary>
[SuppressMessage("Naming", "CA1711", Justification = "It is a queue: the member mail storage queues.")]
public interface IMemberMailQueue
{
    public const string WelcomeQueueName = "welcome-mail";
    public const string MemberMailQueueName = "member-mail";

    Task EnqueueAsync(MemberMailRequest request, CancellationToken cancellationToken);

    /// <summary>The queue a request of <paramref name="kind"/> belongs on.</summary>
    public static string QueueFor(MemberMailKind kind) =>
        kind == MemberMailKind.Welcome ? WelcomeQueueName : MemberMailQueueName;
}
