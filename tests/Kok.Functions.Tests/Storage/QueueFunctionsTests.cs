using System.Reflection;
using Kok.Functions;
using Kok.Functions.Storage;
using Microsoft.Azure.Functions.Worker;

namespace Kok.Functions.Tests.Storage;

/// <summary>The one way of handling queue messages (<see cref="QueueMessageHandler"/>) reaches every queue function.</summary>
public class QueueFunctionsTests
{
    private static IEnumerable<MethodInfo> QueueFunctions() =>
        typeof(KokWorkerMiddleware).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Instance | BindingFlags.Static))
            .Where(m => m.GetCustomAttribute<FunctionAttribute>() is not null
                        && m.GetParameters().Any(p => p.GetCustomAttribute<QueueTriggerAttribute>() is not null));

    [Fact]
    public void Every_queue_function_hands_its_messages_to_the_one_queue_message_handler()
    {
        var functions = QueueFunctions().ToList();

        Assert.Superset(
            new HashSet<string> { "DuesCharge", "MemberMail", "ReceiptMail", "WelcomeMail" },
            functions.Select(f => f.GetCustomAttribute<FunctionAttribute>()!.Name).ToHashSet());
        Assert.All(functions, f => Assert.Contains(
            f.DeclaringType!.GetConstructors().Single().GetParameters(), p => p.ParameterType == typeof(QueueMessageHandler)));
    }
}
