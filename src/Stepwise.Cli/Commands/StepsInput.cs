using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Mining;
using Stepwise.Steps.Compliance;
using Stepwise.Steps.Costing;
using Stepwise.Steps.Evidence;
using Stepwise.Steps.Questions;
using Stepwise.Steps.Satisfaction;
using Stepwise.Steps.Scorecard;
using Stepwise.Steps.Value;

namespace Stepwise.Cli.Commands;

/// <summary>
/// The options <c>stepwise steps</c> and <c>stepwise questions</c> share beyond the log's: feedback and how it links
/// to cases, rates, rules, settings, thresholds, value classes and answers. <see cref="Options"/> turns them into the
/// step review's options.
/// </summary>
internal sealed class StepsInput
{
    private readonly FeedbackInput _feedback = new();
    private readonly Option<string?> _rates = new("--rates") { Description = "Hourly rates per resource, role or team: a CSV 'ATTRIBUTE,hourly_rate' (value * = default) or a YAML cost model with standard times and fixed costs." };
    private readonly Option<string[]> _standard = new("--standard-time") { Description = "Standard handling time of an activity, 'Activity=12m' (repeatable); used where the log has no start times.", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string?> _rules = new("--rules") { Description = "Compliance rules: a YAML rule file, or the name of a shipped example pack (" + string.Join(", ", RulePacks.Names) + ")." };
    private readonly Option<string?> _settings = new("--settings") { Description = "A YAML or JSON settings file: question thresholds and value classes." };
    private readonly Option<string[]> _threshold = new("--threshold") { Description = "A question threshold, 'NAME=VALUE' (repeatable): " + string.Join(", ", QuestionSettings.Names) + ".", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string[]> _value = new("--value") { Description = "The value class of a step, 'Step=VA|BVA|NVA' (repeatable); overrides the suggestion.", Arity = ArgumentArity.ZeroOrMore };
    private readonly Option<string?> _answers = new("--answers") { Description = "A question book (YAML): answers to generated questions, questions of your own, and the options they became." };
    private readonly Option<string?> _handoverBy = new("--handover-by") { Description = "Count hand-overs between values of this attribute (default org:resource; e.g. a team attribute)." };
    private readonly Option<int?> _minCases = new("--min-cases") { Description = "Scored cases each side needs for a satisfaction comparison (default 20)." };
    private readonly Option<double?> _fdr = new("--fdr") { Description = "False-discovery rate at which satisfaction gaps are flagged (default 0.05)." };
    private readonly Option<double?> _confidence = new("--confidence") { Description = "Confidence level of the intervals (default 0.95)." };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public StepsInput AddTo(Command command)
    {
        _feedback.AddTo(command);
        foreach (var option in new Option[] { _rates, _standard, _rules, _settings, _threshold, _value, _answers, _handoverBy, _minCases, _fdr, _confidence })
        {
            command.Options.Add(option);
        }

        return this;
    }

    /// <summary>The feedback file given, or null.</summary>
    public string? FeedbackPath(ParseResult parse) => _feedback.PathOf(parse);

    /// <summary>The rates file given, or null.</summary>
    public string? RatesPath(ParseResult parse) => parse.GetValue(_rates);

    /// <summary>The rules option as given.</summary>
    public string? RulesOption(ParseResult parse) => parse.GetValue(_rules);

    /// <summary>Reads every file named and builds the review options; warns on stderr about skipped feedback rows.</summary>
    public StepReviewOptions Options(ParseResult parse, CliContext context, Stepwise.Mining.Time.DurationMeasure measure)
    {
        var settings = parse.GetValue(_settings) is { } settingsFile ? StepSettingsFile.Read(settingsFile) : StepSettings.Default;
        var questions = settings.Questions;
        foreach (var clause in SurveyCommand.Split(parse.GetValue(_threshold)))
        {
            var (name, value) = Pair(clause, "--threshold", "NAME=VALUE");
            if (!QuestionSettings.Names.Contains(name, StringComparer.Ordinal))
            {
                throw new UserError($"--threshold: '{name}' is not a threshold; use one of {string.Join(", ", QuestionSettings.Names)}.");
            }

            questions = questions.With(name, value) ?? throw new UserError($"--threshold {name}: expected {QuestionSettings.Expected(name)}; found '{value}'.");
        }

        var classes = new Dictionary<string, ValueClass>(settings.ValueClasses, StringComparer.Ordinal);
        foreach (var clause in parse.GetValue(_value) ?? [])
        {
            var (step, value) = Pair(clause, "--value", "Step=VA|BVA|NVA");
            try
            {
                classes[step] = ValueSuggestion.Parse(value);
            }
            catch (FormatException ex)
            {
                throw new UserError("--value: " + ex.Message);
            }
        }

        var standard = StandardTimes(parse.GetValue(_standard));
        CostModel? cost = ReadCost(parse.GetValue(_rates), standard);

        string handoverBy = parse.GetValue(_handoverBy) ?? "org:resource";
        var satisfaction = new SatisfactionOptions
        {
            MinCases = parse.GetValue(_minCases) is { } min ? (min >= 2 ? min : throw new UserError("--min-cases must be at least 2.")) : 20,
            FalseDiscoveryRate = parse.GetValue(_fdr) is { } fdr ? (fdr is > 0 and < 1 ? fdr : throw new UserError("--fdr must be between 0 and 1, e.g. 0.05.")) : 0.05,
            Confidence = parse.GetValue(_confidence) is { } c ? (c is > 0 and < 1 ? c : throw new UserError("--confidence must be between 0 and 1, e.g. 0.95.")) : 0.95,
            HandoverBy = handoverBy,
        };

        return new StepReviewOptions
        {
            Measure = measure,
            HandoverBy = handoverBy,
            Feedback = _feedback.Read(parse, context),
            Link = _feedback.Link(parse),
            Satisfaction = satisfaction,
            Cost = cost,
            Handling = new HandlingTimeOptions { StandardTimes = standard },
            Rules = ReadRules(parse.GetValue(_rules)),
            Settings = new StepSettings(questions, classes),
            Questions = parse.GetValue(_answers) is { } book ? QuestionBookFile.Read(book) : null,
        };
    }

    /// <summary>Checks that every attribute the options name is in the log, so a typo is reported plainly.</summary>
    public static void CheckAttributes(EventLog log, StepReviewOptions options)
    {
        foreach (var (attribute, option) in new[] { (options.HandoverBy, "--handover-by"), (options.Link.CustomerAttribute, "--customer-attribute") })
        {
            if (attribute is not null && !Stepwise.Mining.Attributes.AttributeCodes.Exists(log, attribute))
            {
                throw new UserError($"{option}: the log has no attribute '{attribute}'; it has: {string.Join(", ", log.CaseAttributes.Select(a => a.Name).Concat(log.EventAttributes.Select(a => a.Name)).Append("org:resource"))}.");
            }
        }
    }

    /// <summary>Standard handling times from repeated 'Activity=12m' clauses.</summary>
    internal static Dictionary<string, TimeSpan> StandardTimes(string[]? clauses)
    {
        var standard = new Dictionary<string, TimeSpan>(StringComparer.Ordinal);
        foreach (var clause in clauses ?? [])
        {
            var (activity, value) = Pair(clause, "--standard-time", "Activity=12m");
            standard[activity] = LogInput.Duration(value, "--standard-time " + activity);
        }

        return standard;
    }

    /// <summary>Reads the rates file (null when none) with the standard times given on the command line merged in.</summary>
    internal static CostModel? ReadCost(string? ratesFile, IReadOnlyDictionary<string, TimeSpan> standard)
    {
        CostModel? cost = ratesFile is null ? null : CostModelFile.Read(ratesFile);
        if (cost is not null && standard.Count > 0)
        {
            var merged = new Dictionary<string, TimeSpan>(cost.Handling.StandardTimes, StringComparer.Ordinal);
            foreach (var (activity, time) in standard)
            {
                merged[activity] = time;
            }

            cost = cost with { Handling = cost.Handling with { StandardTimes = merged } };
        }

        return cost;
    }

    /// <summary>A rule file, or the name of a shipped pack; null when none was given.</summary>
    internal static RulePack? ReadRules(string? rules)
    {
        if (rules is null)
        {
            return null;
        }

        if (File.Exists(rules))
        {
            return RuleFile.Read(rules);
        }

        string name = Path.GetFileNameWithoutExtension(rules);
        return RulePacks.Exists(name) && !rules.Contains('/', StringComparison.Ordinal) && !rules.Contains('\\', StringComparison.Ordinal)
            ? RulePacks.Load(name)
            : throw new UserError($"--rules: '{rules}' is neither a rule file nor a shipped pack ({string.Join(", ", RulePacks.Names)}).");
    }

    private static (string Name, string Value) Pair(string clause, string option, string form)
    {
        int eq = clause.LastIndexOf('=');
        if (eq <= 0 || eq == clause.Length - 1)
        {
            throw new UserError($"{option} '{clause}' must be {form}.");
        }

        return (clause[..eq].Trim(), clause[(eq + 1)..].Trim());
    }
}

