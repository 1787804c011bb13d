using System.CommandLine;

namespace Stepwise.Cli.Infrastructure;

/// <summary>Attaches actions to commands so that every verb reports errors the same way.</summary>
public static class CommandActions
{
    /// <summary>Exit code for a failure caused by input or options.</summary>
    public const int UserFailure = 1;

    /// <summary>Exit code for a failure inside Stepwise itself.</summary>
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
        catch (OperationCanceledException)
        {
            context.Error.WriteLine("stepwise: cancelled");
            return 130;
        }
        catch (Exception ex) when (IsUserFacing(ex))
        {
            context.Error.WriteLine("stepwise: error: " + MessageOf(ex));
            if (Environment.GetEnvironmentVariable("STEPWISE_DEBUG") == "1")
            {
                context.Error.WriteLine(ex.ToString());
            }

            return UserFailure;
        }
        catch (Exception ex)
        {
            context.Error.WriteLine("stepwise: internal error: " + ex.Message + " (set STEPWISE_DEBUG=1 to see details)");
            if (Environment.GetEnvironmentVariable("STEPWISE_DEBUG") == "1")
            {
                context.Error.WriteLine(ex.ToString());
            }

            return InternalFailure;
        }
    }

    /// <summary>The message for the user, without the parameter name .NET appends to argument errors.</summary>
    internal static string MessageOf(Exception ex)
        => ex is ArgumentException { ParamName: { } name } ? ex.Message.Replace($" (Parameter '{name}')", string.Empty, StringComparison.Ordinal) : ex.Message;

    /// <summary>Exceptions whose message is meant for the user: bad input data, files, options and rules.</summary>
    private static bool IsUserFacing(Exception ex) => ex is UserError
        or InvalidDataException
        or IOException
        or UnauthorizedAccessException
        or ArgumentException
        or InvalidOperationException
        or FormatException
        or NotSupportedException;
}
