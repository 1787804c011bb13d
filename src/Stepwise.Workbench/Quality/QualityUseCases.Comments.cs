using Stepwise.Review.Access;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Quality;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Reports;

namespace Stepwise.Workbench.Quality;

/// <summary>The comments of an analysis as people may see them.</summary>
public sealed partial class QualityUseCases
{
    /// <summary>
    /// The themes of the comments of an analysis (the latest when <paramref name="analysis"/> is null), most frequent
    /// first, with their quotes as the reports show them: free text redacted (the names of the review's stakeholders
    /// and members too, beyond what the analysis already removed) and response ids replaced by the review's pseudonyms,
    /// the same as in every report of the review. Null when the review has no analysis.
    /// </summary>
    public ShownComments? Comments(Actor actor, Guid reviewId, string? analysis = null)
    {
        _bench.Guard.Require(actor, reviewId, Permission.Read);
        RequireQuality(reviewId);
        var chosen = analysis is null
            ? _bench.Workspace.List<QualityAnalysis>(reviewId).OrderBy(a => a.Value.At).ThenBy(a => a.Value.Title, StringComparer.Ordinal).LastOrDefault()
            : FindAnalysis(reviewId, analysis, "analysis");
        if (chosen is null)
        {
            return null;
        }

        var shown = Shown(actor, reviewId, chosen.Value.Title);
        var themes = chosen.Value.Themes.OrderByDescending(t => t.Comments).ThenBy(t => t.Name, StringComparer.Ordinal)
            .Select(t => t with { Quotes = [.. t.Quotes.Select(q => q with { Text = shown.Clean(q.Text), ResponseId = shown.Id(q.ResponseId) })] })
            .ToList();
        return new ShownComments(chosen, themes);
    }

    /// <summary>
    /// How text from the responses is shown to the review's readers: redacted, the names of its stakeholders and
    /// members too, and response ids replaced by the pseudonyms every report of the review uses.
    /// </summary>
    private ReportContext Shown(Actor actor, Guid reviewId, string title)
    {
        var names = _bench.Workspace.List<Review.People.Stakeholder>(reviewId).Select(s => s.Value.Name)
            .Concat(_bench.Reviews.Members(actor, reviewId).Select(m => m.DisplayName));
        return new ReportContext(reviewId, title, DateOnly.MinValue, includePersonalData: false, names);
    }
}

/// <summary>The comments of an analysis as shown: its themes with redacted quotes and pseudonymised response ids.</summary>
/// <param name="Analysis">The analysis.</param>
/// <param name="Themes">Its themes, most frequent first, quotes redacted.</param>
public sealed record ShownComments(Versioned<QualityAnalysis> Analysis, IReadOnlyList<CommentTheme> Themes);
