using System.CommandLine;
using System.Text;
using Stepwise.Cli.Infrastructure;
using Stepwise.Cli.Output;
using Stepwise.Maps.Layout;
using Stepwise.Maps.Mapping;
using Stepwise.Maps.Rendering;
using Stepwise.Rendering.Svg;
using Stepwise.Workbench.Analyses;

namespace Stepwise.Cli.Commands;

/// <summary><c>stepwise map LOG -o map.svg</c>: a process map as SVG (frequency or performance overlay, simplified,
/// with swimlanes) and, on request, as BPMN 2.0 with diagram layout. Made for a slide, a map whose text would print
/// under <see cref="MapSlides.MinimumPoints"/> on one is written in parts (as a deck shows it), a file each, numbered.</summary>
internal static class MapCommand
{
    /// <summary>The verb's name.</summary>
    public const string Name = "map";

    /// <summary>What the verb does, as help lists it.</summary>
    public const string Description = "Draw the process map as SVG (and BPMN 2.0): steps and the paths between them, by frequency or time, simplified and with swimlanes on request.";

    /// <summary>Creates the verb.</summary>
    public static Command Create()
    {
        var command = new Command(Name, Description);
        var input = new LogInput().AddTo(command);
        var format = CommonOptions.Format();
        var output = new Option<string?>("--output", "-o") { Description = "Write the map to this file: SVG, or PNG when the name ends in .png." };
        var png = new Option<string?>("--png") { Description = "Also write the map as PNG to this file (1920 px wide for a slide, 150 dpi for A4)." };
        var bpmn = new Option<string?>("--bpmn") { Description = "Write the map as BPMN 2.0 XML (with diagram layout) to this file." };
        var overlay = new Option<string>("--overlay") { Description = "frequency (counts) or performance (time between steps).", DefaultValueFactory = _ => "frequency" };
        var count = new Option<string>("--count") { Description = "What frequencies count: cases or events.", DefaultValueFactory = _ => "cases" };
        var time = new Option<string>("--time") { Description = "Which time the performance overlay shows: median or mean.", DefaultValueFactory = _ => "median" };
        var activities = new Option<double>("--activities") { Description = "Show the busiest steps that make up N% of the events (1-100).", DefaultValueFactory = _ => 100 };
        var paths = new Option<double>("--paths") { Description = "Show the most travelled paths that make up N% of the transitions (0-100); every shown step keeps its main ways in and out (its busiest, and any other taken at least a third of the times; --keep-step-paths false drops them) and the paths it needs to stay between start and end. The caption and the output say how many paths are kept for each reason.", DefaultValueFactory = _ => 100 };
        var keepStepPaths = new Option<bool>("--keep-step-paths") { Description = "Whether a simplified map keeps every shown step's main ways in and out beyond --paths (default true; --keep-step-paths false shows only the busiest paths and those a step needs to stay between start and end).", DefaultValueFactory = _ => true };
        var lanes = new Option<string?>("--lanes") { Description = "Draw swimlanes by this attribute (team, role, resource group, channel; org:resource for resources)." };
        var maxLanes = new Option<int>("--max-lanes") { Description = "The most lanes: the values doing the most events of the shown steps get one each (one fewer than N when there are more values) and the rest share one lane, 'other teams'.", DefaultValueFactory = _ => 8 };
        var laneSplit = new Option<double>("--lane-split") { Description = "A step is drawn in every lane doing at least N% of its events (5-100); a lane whose boxes would hold under half of its events also holds the step it does most of.", DefaultValueFactory = _ => 20 };
        var fit = new Option<string>("--fit") { Description = "Make the map for a page: none, slide (16:9) or a4; chooses direction, spacing and text size for the largest print. A slide map whose text would print under 12 pt on one slide is split along the flow into up to 8 parts, a file each (map-part1.svg, map-part2.svg, ...), as decks show it.", DefaultValueFactory = _ => "none" };
        var scheme = new Option<string>("--scheme") { Description = "Colours: light (screen) or print (greys, dashes).", DefaultValueFactory = _ => "light" };
        var direction = new Option<string>("--direction") { Description = "Flow direction: down or right.", DefaultValueFactory = _ => "down" };
        var title = new Option<string?>("--title") { Description = "Title above the map (default: the log's file name)." };
        foreach (var option in new Option[] { format, output, png, bpmn, overlay, count, time, activities, paths, keepStepPaths, lanes, maxLanes, laneSplit, scheme, direction, fit, title })
        {
            command.Options.Add(option);
        }

        command.SetRun((parse, context, cancellation) =>
        {
            string? svgPath = parse.GetValue(output), bpmnPath = parse.GetValue(bpmn), pngPath = parse.GetValue(png);
            if (svgPath is not null && svgPath.EndsWith(".png", StringComparison.OrdinalIgnoreCase))
            {
                (svgPath, pngPath) = (null, svgPath);
            }

            if (svgPath is null && bpmnPath is null && pngPath is null)
            {
                throw new UserError("Say where to write the map: -o FILE.svg (or FILE.png), --png FILE.png and/or --bpmn FILE.bpmn.");
            }

            var request = new MapRequest
            {
                Overlay = parse.GetValue(overlay)!,
                Count = parse.GetValue(count)!,
                Time = parse.GetValue(time)!,
                Activities = parse.GetValue(activities),
                Paths = parse.GetValue(paths),
                KeepStepPaths = parse.GetValue(keepStepPaths),
                Lanes = parse.GetValue(lanes),
                MaxLanes = parse.GetValue(maxLanes),
                LaneSplit = parse.GetValue(laneSplit),
                Fit = parse.GetValue(fit)!,
                Scheme = parse.GetValue(scheme)!,
                Direction = parse.GetValue(direction)!,
                Title = parse.GetValue(title),
                Bpmn = bpmnPath is not null,
            };
            request.Validate().ThrowIfAny();
            var loaded = input.Load(parse, context, cancellation);
            var result = ProgressDisplay.Run(context, "Drawing the map", _ => LogAnalyses.Map(loaded.Selection, request, cancellation));
            var drawing = result.Drawing;

            // A slide map too small to read on one slide: the parts a deck shows, a slide each, in the order of the flow.
            var slides = drawing.Style.Fit == MapFit.Slide && (svgPath is not null || pngPath is not null) && drawing.SmallestTextPoints < MapSlides.MinimumPoints
                ? MapSlides.Of(result.Map, drawing.Style)
                : null;
            if (slides is { Parts.Count: > 1 })
            {
                var written = new List<WrittenPart>(slides.Parts.Count);
                foreach (var part in slides.Parts)
                {
                    string svg = SvgMap.Render(part.Drawing);
                    string? partSvg = svgPath is null ? null : PartPath(svgPath, part.Number);
                    string? partPng = pngPath is null ? null : PartPath(pngPath, part.Number);
                    if (partSvg is not null)
                    {
                        WriteReplacing(partSvg, svg);
                    }

                    (int Width, int Height)? partSize = null;
                    if (partPng is not null)
                    {
                        var picture = Png(svg, PngWidth(part.Drawing));
                        partSize = PngSize(picture);
                        WriteReplacing(partPng, picture);
                    }

                    written.Add(new WrittenPart(part, partSvg, partPng, partSize));
                }

                double smallest = slides.Parts.Min(p => p.Drawing.SmallestTextPoints);
                WarnIfSmall(context, request.Fit, smallest, $" on the most legible split into {slides.Parts.Count} parts");
                if (bpmnPath is not null)
                {
                    WriteReplacing(bpmnPath, result.Bpmn!);
                }

                var partsReport = Summary(result.Map, drawing, null, null, null, bpmnPath, written);
                Removed(context, partsReport, [.. RemoveStale(svgPath, slides.Parts.Count), .. RemoveStale(pngPath, slides.Parts.Count)]);
                if (loaded.Basis is { } partsBasis)
                {
                    partsReport.Add(ReviewBasis.Record(partsBasis));
                }

                return CommonOptions.Print(context, partsReport, parse.GetValue(format));
            }

            WarnIfSmall(context, request.Fit, drawing.Style.Fit == MapFit.None ? double.PositiveInfinity : drawing.SmallestTextPoints, string.Empty);
            if (svgPath is not null)
            {
                WriteReplacing(svgPath, result.Svg);
            }

            (int Width, int Height)? pngSize = null;
            if (pngPath is not null)
            {
                var picture = Png(result.Svg, PngWidth(drawing));
                pngSize = PngSize(picture);
                WriteReplacing(pngPath, picture);
            }

            if (bpmnPath is not null)
            {
                WriteReplacing(bpmnPath, result.Bpmn!);
            }

            var report = Summary(result.Map, drawing, svgPath, pngPath, pngSize, bpmnPath, null);
            Removed(context, report, [.. RemoveStale(svgPath, 0), .. RemoveStale(pngPath, 0)]);
            if (loaded.Basis is { } basis)
            {
                report.Add(ReviewBasis.Record(basis));
            }

            return CommonOptions.Print(context, report, parse.GetValue(format));
        });
        return command;
    }

