using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;

namespace Stepwise.Cli.Commands;

/// <summary>
/// <c>stepwise review verify</c>: recompute the hash chain of a review's history and name the first entry that breaks
/// it. Exit code 0 when the history is intact, 1 when the check finds a break or an inconsistency (as <c>cmp</c> and
/// <c>gzip -t</c> do), and the problem catalogue's codes when the check cannot run.
/// </summary>
internal static class ReviewVerifyCommand
{
    /// <summary>The exit code of a check that ran and found the history changed.</summary>
    public const int BrokenExitCode = 1;

    public static Command Create(ReviewOptions o)
    {
        var id = new Argument<string>("review") { Description = "The review id (or a unique prefix of it, or its title)." };
        var command = new Command("verify", "Check that a review's history has not been changed behind Stepwise's back: recompute the hash chain through every entry and name the first entry that breaks it (changed, removed, inserted or reordered), and any version, sign-off or import with no history entry. Exit code 0 when intact, 1 when not. Keep the printed head hash elsewhere to show later that nothing was removed from the end.") { id };
        command.SetRun((parse, context, _) =>
        {
            using var session = ReviewSession.Open(parse, o);
            Guid reviewId = session.ResolveReview(parse.GetValue(id)!);
            var check = session.Bench.Reviews.VerifyHistory(session.Actor, reviewId);
            var record = new ResultRecord("verification")
                .Add("review", reviewId.ToString("D"))
                .Add("intact", check.IsIntact ? "yes" : "no")
                .Add("entries_checked", check.Entries, CellKind.Integer)
                .Add("head", check.Head)
                .Add("first_break_seq", check.FirstBreak?.Entry.Sequence, CellKind.Integer)
                .Add("first_break_at", check.FirstBreak?.Entry.At, CellKind.Timestamp)
                .Add("first_break_by", check.FirstBreak?.Entry.By)
                .Add("first_break_summary", check.FirstBreak?.Entry.Summary)
                .Add("first_break_problem", check.FirstBreak?.Problem);
            var report = new Report().Add(record);
            if (check.Problems.Count > 0)
            {
                var problems = new ResultTable("problems", [new("problem")], "Other inconsistencies");
                foreach (var problem in check.Problems)
                {
                    problems.Add(problem);
                }

                report.Add(problems);
            }

            int printed = CommonOptions.Print(context, report, parse.GetValue(o.Format));
            if (!check.IsIntact)
            {
                context.Error.WriteLine(check.FirstBreak is { } b
                    ? $"The history of review {reviewId:D} is not intact: entry {b.Entry.Sequence} ({b.Entry.At:yyyy-MM-dd HH:mm:ss}Z, {TerminalText.Escape(b.Entry.By)}) breaks the chain: {b.Problem}."
                    : $"The history of review {reviewId:D} is not intact: {check.Problems.Count} inconsistencies.");
                return BrokenExitCode;
            }

            return printed;
        });
        return command;
    }
}
