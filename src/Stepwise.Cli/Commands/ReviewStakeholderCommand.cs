using Stepwise.Workbench.Reviews;
using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Review.People;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise review stakeholder</c>: add a stakeholder to a review.</summary>
internal static class ReviewStakeholderCommand
{
    public static Command Create(ReviewOptions o)
    {
        var id = new Argument<string>("review") { Description = "The review id (or a unique prefix of it)." };
        var name = new Option<string>("--name") { Description = "The person's name.", Required = true }.RefuseControlCharacters();
        var group = new Option<string>("--group") { Description = "front-line-staff, team-leaders, senior-managers, other-departments, service-partners or customers.", Required = true };
        var role = new Option<string>("--role") { Description = "responsible, accountable, consulted or informed.", Required = true };
        var position = new Option<string?>("--position") { Description = "Their job title or team." }.RefuseControlCharacters();
        var user = new Option<string?>("--account") { Description = "The user account they sign off and answer questions as (owners only); without one, their decisions are recorded on their behalf." };
        var command = new Command("stakeholder", "Add a stakeholder to a review (or change the one with that name), with their group, RACI role and account.") { id, name, group, role, position, user };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            Guid reviewId = session.ResolveReview(parse.GetValue(id)!);
            var saved = session.Bench.Reviews.SaveStakeholder(session.Actor, reviewId, new NewStakeholder
            {
                Name = parse.GetValue(name)!,
                Group = parse.GetValue(group)!,
                Role = parse.GetValue(role)!,
                Position = parse.GetValue(position),
                Account = parse.GetValue(user),
            });
            var record = new ResultRecord("stakeholder")
                .Add("id", saved.Value.Id.ToString("D"))
                .Add("name", saved.Value.Name)
                .Add("group", saved.Value.Group.ToString())
                .Add("role", saved.Value.Role.ToString())
                .Add("account", saved.Value.UserId is { } u ? session.Bench.Store.FindUser(u)?.Name : null)
                .Add("version", saved.Version, CellKind.Integer);
            return CommonOptions.Print(context, new Report().Add(record), parse.GetValue(o.Format));
        });
        return command;
    }
}
