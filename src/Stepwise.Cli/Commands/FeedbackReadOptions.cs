using System.CommandLine;
using Stepwise.Workbench.Survey;

namespace Stepwise.Cli.Commands;

/// <summary>The options that say how a feedback file is read, shared by <c>survey</c> and <c>quality analyse</c>; they
/// become a <see cref="FeedbackReadRequest"/>, which checks them.</summary>
internal sealed class FeedbackReadOptions
{
    private readonly Option<string?> _id = SurveyCommand.Text("--id", "Response (respondent, review) id column.");
    private readonly Option<string?> _caseId = SurveyCommand.Text("--case-id", "Case (ticket) id column.");
    private readonly Option<string?> _customerId = SurveyCommand.Text("--customer-id", "Customer id column.");
    private readonly Option<string?> _date = SurveyCommand.Text("--date", "Response date column.");
    private readonly Option<string[]> _dateFormat = SurveyCommand.Many("--date-format", "Date format (.NET custom format, e.g. dd/MM/yyyy); repeatable.");
    private readonly Option<string?> _overall = SurveyCommand.Text("--overall", "Overall score column.");
    private readonly Option<string?> _overallScale = SurveyCommand.Text("--overall-scale", "Scale of the overall score, e.g. 1-10 (detected when omitted).");
    private readonly Option<string[]> _items = SurveyCommand.Many("--item", "Item score column; repeatable or comma-separated (detected when omitted).");
    private readonly Option<string?> _itemScale = SurveyCommand.Text("--item-scale", "Scale of every item, e.g. 1-5 (detected per item when omitted).");
    private readonly Option<string[]> _notApplicable = SurveyCommand.Many("--not-applicable", "Item value meaning 'not applicable', read as missing (e.g. 0).");
    private readonly Option<string[]> _comments = SurveyCommand.Many("--comment", "Comment column; repeatable, joined in order.");
    private readonly Option<string?> _nameColumn = SurveyCommand.Text("--name-column", "Respondent name column (used only to redact names from comments).");
    private readonly Option<string[]> _segments = SurveyCommand.Many("--segment", "Segment column; repeatable or comma-separated (detected when omitted).");
    private readonly Option<string[]> _measures = SurveyCommand.Many("--measure", "Numeric column that is not a rating (e.g. a delay in minutes).");
    private readonly Option<string?> _outcome = SurveyCommand.Text("--outcome", "Yes/no outcome column (recommended, satisfied, resolved).");
    private readonly Option<string[]> _outcomeYes = SurveyCommand.Many("--outcome-yes", "Outcome value meaning yes; repeatable. With --outcome-yes alone every other value is no.");
    private readonly Option<string[]> _outcomeNo = SurveyCommand.Many("--outcome-no", "Outcome value meaning no; repeatable. With --outcome-no alone every other value is yes; with both, other values are no answer.");
    private readonly Option<string?> _zipEntry = SurveyCommand.Text("--zip-entry", "The file to read inside a .zip that holds several.");
    private readonly Option<string[]> _ignore = SurveyCommand.Many("--ignore", "Column never to use; repeatable.");
    private readonly Option<string[]> _missing = SurveyCommand.Many("--missing", "Extra value meaning 'no answer'; repeatable.");
    private readonly Option<string?> _delimiter = SurveyCommand.Text("--delimiter", "Field delimiter: , ; tab or | (detected when omitted).");
    private readonly Option<string?> _encoding = SurveyCommand.Text("--encoding", "utf-8, utf-16, latin-1 or windows-1252 (by byte-order mark, else UTF-8, when omitted; a file that is not valid UTF-8 is refused, never guessed).");
    private readonly Option<bool> _skipBad = new("--skip-bad-rows") { Description = "Skip rows with bad values and list them, instead of rejecting the file." };
    private readonly Option<bool> _noDetect = new("--no-detect") { Description = "Use only the columns named in options; detect nothing." };

    /// <summary>Adds the options to a command.</summary>
    public void AddTo(Command command)
    {
        foreach (var option in new Option[] { _id, _caseId, _customerId, _date, _dateFormat, _overall, _overallScale, _items, _itemScale, _notApplicable, _comments, _nameColumn, _segments, _measures, _outcome, _outcomeYes, _outcomeNo, _ignore, _missing, _delimiter, _encoding, _zipEntry, _skipBad, _noDetect })
        {
            command.Options.Add(option);
        }
    }

    /// <summary>The request the options given make.</summary>
    public FeedbackReadRequest Request(ParseResult parse) => new()
    {
        Id = parse.GetValue(_id),
        CaseId = parse.GetValue(_caseId),
        CustomerId = parse.GetValue(_customerId),
        Date = parse.GetValue(_date),
        DateFormat = SurveyCommand.Split(parse.GetValue(_dateFormat)),
        Overall = parse.GetValue(_overall),
        OverallScale = parse.GetValue(_overallScale),
        Item = SurveyCommand.Split(parse.GetValue(_items)),
        ItemScale = parse.GetValue(_itemScale),
        NotApplicable = SurveyCommand.Split(parse.GetValue(_notApplicable)),
        Comment = SurveyCommand.Split(parse.GetValue(_comments)),
        NameColumn = parse.GetValue(_nameColumn),
        Segment = SurveyCommand.Split(parse.GetValue(_segments)),
        Measure = SurveyCommand.Split(parse.GetValue(_measures)),
        Outcome = parse.GetValue(_outcome),
        OutcomeYes = SurveyCommand.Split(parse.GetValue(_outcomeYes)),
        OutcomeNo = SurveyCommand.Split(parse.GetValue(_outcomeNo)),
        Ignore = SurveyCommand.Split(parse.GetValue(_ignore)),
        Missing = SurveyCommand.Split(parse.GetValue(_missing)),
        Delimiter = parse.GetValue(_delimiter),
        Encoding = parse.GetValue(_encoding),
        ZipEntry = parse.GetValue(_zipEntry),
        SkipBadRows = parse.GetValue(_skipBad),
        NoDetect = parse.GetValue(_noDetect),
    };
}
