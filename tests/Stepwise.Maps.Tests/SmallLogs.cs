using Stepwise.Mining;

namespace Stepwise.Maps.Tests;

/// <summary>Small hand-made logs whose maps can be worked out by hand.</summary>
internal static class SmallLogs
{
    private static readonly DateTimeOffset T0 = new(2024, 3, 4, 9, 0, 0, TimeSpan.Zero);

    /// <summary>Builds a log from traces: each step is "Activity" or "Activity@team"; steps are an hour apart.</summary>
    public static EventLog Of(params string[] traces)
    {
        var builder = new EventLogBuilder();
        for (int c = 0; c < traces.Length; c++)
        {
            var steps = traces[c].Split(' ', StringSplitOptions.RemoveEmptyEntries);
            for (int i = 0; i < steps.Length; i++)
            {
                var parts = steps[i].Split('@');
                var attributes = parts.Length > 1 ? new[] { new KeyValuePair<string, object?>("team", parts[1]) } : null;
                builder.Add($"case{c + 1}", parts[0], T0.AddDays(c).AddHours(i), attributes: attributes);
            }
        }

        return builder.Build();
    }
}
