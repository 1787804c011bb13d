using Stepwise.Workbench.Problems;
using System.CommandLine;

namespace Stepwise.Cli.Infrastructure;

/// <summary>Attaches actions to commands so that every verb reports errors the same way.</summary>
public static class CommandActions
{
    /// <summary>Exit code for a failure inside Stepwise itself (see <see cref="ProblemCatalog"/> for every code).</summary>
    public const int InternalFailure = 70;

    /// <summary>
    /// Sets the action of <paramref name="command"/>: runs <paramref name="run"/>, and turns exceptions into one line
    /// on standard error and a non-zero exit code (stack traces only with STEPWISE_DEBUG=1).
    /// </summary>
    public static void SetRun(this Command command, Func<ParseResult, CliContext, CancellationToken, int> run)
    {
        ArgumentNullException.ThrowIfNull(command);
        ArgumentNullException.ThrowIfNull(run);
        command.SetAction((parse, cancellation) =>
        {
            var context = CliContext.From(parse);
            return Task.FromResult(Execute(context, () => run(parse, context, cancellation)));
        });
    }

    internal static int Execute(CliContext context, Func<int> run)
    {
        try
        {
            return run();
        }
        catch (Exception ex)
        {
            // The command line's own option errors are invalid values; everything else is classified by the one table
            // that the HTTP API uses too.
            var problem = ProblemCatalog.Describe(ex is UserError ? new StepwiseException(ProblemKind.InvalidValue, ex.Message) : ex);
            string prefix = problem.Kind switch
            {
                ProblemKind.Bug => "stepwise: internal error: ",
                ProblemKind.Cancelled => "stepwise: ",
                _ => "stepwise: error: ",
            };
            string detail = problem.Kind == ProblemKind.Cancelled ? "cancelled" : problem.Detail;
            if (problem.Errors.Count > 1)
            {
                detail = "the request has " + problem.Errors.Count + " problems:" + string.Concat(problem.Errors.Select(e => Environment.NewLine + "  " + e.OptionName + ": " + e.Message));
            }
            else if (problem.Errors.Count == 1)
            {
                detail = problem.Errors[0].OptionName + ": " + problem.Errors[0].Message;
            }

            // User text in a message (a value, a file name) may hold control characters: shown escaped, line by line.
            context.Error.WriteLine(prefix + Output.TerminalText.EscapeLines(detail) + (problem.Kind == ProblemKind.Bug ? " (set STEPWISE_DEBUG=1 to see details)" : string.Empty));
            if (Environment.GetEnvironmentVariable("STEPWISE_DEBUG") == "1")
            {
                context.Error.WriteLine(ex.ToString());
            }

            return problem.ExitCode;
        }
    }
}