    /// <summary>Warns when the smallest text of a map made for a page prints under 9 pt.</summary>
    private static void WarnIfSmall(CliContext context, string page, double points, string how)
    {
        if (points < 9)
        {
            context.Warn(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"on the {page} page the smallest text prints at {points:0.0} pt (under 9 pt){how}; show less with --activities or --paths."));
        }
    }

    /// <summary>The file of part <paramref name="number"/> of a map split over slides: the number before the extension
    /// (<c>map.svg</c>, part 2: <c>map-part2.svg</c>).</summary>
    internal static string PartPath(string path, int number)
    {
        string extension = Path.GetExtension(path);
        return string.Concat(path.AsSpan(0, path.Length - extension.Length), "-part", number.ToString(System.Globalization.CultureInfo.InvariantCulture), extension);
    }

    /// <summary>Deletes the files an earlier run of this command wrote under the names it gives for
    /// <paramref name="path"/> and that this run did not write again, so that no stale map lies beside the new one: the
    /// whole map (<c>map.svg</c>) when this run wrote <paramref name="parts"/> parts, and every part numbered above
    /// <paramref name="parts"/> (<c>map-part3.svg</c>, ...; all of them when this run wrote the whole map, parts 0).
    /// Nothing else in the folder is touched: only a name that is exactly the file's stem, <c>-part</c>, a number
    /// without leading zeros and the file's extension.</summary>
    /// <returns>The files deleted, named as <see cref="PartPath"/> names them.</returns>
    internal static List<string> RemoveStale(string? path, int parts)
    {
        var removed = new List<string>();
        if (path is null)
        {
            return removed;
        }

        if (parts > 0 && File.Exists(path))
        {
            File.Delete(path);
            removed.Add(path);
        }

        string folder = Path.GetDirectoryName(path) ?? string.Empty;
        string name = Path.GetFileName(path);
        string extension = Path.GetExtension(name);
        string prefix = string.Concat(name.AsSpan(0, name.Length - extension.Length), "-part");
        if (name.Length == 0 || !Directory.Exists(folder.Length == 0 ? "." : folder))
        {
            return removed;
        }

        var stale = new List<int>();
        foreach (string file in Directory.EnumerateFiles(folder.Length == 0 ? "." : folder))
        {
            string candidate = Path.GetFileName(file);
            if (candidate.Length <= prefix.Length + extension.Length
                || !candidate.StartsWith(prefix, StringComparison.Ordinal)
                || !candidate.EndsWith(extension, StringComparison.Ordinal))
            {
                continue;
            }

            var digits = candidate.AsSpan(prefix.Length, candidate.Length - prefix.Length - extension.Length);
            if (digits.Length > 9 || digits[0] is < '1' or > '9' || digits.ContainsAnyExcept("0123456789"))
            {
                continue;
            }

            int number = int.Parse(digits, System.Globalization.CultureInfo.InvariantCulture);
            if (number > parts)
            {
                stale.Add(number);
            }
        }

        stale.Sort();
        foreach (int number in stale)
        {
            string part = PartPath(path, number);
            File.Delete(part);
            removed.Add(part);
        }

        return removed;
    }

    /// <summary>Says which files an earlier run left that were deleted: on standard error, and in the output's
    /// <c>removed</c> field.</summary>
    private static void Removed(CliContext context, Report report, List<string> removed)
    {
        if (removed.Count == 0)
        {
            return;
        }

        context.Info($"Removed {removed.Count} file{(removed.Count == 1 ? string.Empty : "s")} an earlier run of this command wrote under the same name, which this map replaces: {string.Join(", ", removed)}.");
        if (report.Parts.Count > 0 && report.Parts[0] is ResultRecord record)
        {
            record.Add("removed", string.Join(", ", removed));
        }
    }

    /// <summary>One part of a map split over slides, as written: its files and the PNG's pixel size.</summary>
    private sealed record WrittenPart(MapSlide Slide, string? Svg, string? Png, (int Width, int Height)? PngSize);

    /// <summary>PNG width: 1920 px for a slide, 150 dots per inch for A4, otherwise twice the drawing (sharp on
    /// high-density screens), at most 8,000 px.</summary>
    private static int PngWidth(MapDrawing drawing) => drawing.Style.Fit switch
    {
        MapFit.Slide => 1920,
        MapFit.A4 => (int)Math.Round(drawing.PageInches.Width * 150),
        _ => (int)Math.Min(8000, Math.Ceiling(drawing.Width * 2)),
    };

    /// <summary>The PNG of the map's SVG, <paramref name="width"/> pixels wide (the bundled font, on white), and no
    /// larger than the renderer allows.</summary>
    private static byte[] Png(string svg, int width)
    {
        using var picture = SvgPicture.Parse(svg);
        var defaults = RasterOptions.Default;

        // A hair under the exact scale, so that rounding up gives exactly the width asked for.
        double scale = (width - 0.01) / picture.Width;
        scale = Math.Min(scale, Math.Sqrt(defaults.MaxPixels / ((double)picture.Width * picture.Height)) * 0.999);
        return SvgRaster.ToPng(svg, defaults with { Scale = Math.Clamp(scale, 0.1, 16) });
    }

    /// <summary>The pixel size a PNG's header gives (its first chunk, IHDR, holds width and height).</summary>
    internal static (int Width, int Height) PngSize(ReadOnlySpan<byte> png)
        => (System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.Slice(16, 4)), System.Buffers.Binary.BinaryPrimitives.ReadInt32BigEndian(png.Slice(20, 4)));

    private static Report Summary(ProcessMap map, MapDrawing drawing, string? svg, string? png, (int Width, int Height)? pngSize, string? bpmn, IReadOnlyList<WrittenPart>? parts)
    {
        var c = map.Coverage;
        var record = new ResultRecord("map", "Process map");
        if (svg is not null)
        {
            record.Add("svg", svg);
        }

        if (png is not null)
        {
            record.Add("png", png);
        }

        if (bpmn is not null)
        {
            record.Add("bpmn", bpmn);
        }

        record.Add("cases", c.Cases, CellKind.Integer)
            .Add("activities_shown", c.ShownActivities, CellKind.Integer)
            .Add("activities", c.Activities, CellKind.Integer)
            .Add("paths_shown", c.ShownPaths, CellKind.Integer)
            .Add("paths_between_shown_steps", c.Paths, CellKind.Integer)
            .Add("paths", c.LogPaths, CellKind.Integer)
            .Add("events_shown_share", c.Events == 0 ? 0 : c.ShownEvents / (double)c.Events, CellKind.Share)
            .Add("paths_busiest", map.Edges.Count(e => e.Reason == PathReason.Share), CellKind.Integer)
            .Add("paths_kept_for_step", map.Edges.Count(e => e.Reason == PathReason.StepConnection), CellKind.Integer)
            .Add("paths_kept_for_reach", map.Edges.Count(e => e.Reason == PathReason.Reachability), CellKind.Integer)
            .Add("keep_step_paths", map.Options.KeepStepPaths, CellKind.Boolean)
            .Add("paths_note", MapDrawing.PathsShown(map), CellKind.Text, "why these paths")
            .Add("cases_partly_hidden", c.CasesPartlyHidden, CellKind.Integer)
            .Add("cases_with_hidden_activity", c.CasesWithHiddenActivity, CellKind.Integer)
            .Add("cases_with_hidden_path", c.CasesWithHiddenPath, CellKind.Integer)
            .Add("edge_crossings", drawing.Layout.Crossings, CellKind.Integer)
            .Add("edge_crossings_barycentre", drawing.Layout.CrossingMethods.Barycentre, CellKind.Integer)
            .Add("edge_crossings_median", drawing.Layout.CrossingMethods.Median, CellKind.Integer)
            .Add("direction", drawing.Layout.Direction == LayoutDirection.TopToBottom ? "down" : "right");
        if (parts is not null)
        {
            // Split over slides: the text prints as large as the smallest of the parts' (each part's own in its table).
            record.Add("parts", parts.Count, CellKind.Integer)
                .Add("smallest_text_pt", Math.Round(parts.Min(p => p.Slide.Drawing.SmallestTextPoints), 1), CellKind.Number);
        }
        else
        {
            record.Add("smallest_text_pt", Math.Round(drawing.SmallestTextPoints, 1), CellKind.Number)
                .Add("drawing_width_px", drawing.Width, CellKind.Integer)
                .Add("drawing_height_px", drawing.Height, CellKind.Integer);
        }

        if (drawing.Style.Fit != MapFit.None)
        {
            // A map made for a page says so in its SVG: it prints at the page's size, the drawing scaled to it.
            record.Add("page_width_in", Math.Round(drawing.PageInches.Width, 2), CellKind.Number)
                .Add("page_height_in", Math.Round(drawing.PageInches.Height, 2), CellKind.Number);
        }

        if (pngSize is { } size)
        {
            record.Add("png_width_px", size.Width, CellKind.Integer)
                .Add("png_height_px", size.Height, CellKind.Integer);
        }

        var report = new Report().Add(record);
        if (map.Lanes.Count > 0)
        {
            record.Add("lane_fit", map.LaneFit, CellKind.Share);
            record.Add("lane_pooled_share", map.LanePooledShare, CellKind.Share);
            var table = new ResultTable("lanes", [new("lane"), new("values", CellKind.Integer), new("boxes", CellKind.Integer), new("events", CellKind.Integer)], $"Lanes by {map.LaneAttribute}: the values doing the most events of the shown steps, the rest pooled");
            foreach (var lane in map.Lanes)
            {
                table.Add(MapDrawing.LaneTitle(lane), lane.Values, lane.Activities, lane.Events);
            }

            report.Add(table);
        }

        if (parts is not null)
        {
            var table = new ResultTable("parts", [new("part", CellKind.Integer), new("svg"), new("png"), new("steps"), new("smallest_text_pt", CellKind.Number, Decimals: 1), new("drawing_width_px", CellKind.Integer), new("drawing_height_px", CellKind.Integer), new("png_width_px", CellKind.Integer), new("png_height_px", CellKind.Integer)],
                $"The map on {parts.Count} slides, in the order of the flow: one file each (too small to read on one)");
            foreach (var part in parts)
            {
                var d = part.Slide.Drawing;
                table.Add(part.Slide.Number, part.Svg, part.Png, string.Join(", ", part.Slide.Steps), Math.Round(d.SmallestTextPoints, 1), d.Width, d.Height, part.PngSize?.Width, part.PngSize?.Height);
            }

            report.Add(table);
        }

        return report;
    }

    /// <summary>Writes the whole file next to the target first, so an interrupted run never leaves half a map.</summary>
    private static void WriteReplacing(string path, string text) => WriteReplacing(path, new UTF8Encoding(false).GetBytes(text));

    private static void WriteReplacing(string path, byte[] bytes)
    {
        string temp = path + ".partial";
        File.WriteAllBytes(temp, bytes);
        File.Move(temp, path, overwrite: true);
    }
}
