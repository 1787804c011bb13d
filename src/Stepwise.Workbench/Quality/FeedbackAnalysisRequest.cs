using System.Globalization;
using System.Text;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Survey;

namespace Stepwise.Workbench.Quality;

/// <summary>
/// Feedback data to import into a quality review and analyse against its measurement plan: the file, how to read it
/// (kept with the import as its exact read options), and how to analyse it.
/// </summary>
public sealed record FeedbackAnalysisRequest
{
    /// <summary>A title, unique in the review, e.g. "Passenger survey, test split".</summary>
    public required string Title { get; init; }

    /// <summary>The feedback file (CSV or TSV, also inside .gz or .zip).</summary>
    public required string File { get; init; }

    /// <summary>How to read it.</summary>
    public FeedbackReadRequest Read { get; init; } = new();

    /// <summary>The sample the responses answer (its name or id), if any.</summary>
    public string? Sample { get; init; }

    /// <summary>The confidence level of every interval and verdict.</summary>
    public double Confidence { get; init; } = 0.95;

    /// <summary>Where the driver grid splits performance: a score on the items' scale or a share of it (the midpoint when omitted).</summary>
    public string? PerformanceTarget { get; init; }

    /// <summary>How many themes to discover from the comments (0 to 200).</summary>
    public int Discover { get; init; } = 8;

    /// <summary>The seed of the grouping of comments into themes.</summary>
    public long Seed { get; init; } = 1;

    /// <summary>Words never used in discovered themes (e.g. the organisation's own name).</summary>
    public IReadOnlyList<string> ExcludeWord { get; init; } = [];

    /// <summary>A key (at least 16 bytes) for showing response ids in quotes as keyed pseudonyms.</summary>
    public string? PseudonymiseKey { get; init; }

    /// <summary>Checks every field at once.</summary>
    public Validation Validate()
    {
        var v = new Validation().Text("title", Title, 200).Text("file", File, 4000).Text("sample", Sample, 200, required: false);
        foreach (var e in (Read ?? new()).Validate().Errors)
        {
            v.Add(e.Field, e.Message);
        }

        if (!(Confidence is > 0 and < 1))
        {
            v.Add("confidence", $"{Confidence.ToString(CultureInfo.InvariantCulture)} is not a confidence level; use a share between 0 and 1, e.g. 0.95.");
        }

        if (Discover is < 0 or > 200)
        {
            v.Add("discover", $"{Discover.ToString(CultureInfo.InvariantCulture)} is not a number of themes from 0 to 200.");
        }

        if (!string.IsNullOrEmpty(PseudonymiseKey) && Encoding.UTF8.GetByteCount(PseudonymiseKey) < 16)
        {
            v.Add("pseudonymise_key", "the key needs at least 16 bytes (e.g. 32 random characters).");
        }

        return v;
    }

    /// <summary>The survey analysis this asks for: summary, drivers, themes, segments and the trend (targets come from the plan).</summary>
    internal SurveyRequest Survey(DateOnly today) => new()
    {
        Sections = SurveySection.Summary | SurveySection.Drivers | SurveySection.Themes | SurveySection.Segments | SurveySection.Trend,
        Confidence = Confidence,
        PerformanceTarget = PerformanceTarget,
        Discover = Discover,
        Seed = Seed,
        ExcludeWord = ExcludeWord,
        PseudonymiseKey = PseudonymiseKey,
        Today = today,
    };
}
