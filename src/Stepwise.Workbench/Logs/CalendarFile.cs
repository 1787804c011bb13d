using System.Text.Json;
using Stepwise.Mining.Time;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Logs;

/// <summary>
/// Working-time calendar files: JSON with the weekly hours, the time zone and holidays, e.g.
/// <c>{"hours": "Mon-Fri 09:00-17:00", "timeZone": "Europe/London", "holidays": ["2024-12-25"]}</c>.
/// </summary>
public static class CalendarFile
{
    private const string Example = "{\"hours\": \"Mon-Fri 09:00-17:00\", \"timeZone\": \"Europe/London\", \"holidays\": [\"2024-12-25\"]}";

    /// <summary>Reads the calendar in <paramref name="path"/>.</summary>
    /// <exception cref="StepwiseException">The file is missing or not a calendar (bad file, naming the file and what is wrong).</exception>
    public static WorkingCalendar Read(string path)
    {
        string text = BoundedText.Read(path, 1L << 20, "calendar file");
        return Parse(text, Path.GetFileName(path));
    }

    /// <summary>Parses calendar JSON read from <paramref name="file"/>.</summary>
    public static WorkingCalendar Parse(string json, string file)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json, new JsonDocumentOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        }
        catch (JsonException ex)
        {
            throw BoundedText.BadJson(file, ex, "a calendar such as " + Example);
        }

        using (document)
        {
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object)
            {
                throw Bad(file, "expected a JSON object");
            }

            var v = new Validation();
            WorkingHours hours = WorkingHours.OfficeHours;
            if (root.TryGetProperty("hours", out var h))
            {
                try
                {
                    hours = WorkingHours.Parse(h.ValueKind == JsonValueKind.String ? h.GetString()! : throw Bad(file, "'hours' must be text such as \"Mon-Fri 09:00-17:00\""));
                }
                catch (FormatException ex)
                {
                    throw Bad(file, "'hours': " + ex.Message);
                }
            }

            var zone = root.TryGetProperty("timeZone", out var z) ? v.TimeZone("timeZone", z.ValueKind == JsonValueKind.String ? z.GetString() : null) : null;
            var holidays = new List<string>();
            if (root.TryGetProperty("holidays", out var list))
            {
                if (list.ValueKind != JsonValueKind.Array || list.EnumerateArray().Any(x => x.ValueKind != JsonValueKind.String))
                {
                    throw Bad(file, "'holidays' must be a list of dates such as [\"2024-12-25\"]");
                }

                holidays.AddRange(list.EnumerateArray().Select(x => x.GetString()!));
            }

            var days = CalendarRequest.ReadHolidays(v, "holidays", holidays);
            if (v.Errors.Count > 0)
            {
                throw Bad(file, string.Join("; ", v.Errors.Select(e => $"'{e.Field}' {e.Message}")));
            }

            return new WorkingCalendar(hours, zone, days);
        }
    }

    private static StepwiseException Bad(string file, string problem)
        => new(ProblemKind.BadFile, $"{file}: not a calendar file: {problem}. Expected JSON such as {Example}.") { Location = new FileLocation(file) };
}
