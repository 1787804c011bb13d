using Stepwise.Cli.Output;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Data;
using Stepwise.Review.Quality;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Quality;

namespace Stepwise.Cli.Commands;

/// <summary>Renders the parts of a quality review as tables and records.</summary>
internal static class QualityReport
{
    public static Report Build(QualityContents q)
    {
        var review = new ResultRecord("review", "Quality review")
            .Add("id", q.Review.Id.ToString("D"))
            .Add("title", q.Review.Title)
            .Add("owner", q.Review.Owner)
            .Add("your_role", q.Review.Role.ToString().ToLowerInvariant())
            .Add("version", q.Plan.Version, CellKind.Integer)
            .Add("hash", q.Plan.Hash.Hex)
            .Add("plan_agreed", q.PlanAgreement.IsAgreed, CellKind.Boolean)
            .Add("plan_agreement", q.PlanAgreement.IsAgreed ? "agreed" : q.PlanAgreement.Reason);
        var stakeholders = new ResultTable("stakeholders", [new("name"), new("group"), new("role")], "Stakeholders");
        foreach (var s in q.Stakeholders)
        {
            stakeholders.Add(s.Value.Name, Validation.Kebab(s.Value.Group.ToString()), s.Value.Role.ToString().ToLowerInvariant());
        }

        var samples = new ResultTable("samples", [new("name"), new("metric"), new("population"), new("size", CellKind.Integer), new("strata"), new("allocation"), new("seed", CellKind.Integer), new("units_file"), new("checks", CellKind.Integer), new("last_check")], "Samples");
        var checks = new ResultTable("sample_checks", [new("sample"), new("at", CellKind.Timestamp), new("file"), new("units", CellKind.Integer), new("response_rate", CellKind.Share), new("attribute"), new("p", CellKind.Number, Decimals: 4), new("representative", CellKind.Boolean), new("under_represented")], "Sample checks");
        foreach (var s in q.Samples)
        {
            var v = s.Value;
            samples.Add(v.Name, v.Metric, $"{v.PopulationFile} ({v.PopulationSize:N0} units, SHA-256 {v.PopulationHash.Short})", v.Size, string.Join(", ", v.Strata), v.Allocation, v.Seed, v.UnitsFile, v.Checks.Count,
                v.Checks.Count == 0 ? "not checked" : v.Checks[^1].Representative ? "representative" : "not representative");
            foreach (var c in v.Checks)
            {
                foreach (var a in c.Attributes)
                {
                    checks.Add(v.Name, c.At, c.File, c.Units, c.ResponseRate, a.Attribute, a.PValue, a.Representative, string.Join(", ", a.Groups.Where(g => g.UnderRepresented).Select(g => g.Group)));
                }
            }
        }

        var sources = new ResultTable("data_sources", [new("file"), new("rows", CellKind.Integer), new("sha256"), new("read_options", CellKind.Json), new("imported_at", CellKind.Timestamp), new("imported_by")], "Feedback imported");
        foreach (var d in q.DataSources)
        {
            sources.Add(d.FileName, d.Rows, d.ContentHash.Hex, d.ImportOptions, d.ImportedAt, d.ImportedBy);
        }

        var report = new Report().Add(review).Add(Features(q.Plan.Value)).Add(Measures(q.Plan.Value)).Add(Revisions(q.Plan.Value)).Add(stakeholders).Add(samples).Add(checks).Add(sources);
        foreach (var a in q.Analyses)
        {
            report.Add(Results(a.Value, "results_" + Slug(a.Value.Title)));
            report.Add(Drivers(a.Value, "drivers_" + Slug(a.Value.Title)));
            report.Add(Themes(a.Value, "themes_" + Slug(a.Value.Title)));
        }

        report.Add(Findings(q.Findings));
        var actions = new ResultTable("actions", [new("title"), new("findings"), new("owner"), new("due"), new("status"), new("measure"), new("agreed", CellKind.Boolean), new("version", CellKind.Integer)], "Agreed actions");
        foreach (var a in q.Actions)
        {
            var v = a.Action.Value;
            actions.Add(v.Title, string.Join("; ", a.Findings), v.Owner, v.Due.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), Validation.Kebab(v.Status.ToString()), v.Measure, a.Agreement.IsAgreed, a.Action.Version);
        }

        var briefings = new ResultTable("briefings", [new("audience"), new("recipients"), new("at", CellKind.Timestamp), new("channel"), new("message"), new("given")], "Results given to audiences");
        foreach (var b in q.Briefings)
        {
            var v = b.Briefing.Value;
            briefings.Add(Validation.Kebab(v.Audience.ToString()), v.Recipients, v.At, v.Channel, v.Message, string.Join("; ", b.Given));
        }

