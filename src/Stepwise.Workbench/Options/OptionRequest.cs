using System.Globalization;
using Stepwise.Simulation.Distributions;
using Stepwise.Simulation.Scenarios;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Options;

/// <summary>
/// An improvement option: its title (the scenario's name), what would change, and the steps and questions it
/// addresses. Its changes are the simulation's scenario changes, given typed (<see cref="Changes"/>), in a file of
/// changes (the scenario file format), or in short text forms whose fields match the command line's options
/// (<c>reduce_rework</c> is <c>--reduce-rework</c>). An option with the same title is changed, not duplicated.
/// </summary>
public sealed record OptionRequest
{
    /// <summary>A short title, unique in the review (the scenario's name).</summary>
    public required string Title { get; init; }

    /// <summary>What would change and why.</summary>
    public string? Description { get; init; }

    /// <summary>Changes, typed (as the HTTP API sends them).</summary>
    public IReadOnlyList<ScenarioChange> Changes { get; init; } = [];

    /// <summary>A JSON or YAML file: a list of changes, or one scenario with <c>changes</c>.</summary>
    public string? ChangesFile { get; init; }

    /// <summary>Steps no longer done: step names.</summary>
    public IReadOnlyList<string> RemoveStep { get; init; } = [];

    /// <summary>Steps done by a system: <c>Step=60s</c> or <c>Step=60s@0.05</c> (duration, then cost per execution).</summary>
    public IReadOnlyList<string> Automate { get; init; } = [];

    /// <summary>Steps merged where one directly follows the other: <c>First+Second</c>.</summary>
    public IReadOnlyList<string> Merge { get; init; } = [];

    /// <summary>Re-sequencing: <c>Step&gt;Before</c> does Step just before Before.</summary>
    public IReadOnlyList<string> Move { get; init; } = [];

    /// <summary>Steps done at the same time: <c>A|B</c>.</summary>
    public IReadOnlyList<string> Parallel { get; init; } = [];

    /// <summary>Staff added or removed in a pool: <c>Pool=+2</c> or <c>Pool=-1</c>.</summary>
    public IReadOnlyList<string> Staff { get; init; } = [];

    /// <summary>New working hours of a pool: <c>Pool=Mon-Fri 08:00-20:00</c>, optionally <c>@staff</c>.</summary>
    public IReadOnlyList<string> Hours { get; init; } = [];

    /// <summary>The event attribute that forms the pools its staff and hours changes name, as the option will be
    /// simulated (<c>--pools-by</c> of simulate); when empty, the grouping the review's options were last simulated
    /// with, else the default (org:group when the log has it, else one pool).</summary>
    public string? PoolsBy { get; init; }

    /// <summary>A rework loop reduced: <c>From&gt;To=0.5</c> halves going from From back to To.</summary>
    public IReadOnlyList<string> ReduceRework { get; init; } = [];

    /// <summary>The share of arrivals moved to self-service (0 to 1).</summary>
    public double? SelfService { get; init; }

    /// <summary>Demand multiplied by this factor (1.1 is 10% growth).</summary>
    public double? DemandGrowth { get; init; }

    /// <summary>The steps it addresses (names), besides those its changes name.</summary>
    public IReadOnlyList<string> Steps { get; init; } = [];

    /// <summary>The questions it answers (ids or unique prefixes).</summary>
    public IReadOnlyList<string> Questions { get; init; } = [];

    /// <summary>Checks every field (a changes file is read when the changes are built).</summary>
    public Validation Validate()
    {
        var v = new Validation().Text("title", Title, 200).Text("description", Description, 4000, required: false)
            .Texts("steps", Steps, 200).Texts("questions", Questions, 100).Text("changes_file", ChangesFile, 4000, required: false)
            .Text("pools_by", PoolsBy, 200, required: false);
        _ = TextChanges(v);
        return v;
    }

    /// <summary>Every change, in order: typed, from the file, then the text forms.</summary>
    /// <exception cref="StepwiseException">A field is not valid, or the changes file cannot be read.</exception>
    public IReadOnlyList<ScenarioChange> ToChanges()
    {
        var v = Validate();
        v.ThrowIfAny();
        var changes = new List<ScenarioChange>(Changes);
        if (!string.IsNullOrWhiteSpace(ChangesFile))
        {
            changes.AddRange(ReadChangesFile(ChangesFile));
        }

        changes.AddRange(TextChanges(new Validation()));
        return changes;
    }

    private static IReadOnlyList<ScenarioChange> ReadChangesFile(string path)
        => File.Exists(path) ? ScenarioFile.LoadChanges(path) : throw new StepwiseException(ProblemKind.BadFile, $"{path}: no such file.") { Location = new FileLocation(Path.GetFileName(path)) };

