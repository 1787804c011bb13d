using Spectre.Console;

namespace Stepwise.Cli.Infrastructure;

/// <summary>
/// Runs work and, when it takes longer than about a second and standard error is a terminal, shows a progress bar
/// there. Output on standard output is never touched, so results can be piped.
/// </summary>
internal static class ProgressDisplay
{
    private static readonly TimeSpan Delay = TimeSpan.FromSeconds(1);

    /// <summary>Runs <paramref name="work"/>, which reports progress as a fraction between 0 and 1.</summary>
    public static T Run<T>(CliContext context, string label, Func<IProgress<double>, T> work)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(work);
        var reporter = new LatestValue();
        if (!context.Interactive)
        {
            return work(reporter);
        }

        var task = Task.Run(() => work(reporter));
        if (task.Wait(Delay))
        {
            return task.GetAwaiter().GetResult();
        }

        ShowProgress(label, task, reporter);
        return task.GetAwaiter().GetResult();
    }

    /// <summary>
    /// Shows the bar until <paramref name="task"/> ends. Apart, so that a run without a terminal (scripts, pipes) never
    /// loads the terminal library.
    /// </summary>
    [System.Runtime.CompilerServices.MethodImpl(System.Runtime.CompilerServices.MethodImplOptions.NoInlining)]
    private static void ShowProgress(string label, Task task, LatestValue reporter)
    {
        var console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
        console.Progress()
            .AutoClear(true)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx =>
            {
                var bar = ctx.AddTask(label, maxValue: 1.0);
                while (!task.Wait(100))
                {
                    bar.Value = reporter.Value;
                }

                bar.Value = 1.0;
            });
    }

    private sealed class LatestValue : IProgress<double>
    {
        private double _value;

        public double Value => Volatile.Read(ref _value);

        public void Report(double value) => Volatile.Write(ref _value, Math.Clamp(value, 0, 1));
    }
}
