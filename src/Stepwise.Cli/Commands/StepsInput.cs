using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Mining;
using Stepwise.Steps.Compliance;
using Stepwise.Steps.Costing;
using Stepwise.Steps.Questions;
using Stepwise.Workbench.Steps;

namespace Stepwise.Cli.Commands;

/// <summary>
/// The options <c>stepwise steps</c> and <c>stepwise questions</c> share beyond the log's: feedback and how it links
/// to cases, rates, rules, settings, thresholds, value classes and answers, parsed into the layer's
/// <see cref="StepReviewRequest"/>, which owns their defaults and validation.
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

    /// <summary>The step review's request the command line asks for.</summary>
    public StepReviewRequest Request(ParseResult parse) => _feedback.Fill(parse, new StepReviewRequest
    {
        Rates = parse.GetValue(_rates),
        StandardTime = parse.GetValue(_standard) ?? [],
        Rules = parse.GetValue(_rules),
        Settings = parse.GetValue(_settings),
        Threshold = parse.GetValue(_threshold) ?? [],
        Value = parse.GetValue(_value) ?? [],
        Answers = parse.GetValue(_answers),
        HandoverBy = parse.GetValue(_handoverBy),
        MinCases = parse.GetValue(_minCases),
        Fdr = parse.GetValue(_fdr),
        Confidence = parse.GetValue(_confidence),
    });

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
