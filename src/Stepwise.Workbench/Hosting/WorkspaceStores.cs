using Stepwise.Review.Storage;
using Stepwise.Storage.Postgres;
using Stepwise.Storage.Sqlite;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Hosting;

/// <summary>Opens the store a <see cref="WorkspaceLocation"/> names: the one place both hosts choose a database.</summary>
public static class WorkspaceStores
{
    /// <summary>Opens the workspace, creating and migrating it when needed; a workspace that is up to date but cannot
    /// be written opens for reading only (<see cref="IWorkspaceStore.IsReadOnly"/>).</summary>
    /// <exception cref="StepwiseException">The workspace cannot be opened; the message says why.</exception>
    public static IWorkspaceStore Open(WorkspaceLocation location)
    {
        ArgumentNullException.ThrowIfNull(location);
        try
        {
            return location.Kind switch
            {
                WorkspaceKind.Sqlite => SqliteWorkspaceStore.Open(location.Value),
                _ => PostgresWorkspaceStore.Open(location.Value, location.Schema),
            };
        }
        catch (WorkspaceWriteRefusedException ex)
        {
            throw new StepwiseException(ProblemKind.Unavailable, ex.Message, ex);
        }
        catch (InvalidDataException ex)
        {
            throw new StepwiseException(ProblemKind.BadFile, ex.Message, ex);
        }
        catch (Exception ex) when (ex is System.Data.Common.DbException or IOException or UnauthorizedAccessException or ArgumentException)
        {
            throw new StepwiseException(ProblemKind.Unavailable, $"The workspace {location} cannot be opened: {ex.Message}", ex);
        }
    }
}
