using System.Globalization;
using Stepwise.Review.Scoping;
using Stepwise.Simulation.Distributions;
using Stepwise.Simulation.Scenarios;
using Stepwise.Workbench.Options;

namespace Stepwise.Web.Stages;

/// <summary>
/// One change of an option as a form row: its kind and the few fields that kind needs, written into the layer's own
/// text forms (<c>Step=60s@0.05</c>, <c>From&gt;To=0.5</c>), so the layer checks them and names the field in its words.
/// A change the form cannot show (an automated duration that is not a constant, a merge with a new name) is kept as it
/// was stored.
/// </summary>
public sealed class ChangeRow
{
    /// <summary>The kind of change (as a scope allows it).</summary>
    public ChangeType Kind { get; set; } = ChangeType.RemoveStep;

    /// <summary>The step (remove, automate, move), the first step (merge), the rework's later step, or the pool (staff, hours).</summary>
    public string? First { get; set; }

    /// <summary>The second step (merge), the step moved before (resequence), the step reworked back to.</summary>
    public string? Second { get; set; }

    /// <summary>Steps run in parallel, one per line or separated by |.</summary>
    public string? Steps { get; set; }

    /// <summary>An automated step's duration, e.g. 60s or 2m.</summary>
    public string? Duration { get; set; } = "60s";

    /// <summary>An automated step's cost per execution.</summary>
    public decimal? Cost { get; set; }

    /// <summary>Staff added (positive) or removed (negative).</summary>
    public int? Staff { get; set; }

    /// <summary>New working hours, e.g. Mon-Fri 08:00-20:00.</summary>
    public string? Hours { get; set; }

    /// <summary>A share (rework reduction, self-service), as a percentage 0 to 100.</summary>
    public double? Percent { get; set; }

    /// <summary>Demand growth as a factor (1.1 is 10% more).</summary>
    public double? Factor { get; set; }

    /// <summary>A stored change the form does not edit, kept as it is.</summary>
    public ScenarioChange? Kept { get; private set; }

    /// <summary>The row of a stored change.</summary>
    public static ChangeRow Of(ScenarioChange change) => change switch
    {
        RemoveStep c => new() { Kind = ChangeType.RemoveStep, First = c.Step },
        AutomateStep { Duration.Kind: DistributionKind.Constant } c => new() { Kind = ChangeType.Automate, First = c.Step, Duration = Seconds(c.Duration.MeanValue), Cost = c.CostPerExecution > 0 ? (decimal)c.CostPerExecution : null },
        MergeSteps { Name: null, Duration: null } c => new() { Kind = ChangeType.Merge, First = c.First, Second = c.Second },
        MoveStep c => new() { Kind = ChangeType.Resequence, First = c.Step, Second = c.Before },
        ParallelSteps c => new() { Kind = ChangeType.Parallelise, Steps = string.Join(" | ", c.Steps ?? []) },
        ChangeStaff c => new() { Kind = c.Change < 0 ? ChangeType.RemoveStaff : ChangeType.AddStaff, First = c.Pool, Staff = Math.Abs(c.Change) },
        ChangeHours c => new() { Kind = ChangeType.ChangeHours, First = c.Pool, Hours = c.Hours, Staff = c.Staff },
        ReduceRework c => new() { Kind = ChangeType.ReduceRework, First = c.From, Second = c.To, Percent = Math.Round(c.Reduction * 100, 4) },
        SelfService c => new() { Kind = ChangeType.SelfService, Percent = Math.Round(c.Share * 100, 4) },
        DemandGrowth c => new() { Kind = ChangeType.DemandGrowth, Factor = c.Factor },
        _ => new() { Kind = Review.Options.ChangeKinds.Of(change), Kept = change },
    };

    /// <summary>What the row says, in words, for a kept change.</summary>
    public string? KeptText => Kept is null ? null : Review.Options.ChangeKinds.Describe(Kept);

