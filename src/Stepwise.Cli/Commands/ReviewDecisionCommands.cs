using System.CommandLine;
using Stepwise.Cli.Output;
using Stepwise.Workbench.Decisions;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise review recommend | withdraw</c>: recommendations put to the accountable stakeholders for sign-off.</summary>
internal static class ReviewDecisionCommands
{
    public static Command Recommend(ReviewOptions o)
    {
        var title = new Option<string>("--title") { Description = "A short title (a recommendation with this title is changed).", Required = true };
        var options = ReviewVerb.Many("--option", "An option recommended (title or id; repeat).");
        var rationale = new Option<string>("--rationale") { Description = "Why.", Required = true };
        var evidence = ReviewVerb.Many("--evidence", "Other evidence in words (repeat); simulations, the matrix and cost-benefit are added by themselves.");
        return ReviewVerb.Create(o, "recommend", "Put a recommendation forward (from stage Evaluate on): options to take up, why, and the evidence (each option's simulation, matrix place and cost-benefit added with their data hashes). Sign it with 'review signoff --artefact recommendation'.", (session, reviewId, parse, _, _) =>
            Render(session.Bench.Decisions.Recommend(session.Actor, reviewId, new RecommendationRequest { Title = parse.GetValue(title)!, Options = parse.GetValue(options) ?? [], Rationale = parse.GetValue(rationale)!, Evidence = parse.GetValue(evidence) ?? [] })),
            title, options, rationale, evidence);
    }

    public static Command Withdraw(ReviewOptions o)
    {
        var recommendation = new Argument<string>("recommendation") { Description = "The recommendation's title or id." };
        return ReviewVerb.Create(o, "withdraw", "Withdraw a recommendation; it can no longer be signed.", (session, reviewId, parse, _, _) =>
            Render(session.Bench.Decisions.Withdraw(session.Actor, reviewId, parse.GetValue(recommendation)!)), recommendation);
    }

    private static Report Render(RecommendationSummary summary)
    {
        var r = summary.Recommendation;
        var record = new ResultRecord("recommendation", "Recommendation")
            .Add("id", r.Value.Id.ToString("D"))
            .Add("title", r.Value.Title)
            .Add("options", string.Join("; ", summary.Options))
            .Add("status", r.Value.Status.ToString())
            .Add("version", r.Version, CellKind.Integer)
            .Add("hash", r.Hash.Hex)
            .Add("agreed", summary.Agreement.IsAgreed, CellKind.Boolean)
            .Add("agreement", summary.Agreement.IsAgreed ? "agreed" : summary.Agreement.Reason);
        var evidence = new ResultTable("evidence", [new("evidence"), new("source"), new("data_sha256")], "Evidence");
        foreach (var e in r.Value.Evidence)
        {
            evidence.Add(e.Summary, e.Source, e.DataHash?.Hex);
        }

        return new Report().Add(record).Add(evidence);
    }
}
