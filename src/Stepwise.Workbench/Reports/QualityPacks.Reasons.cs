using System.Globalization;
using Stepwise.Review.Quality;
using Stepwise.Reports;
using Stepwise.Workbench.Quality;
using static Stepwise.Workbench.Reports.ReportContext;

namespace Stepwise.Workbench.Reports;

/// <summary>Why an action is taken, said with its evidence, and which customers' words are worth quoting.</summary>
internal static partial class QualityPacks
{
    /// <summary>Fewest words a quote needs to say something (a "Good." or "Thank you" says nothing of a theme).</summary>
    internal const int QuoteWords = 6;

    /// <summary>The reason for an action in sentences with their figures: for each finding it answers, what the latest
    /// analysis shows of it (a feature's score and rank and how much it moves the overall score, a result against its
    /// target, a theme's share and tone), else the finding's own summary.</summary>
    internal static string Because(QualityContents c, QualityAnalysis? a, ActionLine line)
    {
        var reasons = new List<string>();
        foreach (var id in line.Action.Value.FindingIds)
        {
            if (c.Findings.FirstOrDefault(f => f.Value.Id == id)?.Value is { } finding && Reason(c, a, finding) is { } reason && !reasons.Contains(reason, StringComparer.Ordinal))
            {
                reasons.Add(reason);
            }
        }

        return reasons.Count == 0 ? "It answers no recorded finding yet." : "Why: " + string.Join(" ", reasons);
    }

    /// <summary>One finding as a reason with its evidence, a whole sentence.</summary>
    private static string? Reason(QualityContents c, QualityAnalysis? a, QualityFinding f)
    {
        string? subject = f.Subject;
        if (a is not null && subject is not null)
        {
            if (a.Drivers.FirstOrDefault(d => Same(d.Item, subject)) is { } driver)
            {
                return DriverReason(a, driver);
            }

            if (a.Results.FirstOrDefault(r => Same(r.Metric, subject)) is { } result)
            {
                var m = MeasureOf(c, result.Metric);
                string interval = result.Lower is { } lo && result.Upper is { } hi ? $" ({N(a.Confidence * 100)}% interval {m.Format(lo)} to {m.Format(hi)})" : string.Empty;
                string verdict = result.Verdict switch
                {
                    ResultVerdict.Missed => "so it misses its target",
                    ResultVerdict.Met => "so it meets its target",
                    _ => "too close to its target to call",
                };
                string sentence = $"{result.Metric} is {m.Format(result.Value)}{interval} against a target of {(result.HigherIsBetter ? "at least" : "at most")} {m.Format(result.Target)} in {N(result.SampleSize)} responses, {verdict}.";
                // A missed overall result is explained by what moves it most among the features that score low.
                if (result.Verdict == ResultVerdict.Missed && a.Drivers.Count > 0 && a.DriversOf is { } of && (Same(of, result.Subject) || result.Metric.Contains(of, StringComparison.OrdinalIgnoreCase)))
                {
                    var lever = a.Drivers.Where(d => d.Quadrant.Contains("Concentrate", StringComparison.OrdinalIgnoreCase)).OrderByDescending(d => d.Importance).FirstOrDefault()
                        ?? a.Drivers.OrderByDescending(d => d.Importance).First();
                    sentence += " " + DriverReason(a, lever);
                }

                return sentence;
            }

            if (a.Themes.FirstOrDefault(t => Same(t.Name, subject)) is { } theme)
            {
                string tone = theme.MeanSentiment < 0 ? "negative on average" : "not negative on average";
                string scores = theme.ScoreInTheme is { } inside && theme.ScoreElsewhere is { } rest
                    ? a.ThemeScoreIsShare
                        ? $"; {Percent(inside)} of them say {a.ThemeScoreOf ?? "yes"} against {Percent(rest)} of the other comments"
                        : $"; they come with a mean {a.ThemeScoreOf ?? "score"} of {inside.ToString("0.0", CultureInfo.InvariantCulture)} against {rest.ToString("0.0", CultureInfo.InvariantCulture)} for the other comments"
                    : string.Empty;
                return $"{Percent(theme.Share)} of comments ({N(theme.Comments)}) are about {theme.Name}, {tone}{scores}.";
            }
        }

        string summary = f.Summary.Trim();
        return summary.Length == 0 ? null : summary.EndsWith('.') ? summary : summary + ".";
    }

    /// <summary>"Value for money scores 2.40 on a 1-5 scale, the lowest of the 7 features, and explains 24% of
    /// what moves Overall rating, the most of any feature."</summary>
    private static string DriverReason(QualityAnalysis a, DriverResult d)
    {
        int n = a.Drivers.Count;
        int byScore = a.Drivers.Count(x => x.Performance < d.Performance) + 1;
        int byImportance = a.Drivers.Count(x => x.Importance > d.Importance) + 1;
        string scale = ScaleOf(d) is { } s ? $" on a {s.Min}-{s.Max} scale" : $" ({N(d.Performance)}% of its scale)";
        string rankScore = n < 2 ? string.Empty : byScore == 1 ? $", the lowest of the {n} features" : byScore == n ? $", the highest of the {n} features" : $", {Ordinal(byScore)} lowest of the {n} features";
        string rankImportance = n < 2 ? string.Empty : byImportance == 1 ? ", the most of any feature" : $", {Ordinal(byImportance)} most of the {n}";
        return $"{d.Item} scores {d.MeanScore.ToString("0.00", CultureInfo.InvariantCulture)}{scale}{rankScore}, and explains {Percent(d.Importance)} of what moves {a.DriversOf ?? "satisfaction"}{rankImportance}.";
    }

