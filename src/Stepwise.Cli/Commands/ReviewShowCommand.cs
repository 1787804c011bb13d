using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Review.Artefacts;
using Stepwise.Review.People;
using Stepwise.Review.Scoping;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise review show</c>: a review with its scope, stakeholders, sign-offs and data sources.</summary>
internal static class ReviewShowCommand
{
    public static Command Create(ReviewOptions o)
    {
        var id = new Argument<string>("review") { Description = "The review id (or a unique prefix of it)." };
        var command = new Command("show", "Show a review: its stage, scope, stakeholders, sign-offs (stale ones marked) and data sources.") { id };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            var ws = session.Workspace;
            Guid reviewId = session.ResolveReview(parse.GetValue(id)!);
            if (session.Bench.Reviews.Get(session.Actor, reviewId).Type == Review.Reviews.ReviewType.Quality)
            {
                return CommonOptions.Print(context, QualityReport.Build(session.Bench.Quality.Show(session.Actor, reviewId)), parse.GetValue(o.Format));
            }

            var review = ws.GetReview(reviewId);
            var scope = ws.Find<Scope>(reviewId, reviewId);
            var agreement = ws.Agreement(reviewId, new ArtefactRef(ArtefactKind.Scope, reviewId));
            var record = new ResultRecord("review", "Review")
                .Add("id", reviewId.ToString("D"))
                .Add("title", review.Value.Title)
                .Add("owner", review.Value.Owner)
                .Add("aims", string.Join("; ", review.Value.Aims))
                .Add("stage", review.Value.Stage.ToString())
                .Add("version", review.Version, CellKind.Integer)
                .Add("scope_version", scope?.Version, CellKind.Integer)
                .Add("scope_agreed", agreement.IsAgreed, CellKind.Boolean)
                .Add("scope_agreement", agreement.IsAgreed ? "agreed" : agreement.Reason);

            var stakeholders = new ResultTable("stakeholders", [new("id"), new("name"), new("group"), new("role")], "Stakeholders");
            foreach (var s in ws.List<Stakeholder>(reviewId))
            {
                stakeholders.Add(s.Value.Id.ToString("D"), s.Value.Name, s.Value.Group.ToString(), s.Value.Role.ToString());
            }

            var signOffs = new ResultTable("sign_offs", [new("artefact"), new("version", CellKind.Integer), new("hash"), new("name"), new("group"), new("decision"), new("reason"), new("at", CellKind.Timestamp), new("stale", CellKind.Boolean)], "Sign-offs");
            foreach (var s in ws.SignOffs(reviewId))
            {
                signOffs.Add(s.SignOff.Artefact.Kind.ToString(), s.SignOff.Version, s.SignOff.ContentHash.Short, s.SignOff.Name, s.SignOff.Group.ToString(), s.SignOff.Decision.ToString(), s.SignOff.Reason, s.SignOff.At, s.IsStale);
            }

            var sources = new ResultTable("data_sources", [new("id"), new("kind"), new("file"), new("cases", CellKind.Integer), new("records", CellKind.Integer), new("sha256"), new("imported_at", CellKind.Timestamp), new("imported_by")], "Data sources");
            foreach (var d in ws.DataSources(reviewId))
            {
                sources.Add(d.Id.ToString("D"), d.Kind.ToString(), d.FileName, d.Cases, d.Records, d.ContentHash.Hex, d.ImportedAt, d.ImportedBy);
            }

            return CommonOptions.Print(context, new Report().Add(record).Add(stakeholders).Add(signOffs).Add(sources), parse.GetValue(o.Format));
        });
        return command;
    }
}
