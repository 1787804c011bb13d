using System.Globalization;
using Stepwise.Cli.Output;
using Stepwise.Mining;
using Stepwise.Mining.Compliance;
using Stepwise.Mining.Time;
using Stepwise.Steps.Costing;
using Stepwise.Steps.Evidence;
using Stepwise.Steps.Questions;
using Stepwise.Steps.Satisfaction;
using Stepwise.Steps.Scorecard;
using Stepwise.Steps.Value;

namespace Stepwise.Cli.Commands;

/// <summary>Turns a step scorecard into the tables <c>stepwise steps</c> and <c>stepwise questions</c> print.</summary>
internal static class StepsReport
{
    private static readonly CultureInfo Invariant = CultureInfo.InvariantCulture;

    /// <summary>Where the figures come from: the files and the data hash.</summary>
    public sealed record Inputs(string Log, string DataHash, string? Feedback, string? Rates, string? Rules);

    /// <summary>The report of <c>stepwise steps</c>.</summary>
    public static Report Build(StepScorecard card, EventLog log, Inputs inputs, StepsSection sections, int top)
    {
        var report = new Report().Add(Summary(card, inputs));
        if (sections.HasFlag(StepsSection.Scorecard))
        {
            report.Add(Scorecard(card));
        }

        if (sections.HasFlag(StepsSection.Values))
        {
            report.Add(Values(card));
        }

        if (sections.HasFlag(StepsSection.Satisfaction) && card.Satisfaction is { } satisfaction)
        {
            report.Add(Satisfaction(satisfaction));
            report.Add(Link(satisfaction.Link));
        }

        if (sections.HasFlag(StepsSection.Cost) && card.Cost is not null)
        {
            foreach (var table in CostTables(card, top))
            {
                report.Add(table);
            }
        }

        if (sections.HasFlag(StepsSection.Compliance) && card.Compliance is not null)
        {
            report.Add(Rules(card));
            report.Add(Violations(card, log, top));
        }

        if (sections.HasFlag(StepsSection.Questions))
        {
            report.Add(Questions(card, null, top));
        }

        return report;
    }

    private static ResultRecord Summary(StepScorecard card, Inputs inputs)
    {
        var record = new ResultRecord("assessment", "Step assessment of " + Path.GetFileName(inputs.Log))
            .Add("log", Path.GetFileName(inputs.Log))
            .Add("data_sha256", inputs.DataHash)
            .Add("cases", (long)card.Evidence.Cases, CellKind.Integer)
            .Add("events", card.Evidence.Events, CellKind.Integer)
            .Add("durations", card.Evidence.Measure.Description)
            .Add("handover_by", card.Evidence.HandoverBy)
            .Add("handling_time_method", card.Handling.Method)
            .Add("value_added", card.ValueAdded.Statement, label: "value added")
            .Add("value_added_share", card.ValueAdded.Share, CellKind.Number, "value-added share (fraction)", 6)
            .Add("value_added_basis", card.ValueAdded.Basis, label: "value-added basis")
            .Add("value_added_method", card.ValueAdded.Method);
        if (card.Satisfaction is { } s)
        {
            record.Add("feedback", Path.GetFileName(inputs.Feedback))
                .Add("responses", (long)s.Link.Outcomes.Count, CellKind.Integer)
                .Add("responses_linked", (long)s.Link.Linked, CellKind.Integer)
                .Add("cases_scored", (long)s.ScoredCases, CellKind.Integer)
                .Add("score", $"{s.ScoreName} ({s.ScaleMin}-{s.ScaleMax}), mean {Mean(s.MeanScore)}");
        }

        if (card.Cost is { } cost)
        {
            record.Add("rates", Path.GetFileName(inputs.Rates))
                .Add("total_cost", cost.TotalCost, CellKind.Number)
                .Add("rework_cost", cost.ReworkCost, CellKind.Number)
                .Add("currency", cost.Currency);
        }

        if (card.Compliance is { } compliance)
        {
            record.Add("rules", compliance.Pack.Name + (compliance.Pack.Source is null ? string.Empty : " (" + compliance.Pack.Source + ")"));
            if (compliance.Pack.Notice is { } notice)
            {
                record.Add("rules_notice", notice);
            }
        }

        record.Add("questions", (long)card.Questions.Count, CellKind.Integer);
        return record;
    }

