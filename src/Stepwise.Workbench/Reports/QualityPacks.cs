using Stepwise.Charts;
using Stepwise.Review.Data;
using Stepwise.Review.People;
using Stepwise.Review.Planning;
using Stepwise.Review.Quality;
using Stepwise.Reports;
using Stepwise.Workbench.Quality;
using static Stepwise.Workbench.Reports.ReportContext;

namespace Stepwise.Workbench.Reports;

/// <summary>The packs of a quality review, one method per audience.</summary>
internal static partial class QualityPacks
{
    /// <summary>Senior managers, two pages at most: the answer first (is quality on target, what drives satisfaction, what
    /// is being done), then the evidence: results against targets, what drives satisfaction (the features' table in the
    /// workbook, named on the page), and the actions with owners.</summary>
    public static ReportDocument SeniorManagers(QualityContents c, ReportContext x)
    {
        var latest = Latest(c);
        var sections = new List<ReportSection> { InBrief(c, x, latest?.Value) };
        if (latest is null)
        {
            sections.Add(new ReportSection("Results against targets", [new Paragraph("No analysis yet: the measurement plan is agreed, the results follow.")]) { Message = "Results to follow." });
        }
        else
        {
            var a = latest.Value;
            var results = a.Results;
            int missed = results.Count(r => r.Verdict == ResultVerdict.Missed);
            var figures = results.Take(4).Select(r => new KeyFigure(r.Metric, r.Value, MeasureOf(c, r.Metric), new Charts.ValueInterval(r.Value, r.Lower ?? double.NaN, r.Upper ?? double.NaN),
                $"target {(r.HigherIsBetter ? "≥" : "≤")} {MeasureOf(c, r.Metric).Format(r.Target)}: {Verdict(r.Verdict)}")).ToList();
            sections.Add(new ReportSection("Results against targets", [new KeyFigures(figures), ResultsTable(c, results, $"'{a.Title}': {N(a.Responses)} responses, {N(a.Confidence * 100)}% intervals"),
                new Note($"Data: {a.File} (SHA-256 {a.DataHash.Hex[..12]}...), {N(a.Responses)} responses{(a.SampleId is null ? string.Empty : ", a drawn sample")}.")])
            {
                Message = results.Count == 0 ? "No target is measured yet." : missed == 0 ? (results.Count == 1 ? "The one measured target is met or not yet decided." : $"All {results.Count} measured targets are met or not yet decided.") : $"{missed} of {Counted.Of(results.Count, "target", "targets")} {Counted.Is(missed)} missed: {string.Join(", ", results.Where(r => r.Verdict == ResultVerdict.Missed).Select(r => r.Metric))}.",
            });
            if (a.Drivers.Count > 0)
            {
                sections.Add(Drivers(a));
            }
        }

        sections.Add(Actions(c, x, "Actions agreed, with owners"));
        return x.Document($"{c.Plan.Value.Title}: quality of service", "Senior managers", sections, Sources(c), $"Quality review; prepared {Day(x.Date)}") with { Brief = true };
    }

