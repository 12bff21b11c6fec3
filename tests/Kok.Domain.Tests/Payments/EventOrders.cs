using Kok.Domain.Donations;
using Kok.Domain.Payments;

namespace Kok.Domain.Tests.Payments;

/// <summary>
/// The provider's delivery as the convergence tests play it: every order of a scenario's events, each event delivered
/// twice (the copy straight after), the aggregate reloaded from its snapshot before each, and events not yet applicable
/// delivered again after the others until none are left, like the provider's retries.
/// </summary>
internal static class EventOrders
{
    public static IEnumerable<IReadOnlyList<T>> Permutations<T>(IReadOnlyList<T> items)
    {
        if (items.Count <= 1)
        {
            yield return items;
            yield break;
        }

        for (var i = 0; i < items.Count; i++)
        {
            var rest = items.Where((_, j) => j != i).ToList();
            foreach (var tail in Permutations(rest))
            {
                yield return [items[i], .. tail];
            }
        }
    }

    /// <param name="apply">Reloads the aggregate, applies the event; returns the reloaded aggregate, the outcome and the events raised.</param>
    public static (TAggregate Aggregate, List<TRaised> Raised) Deliver<TAggregate, TRaised>(
        TAggregate aggregate,
        IReadOnlyList<PaymentEvent> order,
        Func<TAggregate, PaymentEvent, (TAggregate Reloaded, ApplyOutcome Outcome, IEnumerable<TRaised> Events)> apply)
    {
        var raised = new List<TRaised>();
        var queue = new Queue<PaymentEvent>(order.SelectMany(e => new[] { e, e }));
        var deferredRounds = 0;
        while (queue.TryDequeue(out var paymentEvent))
        {
            var (reloaded, outcome, events) = apply(aggregate, paymentEvent);
            aggregate = reloaded;
            raised.AddRange(events);
            if (outcome == ApplyOutcome.NotYetApplicable)
            {
                Assert.True(++deferredRounds < 100, "An event never became applicable.");
                queue.Enqueue(paymentEvent);
            }
        }

        return (aggregate, raised);
    }
}
