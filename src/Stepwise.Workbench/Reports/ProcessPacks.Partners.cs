using Stepwise.Review.People;
using Stepwise.Review.Steps;
using Stepwise.Reports;
using Stepwise.Workbench.Reviews;
using static Stepwise.Workbench.Reports.ReportContext;

namespace Stepwise.Workbench.Reports;

internal static partial class ProcessPacks
{
    private static readonly string[] HandoverAttributes = ["org:group", "workgroup", "assignment_group", "support_section", "org:role", "org:resource"];

    /// <summary>
    /// Other departments and service partners: the hand-overs that involve them (between the values of a team
    /// attribute), the service levels and their breaches with case counts, and what is asked of them.
    /// </summary>
    public static ReportDocument Partners(ProcessFacts f, string? partner, string? handoverBy)
    {
        var c = f.Contents;
        var sections = new List<ReportSection>();
        if (f.HasLog)
        {
            sections.Add(Handovers(f, partner, handoverBy));
        }

        if (f.Compliance is { } compliance)
        {
            sections.Add(ServiceLevels(f, compliance));
        }

        sections.Add(Asked(f, partner));
        return f.Context.Document($"{c.Review.Title}: hand-overs and service levels", "Other departments and service partners" + (partner is null ? string.Empty : ": " + partner), sections, f.Sources());
    }

    /// <summary>The service levels case by case: each rule's share of the cases it decided that kept it, and the cases
    /// in scope that breach none of the rules that apply to them, each with its denominator named.</summary>
    internal static ReportSection ServiceLevels(ProcessFacts f, ComplianceFigures compliance)
    {
        var rows = compliance.Rules.Select(r => (IReadOnlyList<TableCell>)[r.Step, r.Title, r.Decided, r.Breaching, r.ShareWithin, r.Open]).ToList();
        var blocks = new List<ReportBlock>
        {
            new TableBlock(new ReportTable($"Each service-level rule: the cases it decided and the share of them within it ({f.Period})",
                [TableColumn.Text("Step"), TableColumn.Comment("Rule"), TableColumn.Count("Cases decided"), TableColumn.Count("Cases breaching"), TableColumn.Percent("Share of decided cases within the rule", 1), TableColumn.Count("Cases still open")], rows)),
        };
        var least = compliance.Rules.Where(r => r.Decided > 0).OrderBy(r => r.ShareWithin).ThenBy(r => r.Id, StringComparer.Ordinal).FirstOrDefault();
        string message;
        if (compliance.Cases is { } cases && compliance.Within is { } within)
        {
            blocks.Add(new KeyFigures([
                new KeyFigure("Cases within every rule", cases == 0 ? double.NaN : within / (double)cases, Charts.Measure.Percent("Within", 1), Note: $"{N(within)} of the {N(cases)} cases in scope breach none of the {Counted.Of(compliance.Rules.Count, "rule", "rules")} that apply to them"),
            ]));
            message = $"{Percent(cases == 0 ? double.NaN : within / (double)cases, 1)} of the {N(cases)} cases in scope keep every rule that applies to them ({N(within)} cases)"
                + (least is null ? "." : $"; the rule kept least is '{least.Title}', by {Percent(least.ShareWithin, 1)} of the {N(least.Decided)} cases it decided.");
        }
        else
        {
            message = least is null ? "No rule has decided any case yet." : $"The rule kept least is '{least.Title}': {Percent(least.ShareWithin, 1)} of the {N(least.Decided)} cases it decided.";
        }

        blocks.Add(new Note("A rule decides a case when it applies to it and its clock has stopped (a time limit still running at the end of the data is open). "
            + "Each rule's share is of the cases it decided; the rules apply to different cases, so their shares do not add up. "
            + (compliance.Cases is null
                ? "The share of cases within every rule needs the rules checked again on the review's data, which the rule file of this assessment does not allow."
                : "Cases within every rule: of all cases in scope, those that breach none of the rules (a rule that does not apply to a case is not breached).")
            + (compliance.Pack is { } pack ? $" Rules: {pack}." : string.Empty)));
        return new ReportSection("Service levels and breaches", blocks) { Message = message };
    }