    /// <summary>Team leaders: results with intervals and the trend across analyses, findings, and the team's actions.</summary>
    public static ReportDocument TeamLeaders(QualityContents c, ReportContext x, string? team)
    {
        var sections = new List<ReportSection>();
        var plan = c.Plan.Value;
        var metrics = plan.MeasurementPlan.Where(m => team is null || Same(m.Owner, team) || Same(m.Feature, team)).Select(m => m.Metric).ToHashSet(StringComparer.Ordinal);
        var actions = c.Actions.Where(a => team is null || Same(a.Action.Value.Owner, team)).ToList();
        var latest = Latest(c);
        var segment = team is null || latest is null ? null : SegmentOf(latest.Value, team);
        if (team is not null && metrics.Count == 0 && actions.Count == 0 && segment is null)
        {
            var owners = plan.MeasurementPlan.Select(m => m.Owner).Concat(c.Actions.Select(a => (string?)a.Action.Value.Owner)).Where(o => o is not null).Distinct().Order(StringComparer.Ordinal);
            var segments = latest?.Value.SegmentTargets.Select(s => $"{s.Column}={s.Segment}").ToList() ?? [];
            throw Problems.StepwiseException.Invalid("team", $"no measure or action of this review is owned by '{team}', and no segment of the survey is called so; owners named in the review: {string.Join(", ", owners)}"
                + (segments.Count == 0 ? "." : $"; segments of the survey: {string.Join(", ", segments.Take(20))}{(segments.Count > 20 ? ", ..." : string.Empty)}."));
        }

        if (segment is not null)
        {
            sections.AddRange(SegmentSections(c, segment.Value));
        }
        else if (team is null && latest is not null && TeamColumn(latest.Value) is { } byTeam)
        {
            sections.Add(ByTeam(c, latest.Value, byTeam));
        }

        if (latest is not null && (segment is null || metrics.Count > 0))
        {
            var results = latest.Value.Results.Where(r => metrics.Contains(r.Metric)).ToList();
            sections.Add(new ReportSection("Your results, with their intervals", [ResultsTable(c, results, $"'{latest.Value.Title}', {N(latest.Value.Confidence * 100)}% intervals")])
            {
                Message = results.Count == 0 ? "None of your measures is in the latest analysis." : $"{results.Count(r => r.Verdict == ResultVerdict.Met)} of {results.Count} of your targets are met.",
            });
            sections.Add(Trend(c, latest.Value));
        }

        var findings = c.Findings.Where(f => team is null || f.Value.Subject is { } s && metrics.Contains(s) || actions.Any(a => a.Action.Value.FindingIds.Contains(f.Value.Id))).ToList();
        sections.Add(new ReportSection("What we found", [new BulletList(findings.Count == 0 ? ["No findings recorded yet."] : [.. findings.Select(f => $"{f.Value.Subject ?? ProcessPacks.Words(f.Value.FindingKind.ToString())}: {x.Clean(f.Value.Summary)}")])])
        {
            Message = $"{Counted.Of(findings.Count, "finding", "findings")} {Counted.Verb(findings.Count, "concerns", "concern")} your team.",
        });
        sections.Add(Actions(c, x, "Your actions", actions));
        string who = segment is { } named ? $"{named.Column} {named.Segment}" : team ?? string.Empty;
        return x.Document($"{plan.Title}: results for team leaders", "Team leaders" + (team is null ? string.Empty : ": " + who), sections, Sources(c));
    }

    /// <summary>Front-line staff: what we found and what changes, what customers said (redacted, ids pseudonymised), what stays the same, when.</summary>
    public static ReportDocument FrontLine(QualityContents c, ReportContext x)
    {
        var sections = new List<ReportSection>();
        var latest = Latest(c);
        sections.Add(new ReportSection("What changes, and why", [new BulletList(c.Actions.Count == 0
            ? ["Nothing is agreed yet; you will hear before anything changes."]
            : [.. c.Actions.Select(a => $"{a.Action.Value.Title.TrimEnd('.')}. {Because(c, latest?.Value, a)}")])])
        {
            Message = c.Actions.Count == 0 ? "Nothing changes yet." : $"{Counted.Of(c.Actions.Count, "improvement", "improvements")} {Counted.Is(c.Actions.Count)} agreed.",
        });
        var quotes = new List<ReportBlock>();
        foreach (var theme in latest?.Value.Themes ?? [])
        {
            foreach (var q in SayingQuotes(theme).Take(2))
            {
                quotes.Add(new Quote(q.Text, $"response {x.Id(q.ResponseId)}, theme '{theme.Name}'"));
            }
        }

        foreach (var f in c.Findings.Where(f => f.Value.FindingKind == FindingKind.Other))
        {
            quotes.Add(new Quote(f.Value.Summary, "what colleagues reported"));
        }

        sections.Add(new ReportSection("What customers and colleagues said", quotes.Count == 0 ? [new Paragraph("The survey had no comments to quote.")] : quotes)
        {
            Message = quotes.Count == 0 ? "No comments to quote." : "In their own words (personal details removed).",
        });
        var met = latest?.Value.Results.Where(r => r.Verdict == ResultVerdict.Met).ToList() ?? [];
        sections.Add(new ReportSection("What stays the same", [new BulletList(met.Count == 0 ? ["Everything not named above stays as it is."] : [.. met.Select(r => $"{r.Metric}: {MeasureOf(c, r.Metric).Format(r.Value)} meets its target; keep doing what you do.")])])
        {
            Message = met.Count == 0 ? "The rest of your work stays as it is." : $"{Counted.Of(met.Count, "target", "targets")} {Counted.Is(met.Count)} met: keep it up.",
        });
        sections.Add(new ReportSection("When", ActionsBlocks(x, c.Actions))
        {
            Message = c.Actions.Count == 0 ? "Dates to follow." : $"The last action is due {Day(c.Actions.Max(a => a.Action.Value.Due))}{OverdueCount(x, c.Actions)}.",
        });
        return x.Document($"{c.Plan.Value.Title}: what it means for you", "Front-line staff", sections, Sources(c)) with { SourcesInOneLine = true };
    }