    /// <summary>The whole-number scale (lowest 0 or 1) that gives a driver's mean its performance, or null when none does.</summary>
    private static (int Min, int Max)? ScaleOf(DriverResult d)
    {
        if (!(d.Performance is > 0 and < 100))
        {
            return null;
        }

        foreach (int min in new[] { 1, 0 })
        {
            double max = min + ((d.MeanScore - min) * 100 / d.Performance);
            if (Math.Abs(max - Math.Round(max)) < 0.02 && Math.Round(max) is >= 2 and <= 100)
            {
                return (min, (int)Math.Round(max));
            }
        }

        return null;
    }

    private static string Ordinal(int k) => k switch
    {
        2 => "the second",
        3 => "the third",
        4 => "the fourth",
        5 => "the fifth",
        _ => $"number {k.ToString(CultureInfo.InvariantCulture)} from the",
    };

    /// <summary>A theme's quotes worth reading: those with at least <see cref="QuoteWords"/> words that use a word of the
    /// theme's name (or a word starting with its first five letters), longest first among equals kept in the theme's order.</summary>
    internal static IEnumerable<ThemeQuote> SayingQuotes(CommentTheme theme)
    {
        var stems = theme.Name.Split([' ', ',', ';', '/', '&', '-', '(', ')'], StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w.Length >= 3 && !StopWords.Contains(w))
            .Select(w => w.ToLowerInvariant()).Select(w => w.Length > 5 ? w[..5] : w).Distinct(StringComparer.Ordinal).ToList();
        return theme.Quotes.Where(q => WordsOf(q.Text).Count >= QuoteWords && WordsOf(q.Text).Any(w => stems.Any(s => w.StartsWith(s, StringComparison.Ordinal))));
    }

    private static readonly HashSet<string> StopWords = new(["and", "the", "for", "with", "of", "or"], StringComparer.OrdinalIgnoreCase);

    private static List<string> WordsOf(string text)
        => [.. text.Split((char[])[' ', '\t', '\n', '\r', ',', '.', ';', ':', '!', '?', '"', '(', ')', '\u201c', '\u201d'], StringSplitOptions.RemoveEmptyEntries).Where(w => w.Any(char.IsLetter)).Select(w => w.ToLowerInvariant())];

    /// <summary>
    /// The targets a partner is shown. A partner named in the request who is responsible for targets (the measure's
    /// owner, or a measure of a feature or metric that a finding given to the partner or answered by the partner's
    /// actions is about) sees those targets whatever their verdict, and only a count of the rest. Otherwise (no partner
    /// named, or none of the targets is theirs) only the targets missed or at risk (too close to call) are listed, and
    /// the met ones summed up in one line.
    /// </summary>
    private static ReportSection PartnerTargets(QualityContents c, QualityAnalysis latest, string? partner, HashSet<string?> subjects)
    {
        var plan = c.Plan.Value;
        bool Theirs(QualityResult r) => partner is not null && (subjects.Contains(r.Metric)
            || plan.Measure(r.Metric) is { } m && (Same(m.Owner, partner) || m.Feature is { } feature && subjects.Contains(feature)));
        var theirs = latest.Results.Where(Theirs).ToList();
        string Missed(QualityResult r) => $"{r.Metric} missed its target: {MeasureOf(c, r.Metric).Format(r.Value)} against {MeasureOf(c, r.Metric).Format(r.Target)}, from {N(r.SampleSize)} responses.";
        if (theirs.Count > 0)
        {
            var missed = theirs.Where(r => r.Verdict == ResultVerdict.Missed).ToList();
            int others = latest.Results.Count - theirs.Count;
            var blocks = new List<ReportBlock> { ResultsTable(c, theirs, $"'{latest.Title}', the targets of the services you provide") };
            if (others > 0)
            {
                blocks.Add(new Note($"The review measures {Counted.Of(others, "other target", "other targets")} that {Counted.Verb(others, "concerns", "concern")} other teams, not shown here."));
            }

            return new ReportSection("Service levels you are responsible for", blocks)
            {
                Message = missed.Count == 0 ? $"{(theirs.Count == 1 ? "Your one target is" : $"All {theirs.Count} of your targets are")} met or not yet decided." : string.Join(" ", missed.Select(Missed)),
            };
        }

        var open = latest.Results.Where(r => r.Verdict != ResultVerdict.Met).ToList();
        var met = latest.Results.Where(r => r.Verdict == ResultVerdict.Met).ToList();
        var shown = new List<ReportBlock>();
        if (open.Count > 0)
        {
            shown.Add(ResultsTable(c, open, $"'{latest.Title}', the targets missed or too close to call"));
        }

        shown.Add(new Paragraph(met.Count == 0 ? "No target is met yet." : $"Met: {Counted.Of(met.Count, "target", "targets")} ({string.Join(", ", met.Select(r => $"{r.Metric} {MeasureOf(c, r.Metric).Format(r.Value)}"))})."));
        int missedCount = open.Count(r => r.Verdict == ResultVerdict.Missed);
        return new ReportSection("Targets missed or at risk", shown)
        {
            Message = open.Count == 0 ? "Every measured target is met." : missedCount == 0 ? $"{Counted.Of(open.Count, "target is", "targets are")} too close to call; none is missed." : string.Join(" ", open.Where(r => r.Verdict == ResultVerdict.Missed).Select(Missed)),
        };
    }
}
