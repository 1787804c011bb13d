using Stepwise.Workbench.Reviews;
using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Review.Artefacts;
using Stepwise.Review.SignOffs;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise review signoff</c>: a stakeholder approves or rejects the current version of an artefact.</summary>
internal static class ReviewSignOffCommand
{
    public static Command Create(ReviewOptions o)
    {
        var id = new Argument<string>("review") { Description = "The review id (or a unique prefix of it)." };
        var artefact = new Option<string>("--artefact")
        {
            Description = "What is signed: scope, plan, or recommendation (recommendation:ID when there are several); in a quality review, plan (the measurement plan) or action (action:ID when there are several).",
            DefaultValueFactory = _ => "scope",
        };
        var stakeholder = new Option<string?>("--stakeholder") { Description = "Whose decision: a stakeholder's name or id (default: the stakeholder bound to your account)." }.RefuseControlCharacters();
        var reject = new Option<string?>("--reject") { Description = "Reject, with this reason (approves when absent)." };
        var version = new Option<long?>("--version") { Description = "The version you read (default: the current one); a newer version is refused with what changed." };
        var hash = new Option<string?>("--hash") { Description = "The content hash of the version you read, as 'review show' prints it." };
        var onBehalf = new Option<string?>("--on-behalf-reason") { Description = "Record someone else's decision (owners only), with the reason: e.g. \"approved by e-mail on 3 March\"." };
        var command = new Command("signoff", "Record a stakeholder's approval (or rejection, with a reason) of the version of a scope, recommendation or plan they read. A stakeholder bound to your account signs as you; an owner may record another's decision on their behalf, with a reason.") { id, artefact, stakeholder, reject, version, hash, onBehalf };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            Guid reviewId = session.ResolveReview(parse.GetValue(id)!);
            string target = parse.GetValue(artefact)!.Trim();
            Guid? targetId = null;
            int colon = target.IndexOf(':', StringComparison.Ordinal);
            if (colon > 0)
            {
                string kind = target[..colon];
                targetId = Guid.TryParse(target[(colon + 1)..], out var rid) ? rid : throw new UserError($"--artefact '{target}': the part after '{kind}:' must be the id of the {kind}.");
                target = kind;
            }

            string? reason = parse.GetValue(reject);
            var state = session.Bench.Reviews.SignOff(session.Actor, reviewId, new SignOffRequest
            {
                Artefact = target,
                ArtefactId = targetId,
                Stakeholder = parse.GetValue(stakeholder),
                Decision = reason is null ? "approve" : "reject",
                Reason = reason,
                Version = parse.GetValue(version),
                ContentHash = parse.GetValue(hash),
                OnBehalfReason = parse.GetValue(onBehalf),
            });
            var signOff = state.SignOff;
            var agreement = session.Bench.Reviews.Agreement(session.Actor, reviewId, signOff.Artefact);
            var record = new ResultRecord("sign_off")
                .Add("artefact", signOff.Artefact.Kind.ToString())
                .Add("version", signOff.Version, CellKind.Integer)
                .Add("hash", signOff.ContentHash.Hex)
                .Add("name", signOff.Name)
                .Add("decision", signOff.Decision.ToString())
                .Add("entered_by", signOff.EnteredBy)
                .Add("on_behalf", signOff.OnBehalf, CellKind.Boolean)
                .Add("agreed", agreement.IsAgreed, CellKind.Boolean)
                .Add("agreement", agreement.IsAgreed ? "agreed" : agreement.Reason);
            return CommonOptions.Print(context, new Report().Add(record), parse.GetValue(o.Format));
        });
        return command;
    }
}