    /// <summary>Other departments and service partners: the features and service levels that involve them, the targets
    /// missed with their response counts, what they were told and what is asked of them.</summary>
    public static ReportDocument Partners(QualityContents c, ReportContext x, string? partner)
    {
        var sections = new List<ReportSection>();
        var briefings = c.Briefings.Where(b => b.Briefing.Value.Audience is StakeholderGroup.ServicePartners or StakeholderGroup.OtherDepartments
            && (partner is null || b.Briefing.Value.Recipients?.Contains(partner, StringComparison.OrdinalIgnoreCase) == true)).ToList();
        var given = briefings.SelectMany(b => b.Briefing.Value.FindingIds.Concat(b.Briefing.Value.ActionIds)).ToHashSet();
        var actions = c.Actions.Where(a => given.Contains(a.Action.Value.Id) || partner is not null && Same(a.Action.Value.Owner, partner)).ToList();
        if (partner is not null && briefings.Count == 0 && actions.Count == 0)
        {
            throw Problems.StepwiseException.Invalid("partner", $"no briefing or action of this review names '{partner}'.");
        }

        var latest = Latest(c);
        if (latest is not null)
        {
            // Findings given only for information do not make a target the partner's: the actions asked of them do.
            var asked = c.Findings.Where(f => actions.Any(a => a.Action.Value.FindingIds.Contains(f.Value.Id))).Select(f => f.Value.Subject).Where(s => s is not null).ToHashSet(StringComparer.Ordinal);
            sections.Add(PartnerTargets(c, latest.Value, partner, asked));
        }

        var asks = new List<string>();
        asks.AddRange(briefings.Select(b => $"Told on {Day(b.Briefing.Value.At)} ({b.Briefing.Value.Channel}{(b.Briefing.Value.Recipients is { } r ? ", to " + r : string.Empty)}): {b.Briefing.Value.Message}."));
        asks.AddRange(actions.Select(a => $"{a.Action.Value.Title}: owner {a.Action.Value.Owner}, due {Day(a.Action.Value.Due)}, {ProcessPacks.Words(a.Action.Value.Status.ToString())}{x.OverdueText(a.Action.Value.Due, a.Action.Value.Status)}{(a.Action.Value.Measure is { } m ? "; success means " + m : string.Empty)}."));
        sections.Add(new ReportSection("What we ask of you", [new BulletList(asks.Count == 0 ? ["Nothing is asked of other departments or partners yet."] : asks)])
        {
            Message = actions.Count == 0 ? "Nothing is asked of you yet." : $"We ask for {actions.Count} {(actions.Count == 1 ? "change" : "changes")}: {string.Join("; ", actions.Select(a => a.Action.Value.Title))}.",
        });
        return x.Document($"{c.Plan.Value.Title}: for our partners", "Other departments and service partners" + (partner is null ? string.Empty : ": " + partner), sections, Sources(c));
    }

