using System.Security.Cryptography;
using System.Text;

namespace Stepwise.Web.Hosting;

/// <summary>
/// Where the data-protection keys (which protect sign-in cookies) are kept when no folder is configured: beside the
/// workspace file, so sign-ins stay valid across restarts; for a workspace on a read-only disk or in a read-only
/// folder, which can still be served for reading, in the user's profile instead. Folders are readable by their owner only.
/// </summary>
internal static class KeysFolder
{
    /// <summary>The first folder of the candidates for <paramref name="workspace"/> that can be written, or null when none can.</summary>
    /// <param name="workspace">The workspace served.</param>
    /// <param name="profile">The folder for keys in the user's profile (keys of a database server's workspace go there).</param>
    public static string? Choose(Workbench.Hosting.WorkspaceLocation workspace, string profile)
    {
        ArgumentNullException.ThrowIfNull(workspace);
        if (workspace.Kind != Workbench.Hosting.WorkspaceKind.Sqlite)
        {
            return TryCreate(profile);
        }

        // One folder per workspace file in the profile: two read-only workspaces never share keys.
        string path = Path.GetFullPath(workspace.Value);
        return TryCreate(path + ".keys")
            ?? TryCreate(Path.Combine(profile, Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(path)))[..16]));
    }

    // The folder when it exists or can be made, and a file can be written in it (a new key is written when one
    // expires); null otherwise.
    private static string? TryCreate(string folder)
    {
        try
        {
            var info = Directory.CreateDirectory(folder);
            if (!OperatingSystem.IsWindows())
            {
                info.UnixFileMode = UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute;
            }

            using (new FileStream(Path.Combine(folder, $".write-check-{Guid.NewGuid():N}"), FileMode.CreateNew, FileAccess.Write, FileShare.None, 1, FileOptions.DeleteOnClose))
            {
            }

            return folder;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
