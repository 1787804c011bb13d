using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Mining.IO;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise convert LOG OUT</c>: reads a log and writes it as CSV or XES.</summary>
internal static class ConvertCommand
{
    /// <summary>The verb's name.</summary>
    public const string Name = "convert";

    /// <summary>What the verb does, as help lists it.</summary>
    public const string Description = "Read a log (with the same options as the other verbs, filters included) and write it as .csv, .tsv or .xes (optionally .gz).";

    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var command = new Command(Name, Description);
        var input = new LogInput(review: false).AddTo(command);
        var output = new Argument<string>("OUT") { Description = "The file to write; its name gives the format." };
        command.Arguments.Add(output);
        command.SetRun((parse, context, cancellation) =>
        {
            var loaded = input.Load(parse, context, cancellation);
            string target = parse.GetRequiredValue(output);
            var log = loaded.View.IsAll ? loaded.Log : Mining.LogSlicer.Slice(loaded.View);
            EventLogFile.Write(log, target);
            context.Error.WriteLine($"wrote {log.CaseCount:N0} cases, {log.EventCount:N0} events to {target}");
            return 0;
        });
        return command;
    }
}
