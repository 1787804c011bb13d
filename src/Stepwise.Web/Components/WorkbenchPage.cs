using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Logging;
using Stepwise.Web.Security;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Components;

/// <summary>
/// A page that reads and changes the workspace through the use-case layer only: it calls <see cref="Bench"/> as the
/// signed-in <see cref="Actor"/>, and shows any failure as the layer describes it (<see cref="ProblemCatalog"/>), never
/// as .NET wording. The layer enforces the roles; pages also hide what the role cannot do.
/// </summary>
public abstract class WorkbenchPage : ComponentBase
{
    /// <summary>The use cases.</summary>
    [Inject]
    protected Workbench.Workbench Bench { get; set; } = default!;

    /// <summary>The signed-in user of this circuit.</summary>
    [Inject]
    protected SignedInUser User { get; set; } = default!;

    [Inject]
    private ILogger<WorkbenchPage> Log { get; set; } = default!;

    /// <summary>The signed-in actor (set before <see cref="Load"/> runs).</summary>
    protected Actor Actor { get; private set; } = default!;

    /// <summary>The failure of the page's last load or action, shown at the top of the page.</summary>
    protected Problem? Problem { get; set; }

    /// <summary>What the last successful action did, shown at the top of the page.</summary>
    protected string? Notice { get; set; }

    /// <summary>Whether the page has read what it shows.</summary>
    protected bool Loaded { get; private set; }

    /// <inheritdoc />
    protected sealed override async Task OnParametersSetAsync()
    {
        Problem = null;
        try
        {
            Actor = await User.ActorAsync();
            Load();
            Loaded = true;
        }
        catch (Exception ex)
        {
            Problem = Describe(ex);
        }
    }

    /// <summary>Reads what the page shows (called on every navigation to it and after each action).</summary>
    protected virtual void Load()
    {
    }

    /// <summary>
    /// Runs an action through the layer: on success reloads the page and shows <paramref name="done"/>; on failure shows
    /// the problem and keeps what the user typed. Returns whether it succeeded.
    /// </summary>
    protected async Task<bool> Act(Action action, string? done = null)
    {
        ArgumentNullException.ThrowIfNull(action);
        Problem = null;
        Notice = null;
        try
        {
            Actor = await User.ActorAsync();
            action();
            Notice = done;
            Load();
            return true;
        }
        catch (Exception ex)
        {
            Problem = Describe(ex);
            return false;
        }
    }

    /// <summary>The field error for <paramref name="field"/> of the last failure, if any.</summary>
    protected string? ErrorFor(string field) => Problem?.Errors.FirstOrDefault(e => e.Field == field)?.Message;

    private Problem Describe(Exception ex)
    {
        var problem = ProblemCatalog.Describe(ex);
        if (problem.Kind == ProblemKind.Bug)
        {
            Log.LogError(ex, "A page action failed unexpectedly");
        }

        return problem;
    }
}
