using System.CommandLine;
using Stepwise.Steps.Compliance;
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
    private readonly Option<string?> _feedback = new("--feedback") { Description = "Survey responses (CSV/TSV) to link to cases: an overall score, item scores, comments, and a case id or a customer id and date." };
    private readonly Option<string?> _caseId = new("--feedback-case-id") { Description = "Feedback column of the case id (detected when omitted)." };
    private readonly Option<string?> _customerId = new("--feedback-customer-id") { Description = "Feedback column of the customer id (detected when omitted)." };
    private readonly Option<string?> _date = new("--feedback-date") { Description = "Feedback column of the response date (detected when omitted)." };
    private readonly Option<string?> _overall = new("--feedback-overall") { Description = "Feedback column of the overall score (detected when omitted)." };
    private readonly Option<string?> _scale = new("--feedback-scale") { Description = "Scale of the overall score, e.g. 0-10 (detected when omitted)." };
    private readonly Option<string?> _score = new("--score") { Description = "The score to analyse: the overall score (default) or an item column." };
    private readonly Option<bool> _skipBadFeedback = new("--feedback-skip-bad-rows") { Description = "Skip feedback rows with bad values and report them, instead of rejecting the file." };
    private readonly Option<string?> _customer = new("--customer-attribute") { Description = "Log attribute holding the customer id: responses without a case id link to the customer's case that ended last before the response." };
    private readonly Option<string?> _window = new("--link-window") { Description = "How long after its case a response may come to link by customer (default 14d)." };
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
        foreach (var option in new Option[] { _feedback, _caseId, _customerId, _date, _overall, _scale, _score, _skipBadFeedback, _customer, _window, _rates, _standard, _rules, _settings, _threshold, _value, _answers, _handoverBy, _minCases, _fdr, _confidence })
        {
            command.Options.Add(option);
        }

        return this;
    }

    /// <summary>The step review's request the command line asks for.</summary>
    public StepReviewRequest Request(ParseResult parse) => new()
    {
        Feedback = parse.GetValue(_feedback),
        FeedbackCaseId = parse.GetValue(_caseId),
        FeedbackCustomerId = parse.GetValue(_customerId),
        FeedbackDate = parse.GetValue(_date),
        FeedbackOverall = parse.GetValue(_overall),
        FeedbackScale = parse.GetValue(_scale),
        Score = parse.GetValue(_score),
        FeedbackSkipBadRows = parse.GetValue(_skipBadFeedback),
        CustomerAttribute = parse.GetValue(_customer),
        LinkWindow = parse.GetValue(_window),
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
    };
}
