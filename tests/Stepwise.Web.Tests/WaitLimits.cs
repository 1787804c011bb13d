using System.Runtime.CompilerServices;
using Bunit;

namespace Stepwise.Web.Tests;

/// <summary>
/// How long a component test waits for a page to show what it expects. bUnit's default of one second is too short when
/// the other test projects run beside these on a loaded two-core machine; a wait that is met returns at once, so the
/// limit only matters for a test that would fail anyway. Never a measurement.
/// </summary>
internal static class WaitLimits
{
    [ModuleInitializer]
    internal static void Initialize() => BunitContext.DefaultWaitTimeout = TimeSpan.FromSeconds(30);
}