    private static ResultTable Scorecard(StepScorecard card)
    {
        var columns = new List<ResultColumn>
        {
            new("step"),
            new("events", CellKind.Integer),
            new("cases", CellKind.Integer),
            new("handling_median_seconds", CellKind.Duration, "handling"),
            new("handling_basis", CellKind.Text, "basis"),
            new("waiting_median_seconds", CellKind.Duration, "wait med."),
            new("rework_share", CellKind.Share, "rework"),
            new("handover_share", CellKind.Share, "hand-over"),
            new("timer_seconds", CellKind.Duration, "timer"),
            new("timer_share", CellKind.Share, "at timer"),
        };
        bool cost = card.Cost is not null, satisfaction = card.Satisfaction is not null, compliance = card.Compliance is not null;
        if (cost)
        {
            columns.Add(new("cost", CellKind.Number, "cost", 0, "not costed"));
            columns.Add(new("cost_share", CellKind.Share, "cost %"));
            columns.Add(new("costed", CellKind.Text));
        }

        if (satisfaction)
        {
            columns.Add(new("satisfaction_gap", CellKind.Number, "sat. gap"));
            columns.Add(new("satisfaction_lower", CellKind.Number, "lo"));
            columns.Add(new("satisfaction_upper", CellKind.Number, "hi"));
            columns.Add(new("satisfaction_flagged", CellKind.Boolean, "flag"));
        }

        if (compliance)
        {
            columns.Add(new("violations", CellKind.Integer, "breaches"));
            columns.Add(new("compliance_rate", CellKind.Share, "compliance"));
        }

        columns.Add(new("value_class", CellKind.Text, "value"));
        columns.Add(new("questions", CellKind.Integer, "questions"));
        var table = new ResultTable("steps", columns, $"Step scorecard: {card.Steps.Count} steps of {card.Evidence.Cases:N0} cases");
        foreach (var s in card.Steps)
        {
            var row = new List<object?>
            {
                s.Name,
                s.Step.Events,
                (long)s.Step.Cases,
                Finite(s.Handling.MedianSeconds),
                Basis(s.Handling.Basis),
                Finite(s.Step.WaitingTime.Median),
                s.Step.ReworkShare,
                Finite(s.Step.HandoverShare),
                s.Step.Timer?.Seconds,
                s.Step.Timer?.Share,
            };
            if (cost)
            {
                row.Add(Finite(s.Cost?.TotalCost));
                row.Add(Finite(s.Cost?.Share));
                row.Add(s.Cost is null ? null : Coverage(s.Cost.Coverage));
            }

            if (satisfaction)
            {
                row.Add(Finite(s.Satisfaction?.Gap));
                row.Add(Finite(s.Satisfaction?.GapLower));
                row.Add(Finite(s.Satisfaction?.GapUpper));
                row.Add(s.Satisfaction?.Flagged);
            }

            if (compliance)
            {
                row.Add(s.Compliance is null || s.Compliance.Rules == 0 ? null : (long)s.Compliance.Violations);
                row.Add(Finite(s.Compliance?.ComplianceRate));
            }

            row.Add(ValueSuggestion.Code(s.Value.Class));
            row.Add((long)s.Questions);
            table.Add([.. row]);
        }

        table.Notes.Add($"Durations in {card.Evidence.Measure.Description}. Rework: share of the step's cases that come back to it after another step (repeating it straight after itself, such as a second update in the same state, is not counted). Hand-over: share of its instances done by another {(card.Evidence.HandoverBy == "org:resource" ? "person" : card.Evidence.HandoverBy)} than the event before.");
        table.Notes.Add(card.Handling.Method);
        foreach (var timed in card.Steps.Where(x => x.Step.Timer is not null))
        {
            table.Notes.Add(TimerNote(timed.Step));
        }

        if (card.Cost is { } c)
        {
            table.Notes.Add($"Cost{(c.Currency.Length > 0 ? " in " + c.Currency : string.Empty)}: total {c.TotalCost.ToString("N2", Invariant)}, of which rework (repeat executions) {c.ReworkCost.ToString("N2", Invariant)} ({(c.ReworkShare * 100).ToString("0.0", Invariant)}%); labour cost rests on the handling times above.");
            if (NotCostedNote(c) is { } notCosted)
            {
                table.Notes.Add(notCosted);
            }
        }

        if (card.Satisfaction is { } sat)
        {
            table.Notes.Add(sat.Method);
            table.Notes.Add(LinkSummary(sat.Link));
        }

        if (card.Compliance is { } rules)
        {
            table.Notes.Add($"Rules: {rules.Pack.Name}; breaches and compliance over the rules reported against each step." + (rules.Pack.IsExample ? " " + rules.Pack.Notice : string.Empty));
        }

        table.Notes.Add("Value: VA value-adding, BVA business-value-adding, NVA non-value-adding (suggested from the evidence unless set; reasons with --show values).");
        table.Notes.Add(card.ValueAdded.Statement);
        table.Notes.Add(card.ValueAdded.Method);
        return table;
    }

