using System.Globalization;
using Stepwise.Mining.Compliance;
using Stepwise.Mining.Time;
using Stepwise.Steps.Files;
using YamlDotNet.RepresentationModel;

namespace Stepwise.Steps.Compliance;

/// <summary>
/// Reads a readable YAML rule file into the engine's compliance rules. The format:
/// <code>
/// name: Complaint handling (example)
/// source: FCA Handbook, DISP 1.6
/// example: true
/// notice: An example; have your compliance team check it before relying on it.
/// calendars:
///   uk-office: { hours: "Mon-Fri 09:00-17:00", timezone: Europe/London, holidays: [2025-12-25] }
/// aliases:
///   Complaint received: [Complaint received, Insert ticket]
/// rules:
///   - id: disp-final-response
///     title: Final response within 8 weeks of the complaint being received
///     source: DISP 1.6.2R
///     type: time-limit              # time-limit, order, presence, absence, separation-of-duties
///     from: Complaint received      # time-limit: from, to, within, calendar, from_occurrence, to_occurrence
///     to: Final response sent
///     within: 8w                    # 90m, 36h, 3d, 8w
///     calendar: uk-office           # optional: working time in a calendar above (or 'working' from the command line)
///     skipped_by: [Complaint withdrawn]  # optional: cases reaching one of these without 'to' are not checked
///     only_if_reached: false        # optional: true checks only cases that reach 'to'
///     when: { priority: ["1"] }     # optional: only cases whose attribute has one of the values
///     unless: { channel: [web] }    # optional: not cases whose attribute has one of the values
///     step: Final response sent     # optional: the step the rule is reported against
/// </code>
/// A time limit checks by default every case that reaches <c>from</c>, and a case that never reaches <c>to</c> breaches
/// once the limit has passed by its last event; <c>skipped_by</c> and <c>only_if_reached</c> leave out the cases that
/// never needed the step (see <see cref="Skipping"/>). Order rules take <c>before</c> and <c>after</c>; presence <c>activity</c>; absence <c>activity</c> and optionally
/// <c>after</c>; separation of duties <c>first</c> and <c>second</c>. Every error names the file, line, column and
/// field, and what was expected.
/// </summary>
public static class RuleFile
{
    private static readonly string[] Types = ["time-limit", "order", "presence", "absence", "separation-of-duties"];

    /// <summary>Reads the rule file at <paramref name="path"/>.</summary>
    /// <exception cref="StepsFileException">The file is not a valid rule file.</exception>
    public static RulePack Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Reads rules from <paramref name="text"/>; <paramref name="name"/> is used in messages.</summary>
    /// <exception cref="StepsFileException">The text is not a valid rule file.</exception>
    public static RulePack Parse(string text, string name)
    {
        var file = YamlFile.Parse(text, name);
        var root = file.RootMapping("a rule file (a mapping with name, rules and optionally source, notice, calendars, aliases)");
        file.OnlyKeys(root, "a rule file", "name", "source", "example", "notice", "calendars", "aliases", "rules");
        var calendars = ReadCalendars(file, root);
        var aliases = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (file.Mapping(root, "aliases", "a mapping from an activity name used in the rules to the names it may have in a log") is { } aliasMap)
        {
            foreach (var (key, value) in aliasMap.Children)
            {
                string activity = file.KeyText(key);
                aliases[activity] = file.List(value, "aliases/" + activity);
            }
        }

        var rulesNode = file.Sequence(root, "rules", "a list of rules, each starting with '- id:'")
            ?? throw file.Error(root, "rules", "the field is missing; expected a list of rules");
        var rules = new List<ComplianceRule>();
        var skipping = new Dictionary<string, Skipping>(StringComparer.Ordinal);
        var ids = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var item in rulesNode.Children)
        {
            if (item is not YamlMappingNode map)
            {
                throw file.Error(item, "rules", "expected a rule (a mapping with id, title, type, ...)");
            }

            var rule = ReadRule(file, map, calendars, out var skips);
            if (ids.TryGetValue(rule.Id, out int line))
            {
                throw file.Error(YamlFile.Get(map, "id"), "id", $"the id '{rule.Id}' is already used by the rule on line {line.ToString(CultureInfo.InvariantCulture)}; ids must be unique");
            }

            ids[rule.Id] = (int)map.Start.Line;
            rules.Add(rule);
            if (skips is not null)
            {
                skipping[rule.Id] = skips;
            }
        }

