using Stepwise.Mining.Time;
using Stepwise.Statistics.Feedback;
using Stepwise.Statistics.Tabular;
using Stepwise.Steps.Compliance;
using Stepwise.Steps.Costing;
using Stepwise.Steps.Evidence;
using Stepwise.Steps.Questions;
using Stepwise.Steps.Satisfaction;
using Stepwise.Steps.Scorecard;
using Stepwise.Steps.Value;
using Stepwise.Workbench.Feedback;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Steps;

/// <summary>
/// What a step assessment uses besides the log: feedback and how it links to cases (the shared
/// <see cref="FeedbackLinkRequest"/> fields), rates, rules, question settings,
/// value classes and a question book. Owns its defaults and validation; field names match the command line's options
/// (<c>link_window</c> is <c>--link-window</c>).
/// </summary>
public sealed record StepReviewRequest : FeedbackLinkRequest
{
    /// <summary>Hourly rates (CSV) or a YAML cost model.</summary>
    public string? Rates { get; init; }

    /// <summary>Standard handling times, <c>Activity=12m</c>.</summary>
    public IReadOnlyList<string> StandardTime { get; init; } = [];

    /// <summary>A YAML rule file or the name of a shipped pack.</summary>
    public string? Rules { get; init; }

    /// <summary>A YAML or JSON settings file: question thresholds and value classes.</summary>
    public string? Settings { get; init; }

    /// <summary>Question thresholds, <c>NAME=VALUE</c>.</summary>
    public IReadOnlyList<string> Threshold { get; init; } = [];

    /// <summary>Value classes of steps, <c>Step=VA|BVA|NVA</c>.</summary>
    public IReadOnlyList<string> Value { get; init; } = [];

    /// <summary>A question book (YAML): answers, own questions and options.</summary>
    public string? Answers { get; init; }

    /// <summary>The attribute hand-overs are counted between (default org:resource).</summary>
    public string? HandoverBy { get; init; }

    /// <summary>Scored cases each side needs for a satisfaction comparison (default 20).</summary>
    public int? MinCases { get; init; }

    /// <summary>False-discovery rate at which satisfaction gaps are flagged (default 0.05).</summary>
    public double? Fdr { get; init; }

    /// <summary>Confidence level of the intervals (default 0.95).</summary>
    public double? Confidence { get; init; }

    /// <summary>The hand-over attribute in effect.</summary>
    public string HandoverAttribute => string.IsNullOrWhiteSpace(HandoverBy) ? "org:resource" : HandoverBy.Trim();

    /// <summary>Checks the fields that need no file.</summary>
    public Validation Validate()
    {
        var v = new Validation();
        Thresholds(v, StepSettings.Default.Questions);
        ValueClasses(v);
        StandardTimes(v);
        ValidateFeedback(v);
        if (MinCases is < 2)
        {
            v.Add("min_cases", "must be at least 2.");
        }

        if (Fdr is { } fdr && !(fdr is > 0 and < 1))
        {
            v.Add("fdr", "must be between 0 and 1, e.g. 0.05.");
        }

        if (Confidence is { } c && !(c is > 0 and < 1))
        {
            v.Add("confidence", "must be between 0 and 1, e.g. 0.95.");
        }

        if (Rules is { } rules && !File.Exists(rules) && !IsPack(rules))
        {
            v.Add("rules", $"'{rules}' is neither a rule file nor a shipped pack ({string.Join(", ", RulePacks.Names)}).");
        }

        return v;
    }

