using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Statistics.Feedback;
using Stepwise.Steps.Satisfaction;
using Stepwise.Workbench.Feedback;

namespace Stepwise.Cli.Commands;

/// <summary>
/// The options that read survey responses and link them to the cases of a log, shared by the verbs that measure
/// satisfaction (<c>steps</c>, <c>questions</c>, <c>monitor</c>): the file, its columns and scale, the score, and how
/// responses link (by case id, or by customer and time).
/// </summary>
internal sealed class FeedbackInput
{
    private readonly Option<string?> _feedback = new("--feedback") { Description = "Survey responses (CSV/TSV) to link to cases: an overall score, item scores, comments, and a case id or a customer id and date." };
    private readonly Option<string?> _caseId = new("--feedback-case-id") { Description = "Feedback column of the case id (detected when omitted)." };
    private readonly Option<string?> _customerId = new("--feedback-customer-id") { Description = "Feedback column of the customer id (detected when omitted)." };
    private readonly Option<string?> _date = new("--feedback-date") { Description = "Feedback column of the response date (detected when omitted)." };
    private readonly Option<string?> _overall = new("--feedback-overall") { Description = "Feedback column of the overall score (detected when omitted)." };
    private readonly Option<string?> _scale = new("--feedback-scale") { Description = "Scale of the overall score, e.g. 0-10 (detected when omitted)." };
    private readonly Option<string?> _score = new("--score") { Description = "The score to analyse: the overall score (default) or an item column." };
    private readonly Option<bool> _skipBad = new("--feedback-skip-bad-rows") { Description = "Skip feedback rows with bad values and report them, instead of rejecting the file." };
    private readonly Option<string?> _customer = new("--customer-attribute") { Description = "Log attribute holding the customer id: responses without a case id link to the customer's case that ended last before the response." };
    private readonly Option<string?> _window = new("--link-window") { Description = "How long after its case a response may come to link by customer (default 14d)." };

    /// <summary>Adds the options to <paramref name="command"/>.</summary>
    public FeedbackInput AddTo(Command command)
    {
        foreach (var option in new Option[] { _feedback, _caseId, _customerId, _date, _overall, _scale, _score, _skipBad, _customer, _window })
        {
            command.Options.Add(option);
        }

        return this;
    }

    /// <summary>The feedback file given, or null.</summary>
    public string? PathOf(ParseResult parse) => parse.GetValue(_feedback);

    /// <summary>The log attribute holding the customer id, or null.</summary>
    public string? CustomerAttribute(ParseResult parse) => parse.GetValue(_customer);

    /// <summary>The request with the feedback options the command line asks for (a step review's, a monitoring
    /// run's, or the feedback fields alone).</summary>
    public T Fill<T>(ParseResult parse, T request)
        where T : FeedbackLinkRequest => (T)(((FeedbackLinkRequest)request) with
        {
            Feedback = parse.GetValue(_feedback),
            FeedbackCaseId = parse.GetValue(_caseId),
            FeedbackCustomerId = parse.GetValue(_customerId),
            FeedbackDate = parse.GetValue(_date),
            FeedbackOverall = parse.GetValue(_overall),
            FeedbackScale = parse.GetValue(_scale),
            Score = parse.GetValue(_score),
            FeedbackSkipBadRows = parse.GetValue(_skipBad),
            CustomerAttribute = parse.GetValue(_customer),
            LinkWindow = parse.GetValue(_window),
        });

    /// <summary>How responses link to cases.</summary>
    /// <exception cref="Stepwise.Workbench.Problems.StepwiseException">The link window is not a duration.</exception>
    public FeedbackLinkOptions Link(ParseResult parse) => Fill(parse, new FeedbackLinkRequest()).LinkOptions();

    /// <summary>Reads the feedback file, or returns null when none was given; warns on standard error about skipped rows.</summary>
    public FeedbackTable? Read(ParseResult parse, CliContext context)
    {
        var warnings = new List<string>();
        var import = Fill(parse, new FeedbackLinkRequest()).ReadFeedback(warnings);
        foreach (string warning in warnings)
        {
            context.Warn(warning);
        }

        return import?.Table;
    }
}