    private static ReportSection Handovers(ProcessFacts f, string? partner, string? handoverBy)
    {
        var attributes = f.Summary!.Result.EventAttributes.Select(a => a[..a.LastIndexOf(" (", StringComparison.Ordinal)]).ToHashSet(StringComparer.Ordinal);
        string by = handoverBy ?? HandoverAttributes.FirstOrDefault(a => attributes.Contains(a)) ?? "org:resource";
        var network = f.Handovers(by).Result;
        var names = network.Participants;
        var involved = network.Handovers
            .Where(h => partner is null || Same(names[h.From], partner) || Same(names[h.To], partner))
            .OrderByDescending(h => h.Count).ThenBy(h => names[h.From], StringComparer.Ordinal).ThenBy(h => names[h.To], StringComparer.Ordinal)
            .Take(15).ToList();
        if (partner is not null && involved.Count == 0)
        {
            throw Problems.StepwiseException.Invalid("partner", $"'{partner}' hands no work over in the review's data by {by}; values of {by}: {string.Join(", ", Enumerable.Range(0, names.Count).Select(i => names[i]).Order(StringComparer.Ordinal).Take(20))}.");
        }

        var rows = involved.Select(h => (IReadOnlyList<TableCell>)[names[h.From], names[h.To], (double)h.Count, h.Cases, h.Duration.Median]).ToList();
        var unit = UnitFor(involved.Count == 0 ? 0 : involved.Max(h => h.Duration.Median));
        var blocks = new List<ReportBlock>
        {
            new TableBlock(new ReportTable($"Hand-overs between {by} values (the {involved.Count} largest{(partner is null ? string.Empty : " involving " + partner)}; {f.Period})",
                [TableColumn.Text("From"), TableColumn.Text("To"), TableColumn.Count("Hand-overs"), TableColumn.Count("Cases"), TableColumn.Duration("Time between, median", unit)], rows)),
        };
        var pingPong = network.PingPongs.Where(p => partner is null || Same(names[p.First], partner) || Same(names[p.Second], partner)).OrderByDescending(p => p.Count).Take(5).ToList();
        if (pingPong.Count > 0)
        {
            blocks.Add(new BulletList([.. pingPong.Select(p => $"Work bounced {names[p.First]} → {names[p.Second]} → {names[p.First]} {Times(p.Count)} in {Counted.Of(p.Cases, "case", "cases")}.")]));
        }

        string message = involved.Count == 0
            ? $"No hand-overs between {by} values."
            : $"The busiest hand-over is {names[involved[0].From]} → {names[involved[0].To]}: {Times(involved[0].Count)} in {Counted.Of(involved[0].Cases, "case", "cases")}.";
        return new ReportSection("Hand-overs that involve you", blocks) { Message = message };
    }

    /// <summary>What is asked of other departments and partners: tasks, questions, risks they own, and what they were told.</summary>
    private static ReportSection Asked(ProcessFacts f, string? partner)
    {
        var c = f.Contents;
        var people = c.Stakeholders.Select(s => s.Stakeholder.Value)
            .Where(s => partner is null ? s.Group is StakeholderGroup.OtherDepartments or StakeholderGroup.ServicePartners : Same(s.Name, partner) || Same(s.Position, partner))
            .Select(s => s.Name).ToHashSet(StringComparer.Ordinal);
        if (partner is not null)
        {
            people.Add(partner);
        }

        var asks = new List<string>();
        foreach (var t in c.Tasks.Where(t => people.Contains(t.Task.Owner) || t.Raci.Any(r => people.Any(p => r.EndsWith(": " + p, StringComparison.Ordinal)))))
        {
            asks.Add($"Task: {t.Task.Title} (owner {t.Task.Owner}, due {Day(t.Task.Due)}, {Words(t.Task.Status.ToString())}{f.Context.OverdueText(t.Task.Due, t.Task.Status)}).");
        }

        foreach (var q in c.Questions.Where(q => q.AskedOf.Any(people.Contains)))
        {
            asks.Add($"Question about '{q.Step}': {f.Context.Clean(q.Question.Value.Text)}{(q.Answers.Count == 0 ? " (not answered yet)" : " (answered)")}");
        }

        foreach (var r in c.Risks.Where(r => r.Risk.Owner is { } o && people.Contains(o)))
        {
            asks.Add($"Risk to manage: {f.Context.Clean(r.Risk.Description)}; mitigation: {(r.Risk.Mitigation is { } m ? f.Context.Clean(m) : "to agree")}.");
        }

        foreach (var m in c.Communications.Where(m => m.Audience.Any(people.Contains)))
        {
            asks.Add($"Told on {Day(m.Communication.Value.At)} by {m.Communication.Value.Channel}: {m.Communication.Value.Message}.");
        }

        return new ReportSection("What we ask of you", [asks.Count == 0
            ? new Paragraph(people.Count == 0
                ? "No other department or service partner is a stakeholder of this review yet; nothing is asked of them."
                : "Nothing is asked yet; the review will tell you before anything changes at a hand-over.")
            : new BulletList(asks)])
        {
            Message = asks.Count == 0 ? "Nothing is asked of you yet." : $"{Counted.Of(asks.Count, "thing", "things")} {Counted.Verb(asks.Count, "involves", "involve")} you.",
        };
    }

    private static string Times(long count) => count == 1 ? "once" : count == 2 ? "twice" : $"{N(count)} times";
}