    /// <summary>Analysts: every table of the quality review and the evidence map.</summary>
    public static ReportDocument Analysts(QualityContents c, ReportContext x)
    {
        var plan = c.Plan.Value;
        var sections = new List<ReportSection>();
        void Add(string heading, ReportTable table) => sections.Add(new ReportSection(heading, [new TableBlock(table)]));
        Add("Features", new ReportTable("Features of the service", [TableColumn.Text("Feature"), TableColumn.Comment("Description"), TableColumn.Comment("Why it matters")],
            [.. plan.Features.Select(f => (IReadOnlyList<TableCell>)[f.Name, f.Description, f.Why])]));
        Add("Measurement plan", new ReportTable($"Measurement plan v{c.Plan.Version}", [TableColumn.Text("Metric"), TableColumn.Text("Feature"), TableColumn.Text("Statistic"), TableColumn.Text("Column"), TableColumn.Text("Method"), TableColumn.Text("Source"), TableColumn.Text("Sample design"), TableColumn.Text("Frequency"), TableColumn.Number("Target", 4), TableColumn.Text("Direction"), TableColumn.Text("Owner")],
            [.. plan.MeasurementPlan.Select(m => (IReadOnlyList<TableCell>)[m.Metric, m.Feature, m.Statistic, m.Column, m.Method, m.Source, m.SampleDesign, m.Frequency, m.Target, m.HigherIsBetter ? "at least" : "at most", m.Owner])]));
        Add("Plan revisions", new ReportTable("Revisions of the plan", [TableColumn.Date("Date"), TableColumn.Text("By"), TableColumn.Text("Metric"), TableColumn.Comment("Reason"), TableColumn.Comment("Explanation"), TableColumn.Text("Changes")],
            [.. plan.Revisions.Select(r => (IReadOnlyList<TableCell>)[DateOnly.FromDateTime(r.At.UtcDateTime), r.By, r.Metric, ProcessPacks.Words(r.Reason.ToString()), r.Explanation, string.Join("; ", r.Changes.Select(ch => $"{ch.Field}: {ch.Before} -> {ch.After}"))])]));
        Add("Samples", new ReportTable("Samples and their strata", [TableColumn.Text("Sample"), TableColumn.Text("Stratum"), TableColumn.Count("Population"), TableColumn.Count("Sample"), TableColumn.Number("Weight", 4), TableColumn.Text("Allocation"), TableColumn.Number("Seed", 0), TableColumn.Text("Population SHA-256")],
            [.. c.Samples.SelectMany(s => s.Value.StrataDrawn.Select(st => (IReadOnlyList<TableCell>)[s.Value.Name, st.Label, st.Population, st.Sample, ProcessPacks.Num(st.Weight), s.Value.Allocation, s.Value.Seed, s.Value.PopulationHash.Hex]))]));
        var results = c.Analyses.SelectMany(a => a.Value.Results.Select(r => (a, r))).ToList();
        Add("Results", new ReportTable("Every result against its target (shares as fractions)", [TableColumn.Text("Analysis"), TableColumn.Text("Metric"), TableColumn.Text("Subject"), TableColumn.Number("Value", 4), TableColumn.Number("Lower", 4), TableColumn.Number("Upper", 4), TableColumn.Count("Responses"), TableColumn.Number("Target", 4), TableColumn.Text("Verdict")],
            [.. results.Select(t => (IReadOnlyList<TableCell>)[t.a.Value.Title, t.r.Metric, t.r.Subject, t.r.Value, ProcessPacks.Num(t.r.Lower), ProcessPacks.Num(t.r.Upper), t.r.SampleSize, t.r.Target, Verdict(t.r.Verdict)])]));
        if (c.Analyses.Any(a => a.Value.SegmentTargets.Count > 0))
        {
            Add("Segment results", new ReportTable("Results by segment of the responses (shares as fractions)", [TableColumn.Text("Analysis"), TableColumn.Text("Segment column"), TableColumn.Text("Segment"), TableColumn.Count("Responses in segment"), TableColumn.Text("Metric"), TableColumn.Number("Value", 4), TableColumn.Number("Lower", 4), TableColumn.Number("Upper", 4), TableColumn.Count("Responses"), TableColumn.Number("Target", 4), TableColumn.Text("Verdict")],
                [.. c.Analyses.SelectMany(a => a.Value.SegmentTargets.SelectMany(s => s.Results.Select(r => (IReadOnlyList<TableCell>)[a.Value.Title, s.Column, s.Segment, s.Responses, r.Metric, r.Value, ProcessPacks.Num(r.Lower), ProcessPacks.Num(r.Upper), r.SampleSize, r.Target, Verdict(r.Verdict)])))]));
        }

        Add("Drivers", new ReportTable("Key drivers", [TableColumn.Text("Analysis"), TableColumn.Text("Item"), TableColumn.Percent("Importance", 1), TableColumn.Number("Correlation", 3), TableColumn.Number("Mean score", 2), TableColumn.Number("Performance", 3), TableColumn.Text("Quadrant")],
            [.. c.Analyses.SelectMany(a => a.Value.Drivers.Select(d => (IReadOnlyList<TableCell>)[a.Value.Title, d.Item, d.Importance, d.Correlation, d.MeanScore, d.Performance, d.Quadrant]))]));
        Add("Themes", new ReportTable("Comment themes", [TableColumn.Text("Analysis"), TableColumn.Text("Theme"), TableColumn.Count("Comments"), TableColumn.Percent("Share", 1), TableColumn.Number("Mean sentiment", 3), TableColumn.Number("Score in theme", 2), TableColumn.Number("Score elsewhere", 2), TableColumn.Number("Adjusted p", 4)],
            [.. c.Analyses.SelectMany(a => a.Value.Themes.Select(t => (IReadOnlyList<TableCell>)[a.Value.Title, t.Name, t.Comments, t.Share, t.MeanSentiment, ProcessPacks.Num(t.ScoreInTheme), ProcessPacks.Num(t.ScoreElsewhere), ProcessPacks.Num(t.AdjustedPValue)]))]));
        Add("Quotes", new ReportTable("Quotes by theme (response ids pseudonymised)", [TableColumn.Text("Theme"), TableColumn.Text("Response"), TableColumn.Comment("Quote"), TableColumn.Number("Sentiment", 3)],
            [.. c.Analyses.SelectMany(a => a.Value.Themes.SelectMany(t => t.Quotes.Select(q => (IReadOnlyList<TableCell>)[t.Name, x.Id(q.ResponseId), q.Text, q.Sentiment])))]));
        Add("Findings", new ReportTable("Findings", [TableColumn.Text("Kind"), TableColumn.Text("Subject"), TableColumn.Number("Priority", 0), TableColumn.Comment("Summary"), TableColumn.Text("Evidence")],
            [.. c.Findings.Select(f => (IReadOnlyList<TableCell>)[ProcessPacks.Words(f.Value.FindingKind.ToString()), f.Value.Subject, f.Value.Priority, f.Value.Summary, string.Join("; ", f.Value.Evidence.Select(e => e.Summary))])]));
        sections.Add(new ReportSection("Actions", ActionsBlocks(x, c.Actions)));
        Add("Briefings", new ReportTable("Briefings", [TableColumn.Date("Date"), TableColumn.Text("Audience"), TableColumn.Text("Recipients"), TableColumn.Text("Channel"), TableColumn.Comment("Message"), TableColumn.Text("Given")],
            [.. c.Briefings.Select(b => (IReadOnlyList<TableCell>)[DateOnly.FromDateTime(b.Briefing.Value.At.UtcDateTime), ProcessPacks.Words(b.Briefing.Value.Audience.ToString()), b.Briefing.Value.Recipients, b.Briefing.Value.Channel, b.Briefing.Value.Message, string.Join("; ", b.Given)])]));
        Add("Sign-offs", ProcessPacks.SignOffTable(c.SignOffs));
        sections.Add(EvidenceMap.Section(EvidenceMap.Of(c)));
        return x.Document($"{plan.Title}: every table", "Analysts", sections, Sources(c));
    }