    private static string TimerNote(StepEvidence step)
    {
        var timer = step.Timer!;
        string how = timer.Test == TimerTest.NearlyConstant
            ? $"the wait before it is nearly constant (coefficient of variation {timer.CoefficientOfVariation.ToString("0.00", Invariant)})"
            : $"{(timer.Share * 100).ToString("0", Invariant)}% of the waits before it are {ReportWriter.FormatDuration(timer.Seconds)} (within {(timer.Tolerance * 100).ToString("0.#", Invariant)}%)";
        return $"Timer: '{step.Name}' is moved on by a rule of the system, not by work: {how}. Its questions ask whether the rule is right (thresholds timer_share, timer_variation, timer_min_waits, timer_min_duration).";
    }

    private static string Coverage(CostCoverage coverage) => coverage switch
    {
        CostCoverage.Full => "yes",
        CostCoverage.Partial => "partly",
        _ => "no",
    };

    /// <summary>The steps not costed and how to cost them, with the options of the command line.</summary>
    private static string? NotCostedNote(CostReport cost)
    {
        var missing = cost.Steps.Where(x => x.Coverage != CostCoverage.Full).ToList();
        if (missing.Count == 0)
        {
            return null;
        }

        string None(IEnumerable<StepCost> steps) => string.Join(", ", steps.Select(x => "'" + x.Name + "'"));
        var none = missing.Where(x => x.Coverage == CostCoverage.None).ToList();
        var partial = missing.Where(x => x.Coverage == CostCoverage.Partial).ToList();
        var parts = new List<string>();
        if (none.Count > 0)
        {
            parts.Add($"not costed: {None(none)} (a missing figure, not zero)");
        }

        if (partial.Count > 0)
        {
            parts.Add($"partly costed: {None(partial)} (the cost shown is too low)");
        }

        bool noTime = missing.Any(x => x.InstancesWithoutTime > 0), noRate = missing.Any(x => x.InstancesWithoutRate > 0);
        var how = new List<string>();
        if (noTime)
        {
            string example = missing.First(x => x.InstancesWithoutTime > 0).Name;
            how.Add($"standard times (--standard-time \"{example}=10m\", or standard_times: in the --rates file)");
        }

        if (noRate)
        {
            how.Add("rates for everyone who does the work, or a default_rate in the --rates file");
        }

        return "Cost " + string.Join("; ", parts) + ". To cost them, give " + string.Join(" and ", how) + ".";
    }

    private static ResultTable Values(StepScorecard card)
    {
        var table = new ResultTable("values", [new("step"), new("value_class", CellKind.Text, "value"), new("set_by_user", CellKind.Boolean, "set"), new("reason")], "Value classes");
        foreach (var v in card.Values)
        {
            table.Add(v.Step, ValueSuggestion.Code(v.Class), v.SetByUser, v.Reason);
        }

        return table;
    }