        var signOffs = new ResultTable("sign_offs", [new("artefact"), new("version", CellKind.Integer), new("name"), new("decision"), new("reason"), new("entered_by"), new("at", CellKind.Timestamp), new("stale", CellKind.Boolean)], "Sign-offs");
        foreach (var s in q.SignOffs)
        {
            string what = s.SignOff.Artefact.Kind == ArtefactKind.QualityReview ? "measurement plan"
                : q.Actions.FirstOrDefault(a => a.Action.Value.Id == s.SignOff.Artefact.Id) is { } line ? "action: " + line.Action.Value.Title : s.SignOff.Artefact.ToString();
            signOffs.Add(what, s.SignOff.Version, s.SignOff.Name, s.SignOff.Decision.ToString().ToLowerInvariant(), s.SignOff.Reason, s.SignOff.OnBehalf ? s.SignOff.EnteredBy + " on their behalf" : s.SignOff.EnteredBy, s.SignOff.At, s.IsStale);
        }

        return report.Add(actions).Add(briefings).Add(signOffs);
    }

    public static ResultTable Features(QualityReview plan)
    {
        var table = new ResultTable("features", [new("feature"), new("description"), new("why")], "Features of the service that affect satisfaction");
        foreach (var f in plan.Features)
        {
            table.Add(f.Name, f.Description, f.Why);
        }

        return table;
    }

    public static ResultTable Measures(QualityReview plan)
    {
        var table = new ResultTable("measurement_plan", [new("metric"), new("feature"), new("statistic"), new("column"), new("method"), new("target"), new("frequency"), new("owner"), new("source"), new("sample_design")], "Measurement plan");
        foreach (var m in plan.MeasurementPlan)
        {
            table.Add(m.Metric, m.Feature, m.Statistic, m.Column, m.Method, QualityUseCases.TargetText(m), m.Frequency, m.Owner, m.Source, m.SampleDesign);
        }

        return table;
    }

    public static ResultTable Revisions(QualityReview plan)
    {
        var table = new ResultTable("revisions", [new("at", CellKind.Timestamp), new("by"), new("metric"), new("reason"), new("explanation"), new("changes")], "Revisions of the plan");
        foreach (var r in plan.Revisions)
        {
            table.Add(r.At, r.By, r.Metric, Validation.Kebab(r.Reason.ToString()), r.Explanation, string.Join("; ", r.Changes.Select(c => $"{c.Field}: {c.Before ?? "(none)"} -> {c.After ?? "(none)"}")));
        }

        return table;
    }

    public static ResultRecord Sample(Versioned<QualitySample> saved)
    {
        var v = saved.Value;
        return new ResultRecord("sample")
            .Add("id", v.Id.ToString("D"))
            .Add("name", v.Name)
            .Add("metric", v.Metric)
            .Add("population_file", v.PopulationFile)
            .Add("population_sha256", v.PopulationHash.Hex)
            .Add("population", v.PopulationSize, CellKind.Integer)
            .Add("size", v.Size, CellKind.Integer)
            .Add("strata", string.Join(", ", v.Strata))
            .Add("allocation", v.Allocation)
            .Add("seed", v.Seed, CellKind.Integer)
            .Add("units_file", v.UnitsFile)
            .Add("units_sha256", v.UnitsHash?.Hex)
            .Add("version", saved.Version, CellKind.Integer);
    }

    public static ResultTable Strata(QualitySample sample)
    {
        var table = new ResultTable("strata", [new("stratum"), new("population", CellKind.Integer), new("sample", CellKind.Integer), new("weight", CellKind.Number)], "Strata drawn");
        foreach (var s in sample.StrataDrawn)
        {
            table.Add(s.Label, s.Population, s.Sample, s.Weight);
        }

        return table;
    }

    public static ResultTable Check(SampleCheck check)
    {
        var table = new ResultTable("balance", [
            new("attribute"), new("group"), new("population", CellKind.Integer), new("population_share", CellKind.Share), new("sample", CellKind.Integer), new("sample_share", CellKind.Share),
            new("std_difference", CellKind.Number), new("under_represented", CellKind.Boolean), new("weight", CellKind.Number)],
            $"{check.File}: {check.Units:N0} units{(check.ResponseRate is { } r ? $", response rate {ReportWriter.FormatShare(r)}" : string.Empty)}; {(check.Representative ? "representative" : "not representative")}");
        foreach (var a in check.Attributes)
        {
            foreach (var g in a.Groups)
            {
                table.Add(a.Attribute, g.Group, g.Population, g.PopulationShare, g.Sample, g.SampleShare, g.StandardisedDifference, g.UnderRepresented, g.Weight);
            }
        }

        return table;
    }

    public static ResultRecord Analysis(Versioned<QualityAnalysis> saved, DataSource source)
    {
        var v = saved.Value;
        return new ResultRecord("analysis")
            .Add("id", v.Id.ToString("D"))
            .Add("title", v.Title)
            .Add("file", v.File)
            .Add("sha256", v.DataHash.Hex)
            .Add("responses", v.Responses, CellKind.Integer)
            .Add("comments", v.Comments, CellKind.Integer)
            .Add("confidence", v.Confidence, CellKind.Share)
            .Add("data_source", source.Id.ToString("D"))
            .Add("read_options", source.ImportOptions, CellKind.Json)
            .Add("version", saved.Version, CellKind.Integer);
    }

    public static ResultTable Results(QualityAnalysis a, string name = "results")
    {
        var table = new ResultTable(name, [new("metric"), new("subject"), new("value", CellKind.Number, Decimals: 4), new("lower", CellKind.Number, Decimals: 4), new("upper", CellKind.Number, Decimals: 4), new("n", CellKind.Integer), new("target"), new("verdict")],
            $"{a.Title}: results against targets ({ReportWriter.FormatShare(a.Confidence, 0)} intervals)");
        foreach (var r in a.Results)
        {
            table.Add(r.Metric, r.Subject, r.Value, r.Lower, r.Upper, r.SampleSize, (r.HigherIsBetter ? ">= " : "<= ") + r.Target.ToString("0.####", System.Globalization.CultureInfo.InvariantCulture), r.Verdict.ToString().ToLowerInvariant());
        }

        table.Notes.AddRange(a.Unmeasured.Select(u => $"{u.Metric}: not measured here ({u.Reason})."));
        return table;
    }

    public static ResultTable Drivers(QualityAnalysis a, string name = "drivers")
    {
        var table = new ResultTable(name, [new("item"), new("importance", CellKind.Share), new("correlation", CellKind.Number), new("mean", CellKind.Number), new("performance_percent", CellKind.Number, Decimals: 1), new("quadrant")],
            $"{a.Title}: key drivers of {a.DriversOf ?? "satisfaction"} (grid split at {a.PerformanceSplit ?? 50:0}% of the scale and an equal share of importance)");
        foreach (var d in a.Drivers)
        {
            table.Add(d.Item, d.Importance, d.Correlation, d.MeanScore, d.Performance, d.Quadrant);
        }

        return table;
    }

    public static ResultTable Themes(QualityAnalysis a, string name = "themes")
    {
        var table = new ResultTable(name, [new("theme"), new("comments", CellKind.Integer), new("share", CellKind.Share), new("sentiment", CellKind.Number), new("score_in_theme", CellKind.Number), new("score_elsewhere", CellKind.Number), new("adjusted_p", CellKind.Number, Decimals: 4), new("quote")],
            $"{a.Title}: themes of {a.Comments:N0} comments (quotes with personal data removed)");
        foreach (var t in a.Themes)
        {
            var quote = t.Quotes.FirstOrDefault();
            table.Add(t.Name, t.Comments, t.Share, t.MeanSentiment, t.ScoreInTheme, t.ScoreElsewhere, t.AdjustedPValue, quote is null ? null : quote.Text + " (" + quote.ResponseId + ")");
        }

        if (a.Comments == 0)
        {
            table.Notes.Add("The file has no comments.");
        }

        return table;
    }

    public static ResultTable Findings(IEnumerable<Versioned<QualityFinding>> findings)
    {
        var table = new ResultTable("findings", [new("id"), new("kind"), new("priority", CellKind.Integer), new("subject"), new("summary"), new("evidence")], "Findings");
        foreach (var f in findings)
        {
            table.Add(f.Value.Id.ToString("D"), Validation.Kebab(f.Value.FindingKind.ToString()), f.Value.Priority, f.Value.Subject, f.Value.Summary, string.Join(" | ", f.Value.Evidence.Select(e => e.Summary)));
        }

        return table;
    }

    private static string Slug(string title)
    {
        var chars = title.ToLowerInvariant().Select(c => char.IsAsciiLetterOrDigit(c) ? c : '_').ToArray();
        return new string(chars).Trim('_');
    }
}