    /// <summary>The most recent analysis, or null.</summary>
    private static Review.Artefacts.Versioned<QualityAnalysis>? Latest(QualityContents c) => c.Analyses.OrderBy(a => a.Value.At).ThenBy(a => a.Value.Title, StringComparer.Ordinal).LastOrDefault();

    /// <summary>The measure a metric's values are written in: shares as percentages, NPS in points, means as scores.</summary>
    internal static Measure MeasureOf(QualityContents c, string metric) => c.Plan.Value.Measure(metric)?.Statistic switch
    {
        "csat" or "top2" or "fcr" => Charts.Measure.Percent(metric, 1),
        "nps" => Charts.Measure.Number(metric, "points", 0),
        _ => Charts.Measure.Number(metric, "score", 2),
    };

    private static string Verdict(ResultVerdict v) => v switch
    {
        ResultVerdict.Met => "met",
        ResultVerdict.Missed => "missed",
        _ => "not yet decided",
    };

    private static bool Same(string? a, string b) => a is not null && string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    private static TableBlock ResultsTable(QualityContents c, IReadOnlyList<QualityResult> results, string caption)
        => new(new ReportTable("Results against targets: " + caption, [TableColumn.Text("Measure"), TableColumn.Text("Result"), TableColumn.Text("Interval"), TableColumn.Text("Target"), TableColumn.Text("Verdict"), TableColumn.Count("Responses")],
            [.. results.Select(r =>
            {
                var m = MeasureOf(c, r.Metric);
                return (IReadOnlyList<TableCell>)[r.Metric, m.Format(r.Value), r.Lower is { } lo && r.Upper is { } hi ? $"{m.Format(lo)} to {m.Format(hi)}" : "", $"{(r.HigherIsBetter ? "at least" : "at most")} {m.Format(r.Target)}", Verdict(r.Verdict), r.SampleSize];
            })]));

