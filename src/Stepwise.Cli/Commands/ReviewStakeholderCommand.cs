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
        var group = new Option<StakeholderGroup>("--group") { Description = "FrontLineStaff, TeamLeaders, SeniorManagers, OtherDepartments, ServicePartners or Customers (any case).", Required = true };
        var role = new Option<RaciRole>("--role") { Description = "Responsible, Accountable, Consulted or Informed (any case).", Required = true };
        var position = new Option<string?>("--position") { Description = "Their job title or team." }.RefuseControlCharacters();
        var command = new Command("stakeholder", "Add a stakeholder to a review, with their group and RACI role.") { id, name, group, role, position };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            Guid reviewId = session.ResolveReview(parse.GetValue(id)!);
            var stakeholder = new Stakeholder
            {
                Id = session.Workspace.NewId(),
                Name = parse.GetValue(name)!,
                Group = parse.GetValue(group),
                Role = parse.GetValue(role),
                Position = parse.GetValue(position),
            };
            var saved = session.Workspace.Save(reviewId, stakeholder, 0, session.By);
            var record = new ResultRecord("stakeholder")
                .Add("id", saved.Value.Id.ToString("D"))
                .Add("name", saved.Value.Name)
                .Add("group", saved.Value.Group.ToString())
                .Add("role", saved.Value.Role.ToString());
            return CommonOptions.Print(context, new Report().Add(record), parse.GetValue(o.Format));
        });
        return command;
    }
}
