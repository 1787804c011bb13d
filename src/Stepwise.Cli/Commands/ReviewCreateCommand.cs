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
        var owner = new Option<string>("--owner") { Description = "Who owns the review.", Required = true };
        var aims = new Option<string[]>("--aim") { Description = "An aim of the review (repeat for several)." };
        var command = new Command("create", "Create a process review (it starts at stage Scope).") { title, owner, aims };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            var review = session.Workspace.CreateReview(parse.GetValue(title)!, parse.GetValue(owner)!, parse.GetValue(aims) ?? [], session.By);
            var record = new ResultRecord("review")
                .Add("id", review.Value.Id.ToString("D"))
                .Add("title", review.Value.Title)
                .Add("owner", review.Value.Owner)
                .Add("stage", review.Value.Stage.ToString())
                .Add("version", review.Version, CellKind.Integer)
                .Add("hash", review.Hash.Hex);
            return CommonOptions.Print(context, new Report().Add(record), parse.GetValue(o.Format));
        });
        return command;
    }
}