    private static ReportSection Drivers(QualityAnalysis a)
    {
        var top = a.Drivers.OrderByDescending(d => d.Importance).First();
        var focus = a.Drivers.Where(d => d.Quadrant.Contains("Concentrate", StringComparison.OrdinalIgnoreCase)).OrderByDescending(d => d.Importance).ToList();
        var chart = new ImportancePerformanceChart
        {
            Title = $"What drives {a.DriversOf ?? "satisfaction"}",
            Subtitle = "Importance (share of explained variation) against performance (mean as % of the scale)",
            // Performance is stored as a percentage of the scale (0 to 100): drawn as a share, so it reads "50%".
            Performance = Charts.Measure.Percent("Performance", 0),
            Importance = Charts.Measure.Percent("Importance", 0),
            Items = [.. a.Drivers.Select(d => new GridItem(d.Item, d.Performance / 100, d.Importance))],
            PerformanceSplit = (a.PerformanceSplit ?? 50) / 100,
            PerformanceSplitName = a.PerformanceSplit is null ? "the scale midpoint" : "the analysis's split",
            PerformanceRange = (0, 1),
            ImportanceSplit = a.ImportanceSplit ?? 1.0 / a.Drivers.Count,
        };
        // The table numbers the features as the chart does (by importance), in every format and size.
        var numbers = chart.Numbers;
        var rows = Enumerable.Range(0, a.Drivers.Count).OrderBy(i => numbers[i]).Select(i => (IReadOnlyList<TableCell>)[
            numbers[i], a.Drivers[i].Item, a.Drivers[i].Importance, a.Drivers[i].Performance / 100, ImportancePerformanceChart.QuadrantNames[chart.QuadrantOf(chart.Items[i])]]).ToList();
        var table = new ReportTable($"The features numbered as in the figure, most important first ('{a.Title}', {(a.DriversModelCount is { } model ? $"worked out on {N(model)} of {N(a.Responses)} responses" : $"{N(a.Responses)} responses")})",
            [TableColumn.Count("No."), TableColumn.Text("Feature"), TableColumn.Percent("Importance", 1), TableColumn.Percent("Performance", 0), TableColumn.Text("Quadrant")], rows) { Sheet = "Features by importance" };
        // The chart names every feature by its number; the table behind it is detail a board paper names, not prints.
        // What the figure rests on, said under it: the responses that scored every feature, and any feature left out.
        var basis = DriverWords.Basis(a) is { } said
            ? said + (a.DriversLeftOut.Count == 0 ? "" : " Left out of the model: " + string.Join("; ", a.DriversLeftOut.Select(l => DriverWords.LeftOut(l))) + ".")
            : null;
        return new ReportSection("What drives satisfaction", [new ChartBlock(chart), .. basis is null ? Array.Empty<ReportBlock>() : [new Note(basis)], new TableBlock(table) { Detail = true }])
        {
            Message = focus.Count > 0
                ? $"Concentrate on {string.Join(" and ", focus.Take(2).Select(d => d.Item))}: {(focus.Count == 1 ? "it matters much and scores" : "they matter much and score")} low."
                : $"{top.Item} matters most ({Percent(top.Importance)} of the explained variation).",
        };
    }

