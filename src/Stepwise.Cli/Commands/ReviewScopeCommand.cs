using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Review.Scoping;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise review scope</c>: write or change a review's scope.</summary>
internal static class ReviewScopeCommand
{
    public static Command Create(ReviewOptions o)
    {
        var id = new Argument<string>("review") { Description = "The review id (or a unique prefix of it)." };
        var starts = new Option<string[]>("--start") { Description = "An activity cases must start with (repeat for several)." };
        var ends = new Option<string[]>("--end") { Description = "An activity cases must end with (repeat for several)." };
        var inScope = new Option<string[]>("--in") { Description = "What is in scope, in words (repeat)." };
        var outOfScope = new Option<string[]>("--out") { Description = "What is out of scope, in words (repeat)." };
        var allow = new Option<ChangeType[]>("--allow") { Description = "A kind of change allowed, e.g. Automate, RemoveStep, Resequence, Reassign, AddStaff, SelfService (any case; repeat)." };
        var budget = new Option<decimal?>("--budget") { Description = "The budget cap (one-off spend)." };
        var command = new Command("scope", "Write or change the scope of a review; a change makes earlier sign-offs of the scope stale.") { id, starts, ends, inScope, outOfScope, allow, budget };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            Guid reviewId = session.ResolveReview(parse.GetValue(id)!);
            var current = session.Workspace.Find<Scope>(reviewId, reviewId);
            var scope = current?.Value ?? new Scope { Id = reviewId };
            var filter = scope.Filter;
            if (parse.GetValue(starts) is { Length: > 0 } s)
            {
                filter = filter with { StartActivities = s };
            }

            if (parse.GetValue(ends) is { Length: > 0 } e)
            {
                filter = filter with { EndActivities = e };
            }

            scope = scope with { Filter = filter };
            if (parse.GetValue(inScope) is { Length: > 0 } i)
            {
                scope = scope with { InScope = i };
            }

            if (parse.GetValue(outOfScope) is { Length: > 0 } x)
            {
                scope = scope with { OutOfScope = x };
            }

            if (parse.GetValue(allow) is { Length: > 0 } a)
            {
                scope = scope with { Change = scope.Change with { AllowedChanges = a } };
            }

            if (parse.GetValue(budget) is { } b)
            {
                scope = scope with { Change = scope.Change with { BudgetCap = b } };
            }

            var saved = session.Workspace.Save(reviewId, scope, current?.Version ?? 0, session.By);
            var record = new ResultRecord("scope")
                .Add("review", reviewId.ToString("D"))
                .Add("version", saved.Version, CellKind.Integer)
                .Add("hash", saved.Hash.Hex)
                .Add("start_activities", string.Join("; ", saved.Value.Filter.StartActivities))
                .Add("end_activities", string.Join("; ", saved.Value.Filter.EndActivities))
                .Add("allowed_changes", string.Join(", ", saved.Value.Change.AllowedChanges))
                .Add("budget_cap", saved.Value.Change.BudgetCap, CellKind.Number);
            return CommonOptions.Print(context, new Report().Add(record), parse.GetValue(o.Format));
        });
        return command;
    }
}