    /// <summary>The request with every row's change, in the layer's text forms (typed for kept changes).</summary>
    public static OptionRequest Request(string title, string? description, IEnumerable<ChangeRow> rows, IReadOnlyList<string> steps, IReadOnlyList<string> questions)
    {
        ArgumentNullException.ThrowIfNull(rows);
        List<ScenarioChange> typed = [];
        List<string> remove = [], automate = [], merge = [], move = [], parallel = [], staff = [], hours = [], rework = [];
        double? selfService = null, demand = null;
        foreach (var row in rows)
        {
            if (row.Kept is { } kept)
            {
                typed.Add(kept);
                continue;
            }

            switch (row.Kind)
            {
                case ChangeType.RemoveStep:
                    remove.Add(row.First ?? string.Empty);
                    break;
                case ChangeType.Automate:
                    automate.Add($"{row.First}={row.Duration}" + (row.Cost is { } cost ? "@" + cost.ToString(CultureInfo.InvariantCulture) : string.Empty));
                    break;
                case ChangeType.Merge:
                    merge.Add($"{row.First}+{row.Second}");
                    break;
                case ChangeType.Resequence:
                    move.Add($"{row.First}>{row.Second}");
                    break;
                case ChangeType.Parallelise:
                    parallel.Add(string.Join('|', (row.Steps ?? string.Empty).Split(['|', '\n'], StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)));
                    break;
                case ChangeType.AddStaff:
                    staff.Add($"{row.First}=+{Math.Abs(row.Staff ?? 0).ToString(CultureInfo.InvariantCulture)}");
                    break;
                case ChangeType.RemoveStaff:
                    staff.Add($"{row.First}=-{Math.Abs(row.Staff ?? 0).ToString(CultureInfo.InvariantCulture)}");
                    break;
                case ChangeType.ChangeHours:
                    hours.Add($"{row.First}={row.Hours}" + (row.Staff is { } s ? "@" + s.ToString(CultureInfo.InvariantCulture) : string.Empty));
                    break;
                case ChangeType.ReduceRework:
                    rework.Add($"{row.First}>{row.Second}=" + ((row.Percent ?? double.NaN) / 100).ToString("0.######", CultureInfo.InvariantCulture));
                    break;
                case ChangeType.SelfService:
                    selfService = (row.Percent ?? double.NaN) / 100;
                    break;
                case ChangeType.DemandGrowth:
                    demand = row.Factor ?? double.NaN;
                    break;
                default:
                    throw new InvalidOperationException($"No form for {row.Kind}.");
            }
        }

        return new OptionRequest
        {
            Title = title,
            Description = description,
            Changes = typed,
            RemoveStep = remove,
            Automate = automate,
            Merge = merge,
            Move = move,
            Parallel = parallel,
            Staff = staff,
            Hours = hours,
            ReduceRework = rework,
            SelfService = selfService,
            DemandGrowth = demand,
            Steps = steps,
            Questions = questions,
        };
    }

    /// <summary>The request fields a kind's errors are reported under.</summary>
    public static string FieldOf(ChangeType kind) => kind switch
    {
        ChangeType.RemoveStep => "remove_step",
        ChangeType.Automate => "automate",
        ChangeType.Merge => "merge",
        ChangeType.Resequence => "move",
        ChangeType.Parallelise => "parallel",
        ChangeType.AddStaff or ChangeType.RemoveStaff => "staff",
        ChangeType.ChangeHours => "hours",
        ChangeType.ReduceRework => "reduce_rework",
        ChangeType.SelfService => "self_service",
        _ => "demand_growth",
    };

    private static string Seconds(double seconds) => seconds % 60 == 0 && seconds >= 60
        ? (seconds / 60).ToString("0", CultureInfo.InvariantCulture) + "m"
        : seconds.ToString("0.###", CultureInfo.InvariantCulture) + "s";
}
