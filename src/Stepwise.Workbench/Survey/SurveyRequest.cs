using System.Globalization;
using System.Text;
using Stepwise.Statistics.Control;
using Stepwise.Statistics.Findings;
using Stepwise.Statistics.Plans;
using Stepwise.Statistics.Targets;
using Stepwise.Text.Privacy;
using Stepwise.Text.Themes;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Survey;

/// <summary>
/// What to analyse in a feedback file, and how. The request owns its defaults and checks its own fields (named as
/// the command line's options in snake_case), so every host gives the same answer to the same bad value.
/// </summary>
public sealed record SurveyRequest
{
    /// <summary>The parts to compute.</summary>
    public SurveySection Sections { get; init; } = SurveySection.Summary | SurveySection.Drivers | SurveySection.Themes | SurveySection.Targets;

    /// <summary>The confidence level of every interval and verdict, between 0 and 1.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>Targets to check, written as <c>csat&gt;=80%</c>, <c>nps&gt;=20</c>, <c>mean:Seat comfort&gt;=3.5</c>.</summary>
    public IReadOnlyList<string> Target { get; init; } = [];

    /// <summary>A measurement plan whose measures are checked too.</summary>
    public MeasurementPlan? Plan { get; init; }

    /// <summary>The theme dictionary (the default customer-service themes when null).</summary>
    public ThemeDictionary? Themes { get; init; }

    /// <summary>How many themes to discover from the comments (0 to 200).</summary>
    public int Discover { get; init; } = 8;

    /// <summary>The seed of the grouping of comments into discovered themes.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Words never used in discovered themes (e.g. the organisation's own name).</summary>
    public IReadOnlyList<string> ExcludeWord { get; init; } = [];

    /// <summary>Where the importance-performance grid splits performance: a score on the items' scale or a percentage
    /// of the scale; the scale midpoint when null.</summary>
    public string? PerformanceTarget { get; init; }

    /// <summary>Segments to compare (all when empty).</summary>
    public IReadOnlyList<string> By { get; init; } = [];

    /// <summary>The period of the trend: week, month, quarter or year; chosen from the span of the dates when null.</summary>
    public string? Period { get; init; }

    /// <summary>A key (at least 16 bytes) for replacing response ids with keyed pseudonyms; ids are shown as they are when null.</summary>
    public string? PseudonymiseKey { get; init; }

    /// <summary>The default owner of recommended actions.</summary>
    public string Owner { get; init; } = "Quality lead";

    /// <summary>The date actions are planned from (the host passes today: the layer reads no clock).</summary>
    public DateOnly Today { get; init; }

    /// <summary>Checks every field at once.</summary>
    public Validation Validate()
    {
        var v = new Validation();
        if (!(Confidence is > 0 and < 1))
        {
            v.Add("confidence", $"{Confidence.ToString(CultureInfo.InvariantCulture)} is not a confidence level; use a share between 0 and 1, e.g. 0.95.");
        }

        if (Discover is < 0 or > 200)
        {
            v.Add("discover", $"{Discover.ToString(CultureInfo.InvariantCulture)} is not a number of themes from 0 to 200.");
        }

        foreach (string target in Target)
        {
            try
            {
                _ = TargetSpec.Parse(target);
            }
            catch (FormatException ex)
            {
                v.Add("target", ex.Message);
            }
        }

        if (Period is not null && ParsePeriod(Period) is null)
        {
            v.Add("period", $"'{Period}' is not a period; use week, month, quarter or year.");
        }

        if (!string.IsNullOrEmpty(PseudonymiseKey) && Encoding.UTF8.GetByteCount(PseudonymiseKey) < 16)
        {
            v.Add("pseudonymise_key", "the key needs at least 16 bytes (e.g. 32 random characters).");
        }

        v.Text("owner", Owner, 200);
        return v;
    }

    /// <summary>The targets, parsed.</summary>
    internal IReadOnlyList<Target> Targets() => [.. Target.Select(TargetSpec.Parse)];

    /// <summary>The trend's period, or null to choose it from the dates.</summary>
    internal Period? TrendPeriod() => Period is null ? null : ParsePeriod(Period);

    /// <summary>The pseudonymiser of response ids, or null when no key was given.</summary>
    internal Pseudonymiser? Pseudonymiser() => string.IsNullOrEmpty(PseudonymiseKey) ? null : new Pseudonymiser(Encoding.UTF8.GetBytes(PseudonymiseKey));

    /// <summary>Owners and deadlines of recommended actions.</summary>
    internal ActionPolicy Policy() => new(Owner);

    private static Period? ParsePeriod(string text)
        => Enum.TryParse<Period>(text, ignoreCase: true, out var p) && Enum.IsDefined(p) && !int.TryParse(text, out _) ? p : null;
}