    private List<ScenarioChange> TextChanges(Validation v)
    {
        var changes = new List<ScenarioChange>();
        foreach (var step in RemoveStep)
        {
            if (v.Text("remove_step", step, 400).Errors.Count == 0)
            {
                changes.Add(new RemoveStep(step.Trim()));
            }
        }

        foreach (var text in Automate)
        {
            if (Split(v, "automate", text, '=', "Step=60s or Step=60s@0.05") is { } p)
            {
                string[] parts = p.Right.Split('@', 2, StringSplitOptions.TrimEntries);
                var duration = v.Duration("automate", parts[0]);
                double cost = 0;
                if (parts.Length == 2 && !(double.TryParse(parts[1], NumberStyles.Float, CultureInfo.InvariantCulture, out cost) && cost >= 0))
                {
                    v.Add("automate", $"'{text}': the cost per execution after @ must be a number, 0 or more.");
                }

                if (duration is { } d)
                {
                    changes.Add(new AutomateStep(p.Left, Distribution.Constant(d.TotalSeconds), cost));
                }
            }
        }

        foreach (var text in Merge)
        {
            if (Split(v, "merge", text, '+', "First+Second") is { } p)
            {
                changes.Add(new MergeSteps(p.Left, p.Right));
            }
        }

        foreach (var text in Move)
        {
            if (Split(v, "move", text, '>', "Step>Before") is { } p)
            {
                changes.Add(new MoveStep(p.Left, p.Right));
            }
        }

        foreach (var text in Parallel)
        {
            var steps = text.Split('|', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
            if (steps.Length < 2)
            {
                v.Add("parallel", $"'{text}' must name at least two steps: A|B.");
            }
            else
            {
                changes.Add(new ParallelSteps(steps));
            }
        }

        foreach (var text in Staff)
        {
            if (Split(v, "staff", text, '=', "Pool=+2 or Pool=-1") is { } p)
            {
                if (int.TryParse(p.Right, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int delta) && delta != 0)
                {
                    changes.Add(new ChangeStaff(p.Left, delta));
                }
                else
                {
                    v.Add("staff", $"'{text}': the change after = must be a whole number of staff other than 0, e.g. +2 or -1.");
                }
            }
        }

        foreach (var text in Hours)
        {
            if (Split(v, "hours", text, '=', "Pool=Mon-Fri 08:00-20:00") is { } p)
            {
                string[] parts = p.Right.Split('@', 2, StringSplitOptions.TrimEntries);
                int? staff = null;
                if (parts.Length == 2)
                {
                    staff = int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out int s) ? s : null;
                    if (staff is null)
                    {
                        v.Add("hours", $"'{text}': the staff after @ must be a whole number, 0 or more.");
                    }
                }

                try
                {
                    Mining.Time.WorkingHours.Parse(parts[0]);
                    changes.Add(new ChangeHours(p.Left, parts[0], staff));
                }
                catch (FormatException ex)
                {
                    v.Add("hours", $"'{text}': {ex.Message}");
                }
            }
        }

        foreach (var text in ReduceRework)
        {
            if (Split(v, "reduce_rework", text, '=', "From>To=0.5") is { } p && Split(v, "reduce_rework", p.Left, '>', "From>To=0.5") is { } loop)
            {
                if (double.TryParse(p.Right, NumberStyles.Float, CultureInfo.InvariantCulture, out double share) && share is >= 0 and <= 1)
                {
                    changes.Add(new ReduceRework(loop.Left, loop.Right, share));
                }
                else
                {
                    v.Add("reduce_rework", $"'{text}': the reduction after = must be a share from 0 to 1 (0.5 halves the rework).");
                }
            }
        }

        if (SelfService is { } selfService)
        {
            v.Between("self_service", selfService, 0, 1);
            changes.Add(new Simulation.Scenarios.SelfService(selfService));
        }

        if (DemandGrowth is { } factor)
        {
            if (!(factor > 0 && factor <= 1000))
            {
                v.Add("demand_growth", "must be a factor above 0 (1.1 is 10% growth).");
            }

            changes.Add(new Simulation.Scenarios.DemandGrowth(factor));
        }

        return changes;
    }

    private static (string Left, string Right)? Split(Validation v, string field, string text, char separator, string form)
    {
        int at = text?.IndexOf(separator, StringComparison.Ordinal) ?? -1;
        if (text is null || at <= 0 || at == text.Length - 1 || text[..at].Trim().Length == 0 || text[(at + 1)..].Trim().Length == 0)
        {
            v.Add(field, $"'{text}' must be {form}.");
            return null;
        }

        return (text[..at].Trim(), text[(at + 1)..].Trim());
    }
}