    /// <summary>Reads every file named and builds the step review's options.</summary>
    /// <returns>The options, and warnings for the user (e.g. skipped feedback rows).</returns>
    /// <exception cref="StepwiseException">A field is not valid.</exception>
    public (StepReviewOptions Options, IReadOnlyList<string> Warnings) Build(DurationMeasure measure)
    {
        Validate().ThrowIfAny();
        var v = new Validation();
        var settings = Settings is { } settingsFile ? StepSettingsFile.Read(settingsFile) : StepSettings.Default;
        var questions = Thresholds(v, settings.Questions);
        var classes = new Dictionary<string, ValueClass>(settings.ValueClasses, StringComparer.Ordinal);
        foreach (var (step, value) in ValueClasses(v))
        {
            classes[step] = value;
        }

        var standard = StandardTimes(v);
        v.ThrowIfAny();
        CostModel? cost = Rates is { } ratesFile ? CostModelFile.Read(ratesFile) : null;
        if (cost is not null && standard.Count > 0)
        {
            var merged = new Dictionary<string, TimeSpan>(cost.Handling.StandardTimes, StringComparer.Ordinal);
            foreach (var (activity, time) in standard)
            {
                merged[activity] = time;
            }

            cost = cost with { Handling = cost.Handling with { StandardTimes = merged } };
        }

        var warnings = new List<string>();
        var options = new StepReviewOptions
        {
            Measure = measure,
            HandoverBy = HandoverAttribute,
            Feedback = ReadFeedback(warnings)?.Table,
            Link = LinkOptions(),
            Satisfaction = new SatisfactionOptions
            {
                MinCases = MinCases ?? 20,
                FalseDiscoveryRate = Fdr ?? 0.05,
                Confidence = Confidence ?? 0.95,
                HandoverBy = HandoverAttribute,
            },
            Cost = cost,
            Handling = new HandlingTimeOptions { StandardTimes = standard },
            Rules = Rules is null ? null : File.Exists(Rules) ? RuleFile.Read(Rules) : RulePacks.Load(Path.GetFileNameWithoutExtension(Rules)),
            Settings = new StepSettings(questions, classes),
            Questions = Answers is { } book ? QuestionBookFile.Read(book) : null,
        };
        return (options, warnings);
    }

    private static bool IsPack(string rules)
        => RulePacks.Exists(Path.GetFileNameWithoutExtension(rules)) && !rules.Contains('/', StringComparison.Ordinal) && !rules.Contains('\\', StringComparison.Ordinal);

    private QuestionSettings Thresholds(Validation v, QuestionSettings questions)
    {
        foreach (var clause in Threshold.SelectMany(Split))
        {
            if (Pair(v, "threshold", clause, "NAME=VALUE") is not { } pair)
            {
                continue;
            }

            var (name, value) = pair;
            if (!QuestionSettings.Names.Contains(name, StringComparer.Ordinal))
            {
                v.Add("threshold", $"'{name}' is not a threshold; use one of {string.Join(", ", QuestionSettings.Names)}.");
                continue;
            }

            if (questions.With(name, value) is { } changed)
            {
                questions = changed;
            }
            else
            {
                v.Add("threshold", $"{name}: expected {QuestionSettings.Expected(name)}; found '{value}'.");
            }
        }

        return questions;
    }

    private List<(string Step, ValueClass Value)> ValueClasses(Validation v)
    {
        var result = new List<(string, ValueClass)>();
        foreach (var clause in Value)
        {
            if (Pair(v, "value", clause, "Step=VA|BVA|NVA") is not { } pair)
            {
                continue;
            }

            var (step, value) = pair;
            try
            {
                result.Add((step, ValueSuggestion.Parse(value)));
            }
            catch (FormatException ex)
            {
                v.Add("value", ex.Message);
            }
        }

        return result;
    }

    private Dictionary<string, TimeSpan> StandardTimes(Validation v)
    {
        var standard = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var clause in StandardTime)
        {
            if (Pair(v, "standard_time", clause, "Activity=12m") is { } pair && v.Duration("standard_time", pair.Value, positive: true) is { } time)
            {
                standard[pair.Name] = time;
            }
        }

        return standard;
    }

    private static (string Name, string Value)? Pair(Validation v, string field, string clause, string form)
    {
        int eq = clause.LastIndexOf('=');
        if (eq <= 0 || eq == clause.Length - 1)
        {
            v.Add(field, $"'{clause}' must be {form}.");
            return null;
        }

        return (clause[..eq].Trim(), clause[(eq + 1)..].Trim());
    }

    private static IEnumerable<string> Split(string value) => value.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
}
