using Stepwise.Maps.Mapping;
using Stepwise.Maps.Rendering;
using Stepwise.Mining;
using Stepwise.Mining.IO;
using Stepwise.Testing;

namespace Stepwise.Rendering.Tests;

/// <summary>The process map of the real help-desk log, as <c>stepwise map</c> draws it.</summary>
internal static class HelpdeskMap
{
    private static readonly Lazy<EventLog> Log = new(() => EventLogFile.Read(SharedData.PathOf("eventlogs/helpdesk.xes.gz")).Log);

    public static ProcessMap Build() => ProcessMap.Build(Log.Value, new MapOptions { ActivityPercent = 80, PathPercent = 50 });

    public static string Svg(ProcessMap map) => SvgMap.Render(map);
}
