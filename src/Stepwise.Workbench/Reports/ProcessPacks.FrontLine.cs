using Stepwise.Review.Decisions;
using Stepwise.Review.People;
using Stepwise.Reports;
using Stepwise.Workbench.Reviews;
using static Stepwise.Workbench.Reports.ReportContext;

namespace Stepwise.Workbench.Reports;

internal static partial class ProcessPacks
{
    /// <summary>
    /// Front-line staff: what changes and why in plain words, what colleagues and customers said (redacted, names
    /// included), what stays the same, and when.
    /// </summary>
    public static ReportDocument FrontLine(ProcessFacts f)
    {
        var c = f.Contents;
        var current = c.Recommendations.Where(r => r.Recommendation.Value.Status != RecommendationStatus.Withdrawn).ToList();
        var chosen = current.SelectMany(r => r.Recommendation.Value.OptionIds).ToHashSet();
        var options = c.Options.Where(o => chosen.Contains(o.Option.Value.Id)).ToList();
        var sections = new List<ReportSection>();

        var changes = new List<string>();
        foreach (var r in current)
        {
            changes.Add($"{r.Recommendation.Value.Title}. Why: {f.Context.Clean(r.Recommendation.Value.Rationale)}");
        }

        foreach (var o in options)
        {
            changes.AddRange(o.Changes.Select(ch => $"In practice: {ch}."));
        }

        sections.Add(new ReportSection("What changes, and why", [changes.Count == 0
            ? new Paragraph("Nothing has been decided yet. The review is looking at how the work flows today; you will hear before anything changes.")
            : new BulletList(changes)])
        {
            Message = current.Count == 0 ? "Nothing changes yet." : $"We are changing one thing: {current[0].Recommendation.Value.Title.TrimEnd('.')}.",
        });

        var said = new List<ReportBlock>();
        foreach (var q in c.Questions.Where(q => q.Answers.Count > 0))
        {
            foreach (var a in q.Answers)
            {
                said.Add(new Quote(a.Text, $"{(f.Context.IncludePersonalData ? a.Stakeholder : Speaker(c, a.Stakeholder))}, on '{q.Step}'"));
            }
        }

        foreach (var r in current)
        {
            // Only what people said: the computed evidence (simulations, the matrix, cost-benefit) is for the board.
            foreach (var e in r.Recommendation.Value.Evidence.Where(e => e.Source.StartsWith("stated by", StringComparison.Ordinal)))
            {
                said.Add(new Quote(e.Summary, "said in support of the recommendation"));
            }
        }

        sections.Add(new ReportSection("What people told us", said.Count == 0 ? [new Paragraph("No answers have been recorded yet.")] : said)
        {
            Message = said.Count == 0 ? "We still want to hear from you." : "Your answers shaped the change.",
        });

        var same = new List<string>();
        foreach (var keep in c.Scope?.Value.Change.RequiredSteps ?? [])
        {
            same.Add($"'{keep.Activity}' stays: {keep.Reason}.");
        }

        foreach (var constraint in c.Scope?.Value.Change.Constraints ?? [])
        {
            same.Add(constraint + ".");
        }

        var changed = options.SelectMany(o => o.Steps).ToHashSet(StringComparer.Ordinal);
        var untouched = c.Steps.Select(s => s.Step.Value.Name).Where(n => !changed.Contains(n)).ToList();
        if (untouched.Count > 0 && changed.Count > 0)
        {
            same.Add("These steps are not changed: " + string.Join(", ", untouched) + ".");
        }

        foreach (var note in c.Scope?.Value.OutOfScope ?? [])
        {
            same.Add("Outside this review: " + note + ".");
        }

        sections.Add(new ReportSection("What stays the same", [same.Count == 0 ? new Paragraph("Everything not named above stays as it is.") : new BulletList(same)])
        {
            Message = "Most of your work stays as it is.",
        });

        sections.Add(new ReportSection("When", c.Tasks.Count == 0 ? [new Paragraph("The dates are not planned yet.")] : PlanBlocks(f.Context, c.Tasks))
        {
            Message = c.Tasks.Count == 0 ? "Dates to follow." : $"From {Day(c.Tasks.Select(t => t.Task.Start ?? t.Task.Due).Min())} to {Day(c.Tasks.Max(t => t.Task.Due))}{OverdueCount(f.Context, c.Tasks)}.",
        });
        return f.Context.Document($"{c.Review.Title}: what changes for you", "Front-line staff", sections, f.Sources(), "A briefing for the people who do the work") with { SourcesInOneLine = true };
    }

    /// <summary>The fewest people a group must have before a quote may name the group: in a smaller one, the group
    /// names the person (the one team leader).</summary>
    internal const int SmallestNamedGroup = 3;

    /// <summary>Who said it, without naming them: "one of the team leaders" when the speaker's stakeholder group has at
    /// least <see cref="SmallestNamedGroup"/> people in the review, else "a colleague".</summary>
    internal static string Speaker(ReviewContents c, string stakeholder)
    {
        var group = c.Stakeholders.Select(s => s.Stakeholder.Value).FirstOrDefault(s => string.Equals(s.Name, stakeholder, StringComparison.Ordinal))?.Group;
        int size = group is null ? 0 : c.Stakeholders.Count(s => s.Stakeholder.Value.Group == group);
        return size >= SmallestNamedGroup ? $"one of the {Words(group!.Value.ToString())}" : "a colleague";
    }
}
