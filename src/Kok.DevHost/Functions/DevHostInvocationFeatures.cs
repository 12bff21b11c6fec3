using System.Collections;
using System.Collections.Concurrent;
using Microsoft.Azure.Functions.Worker;

namespace Kok.DevHost.Functions;

/// <summary>A plain feature collection; DevHost sets none itself, middleware-style code in functions may.</summary>
internal sealed class DevHostInvocationFeatures : IInvocationFeatures
{
    private readonly ConcurrentDictionary<Type, object> _features = new();

    public T? Get<T>() => _features.TryGetValue(typeof(T), out var feature) ? (T)feature : default;

    public void Set<T>(T instance)
    {
        if (instance is null)
        {
            _features.TryRemove(typeof(T), out _);
        }
        else
        {
            _features[typeof(T)] = instance;
        }
    }

    public IEnumerator<KeyValuePair<Type, object>> GetEnumerator() => _features.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
