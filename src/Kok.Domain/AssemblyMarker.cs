using System.Reflection;

namespace Kok.Domain;

/// <summary>Anchor for tests and scanning: the domain assembly, free of cloud packages.</summary>
public static class AssemblyMarker
{
    public static Assembly Assembly => typeof(AssemblyMarker).Assembly;
}
