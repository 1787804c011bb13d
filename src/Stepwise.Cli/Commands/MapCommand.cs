using System.CommandLine;
using System.Text;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Maps.Mapping;
using Stepwise.Maps.Rendering;
using Stepwise.Workbench.Analyses;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise map LOG -o map.svg</c>: a process map as SVG (frequency or performance overlay, simplified,
/// with swimlanes) and, on request, as BPMN 2.0 with diagram layout.</summary>
internal static class MapCommand
{
    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var command = new Command("map", "Draw the process map as SVG (and BPMN 2.0): steps and the paths between them, by frequency or time, simplified and with swimlanes on request.");
        var input = new LogInput().AddTo(command);
        var format = CommonOptions.Format();
        var output = new Option<string?>("--output", "-o") { Description = "Write the map as SVG to this file." };
        var bpmn = new Option<string?>("--bpmn") { Description = "Write the map as BPMN 2.0 XML (with diagram layout) to this file." };
        var overlay = new Option<string>("--overlay") { Description = "frequency (counts) or performance (time between steps).", DefaultValueFactory = _ => "frequency" };
        var count = new Option<string>("--count") { Description = "What frequencies count: cases or events.", DefaultValueFactory = _ => "cases" };
        var time = new Option<string>("--time") { Description = "Which time the performance overlay shows: median or mean.", DefaultValueFactory = _ => "median" };
        var activities = new Option<double>("--activities") { Description = "Show the most frequent N% of activities (1-100).", DefaultValueFactory = _ => 100 };
        var paths = new Option<double>("--paths") { Description = "Show the most frequent N% of paths (0-100); paths every shown step needs to stay between start and end are kept.", DefaultValueFactory = _ => 100 };
        var lanes = new Option<string?>("--lanes") { Description = "Draw swimlanes by this attribute (team, role, resource group, channel; org:resource for resources)." };
        var maxLanes = new Option<int>("--max-lanes") { Description = "The most lanes; lanes with the fewest steps beyond it are pooled as 'other'.", DefaultValueFactory = _ => 8 };
        var scheme = new Option<string>("--scheme") { Description = "Colours: light (screen) or print (greys, dashes).", DefaultValueFactory = _ => "light" };
        var direction = new Option<string>("--direction") { Description = "Flow direction: down or right.", DefaultValueFactory = _ => "down" };
        var title = new Option<string?>("--title") { Description = "Title above the map (default: the log's file name)." };
        foreach (var option in new Option[] { format, output, bpmn, overlay, count, time, activities, paths, lanes, maxLanes, scheme, direction, title })
        {
            command.Options.Add(option);
        }

        command.SetRun((parse, context, cancellation) =>
        {
            string? svgPath = parse.GetValue(output), bpmnPath = parse.GetValue(bpmn);
            if (svgPath is null && bpmnPath is null)
            {
                throw new UserError("Say where to write the map: -o FILE.svg and/or --bpmn FILE.bpmn.");
            }

            var request = new MapRequest
            {
                Overlay = parse.GetValue(overlay)!,
                Count = parse.GetValue(count)!,
                Time = parse.GetValue(time)!,
                Activities = parse.GetValue(activities),
                Paths = parse.GetValue(paths),
                Lanes = parse.GetValue(lanes),
                MaxLanes = parse.GetValue(maxLanes),
                Scheme = parse.GetValue(scheme)!,
                Direction = parse.GetValue(direction)!,
                Title = parse.GetValue(title),
                Bpmn = bpmnPath is not null,
            };
            request.Validate().ThrowIfAny();
            var loaded = input.Load(parse, context, cancellation);
            var result = ProgressDisplay.Run(context, "Drawing the map", _ => LogAnalyses.Map(loaded.Selection, request, cancellation));
            if (svgPath is not null)
            {
                WriteReplacing(svgPath, result.Svg);
            }

            if (bpmnPath is not null)
            {
                WriteReplacing(bpmnPath, result.Bpmn!);
            }

            var report = Summary(result.Map, result.Drawing, svgPath, bpmnPath);
            if (loaded.Basis is { } basis)
            {
                report.Add(ReviewBasis.Record(basis));
            }

            return CommonOptions.Print(context, report, parse.GetValue(format));
        });
        return command;
    }

    private static Report Summary(ProcessMap map, MapDrawing drawing, string? svg, string? bpmn)
    {
        var c = map.Coverage;
        var record = new ResultRecord("map", "Process map");
        if (svg is not null)
        {
            record.Add("svg", svg);
        }

        if (bpmn is not null)
        {
            record.Add("bpmn", bpmn);
        }

        record.Add("cases", c.Cases, CellKind.Integer)
            .Add("activities_shown", c.ShownActivities, CellKind.Integer)
            .Add("activities", c.Activities, CellKind.Integer)
            .Add("paths_shown", c.ShownPaths, CellKind.Integer)
            .Add("paths", c.Paths, CellKind.Integer)
            .Add("events_shown_share", c.Events == 0 ? 0 : c.ShownEvents / (double)c.Events, CellKind.Share)
            .Add("cases_partly_hidden", c.CasesPartlyHidden, CellKind.Integer)
            .Add("cases_with_hidden_activity", c.CasesWithHiddenActivity, CellKind.Integer)
            .Add("cases_with_hidden_path", c.CasesWithHiddenPath, CellKind.Integer)
            .Add("edge_crossings", drawing.Layout.Crossings, CellKind.Integer)
            .Add("width_px", drawing.Width, CellKind.Integer)
            .Add("height_px", drawing.Height, CellKind.Integer);
        var report = new Report().Add(record);
        if (map.Lanes.Count > 0)
        {
            var table = new ResultTable("lanes", [new("lane"), new("values", CellKind.Integer), new("activities", CellKind.Integer)], $"Lanes by {map.LaneAttribute}");
            foreach (var lane in map.Lanes)
            {
                table.Add(lane.Name, lane.Values, lane.Activities);
            }

            report.Add(table);
        }

        return report;
    }

    /// <summary>Writes the whole file next to the target first, so an interrupted run never leaves half a map.</summary>
    private static void WriteReplacing(string path, string text)
    {
        string temp = path + ".partial";
        File.WriteAllText(temp, text, new UTF8Encoding(false));
        File.Move(temp, path, overwrite: true);
    }
}
