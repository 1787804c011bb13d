using System.CommandLine;

namespace Stepwise.Cli.Infrastructure;

/// <summary>Where a command writes: standard output for results, standard error for progress and errors.</summary>
internal sealed class CliContext(TextWriter output, TextWriter error, bool interactive)
{
    /// <summary>Results go here.</summary>
    public TextWriter Output { get; } = output;

    /// <summary>Errors, warnings and progress go here.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>Whether standard error is a terminal, so that a progress display makes sense.</summary>
    public bool Interactive { get; } = interactive;

    /// <summary>How results are printed: table width, CSV dialect, where CSV files go.</summary>
    public Stepwise.Cli.Output.ExportSettings Export { get; init; } = Stepwise.Cli.Output.ExportSettings.Default;

    /// <summary>Whether the durations the command prints are working time (set when a log is loaded with working
    /// hours), so that text shows them in working hours.</summary>
    public bool WorkingTime { get; private set; }

    /// <summary>Notes how the command's durations are measured.</summary>
    public void MeasuredIn(Stepwise.Mining.Time.DurationMeasure measure) => WorkingTime = measure is Stepwise.Mining.Time.WorkingCalendar;

    internal static CliContext From(ParseResult parse)
    {
        var config = parse.InvocationConfiguration;
        bool console = config.Output == Console.Out || config.Output is null;
        return new CliContext(config.Output ?? Console.Out, config.Error ?? Console.Error, console && !Console.IsErrorRedirected)
        {
            Export = Stepwise.Cli.Output.OutputOptions.Read(parse),
        };
    }

    /// <summary>Writes a warning line to standard error.</summary>
    public void Warn(string message) => Error.WriteLine("warning: " + Cli.Output.TerminalText.Escape(message));

    /// <summary>Writes a line of information (what was written where, what to run next) to standard error.</summary>
    public void Info(string message) => Error.WriteLine(Cli.Output.TerminalText.Escape(message));
}
