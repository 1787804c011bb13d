using System.CommandLine;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Monitoring;
using Stepwise.Monitoring.Rendering;

namespace Stepwise.Cli.Commands;

/// <summary>
/// <c>stepwise monitor LOG --change-date DATE</c> or <c>stepwise monitor BEFORE AFTER</c>: did the change work? Every
/// KPI before and after with the difference, its interval, a suited test, an adjusted p-value and a verdict; the mix
/// of cases; control charts across the change (<c>--charts DIR</c> writes them as SVG); conformance to what was agreed;
/// and forecasts beside what happened.
/// </summary>
public static class MonitorCommand
{
    /// <summary>The verb's name.</summary>
    public const string Name = "monitor";

    /// <summary>What the verb does, as help lists it.</summary>
    public const string Description = "Did the change work? KPIs before and after a change with intervals, tests and verdicts; mix, control charts, conformance to what was agreed, forecasts against what happened.";

    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var command = new Command(Name, Description);
        var input = new LogInput().AddTo(command);
        var monitor = new MonitorInput().AddTo(command);
        var show = new Option<string>("--show") { Description = "Parts: periods, kpis, mix, trends, conformance, forecast, or all (comma-separated; default: what applies).", DefaultValueFactory = _ => string.Empty };
        var charts = new Option<string?>("--charts") { Description = "A folder to write each KPI's control chart to, as SVG." };
        var format = CommonOptions.Format();
        command.Options.Add(show);
        command.Options.Add(charts);
        command.Options.Add(format);
        command.SetRun((parse, context, cancellation) =>
        {
            var before = input.Load(parse, context, cancellation);
            var after = monitor.AfterPath(parse) is { } afterPath ? input.Load(parse, context, afterPath, cancellation) : null;
            var request = monitor.Request(parse, context, before.View, after?.View, before.Measure);
            string? folder = parse.GetValue(charts);
            var defaults = MonitorSection.Periods | MonitorSection.Kpis
                | (request.Options.MixBy is null ? MonitorSection.None : MonitorSection.Mix)
                | (request.Agreed is null ? MonitorSection.None : MonitorSection.Conformance)
                | (request.Forecast is null ? MonitorSection.None : MonitorSection.Forecast)
                | (folder is null ? MonitorSection.None : MonitorSection.Trends);
            var sections = CommonOptions.ParseSections(parse.GetValue(show)!, defaults);
            var parts = (sections.HasFlag(MonitorSection.Trends) || folder is not null ? MonitorParts.Trends : MonitorParts.None)
                | (sections.HasFlag(MonitorSection.Conformance) ? MonitorParts.Conformance : MonitorParts.None);
            request = request with { Options = request.Options with { Parts = parts } };
            var result = MonitorInput.Mapped(() => ProgressDisplay.Run(context, "Monitoring the change", progress => ChangeMonitor.Run(request, progress, cancellation)));
            var written = folder is not null ? WriteCharts(result, folder) : [];
            var outputFormat = parse.GetValue(format);
            var report = MonitorReport.Build(result, sections, outputFormat == OutputFormat.Table, written, context.WorkingTime);
            return CommonOptions.Print(context, report, outputFormat);
        });
        return command;
    }

    /// <summary>Writes one SVG per control chart; returns the file written for each KPI key.</summary>
    internal static Dictionary<string, string> WriteCharts(MonitorResult result, string folder)
    {
        Directory.CreateDirectory(folder);
        var written = new Dictionary<string, string>(StringComparer.Ordinal);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        foreach (var trend in result.Trends)
        {
            string name = FileName(trend.Key);
            string file = name;
            for (int i = 2; !used.Add(file); i++)
            {
                file = name + "-" + i.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            string path = Path.Combine(folder, file + ".svg");
            string temporary = path + ".tmp";
            File.WriteAllText(temporary, TrendCharts.Svg(trend));
            File.Move(temporary, path, overwrite: true);
            written[trend.Key] = path;
        }

        return written;
    }

    /// <summary>A file name from a KPI key: letters, digits, '-' and '_' kept, anything else '_'.</summary>
    private static string FileName(string key)
    {
        var chars = key.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray();
        string name = new string(chars).Trim('_');
        return name.Length == 0 ? "kpi" : name.Length > 80 ? name[..80] : name;
    }
}
