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
            Description = "What is signed: scope, plan, or recommendation:ID.",
            DefaultValueFactory = _ => "scope",
        };
        var stakeholder = new Option<string>("--stakeholder") { Description = "The signer: a stakeholder's name or id.", Required = true }.RefuseControlCharacters();
        var reject = new Option<string?>("--reject") { Description = "Reject, with this reason (approves when absent)." };
        var command = new Command("signoff", "Record a stakeholder's approval (or rejection, with a reason) of the current version of a scope, recommendation or plan.") { id, artefact, stakeholder, reject };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            Guid reviewId = session.ResolveReview(parse.GetValue(id)!);
            var target = Target(parse.GetValue(artefact)!, reviewId);
            var current = session.Workspace.CurrentVersion(reviewId, target);
            if (current is not { } version)
            {
                throw new UserError($"The review has no {target.Kind} to sign yet.");
            }

            string? reason = parse.GetValue(reject);
            var decision = reason is null ? SignOffDecision.Approved : SignOffDecision.Rejected;
            var signOff = session.Workspace.SignOff(reviewId, target, version, session.ResolveStakeholder(reviewId, parse.GetValue(stakeholder)!), decision, reason, session.By);
            var agreement = session.Workspace.Agreement(reviewId, target);
            var record = new ResultRecord("sign_off")
                .Add("artefact", target.Kind.ToString())
                .Add("version", signOff.Version, CellKind.Integer)
                .Add("hash", signOff.ContentHash.Hex)
                .Add("name", signOff.Name)
                .Add("decision", signOff.Decision.ToString())
                .Add("agreed", agreement.IsAgreed, CellKind.Boolean)
                .Add("agreement", agreement.IsAgreed ? "agreed" : agreement.Reason);
            return CommonOptions.Print(context, new Report().Add(record), parse.GetValue(o.Format));
        });
        return command;
    }

    private static ArtefactRef Target(string text, Guid reviewId)
    {
        string t = text.Trim();
        if (string.Equals(t, "scope", StringComparison.OrdinalIgnoreCase))
        {
            return new ArtefactRef(ArtefactKind.Scope, reviewId);
        }

        if (string.Equals(t, "plan", StringComparison.OrdinalIgnoreCase))
        {
            return new ArtefactRef(ArtefactKind.ImplementationPlan, reviewId);
        }

        const string prefix = "recommendation:";
        if (t.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && Guid.TryParse(t[prefix.Length..], out var id))
        {
            return new ArtefactRef(ArtefactKind.Recommendation, id);
        }

        throw new UserError($"--artefact '{text}' is not scope, plan or recommendation:ID.");
    }
}
