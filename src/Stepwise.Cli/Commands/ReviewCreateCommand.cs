using Stepwise.Workbench.Reviews;
using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise review create</c>: a new process review at stage Scope.</summary>
internal static class ReviewCreateCommand
{
    public static Command Create(ReviewOptions o)
    {
        var title = new Option<string>("--title") { Description = "A short title.", Required = true };
        var owner = new Option<string?>("--owner") { Description = "Who owns the review, as people know them (default: your display name)." };
        var quality = new Option<bool>("--quality") { Description = "Create a quality review (of survey, QA and complaint results) instead of a process review." };
        var aims = new Option<string[]>("--aim") { Description = "An aim of the review (repeat for several)." };
        var command = new Command("create", "Create a process review (it starts at stage Scope), or with --quality a quality review; you become its owner.") { title, owner, aims, quality };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            var review = session.Bench.Reviews.Create(session.Actor, new NewReview
            {
                Title = parse.GetValue(title)!,
                Owner = parse.GetValue(owner),
                Aims = parse.GetValue(aims) ?? [],
                Quality = parse.GetValue(quality),
            });
            var record = new ResultRecord("review")
                .Add("id", review.Id.ToString("D"))
                .Add("type", review.Type == Review.Reviews.ReviewType.Process ? "process" : "quality")
                .Add("title", review.Title)
                .Add("owner", review.Owner)
                .Add("stage", review.Stage?.ToString())
                .Add("your_role", review.Role.ToString().ToLowerInvariant())
                .Add("version", review.Version, CellKind.Integer);
            return CommonOptions.Print(context, new Report().Add(record), parse.GetValue(o.Format));
        });
        return command;
    }
}
