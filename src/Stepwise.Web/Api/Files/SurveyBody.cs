using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Survey;

namespace Stepwise.Web.Api.Files;

/// <summary>
/// What to analyse in an uploaded feedback file: how to read it, and the survey analysis's options as the command
/// line names them (<c>stepwise survey</c>). Options left out take the survey request's own defaults.
/// </summary>
internal sealed record SurveyBody
{
    /// <summary>How to read the file: the command line's read options in snake_case.</summary>
    public FeedbackReadRequest Read { get; init; } = new();

    /// <summary>The parts to compute: summary, drivers, themes, targets, segments (summary, drivers, themes and targets when empty).</summary>
    public IReadOnlyList<string> Sections { get; init; } = [];

    /// <summary>Targets such as <c>csat&gt;=80%</c>, <c>nps&gt;=20</c>, <c>mean:Seat comfort&gt;=3.5</c>.</summary>
    public IReadOnlyList<string> Target { get; init; } = [];

    /// <summary>The confidence level of every interval and verdict.</summary>
    public double? Confidence { get; init; }

    /// <summary>How many themes to discover from the comments (0 to 200).</summary>
    public int? Discover { get; init; }

    /// <summary>The seed of the grouping of comments into themes.</summary>
    public long? Seed { get; init; }

    /// <summary>Words never used in discovered themes.</summary>
    public IReadOnlyList<string> ExcludeWord { get; init; } = [];

    /// <summary>Where the driver grid splits performance.</summary>
    public string? PerformanceTarget { get; init; }

    /// <summary>Segments to compare (all when empty).</summary>
    public IReadOnlyList<string> By { get; init; } = [];

    /// <summary>A key (at least 16 bytes) for showing response ids as keyed pseudonyms.</summary>
    public string? PseudonymiseKey { get; init; }

    /// <summary>The survey request this asks for, with the request's own defaults where nothing was given.</summary>
    /// <exception cref="StepwiseException">A section is unknown, or a field is not valid (every bad field at once).</exception>
    public SurveyRequest ToRequest(DateOnly today)
    {
        var v = new Validation();
        foreach (var error in (Read ?? new()).Validate().Errors)
        {
            v.Add("read." + error.Field, error.Message);
        }

        var sections = SurveySection.None;
        foreach (string name in Sections)
        {
            SurveySection? section = name.Trim().ToLowerInvariant() switch
            {
                "summary" => SurveySection.Summary,
                "drivers" => SurveySection.Drivers,
                "themes" => SurveySection.Themes,
                "targets" => SurveySection.Targets,
                "segments" => SurveySection.Segments,
                _ => null,
            };
            if (section is null)
            {
                v.Add("sections", $"'{name}' is not a part the API computes; use summary, drivers, themes, targets or segments (the trend, actions and responses are in stepwise survey and the web app).");
            }
            else
            {
                sections |= section.Value;
            }
        }

        var defaults = new SurveyRequest();
        var request = defaults with
        {
            Sections = sections == SurveySection.None ? SurveySection.Summary | SurveySection.Drivers | SurveySection.Themes | SurveySection.Targets : sections | SurveySection.Summary,
            Target = Target,
            Confidence = Confidence ?? defaults.Confidence,
            Discover = Discover ?? defaults.Discover,
            Seed = Seed ?? defaults.Seed,
            ExcludeWord = ExcludeWord,
            PerformanceTarget = PerformanceTarget,
            By = By,
            PseudonymiseKey = PseudonymiseKey,
            Today = today,
        };
        foreach (var error in request.Validate().Errors)
        {
            v.Add(error.Field, error.Message);
        }

        v.ThrowIfAny();
        return request;
    }
}
