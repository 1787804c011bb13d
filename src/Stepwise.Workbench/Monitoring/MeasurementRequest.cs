using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Monitoring;

/// <summary>
/// A measurement of a KPI for a period: computed by its metric from the review's data (cases starting in the period),
/// or a value entered with its source. The verdict against the target and the baseline is recorded with it.
/// </summary>
public sealed record MeasurementRequest
{
    /// <summary>The KPI's name.</summary>
    public required string Kpi { get; init; }

    /// <summary>The value, when entered (with <see cref="Source"/>).</summary>
    public double? Value { get; init; }

    /// <summary>Where an entered value comes from.</summary>
    public string? Source { get; init; }

    /// <summary>The data source to compute it from (the latest event log when empty and no value is given).</summary>
    public string? Data { get; init; }

    /// <summary>The start of the period (cases starting from then).</summary>
    public string? From { get; init; }

    /// <summary>The end of the period (exclusive); now when empty.</summary>
    public string? To { get; init; }

    /// <summary>A note.</summary>
    public string? Note { get; init; }

    /// <summary>Checks every field; returns the period.</summary>
    public (DateTimeOffset? From, DateTimeOffset? To) Parse()
    {
        var v = new Validation().Text("kpi", Kpi, 200).Text("source", Source, 400, required: false).Text("data", Data, 400, required: false).Text("note", Note, 4000, required: false);
        var from = v.Instant("from", From);
        var to = v.Instant("to", To);
        if (from is { } f && to is { } t && t <= f)
        {
            v.Add("to", $"must be after --from ({From}).");
        }

        if (Value is { } value)
        {
            if (!double.IsFinite(value))
            {
                v.Add("value", "must be a number.");
            }

            if (Source is null)
            {
                v.Add("source", "is required with --value: say where the value comes from (a report, a system, a survey).");
            }

            if (Data is not null)
            {
                v.Add("data", "is for a value computed from data; leave it out with --value.");
            }
        }

        v.ThrowIfAny();
        return (from, to);
    }
}