    /// <summary>The answer a board member reads first: whether quality is on target (each result against its target, and
    /// the measures not in the analysis), what drives satisfaction, and the actions agreed with owners and dates.</summary>
    private static ReportSection InBrief(QualityContents c, ReportContext x, QualityAnalysis? a)
    {
        var bullets = new List<string>();
        string message;
        var results = a?.Results ?? [];
        int missed = results.Count(r => r.Verdict == ResultVerdict.Missed), met = results.Count(r => r.Verdict == ResultVerdict.Met);
        if (results.Count == 0)
        {
            message = "Quality is not measured against its targets yet.";
            bullets.Add(a is null ? "On target: no analysis yet; the measurement plan is agreed and the results follow." : "On target: the latest analysis measures none of the plan's targets.");
        }
        else
        {
            message = missed == 0
                ? "Quality is on target: " + (results.Count == 1 ? "the one measured target is met or not yet decided." : $"all {results.Count} measured targets are met or not yet decided.")
                : $"Quality is below target: {missed} of {Counted.Of(results.Count, "target", "targets")} {Counted.Is(missed)} missed.";
            bullets.Add($"On target: {met} of {results.Count} met. " + string.Join("; ", results.Select(r =>
            {
                var m = MeasureOf(c, r.Metric);
                return $"{r.Metric} {m.Format(r.Value)} against {(r.HigherIsBetter ? "at least" : "at most")} {m.Format(r.Target)}, {Verdict(r.Verdict)}";
            })) + ".");
        }

        var measured = results.Select(r => r.Metric).ToHashSet(StringComparer.Ordinal);
        var unmeasured = c.Plan.Value.MeasurementPlan.Where(m => !measured.Contains(m.Metric)).ToList();
        if (a is not null && unmeasured.Count > 0)
        {
            bullets.Add($"Not in this analysis: {string.Join("; ", unmeasured.Select(m => $"{m.Metric} ({m.Method.Replace('-', ' ')}, target {(m.HigherIsBetter ? "at least" : "at most")} {MeasureOf(c, m.Metric).Format(m.Target)})"))}.");
        }

        if (a is { Drivers.Count: > 0 })
        {
            var top = a.Drivers.OrderByDescending(d => d.Importance).First();
            var focus = a.Drivers.Where(d => d.Quadrant.Contains("Concentrate", StringComparison.OrdinalIgnoreCase)).OrderByDescending(d => d.Importance).Take(2).ToList();
            bullets.Add($"What drives {a.DriversOf ?? "satisfaction"}: {top.Item} matters most ({Percent(top.Importance)} of the explained variation)" + (focus.Count == 0 ? "."
                : $"; {string.Join(" and ", focus.Select(d => $"{d.Item} ({Percent(d.Importance)}, scoring {N(d.Performance)}% of the scale)"))} {(focus.Count == 1 ? "matters much and scores" : "matter much and score")} low: concentrate there."));
        }

        var actions = c.Actions.OrderBy(l => l.Action.Value.Due).ToList();
        bullets.Add(actions.Count == 0
            ? "What we are doing: no action is agreed yet."
            : $"What we are doing: {Counted.Of(actions.Count, "action", "actions")}, {actions.Count(l => l.Agreement.IsAgreed)} signed off: "
                + string.Join("; ", actions.Select(l => $"{l.Action.Value.Title} ({l.Action.Value.Owner}, due {Day(l.Action.Value.Due)})")) + $"{OverdueCount(x, actions)}.");
        return new ReportSection("In brief", [new BulletList(bullets)]) { Message = message };
    }

