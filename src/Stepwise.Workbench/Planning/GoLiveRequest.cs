using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Planning;

/// <summary>
/// When the change goes live: the date (or date-time, ISO-8601; a date alone is midnight UTC) the change takes effect
/// in the process, kept on the implementation plan and used as the monitoring's change date unless it is given another.
/// Empty clears it.
/// </summary>
public sealed record GoLiveRequest
{
    /// <summary>The go-live date, e.g. <c>2024-03-01</c> or <c>2024-03-01T06:00+01:00</c>; empty to clear it.</summary>
    public string? GoLive { get; init; }

    /// <summary>Checks the field; returns the instant, or null to clear it.</summary>
    /// <exception cref="StepwiseException">The value is not a date or date-time.</exception>
    public DateTimeOffset? Parse()
    {
        var v = new Validation().Text("go_live", GoLive, 60, required: false);
        var at = v.Instant("go_live", GoLive);
        v.ThrowIfAny();
        return at;
    }
}
