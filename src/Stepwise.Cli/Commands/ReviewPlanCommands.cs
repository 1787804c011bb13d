using System.CommandLine;
using Stepwise.Cli.Output;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Planning;
using Stepwise.Workbench.Planning;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise review task | progress | go-live</c>: the implementation plan, its progress and when the change goes live.</summary>
internal static class ReviewPlanCommands
{
    public static Command TaskVerb(ReviewOptions o)
    {
        var title = new Option<string>("--title") { Description = "What to do (a task with this title is changed).", Required = true };
        var owner = new Option<string>("--owner") { Description = "Who owns it: a stakeholder, who may then update its status.", Required = true };
        var start = new Option<string?>("--start") { Description = "When work starts (yyyy-MM-dd)." };
        var due = new Option<string>("--due") { Description = "When it is due (yyyy-MM-dd).", Required = true };
        var dependsOn = ReviewVerb.Many("--depends-on", "A task that must be done first (title; repeat).");
        var recommendation = new Option<string?>("--recommendation") { Description = "The recommendation it carries out (default: the only proposed one)." };
        var responsible = ReviewVerb.Many("--responsible", "A stakeholder who does the work (repeat).");
        var accountable = new Option<string?>("--accountable") { Description = "The stakeholder who answers for it." };
        var consulted = ReviewVerb.Many("--consulted", "A stakeholder consulted (repeat).");
        var informed = ReviewVerb.Many("--informed", "A stakeholder informed (repeat).");
        var status = new Option<string?>("--status") { Description = "not-started, in-progress, done or blocked." };
        var note = new Option<string?>("--note") { Description = "A note on progress." };
        return ReviewVerb.Create(o, "task", "Add or change a task of the implementation plan (from stage Decide on): owner, dates, dependencies, the recommendation it carries out, and RACI.", (session, reviewId, parse, _, _) =>
            Render(session, reviewId, session.Bench.Plan.SaveTask(session.Actor, reviewId, new TaskRequest
            {
                Title = parse.GetValue(title)!,
                Owner = parse.GetValue(owner)!,
                Start = parse.GetValue(start),
                Due = parse.GetValue(due)!,
                DependsOn = parse.GetValue(dependsOn) ?? [],
                Recommendation = parse.GetValue(recommendation),
                Responsible = parse.GetValue(responsible) ?? [],
                Accountable = parse.GetValue(accountable),
                Consulted = parse.GetValue(consulted) ?? [],
                Informed = parse.GetValue(informed) ?? [],
                Status = parse.GetValue(status),
                Note = parse.GetValue(note),
            })), title, owner, start, due, dependsOn, recommendation, responsible, accountable, consulted, informed, status, note);
    }

    public static Command Progress(ReviewOptions o)
    {
        var task = new Argument<string>("task") { Description = "The task's title (or id prefix)." };
        var status = new Option<string>("--status") { Description = "not-started, in-progress, done or blocked.", Required = true };
        var note = new Option<string?>("--note") { Description = "A note, e.g. why it is blocked." };
        return ReviewVerb.Create(o, "progress", "Update a task's status (from stage Implement on): its owner may, as the stakeholder bound to their account, and so may owners and analysts.", (session, reviewId, parse, _, _) =>
            Render(session, reviewId, session.Bench.Plan.UpdateStatus(session.Actor, reviewId, new TaskStatusRequest { Task = parse.GetValue(task)!, Status = parse.GetValue(status)!, Note = parse.GetValue(note) })), task, status, note);
    }

    public static Command GoLive(ReviewOptions o)
    {
        var date = new Argument<string?>("date") { Description = "When the change goes live (ISO-8601: 2024-03-01, or 2024-03-01T06:00+01:00).", Arity = ArgumentArity.ZeroOrOne };
        var clear = new Option<bool>("--clear") { Description = "Clear the go-live date." };
        return ReviewVerb.Create(o, "go-live", "Set when the change goes live on the implementation plan (from stage Decide on); 'review monitor' splits the data at this date unless given another --change-date.", (session, reviewId, parse, _, _) =>
        {
            string? value = parse.GetValue(date);
            bool clearing = parse.GetValue(clear);
            if (clearing == (value is not null))
            {
                throw new Infrastructure.UserError(clearing ? "Give the go-live date or --clear, not both." : "Give the go-live date (e.g. 2024-03-01), or --clear to clear it.");
            }

            var plan = session.Bench.Plan.SetGoLive(session.Actor, reviewId, new GoLiveRequest { GoLive = value });
            return new Report().Add(new ResultRecord("plan", "Implementation plan")
                .Add("version", plan.Version, CellKind.Integer)
                .Add("go_live", plan.Value.GoLive, CellKind.Timestamp)
                .Add("tasks", plan.Value.Tasks.Count, CellKind.Integer)
                .Add("means", plan.Value.GoLive is null ? "no go-live date: give 'review monitor' a --change-date" : "'review monitor' splits the data at the go-live date unless given another --change-date"));
        }, date, clear);
    }

    /// <summary>The plan as a table: each task's dependencies by title, and its RACI by role letter and stakeholder name
    /// ("R: Tia Teamlead; A: Sam Sponsor"), as the review's own listing shows them.</summary>
    private static Report Render(ReviewSession session, Guid reviewId, Versioned<ImplementationPlan> plan)
    {
        var titles = plan.Value.Tasks.ToDictionary(t => t.Id, t => t.Title);
        var people = session.Bench.Reviews.Stakeholders(session.Actor, reviewId).ToDictionary(s => s.Value.Id, s => s.Value.Name);
        var table = new ResultTable("tasks", [new("task"), new("owner"), new("start"), new("due"), new("status"), new("depends_on"), new("raci")], $"Implementation plan, version {plan.Version}");
        foreach (var t in plan.Value.Tasks)
        {
            table.Add(t.Title, t.Owner, t.Start?.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), t.Due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Workbench.Problems.Validation.Kebab(t.Status.ToString()),
                string.Join(", ", t.DependsOn.Select(d => titles.GetValueOrDefault(d, "?"))), string.Join("; ", t.Raci.Select(x => $"{x.Role.ToString()[0]}: {people.GetValueOrDefault(x.StakeholderId, "?")}")));
        }

        return new Report().Add(table);
    }
}