    private static ReportSection Actions(QualityContents c, ReportContext x, string heading, IReadOnlyList<ActionLine>? actions = null)
    {
        actions ??= c.Actions;
        return new ReportSection(heading, ActionsBlocks(x, actions))
        {
            Message = actions.Count == 0 ? "No action is agreed yet." : $"{actions.Count(a => a.Agreement.IsAgreed)} of {Counted.Of(actions.Count, "action", "actions")} {Counted.Is(actions.Count(a => a.Agreement.IsAgreed))} signed off; the first is due {Day(actions.Min(a => a.Action.Value.Due))}{OverdueCount(x, actions)}.",
        };
    }

    /// <summary>The actions by due date, with the days each action not done is past its due date on the report's date,
    /// and a warning naming those overdue.</summary>
    private static IReadOnlyList<ReportBlock> ActionsBlocks(ReportContext x, IReadOnlyList<ActionLine> actions)
    {
        var blocks = new List<ReportBlock>
        {
            new TableBlock(new ReportTable($"Actions ({x.AsAt})", [TableColumn.Text("Action"), TableColumn.Text("Owner"), TableColumn.Date("Due"), TableColumn.Text("Success measure"), TableColumn.Text("Status"), TableColumn.Count(x.OverdueHeading), TableColumn.Text("Signed off"), TableColumn.Text("Answers")],
                [.. actions.OrderBy(a => a.Action.Value.Due).Select(a => (IReadOnlyList<TableCell>)[a.Action.Value.Title, a.Action.Value.Owner, a.Action.Value.Due, a.Action.Value.Measure, ProcessPacks.Words(a.Action.Value.Status.ToString()),
                    x.OverdueCell(a.Action.Value.Due, a.Action.Value.Status), a.Agreement.IsAgreed ? "yes" : "no", string.Join("; ", a.Findings)])])),
        };
        if (x.OverdueNote(actions.Select(a => (a.Action.Value.Title, a.Action.Value.Due, a.Action.Value.Status)), "action is", "actions are") is { } late)
        {
            blocks.Add(late);
        }

        return blocks;
    }

    /// <summary>"; 1 overdue as at ..." when actions not done are past their due date on the report's date.</summary>
    private static string OverdueCount(ReportContext x, IReadOnlyList<ActionLine> actions)
        => x.Overdue(actions.Select(a => (a.Action.Value.Due, a.Action.Value.Status))) is > 0 and var late ? $"; {late} overdue {x.AsAt}" : string.Empty;

    internal static IReadOnlyList<DataSourceNote> Sources(QualityContents c)
        => [.. c.DataSources.Select(d => new DataSourceNote(d.FileName, $"{d.Kind.ToString().ToLowerInvariant()}: {N(d.Rows)} rows", d.ContentHash.Hex, $"{d.ImportedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC by {d.ImportedBy}"))];
}
