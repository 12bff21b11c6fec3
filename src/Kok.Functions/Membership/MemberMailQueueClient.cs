using Kok.Domain.Membership;
using Kok.Functions.Storage;

namespace Kok.Functions.Membership;

/// <summary>Puts member mail requests on <c>welcome-mail</c> or <c>member-mail</c> as <c>{"kind":…,"memberId":…}</c>.</summary>
public sealed class MemberMailQueueClient(StorageQueueSender sender) : IMemberMailQueue
{
    public Task EnqueueAsync(MemberMailRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        return sender.SendFollowUpAsync(IMemberMailQueue.QueueFor(request.Kind), request, cancellationToken);
    }
}
