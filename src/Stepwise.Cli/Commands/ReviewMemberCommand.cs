using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise review member</c>: who takes part in a review, and with which role.</summary>
internal static class ReviewMemberCommand
{
    public static Command Create(ReviewOptions o)
    {
        var command = new Command("member", "List a review's members, or (owners) add, change or remove one: roles are owner, analyst, approver, contributor and viewer.");
        command.Subcommands.Add(List(o));
        command.Subcommands.Add(Add(o));
        command.Subcommands.Add(Remove(o));
        return command;
    }

    private static Command List(ReviewOptions o)
    {
        var id = new Argument<string>("review") { Description = "The review id (or a unique prefix of it)." };
        var command = new Command("list", "List the members of a review and what each may do.") { id };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            Guid reviewId = session.ResolveReview(parse.GetValue(id)!);
            var table = new ResultTable("members", [new("user"), new("name"), new("role"), new("may")]);
            foreach (var m in session.Bench.Reviews.Members(session.Actor, reviewId))
            {
                table.Add(m.UserName, m.DisplayName, m.Role.ToString().ToLowerInvariant(), string.Join(", ", m.Permissions.Select(p => p.ToString().ToLowerInvariant())));
            }

            return CommonOptions.Print(context, new Report().Add(table), parse.GetValue(o.Format));
        });
        return command;
    }

    private static Command Add(ReviewOptions o)
    {
        var id = new Argument<string>("review") { Description = "The review id (or a unique prefix of it)." };
        var user = new Argument<string>("user") { Description = "The account's user name." };
        var role = new Option<string>("--role") { Description = "owner, analyst, approver, contributor or viewer.", Required = true };
        var command = new Command("add", "Give an account a role in the review, or change its role (owners only).") { id, user, role };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            Guid reviewId = session.ResolveReview(parse.GetValue(id)!);
            var m = session.Bench.Reviews.SetMember(session.Actor, reviewId, new NewMember { User = parse.GetValue(user)!, Role = parse.GetValue(role)! });
            var record = new ResultRecord("member").Add("user", m.UserName).Add("name", m.DisplayName).Add("role", m.Role.ToString().ToLowerInvariant()).Add("version", m.Version, CellKind.Integer);
            return CommonOptions.Print(context, new Report().Add(record), parse.GetValue(o.Format));
        });
        return command;
    }

    private static Command Remove(ReviewOptions o)
    {
        var id = new Argument<string>("review") { Description = "The review id (or a unique prefix of it)." };
        var user = new Argument<string>("user") { Description = "The account's user name." };
        var command = new Command("remove", "Remove an account from the review (owners only); the history keeps their name.") { id, user };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            Guid reviewId = session.ResolveReview(parse.GetValue(id)!);
            session.Bench.Reviews.RemoveMember(session.Actor, reviewId, parse.GetValue(user)!);
            var record = new ResultRecord("member").Add("user", parse.GetValue(user)!).Add("removed", true, CellKind.Boolean);
            return CommonOptions.Print(context, new Report().Add(record), parse.GetValue(o.Format));
        });
        return command;
    }
}