    private static ResultTable Satisfaction(SatisfactionReport s)
    {
        var table = new ResultTable(
            "satisfaction",
            [
                new("kind"), new("subject"), new("cases_with", CellKind.Integer, "with"), new("cases_without", CellKind.Integer, "without"),
                new("mean_with", CellKind.Number, "mean with"), new("mean_without", CellKind.Number, "mean w/o"),
                new("difference", CellKind.Number, "raw diff"), new("lower", CellKind.Number, "lo"), new("upper", CellKind.Number, "hi"),
                new("effect_size", CellKind.Number, "d"), new("p_value", CellKind.Number, "p", 4), new("q_value", CellKind.Number, "q", 4),
                new("adjusted_difference", CellKind.Number, "adj. gap"), new("adjusted_lower", CellKind.Number, "lo"), new("adjusted_upper", CellKind.Number, "hi"),
                new("adjusted_p_value", CellKind.Number, "adj. p", 4), new("adjusted_q_value", CellKind.Number, "adj. q", 4), new("flagged", CellKind.Boolean, "flag"),
                new("negative_share_with", CellKind.Share, "neg. with"), new("negative_share_without", CellKind.Share, "neg. w/o"), new("note"),
            ],
            $"Satisfaction ('{s.ScoreName}', {s.ScaleMin}-{s.ScaleMax}) by step, rework, hand-over and variant: {s.ScoredCases:N0} scored cases, mean {Mean(s.MeanScore)}");
        foreach (var g in s.Gaps)
        {
            table.Add(
                g.Kind.ToString().ToLowerInvariant(), g.Subject, (long)g.CasesWith, (long)g.CasesWithout, g.MeanWith, g.MeanWithout,
                g.Difference, Finite(g.Lower), Finite(g.Upper), Finite(g.EffectSize), Finite(g.PValue), Finite(g.QValue),
                Finite(g.AdjustedDifference), Finite(g.AdjustedLower), Finite(g.AdjustedUpper), Finite(g.AdjustedPValue), Finite(g.AdjustedQValue), g.Flagged,
                Finite(g.NegativeShareWith), Finite(g.NegativeShareWithout), g.Note);
        }

        table.Notes.Add(s.Method);
        return table;
    }

    private static ResultTable Link(LinkedFeedback link)
    {
        var table = new ResultTable("feedback_link", [new("outcome"), new("responses", CellKind.Integer), new("meaning")], "How the responses linked to cases");
        foreach (var (outcome, count) in link.Counts())
        {
            table.Add(Kebab(outcome.ToString()), (long)count, Meaning(outcome));
        }

        return table;
    }

    private static string LinkSummary(LinkedFeedback link)
    {
        var counts = link.Counts();
        var notLinked = counts.Where(c => c.Outcome is not (LinkOutcome.ByCaseId or LinkOutcome.ByCustomer or LinkOutcome.NoScore)).ToList();
        string reasons = notLinked.Count == 0 ? "none" : string.Join("; ", notLinked.Select(c => $"{char.ToLowerInvariant(Meaning(c.Outcome)[0])}{Meaning(c.Outcome)[1..]}, {c.Responses:N0}"));
        int byCase = counts.Where(c => c.Outcome == LinkOutcome.ByCaseId).Sum(c => c.Responses);
        int byCustomer = counts.Where(c => c.Outcome == LinkOutcome.ByCustomer).Sum(c => c.Responses);
        return $"Feedback: {link.Outcomes.Count:N0} responses; {link.Linked:N0} linked ({byCase:N0} by case id, {byCustomer:N0} by customer and time); {link.ScoredCases:N0} cases scored. Not linked: {reasons}.";
    }

    private static string Meaning(LinkOutcome outcome) => outcome switch
    {
        LinkOutcome.ByCaseId => "Linked by case id",
        LinkOutcome.ByCustomer => "Linked by customer id to the case that ended last before the response, within the window",
        LinkOutcome.NoKey => "No case id, and no customer id to link by",
        LinkOutcome.UnknownCase => "Case id not in the log",
        LinkOutcome.UnknownCustomer => "Customer has no case in the log",
        LinkOutcome.NoDate => "Customer id without a response date",
        LinkOutcome.NoCaseInWindow => "No case of the customer ended within the window before the response",
        LinkOutcome.OutsideScope => "Case filtered out of the review",
        LinkOutcome.DuplicateCase => "Case already has a response (the first is used)",
        LinkOutcome.NoScore => "Linked, but no score on the measure analysed",
        _ => outcome.ToString(),
    };

