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

        var compliance = c.Steps.Where(s => ProcessFacts.Assessment(s, AssessmentAspect.Compliance) is not null).ToList();
        if (compliance.Count > 0)
        {
            var rows = compliance.Select(s => (IReadOnlyList<TableCell>)[
                s.Step.Value.Name,
                ProcessFacts.Measure(s, AssessmentAspect.Compliance, "rules"),
                ProcessFacts.Measure(s, AssessmentAspect.Compliance, "cases_decided"),
                ProcessFacts.Measure(s, AssessmentAspect.Compliance, "violating_cases"),
                ProcessFacts.Measure(s, AssessmentAspect.Compliance, "compliance_rate"),
            ]).ToList();
            var rules = compliance.SelectMany(s => ProcessFacts.Assessment(s, AssessmentAspect.Compliance)!.Evidence.Select(e => $"{s.Step.Value.Name}: {e.Summary}")).ToList();
            var worst = compliance.MaxBy(s => ProcessFacts.Measure(s, AssessmentAspect.Compliance, "violating_cases"))!;
            sections.Add(new ReportSection("Service levels and breaches", [
                new TableBlock(new ReportTable("Service-level rules checked at each step", [TableColumn.Text("Step"), TableColumn.Count("Rules"), TableColumn.Count("Cases decided"), TableColumn.Count("Cases breaching"), TableColumn.Percent("Cases within the rules", 1)], rows)),
                new BulletList(rules),
            ])
            {
                Message = $"Most breaches are at '{worst.Step.Value.Name}': {N(ProcessFacts.Measure(worst, AssessmentAspect.Compliance, "violating_cases"))} cases.",
            });
        }

        sections.Add(Asked(f, partner));
        return f.Context.Document($"{c.Review.Title}: hand-overs and service levels", "Other departments and service partners" + (partner is null ? string.Empty : ": " + partner), sections, f.Sources());
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
            new TableBlock(new ReportTable($"Hand-overs between {by} values (the {involved.Count} largest{(partner is null ? string.Empty : " involving " + partner)})",
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
            asks.Add($"Task: {t.Task.Title} (owner {t.Task.Owner}, due {Day(t.Task.Due)}, {Words(t.Task.Status.ToString())}).");
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
