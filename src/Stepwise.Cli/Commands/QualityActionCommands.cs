using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Workbench.Quality;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise quality action</c> and <c>quality brief</c>: agreed actions and the audiences results went to.</summary>
internal static class QualityActionCommands
{
    public static Command Action(ReviewOptions o)
    {
        var id = QualityCommand.ReviewArgument();
        var title = new Option<string>("--title") { Description = "What will be done (an action with this title is changed).", Required = true };
        var finding = SurveyCommand.Many("--finding", "A finding it answers: its id or subject; repeatable.");
        var owner = new Option<string?>("--owner") { Description = "Who does it." };
        var due = new Option<string?>("--due") { Description = "When it is due (yyyy-MM-dd)." };
        var measure = new Option<string?>("--measure") { Description = "What success looks like." };
        var status = new Option<string?>("--status") { Description = "not-started, in-progress, done or blocked." };
        var note = new Option<string?>("--note") { Description = "A note on progress." };
        var command = new Command("action", "Agree an action in answer to findings, with an owner and a due date, or record its progress; sign it with 'review signoff REVIEW action'.") { id, title, finding, owner, due, measure, status, note };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            Guid reviewId = session.ResolveReview(parse.GetValue(id)!);
            var saved = session.Bench.Quality.SaveAction(session.Actor, reviewId, new ActionRequest
            {
                Title = parse.GetValue(title)!,
                Finding = [.. parse.GetValue(finding) ?? []],
                Owner = parse.GetValue(owner),
                Due = parse.GetValue(due),
                Measure = parse.GetValue(measure),
                Status = parse.GetValue(status),
                Note = parse.GetValue(note),
            });
            var record = new ResultRecord("action")
                .Add("id", saved.Value.Id.ToString("D"))
                .Add("title", saved.Value.Title)
                .Add("owner", saved.Value.Owner)
                .Add("due", saved.Value.Due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture))
                .Add("status", Workbench.Problems.Validation.Kebab(saved.Value.Status.ToString()))
                .Add("measure", saved.Value.Measure)
                .Add("note", saved.Value.Note)
                .Add("version", saved.Version, CellKind.Integer)
                .Add("hash", saved.Hash.Hex);
            return CommonOptions.Print(context, new Report().Add(record), parse.GetValue(o.Format));
        });
        return command;
    }

    public static Command Brief(ReviewOptions o)
    {
        var id = QualityCommand.ReviewArgument();
        var audience = new Option<string>("--audience") { Description = "front-line-staff, team-leaders, senior-managers, other-departments, service-partners or customers.", Required = true };
        var recipients = new Option<string?>("--recipients") { Description = "Who in it, e.g. \"cabin crew of the London base\"." };
        var message = new Option<string>("--message") { Description = "What they were told.", Required = true };
        var channel = new Option<string>("--channel") { Description = "How: team meeting, e-mail, report, intranet, workshop, ...", Required = true };
        var at = new Option<string?>("--at") { Description = "When (yyyy-MM-dd or an ISO 8601 time; now when omitted)." };
        var analysis = SurveyCommand.Many("--analysis", "An analysis whose results were given (its title); repeatable.");
        var finding = SurveyCommand.Many("--finding", "A finding given (its id or subject); repeatable.");
        var action = SurveyCommand.Many("--action", "An action given (its title); repeatable.");
        var command = new Command("brief", "Record which audience received which results (analyses, findings, actions), when and how.") { id, audience, recipients, message, channel, at, analysis, finding, action };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            Guid reviewId = session.ResolveReview(parse.GetValue(id)!);
            var saved = session.Bench.Quality.RecordBriefing(session.Actor, reviewId, new BriefingRequest
            {
                Audience = parse.GetValue(audience)!,
                Recipients = parse.GetValue(recipients),
                Message = parse.GetValue(message)!,
                Channel = parse.GetValue(channel)!,
                At = parse.GetValue(at),
                Analysis = [.. parse.GetValue(analysis) ?? []],
                Finding = [.. parse.GetValue(finding) ?? []],
                Action = [.. parse.GetValue(action) ?? []],
            });
            var record = new ResultRecord("briefing")
                .Add("id", saved.Value.Id.ToString("D"))
                .Add("audience", Workbench.Problems.Validation.Kebab(saved.Value.Audience.ToString()))
                .Add("recipients", saved.Value.Recipients)
                .Add("channel", saved.Value.Channel)
                .Add("at", saved.Value.At, CellKind.Timestamp)
                .Add("analyses", saved.Value.AnalysisIds.Count, CellKind.Integer)
                .Add("findings", saved.Value.FindingIds.Count, CellKind.Integer)
                .Add("actions", saved.Value.ActionIds.Count, CellKind.Integer);
            return CommonOptions.Print(context, new Report().Add(record), parse.GetValue(o.Format));
        });
        return command;
    }
}