    private static IEnumerable<ResultTable> CostTables(StepScorecard card, int top)
    {
        var cost = card.Cost!;
        var steps = new ResultTable(
            "cost_steps",
            [
                new("step"), new("instances", CellKind.Integer), new("handling_basis", CellKind.Text, "basis"), new("handling_median_seconds", CellKind.Duration, "handling"),
                new("labour_cost", CellKind.Number, "labour", 2, "not costed"), new("fixed_cost", CellKind.Number, "fixed"), new("total_cost", CellKind.Number, "total", 2, "not costed"), new("share", CellKind.Share),
                new("cost_per_instance", CellKind.Number, "per instance"), new("rework_instances", CellKind.Integer, "repeats"), new("rework_cost", CellKind.Number, "rework cost"),
                new("instances_without_time", CellKind.Integer, "no time"), new("instances_without_rate", CellKind.Integer, "no rate"), new("costed", CellKind.Text),
                new("how_to_cost", CellKind.Text, "to cost it"),
            ],
            "Cost per step" + (cost.Currency.Length > 0 ? " (" + cost.Currency + ")" : string.Empty));
        foreach (var s in cost.Steps)
        {
            bool costed = s.Coverage != CostCoverage.None;
            steps.Add(s.Name, s.Instances, Basis(s.Handling.Basis), Finite(s.Handling.MedianSeconds), costed ? s.LabourCost : null, s.FixedCost, Finite(s.TotalCost), Finite(s.Share), Finite(s.CostPerInstance), s.ReworkInstances, Finite(s.ReworkCost), s.InstancesWithoutTime, s.InstancesWithoutRate, Coverage(s.Coverage), s.HowToCost);
        }

        steps.Notes.AddRange(cost.Notes);
        if (NotCostedNote(cost) is { } notCosted)
        {
            steps.Notes.Add(notCosted);
        }
        yield return steps;

        var variants = new ResultTable("cost_variants", [new("rank", CellKind.Integer), new("cases", CellKind.Integer), new("total_cost", CellKind.Number, "total"), new("cost_per_case", CellKind.Number, "per case"), new("share", CellKind.Share), new("path")], $"Cost per variant (top {top})");
        foreach (var v in cost.Variants.Take(top))
        {
            variants.Add((long)(v.Rank + 1), (long)v.Cases, v.TotalCost, v.CostPerCase, Finite(v.Share), v.Path);
        }

        variants.Notes.Add($"Cost per case: mean {cost.CaseSummary.Mean.ToString("N2", Invariant)}, median {cost.CaseSummary.Median.ToString("N2", Invariant)}, 90th percentile {cost.CaseSummary.P90.ToString("N2", Invariant)}, maximum {cost.CaseSummary.Max.ToString("N2", Invariant)}.");
        variants.Notes.Add(card.Handling.Method);
        yield return variants;

        var cases = new ResultTable("costliest_cases", [new("case"), new("events", CellKind.Integer), new("total_cost", CellKind.Number, "total"), new("rework_cost", CellKind.Number, "rework")], $"Costliest cases (top {top})");
        foreach (var c in cost.CostliestCases.Take(top))
        {
            cases.Add(c.CaseId, (long)c.Events, c.TotalCost, c.ReworkCost);
        }

        yield return cases;
    }

    private static ResultTable Rules(StepScorecard card)
    {
        var compliance = card.Compliance!;
        var table = new ResultTable(
            "rules",
            [new("rule"), new("step"), new("status"), new("cases_checked", CellKind.Integer, "checked"), new("open", CellKind.Integer), new("violations", CellKind.Integer, "breaches"), new("compliance_rate", CellKind.Share, "compliance"), new("title"), new("source"), new("reason")],
            "Rules: " + compliance.Pack.Name);
        foreach (var r in compliance.Results)
        {
            table.Add(r.Rule.Id, r.Step, r.Status == RuleStatus.Evaluated ? "evaluated" : "not evaluable", (long)r.CasesChecked, (long)r.Open, (long)r.Violations.Count, Finite(r.ComplianceRate), r.Rule.Title, r.Rule.Source, r.Reason);
        }

        if (compliance.Pack.Notice is { } notice)
        {
            table.Notes.Add(notice);
        }

        table.Notes.AddRange(compliance.Notes);
        table.Notes.Add("Open: cases where the clock is still running at the end of the log (not yet decided). Compliance: share of decided cases that kept the rule.");
        return table;
    }