        string? example = file.Text(root, "example");
        if (example is not null && !bool.TryParse(example, out _))
        {
            throw file.Error(YamlFile.Get(root, "example"), "example", $"expected true or false; found '{example}'");
        }

        return new RulePack
        {
            Name = file.Text(root, "name") ?? Path.GetFileNameWithoutExtension(name),
            Source = file.Text(root, "source"),
            Notice = file.Text(root, "notice"),
            IsExample = example is not null && bool.Parse(example),
            Rules = rules,
            Calendars = calendars,
            Aliases = aliases,
            Skipping = skipping,
            File = name,
        };
    }

    private static Dictionary<string, DurationMeasure> ReadCalendars(YamlFile file, YamlMappingNode root)
    {
        var calendars = new Dictionary<string, DurationMeasure>(StringComparer.Ordinal);
        if (file.Mapping(root, "calendars", "a mapping from a calendar name to its hours, timezone and holidays") is not { } map)
        {
            return calendars;
        }

        foreach (var (key, value) in map.Children)
        {
            string calendarName = file.KeyText(key);
            if (value is not YamlMappingNode calendar)
            {
                throw file.Error(value, "calendars/" + calendarName, "expected a mapping with hours, timezone and holidays");
            }

            file.OnlyKeys(calendar, "a calendar", "hours", "timezone", "holidays");
            WorkingHours hours;
            string hoursText = file.Text(calendar, "hours") ?? "Mon-Fri 09:00-17:00";
            try
            {
                hours = WorkingHours.Parse(hoursText);
            }
            catch (FormatException ex)
            {
                throw file.Error(YamlFile.Get(calendar, "hours"), "hours", $"expected working hours such as 'Mon-Fri 09:00-17:00'; {ex.Message}");
            }

            TimeZoneInfo? zone = null;
            if (file.Text(calendar, "timezone") is { } zoneId)
            {
                try
                {
                    zone = TimeZoneInfo.FindSystemTimeZoneById(zoneId);
                }
                catch (TimeZoneNotFoundException)
                {
                    throw file.Error(YamlFile.Get(calendar, "timezone"), "timezone", $"expected a time zone this machine knows (an IANA id such as Europe/London); found '{zoneId}'");
                }
            }

            var holidays = new List<DateOnly>();
            var holidayNode = YamlFile.Get(calendar, "holidays");
            foreach (string day in file.List(holidayNode, "holidays"))
            {
                if (!DateOnly.TryParseExact(day, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
                {
                    throw file.Error(holidayNode, "holidays", $"expected dates in the form yyyy-MM-dd; found '{day}'");
                }

                holidays.Add(date);
            }

            calendars[calendarName] = new WorkingCalendar(hours, zone, holidays);
        }

        return calendars;
    }

    private static ComplianceRule ReadRule(YamlFile file, YamlMappingNode map, Dictionary<string, DurationMeasure> calendars, out Skipping? skipping)
    {
        skipping = null;
        string id = file.RequiredText(map, "id", "a short unique id such as 'final-response-8-weeks'");
        string type = file.RequiredText(map, "type", "one of " + string.Join(", ", Types));
        string title = file.Text(map, "title") ?? id;
        string context = $"rule '{id}'";
        string[] common = ["id", "title", "source", "type", "when", "unless", "step"];
        var conditions = new List<RuleCondition>();
        ReadConditions(file, map, "when", negate: false, conditions);
        ReadConditions(file, map, "unless", negate: true, conditions);
        string? source = file.Text(map, "source");
        string? step = file.Text(map, "step");
        switch (type)
        {
            case "time-limit":
                {
                    file.OnlyKeys(map, context, [.. common, "from", "to", "within", "calendar", "from_occurrence", "to_occurrence", "skipped_by", "only_if_reached"]);
                    skipping = ReadSkipping(file, map);
                    var within = file.Duration(map, "within") ?? throw file.Error(map, "within", "the field is missing; expected the time limit, such as 3d or 8w");
                    if (within <= TimeSpan.Zero)
                    {
                        throw file.Error(YamlFile.Get(map, "within"), "within", "expected a limit longer than zero");
                    }

                    string? calendar = file.Text(map, "calendar");
                    if (calendar is not null && !calendars.ContainsKey(calendar) && !string.Equals(calendar, "working", StringComparison.Ordinal))
                    {
                        string known = calendars.Count == 0 ? "the file defines none" : "the file defines " + string.Join(", ", calendars.Keys);
                        throw file.Error(YamlFile.Get(map, "calendar"), "calendar", $"the calendar '{calendar}' is not defined; {known} (use 'working' for the calendar given on the command line)");
                    }

                    return new TimeLimitRule
                    {
                        Id = id,
                        Title = title,
                        Source = source,
                        When = conditions,
                        Step = step,
                        From = file.RequiredText(map, "from", "the activity the clock starts at"),
                        To = file.RequiredText(map, "to", "the activity that must happen in time"),
                        Within = within,
                        Calendar = calendar,
                        FromOccurrence = ReadOccurrence(file, map, "from_occurrence"),
                        ToOccurrence = ReadOccurrence(file, map, "to_occurrence"),
                    };
                }

            case "order":
                file.OnlyKeys(map, context, [.. common, "before", "after"]);
                return new OrderRule
                {
                    Id = id,
                    Title = title,
                    Source = source,
                    When = conditions,
                    Step = step,
                    Before = file.RequiredText(map, "before", "the activity that must happen first"),
                    After = file.RequiredText(map, "after", "the activity that may only happen after it"),
                };
            case "presence":
                file.OnlyKeys(map, context, [.. common, "activity"]);
                return new PresenceRule { Id = id, Title = title, Source = source, When = conditions, Step = step, Activity = file.RequiredText(map, "activity", "the activity every case must have") };
            case "absence":
                file.OnlyKeys(map, context, [.. common, "activity", "after"]);
                return new AbsenceRule
                {
                    Id = id,
                    Title = title,
                    Source = source,
                    When = conditions,
                    Step = step,
                    Activity = file.RequiredText(map, "activity", "the activity that must not happen"),
                    After = file.Text(map, "after"),
                };
            case "separation-of-duties":
                file.OnlyKeys(map, context, [.. common, "first", "second"]);
                return new SeparationOfDutiesRule
                {
                    Id = id,
                    Title = title,
                    Source = source,
                    When = conditions,
                    Step = step,
                    First = file.RequiredText(map, "first", "the first activity (e.g. raise refund)"),
                    Second = file.RequiredText(map, "second", "the activity that must be done by someone else (e.g. approve refund)"),
                };
            default:
                throw file.Error(YamlFile.Get(map, "type"), "type", $"expected one of {string.Join(", ", Types)}; found '{type}'");
        }
    }

    private static Skipping? ReadSkipping(YamlFile file, YamlMappingNode map)
    {
        bool onlyIfReached = false;
        if (file.Text(map, "only_if_reached") is { } text && !bool.TryParse(text, out onlyIfReached))
        {
            throw file.Error(YamlFile.Get(map, "only_if_reached"), "only_if_reached", $"expected true or false; found '{text}'");
        }

        var node = YamlFile.Get(map, "skipped_by");
        if (node is null)
        {
            return onlyIfReached ? new Skipping { OnlyIfReached = true } : null;
        }

        var skippedBy = file.List(node, "skipped_by");
        if (skippedBy.Count == 0)
        {
            throw file.Error(node, "skipped_by", "expected at least one activity (a case reaching it without 'to' is not checked)");
        }

        if (onlyIfReached)
        {
            throw file.Error(node, "skipped_by", "give skipped_by or only_if_reached, not both: with only_if_reached every case that never reaches 'to' is left out");
        }

        return new Skipping { SkippedBy = skippedBy };
    }

    private static Occurrence ReadOccurrence(YamlFile file, YamlMappingNode map, string key)
        => file.Text(map, key) switch
        {
            null or "first" => Mining.Compliance.Occurrence.First,
            "last" => Mining.Compliance.Occurrence.Last,
            var other => throw file.Error(YamlFile.Get(map, key), key, $"expected first or last; found '{other}'"),
        };

    private static void ReadConditions(YamlFile file, YamlMappingNode map, string key, bool negate, List<RuleCondition> into)
    {
        if (file.Mapping(map, key, "a mapping from an attribute to the value or values it must have, e.g. 'priority: [1, 2]'") is not { } conditions)
        {
            return;
        }

        foreach (var (attributeNode, valuesNode) in conditions.Children)
        {
            string attribute = file.KeyText(attributeNode);
            var values = file.List(valuesNode, key + "/" + attribute);
            if (values.Count == 0)
            {
                throw file.Error(valuesNode, key + "/" + attribute, "expected at least one value");
            }

            into.Add(new RuleCondition(attribute, values, negate));
        }
    }
}
