using Stepwise.Maps.Layout;
using Stepwise.Maps.Mapping;
using Stepwise.Maps.Rendering;
using Stepwise.Mining.Time;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Analyses;

/// <summary>
/// How to draw a process map: overlay, what is counted, simplification, swimlanes, page fit, colours, direction and
/// title.
/// Field names match the command line's options (<c>max_lanes</c> is <c>--max-lanes</c>).
/// </summary>
public sealed record MapRequest
{
    /// <summary>frequency (counts) or performance (time between steps).</summary>
    public string Overlay { get; init; } = "frequency";

    /// <summary>What frequencies count: cases or events.</summary>
    public string Count { get; init; } = "cases";

    /// <summary>Which time the performance overlay shows: median or mean.</summary>
    public string Time { get; init; } = "median";

    /// <summary>Show the most frequent N% of activities (1-100).</summary>
    public double Activities { get; init; } = 100;

    /// <summary>Show the most frequent N% of paths (0-100); every shown step keeps its main ways in and out besides
    /// (<see cref="MapOptions.KeepStepPaths"/>).</summary>
    public double Paths { get; init; } = 100;

    /// <summary>Whether a simplified map keeps every shown step's main ways in and out whatever <see cref="Paths"/>
    /// (<see cref="MapOptions.KeepStepPaths"/>); on by default.</summary>
    public bool KeepStepPaths { get; init; } = true;

    /// <summary>Swimlanes by this attribute, or none.</summary>
    public string? Lanes { get; init; }

    /// <summary>The most lanes (at least 2).</summary>
    public int MaxLanes { get; init; } = 8;

    /// <summary>A step is drawn in every lane doing at least this percentage of its events (5-100).</summary>
    public double LaneSplit { get; init; } = 20;

    /// <summary>Make the map for a page: none, slide (16:9) or a4.</summary>
    public string Fit { get; init; } = "none";

    /// <summary>light (screen) or print (greys, dashes).</summary>
    public string Scheme { get; init; } = "light";

    /// <summary>down or right.</summary>
    public string Direction { get; init; } = "down";

    /// <summary>The title above the map (the log's file name when empty).</summary>
    public string? Title { get; init; }

    /// <summary>Paint the steps by a figure instead of the overlay's box colour: none, cost, satisfaction (the
    /// satisfaction gap), breaches (cases breaching a compliance rule) or waiting (median waiting before the step).
    /// Cost, satisfaction and breaches come from the review's saved step assessments; waiting from the log.</summary>
    public string Paint { get; init; } = "none";

    /// <summary>Also produce BPMN 2.0 XML.</summary>
    public bool Bpmn { get; init; }

    /// <summary>Checks every field.</summary>
    public Validation Validate()
    {
        var v = new Validation();
        _ = Parse(v, DurationMeasure.Elapsed, null);
        return v;
    }

    /// <summary>The map's options and style.</summary>
    /// <exception cref="StepwiseException">A field is not valid.</exception>
    public (MapOptions Options, MapStyle Style) Parse(DurationMeasure measure, string? defaultTitle)
    {
        var v = new Validation();
        var parsed = Parse(v, measure, defaultTitle);
        v.ThrowIfAny();
        return parsed;
    }

    private (MapOptions, MapStyle) Parse(Validation v, DurationMeasure measure, string? defaultTitle)
    {
        var style = new MapStyle
        {
            Overlay = Choice(v, "overlay", Overlay, ("frequency", MapOverlay.Frequency), ("performance", MapOverlay.Performance)),
            Count = Choice(v, "count", Count, ("cases", CountMeasure.Cases), ("events", CountMeasure.Events)),
            Time = Choice(v, "time", Time, ("median", TimeStatistic.Median), ("mean", TimeStatistic.Mean)),
            Scheme = Choice(v, "scheme", Scheme, ("light", MapScheme.Light), ("print", MapScheme.Print)),
            Direction = Choice(v, "direction", Direction, ("down", LayoutDirection.TopToBottom), ("right", LayoutDirection.LeftToRight)),
            Fit = Choice(v, "fit", Fit, ("none", MapFit.None), ("slide", MapFit.Slide), ("a4", MapFit.A4)),
            Title = string.IsNullOrWhiteSpace(Title) ? defaultTitle : Title.Trim(),
        };
        _ = Choice(v, "paint", Paint, ("none", 0), ("cost", 1), ("satisfaction", 2), ("breaches", 3), ("waiting", 4));
        v.Text("title", Title, 200, required: false).Text("lanes", Lanes, 200, required: false);
        if (!(Activities >= 1 && Activities <= 100))
        {
            v.Add("activities", $"{Activities.ToString(System.Globalization.CultureInfo.InvariantCulture)} must be a percentage from 1 to 100.");
        }

        if (!(Paths >= 0 && Paths <= 100))
        {
            v.Add("paths", $"{Paths.ToString(System.Globalization.CultureInfo.InvariantCulture)} must be a percentage from 0 to 100.");
        }

        if (MaxLanes < 2)
        {
            v.Add("max_lanes", "must be at least 2.");
        }

        if (!(LaneSplit >= 5 && LaneSplit <= 100))
        {
            v.Add("lane_split", $"{LaneSplit.ToString(System.Globalization.CultureInfo.InvariantCulture)} must be a percentage from 5 to 100.");
        }

        var options = new MapOptions
        {
            ActivityPercent = Activities,
            PathPercent = Paths,
            KeepStepPaths = KeepStepPaths,
            LaneAttribute = string.IsNullOrWhiteSpace(Lanes) ? null : Lanes.Trim(),
            MaxLanes = Math.Max(2, MaxLanes),
            LaneSplitShare = Math.Clamp(LaneSplit, 5, 100) / 100,
            Measure = measure,
        };
        return (options, style);
    }

    private static T Choice<T>(Validation v, string field, string? value, params (string Name, T Value)[] choices)
    {
        foreach (var (name, result) in choices)
        {
            if (string.Equals(name, value?.Trim(), StringComparison.OrdinalIgnoreCase))
            {
                return result;
            }
        }

        v.Add(field, $"'{value}' must be one of: {string.Join(", ", choices.Select(c => c.Name))}.");
        return choices[0].Value;
    }
}
