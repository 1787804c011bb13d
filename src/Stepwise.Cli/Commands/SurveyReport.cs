using System.Globalization;
using Stepwise.Cli.Output;
using Stepwise.Statistics.Targets;

using Stepwise.Workbench.Survey;

namespace Stepwise.Cli.Commands;

/// <summary>Lays out a <see cref="SurveyResult"/> as the records and tables the CLI prints.</summary>
internal static class SurveyReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Builds the report of the sections asked for.</summary>
    public static Report Build(SurveyResult result, SurveySection sections)
    {
        ArgumentNullException.ThrowIfNull(result);
        var report = new Report();
        var t = result.Import.Table;
        if (sections.HasFlag(SurveySection.Summary))
        {
            var import = new ResultRecord("import", "Import")
                .Add("file", t.Source)
                .Add("encoding", result.Import.Encoding)
                .Add("rows_read", result.Import.RowsRead, CellKind.Integer)
                .Add("responses", t.Count, CellKind.Integer)
                .Add("bad_rows_skipped", result.Import.BadRows.Select(b => b.Line).Distinct().Count(), CellKind.Integer)
                .Add("response_id", result.Import.Mapping.ResponseId ?? "(line number)")
                .Add("overall", t.Overall is null ? null : $"{t.Overall.Name} ({t.Overall.Scale})")
                .Add("outcome", t.OutcomeName)
                .Add("items", t.Items.Count, CellKind.Integer)
                .Add("comments", t.Comments is null ? null : string.Join(" + ", result.Import.Mapping.Comments))
                .Add("segments", string.Join(", ", t.Segments.Select(s => s.Name)))
                .Add("date", result.Import.Mapping.Date);
            if (result.Import.Shortfall() is { } shortfall)
            {
                import.Add("columns_seen", string.Join(", ", result.Import.Columns)).Add("needs", shortfall);
            }

            report.Add(import);
            if (result.Import.BadRows.Count > 0)
            {
                var bad = new ResultTable("bad_rows", [new("line", CellKind.Integer), new("column"), new("problem")], "Rows skipped");
                foreach (var row in result.Import.BadRows)
                {
                    bad.Add(row.Line, row.Column, row.Value is null ? row.Problem : $"'{row.Value}': {row.Problem}");
                }

                report.Add(bad);
            }

            var summary = new ResultTable("summary", [
                new("measure"), new("role"), new("scale"), new("n", CellKind.Integer), new("mean", CellKind.Number), new("mean_low", CellKind.Number), new("mean_high", CellKind.Number),
                new("top2_share", CellKind.Share, "top2/yes"), new("share_low", CellKind.Share), new("share_high", CellKind.Share)],
                $"Scores at {(result.Measures.FirstOrDefault()?.Share.Confidence ?? 0.95) * 100:0}% confidence (t intervals for means, Wilson for shares)");
            foreach (var m in result.Measures)
            {
                summary.Add(m.Measure, m.Role, m.Scale?.ToString(), m.Share.Count, Nan(m.Mean.Value), Nan(m.Mean.Lower), Nan(m.Mean.Upper), Nan(m.Share.Value), Nan(m.Share.Lower), Nan(m.Share.Upper));
            }

            var nps = result.Measures.FirstOrDefault(m => m.Nps is not null)?.Nps;
            if (nps is not null)
            {
                summary.Notes.Add(string.Create(Invariant, $"NPS of {result.Measures[0].Measure}: {nps.Score.Value:0.0} [{nps.Score.Lower:0.0}, {nps.Score.Upper:0.0}] (promoters {ReportWriter.FormatShare(nps.Promoters)}, passives {ReportWriter.FormatShare(nps.Passives)}, detractors {ReportWriter.FormatShare(nps.Detractors)})"));
            }

            report.Add(summary);
            if (result.Distribution is { } d)
            {
                var dist = new ResultTable("distribution", [new("score", CellKind.Integer), new("count", CellKind.Integer), new("share", CellKind.Share)], $"Distribution of {t.Overall!.Name}");
                for (int k = 0; k < d.Counts.Count; k++)
                {
                    dist.Add(d.Scale.Min + k, d.Counts[k], d.Answered == 0 ? double.NaN : (double)d.Counts[k] / d.Answered);
                }

                if (d.Missing > 0)
                {
                    dist.Notes.Add($"{d.Missing} responses without a score");
                }

                report.Add(dist);
            }
        }

        if (sections.HasFlag(SurveySection.Drivers) && result.Drivers is { } drivers)
        {
            var table = new ResultTable("drivers", [
                new("item"), new("n", CellKind.Integer), new("correlation", CellKind.Number), new("rank_correlation", CellKind.Number), new("beta", CellKind.Number),
                new("relative_weight", CellKind.Number, Decimals: 3), new("importance", CellKind.Share), new("mean", CellKind.Number), new("performance", CellKind.Number, Decimals: 0),
                new("top2_share", CellKind.Share), new("quadrant")],
                $"Key drivers of {drivers.Outcome}");
            foreach (var x in drivers.Drivers)
            {
                table.Add(x.Item, x.Answered, Nan(x.Correlation), Nan(x.RankCorrelation), Nan(x.Beta), Nan(x.RelativeWeight), Nan(x.Importance), Nan(x.MeanScore), Nan(x.Performance), Nan(x.TopTwoBox), Quadrant(x.Quadrant));
            }

            table.Notes.Add(string.Create(Invariant, $"Joint model on {drivers.ModelCount:N0} complete responses: R² = {drivers.RSquared:0.000}; importance is each item's share of R² by Johnson's relative weights; quadrants split at the mean importance (1/{drivers.Drivers.Count(d => d.Quadrant is not null)}) and at {(drivers.PerformanceSplit == 50 ? "the scale midpoint (performance 50)" : $"the target (performance {drivers.PerformanceSplit:0.#})")}."));
            table.Notes.AddRange(drivers.Excluded.Select(e => "Left out of the joint model: " + e));
            report.Add(table);
        }

        if (sections.HasFlag(SurveySection.Themes) && result.Themes.Count > 0)
        {
            if (result.Sentiment is { } s)
            {
                report.Add(new ResultRecord("sentiment", "Sentiment of comments")
                    .Add("comments", s.Comments, CellKind.Integer)
                    .Add("positive", s.Positive, CellKind.Share)
                    .Add("neutral", s.Neutral, CellKind.Share)
                    .Add("negative", s.Negative, CellKind.Share)
                    .Add("mean_sentiment", s.Mean, CellKind.Number));
            }

            var themes = new ResultTable("themes", [
                new("theme"), new("source"), new("comments", CellKind.Integer), new("share", CellKind.Share), new("sentiment", CellKind.Number), new("negative_share", CellKind.Share),
                new("score_in_theme", CellKind.Number), new("score_others", CellKind.Number), new("test"), new("adjusted_p", CellKind.Number, Decimals: 4)],
                "Themes of comments (scores compared with comments outside the theme; p adjusted by Holm)");
            var quotes = new ResultTable("quotes", [new("theme"), new("response_id"), new("sentiment", CellKind.Number), new("label"), new("quote")], "Representative quotes (personal data redacted; each quote's own sentiment)");
            foreach (var theme in result.Themes.OrderByDescending(x => x.Result.Comments.Count))
            {
                var r = theme.Result;
                themes.Add(r.Theme.Name, r.Theme.Discovered ? "discovered" : "dictionary", r.Comments.Count, r.Share, Nan(r.MeanSentiment), Nan(r.NegativeShare), Nan(theme.InTheme), Nan(theme.Rest), theme.Test, Nan(theme.AdjustedPValue));
                for (int q = 0; q < r.Quotes.Count; q++)
                {
                    quotes.Add(r.Theme.Name, theme.QuoteIds[q], r.Quotes[q].Sentiment, Label(r.Quotes[q].Label), r.Quotes[q].Text);
                }
            }

            int grouped = result.Themes.Where(x => x.Result.Theme.Discovered).Sum(x => x.Result.Comments.Count);
            if (result.Comments is { } analysed && result.Themes.Any(x => x.Result.Theme.Discovered) && grouped < analysed.NonEmptyComments)
            {
                themes.Notes.Add(string.Create(Invariant, $"Discovered themes group {grouped:N0} of {analysed.NonEmptyComments:N0} comments; the other {analysed.NonEmptyComments - grouped:N0} share no term with any group and belong to none (no theme in the responses)."));
            }

            report.Add(themes).Add(quotes);
        }

        if (sections.HasFlag(SurveySection.Responses) && result.Comments is { } comments)
        {
            var table = new ResultTable("responses", [
                new("response_id"), new("line", CellKind.Integer), new("score", CellKind.Number, t.Overall?.Name), new("sentiment", CellKind.Number), new("label"), new("theme"), new("comment")],
                "Each comment with its sentiment (-1 to 1) and theme, most negative first (personal data redacted)");
            var order = Enumerable.Range(0, t.Count).Where(i => comments.RedactedComments[i] is not null)
                .OrderBy(i => comments.Sentiments[i].Compound).ThenBy(i => i);
            foreach (int i in order)
            {
                int theme = comments.PrimaryTheme[i];
                table.Add(result.ResponseIds?[i] ?? t.ResponseIds[i], t.SourceLines[i], t.Overall is null ? null : Nan(t.Overall.Values[i]), comments.Sentiments[i].Compound, comments.Sentiments[i].Label,
                    theme < 0 ? null : comments.Themes[theme].Theme.Name, comments.RedactedComments[i]);
            }

            report.Add(table);
        }

        if (sections.HasFlag(SurveySection.Targets) && (result.Targets.Count > 0 || result.Unmeasured.Count > 0))
        {
            var table = new ResultTable("targets", [
                new("feature"), new("target"), new("subject"), new("n", CellKind.Integer), new("estimate", CellKind.Number, Decimals: 3), new("low", CellKind.Number, Decimals: 3),
                new("high", CellKind.Number, Decimals: 3), new("verdict"), new("owner"), new("frequency")], "Targets");
            foreach (var (measure, a) in result.Targets)
            {
                table.Add(measure?.Feature.Name, a.Target.ToString(), a.Subject, a.Estimate.Count, Nan(a.Estimate.Value), Nan(a.Estimate.Lower), Nan(a.Estimate.Upper), Verdict(a.Verdict), measure?.Owner, measure?.Frequency.ToString().ToLowerInvariant());
            }

            table.Notes.AddRange(result.Unmeasured.Select(u => $"Not measured from this file: {u.Measure.Feature.Name} ({u.Measure.Target}): {u.Reason}"));
            report.Add(table);
        }

        if (sections.HasFlag(SurveySection.Segments) && result.Segments.Count > 0)
        {
            var table = new ResultTable("segments", [
                new("segment"), new("group"), new("measure"), new("n_group", CellKind.Integer), new("n_rest", CellKind.Integer), new("group_value", CellKind.Number, Decimals: 3),
                new("rest_value", CellKind.Number, Decimals: 3), new("test"), new("statistic", CellKind.Number), new("p", CellKind.Number, Decimals: 4), new("adjusted_p", CellKind.Number, Decimals: 4),
                new("effect", CellKind.Number), new("significant", CellKind.Boolean)],
                "Each group against the rest (chi-square for shares, Mann-Whitney for ratings up to 7 points, Welch otherwise; Holm-adjusted)");
            foreach (var d in result.Segments)
            {
                table.Add(d.Segment, d.Group, d.Measure, d.GroupCount, d.RestCount, d.GroupValue, d.RestValue, d.Test.Test, Nan(d.Test.Statistic), Nan(d.Test.PValue), Nan(d.AdjustedPValue), Nan(d.Test.EffectSize), d.IsSignificant());
            }

            int family = result.Segments.Count(d => !d.Repeats);
            table.Notes.Add(string.Create(Invariant, $"Holm's adjustment over all {family:N0} comparisons in the table; in a segment of two groups the second group's row is the first's comparison seen from the other side, counted once."));
            report.Add(table);
        }

        if (sections.HasFlag(SurveySection.Trend) && result.Trend is { } chart)
        {
            var table = new ResultTable("trend", [
                new("period"), new("n", CellKind.Integer), new("value", CellKind.Number, Decimals: 3), new("centre", CellKind.Number, Decimals: 3), new("lower", CellKind.Number, Decimals: 3),
                new("upper", CellKind.Number, Decimals: 3), new("signals")], $"{chart.Kind} chart of {result.TrendMeasure}");
            foreach (var p in chart.Points)
            {
                table.Add(p.Label, p.Count, p.Value, p.Centre, p.Lower, p.Upper, string.Join(" ", p.Signals.Select(SignalName)));
            }

            table.Notes.Add("Signals: beyond = beyond 3 sigma; 2of3 = two of three beyond 2 sigma; 4of5 = four of five beyond 1 sigma; run8 = eight on one side; trend6 = six rising or falling.");
            report.Add(table);
        }

        if (sections.HasFlag(SurveySection.Actions))
        {
            var table = new ResultTable("actions", [
                new("priority", CellKind.Integer), new("kind"), new("subject"), new("finding"), new("action"), new("owner"), new("due"), new("evidence")], "Recommended actions");
            foreach (var a in result.Actions)
            {
                table.Add(a.Finding.Priority, Kind(a.Finding.Kind), a.Finding.Subject, a.Finding.Summary, a.Action, a.Owner, a.Due.ToString("yyyy-MM-dd", Invariant),
                    string.Join("; ", a.Finding.Evidence.Select(e => e.Label + ": " + e.Value)));
            }

            report.Add(table);
        }

        return report;
    }

    private static object? Nan(double value) => double.IsNaN(value) ? null : value;

    private static string Label(Text.Sentiment.SentimentLabel label) => label.ToString().ToLowerInvariant();

    private static string Verdict(TargetVerdict verdict) => verdict switch
    {
        TargetVerdict.MetWithConfidence => "met",
        TargetVerdict.MissedWithConfidence => "missed",
        _ => "undecided",
    };

    private static string? Quadrant(Statistics.Drivers.GridQuadrant? quadrant) => quadrant switch
    {
        Statistics.Drivers.GridQuadrant.ConcentrateHere => "concentrate here",
        Statistics.Drivers.GridQuadrant.KeepUpTheGoodWork => "keep up the good work",
        Statistics.Drivers.GridQuadrant.LowPriority => "low priority",
        Statistics.Drivers.GridQuadrant.PossibleOverkill => "possible overkill",
        _ => null,
    };

    private static string Kind(Statistics.Findings.FindingKind kind) => kind switch
    {
        Statistics.Findings.FindingKind.TargetGap => "target gap",
        Statistics.Findings.FindingKind.SegmentGap => "segment gap",
        _ => kind.ToString().ToLowerInvariant(),
    };

    private static string SignalName(Statistics.Control.ControlRule rule) => rule switch
    {
        Statistics.Control.ControlRule.BeyondLimits => "beyond",
        Statistics.Control.ControlRule.TwoOfThreeBeyondTwoSigma => "2of3",
        Statistics.Control.ControlRule.FourOfFiveBeyondOneSigma => "4of5",
        Statistics.Control.ControlRule.EightOnOneSide => "run8",
        _ => "trend6",
    };
}