    private static ResultTable Violations(StepScorecard card, EventLog log, int top)
    {
        var table = new ResultTable("violations", [new("rule"), new("case"), new("explanation"), new("evidence")], $"Violating cases with the events that prove them (first {top} per rule)");
        foreach (var r in card.Compliance!.Results.Where(r => r.Status == RuleStatus.Evaluated))
        {
            foreach (var v in r.Violations.Take(top))
            {
                table.Add(r.Rule.Id, v.CaseId, v.Explanation, string.Join("; ", v.Events.Select(e => DescribeEvent(log, e))));
            }
        }

        return table;
    }

    /// <summary>The ranked questions, optionally of one step only.</summary>
    public static ResultTable Questions(StepScorecard card, string? step, int top)
    {
        var table = new ResultTable(
            "questions",
            [
                new("rank", CellKind.Integer), new("id"), new("step"), new("challenge"), new("question"), new("evidence"),
                new("cases_affected", CellKind.Integer, "cases"), new("impact", CellKind.Share), new("stake_per_case", CellKind.Number, "stake/case"), new("stake_unit", CellKind.Text, "unit"),
                new("origin"), new("answer"), new("answered_by", CellKind.Text, "by"), new("option"),
            ],
            step is null ? (card.Questions.Count <= top ? $"Questions that challenge the steps ({card.Questions.Count:N0} in all)" : $"Questions that challenge the steps (the first {top:N0} of {card.Questions.Count:N0}; --top shows more)") : $"Questions about '{step}'");
        int rank = 0;
        foreach (var q in card.Questions.Where(q => step is null || string.Equals(q.Step, step, StringComparison.Ordinal)).Take(top))
        {
            rank++;
            table.Add((long)rank, q.Id, q.Step, Kebab(q.Challenge.ToString()), q.Text, q.Evidence, (long)q.CasesAffected, Finite(q.Impact), Finite(q.StakePerCase), Unit(q.Unit), q.Origin.ToString().ToLowerInvariant(), q.Answer, q.AnsweredBy, q.Option);
        }

        table.Notes.Add(QuestionGenerator.ImpactMethod + " Stake per case: seconds of time, cost, satisfaction points or 1 per breached case.");
        if (card.Questions.Any(q => q.Evidence.Contains("estimated", StringComparison.Ordinal) || q.Text.Contains("estimated", StringComparison.Ordinal)))
        {
            table.Notes.Add(card.Handling.Method);
        }

        return table;
    }

    private static string DescribeEvent(EventLog log, int row)
    {
        string resource = log.Resources[row] >= 0 ? " by " + log.ResourceNames[log.Resources[row]] : string.Empty;
        return $"{log.ActivityNames[log.Activities[row]]} {Timestamp.Format(log.Times[row])}{resource}";
    }

    private static string Basis(HandlingTimeBasis basis) => basis.ToString().ToLowerInvariant();

    private static string Unit(ImpactUnit unit) => unit switch
    {
        ImpactUnit.Time => "seconds",
        ImpactUnit.Cost => "cost",
        ImpactUnit.Satisfaction => "points",
        ImpactUnit.Cases => "cases",
        _ => "-",
    };

    private static string Kebab(string name)
    {
        var text = new System.Text.StringBuilder();
        foreach (char ch in name)
        {
            if (char.IsUpper(ch) && text.Length > 0)
            {
                text.Append('-');
            }

            text.Append(char.ToLowerInvariant(ch));
        }

        return text.ToString();
    }

    private static string Mean(double mean) => double.IsNaN(mean) ? "-" : mean.ToString("0.00", Invariant);

    private static double? Finite(double? value) => value is { } v && double.IsFinite(v) ? v : null;
}
