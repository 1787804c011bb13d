using System.Security.Cryptography;

namespace Stepwise.Testing;

/// <summary>
/// Finds the real public datasets the tests run on: the <c>shared/data</c> folder beside the repository (or the
/// folder named by STEPWISE_DATA), falling back to the copies bundled in <c>samples/</c>. A file that cannot be
/// found fails the test: real-data checks never skip silently.
/// </summary>
internal static class SharedData
{
    private static readonly Lazy<string> Root = new(FindRepositoryRoot);

    /// <summary>The repository root (the folder holding Stepwise.slnx).</summary>
    public static string RepositoryRoot => Root.Value;

    /// <summary>The full path of a dataset, e.g. <c>eventlogs/helpdesk.xes.gz</c>.</summary>
    /// <exception cref="FileNotFoundException">Neither the shared data folder nor samples/ has it.</exception>
    public static string PathOf(string relative)
    {
        var candidates = new List<string>();
        var env = Environment.GetEnvironmentVariable("STEPWISE_DATA");
        if (!string.IsNullOrEmpty(env))
        {
            candidates.Add(Path.Combine(env, relative));
        }

        candidates.Add(Path.GetFullPath(Path.Combine(RepositoryRoot, "..", "shared", "data", relative)));
        candidates.Add(Path.Combine(RepositoryRoot, "samples", Path.GetFileName(relative)));
        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"Dataset '{relative}' not found; looked in: {string.Join(", ", candidates)}. Set STEPWISE_DATA to the folder of the shared datasets.");
    }

    /// <summary>The SHA-256 of a file, lower-case hex.</summary>
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    private static string FindRepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Stepwise.slnx")))
        {
            dir = dir.Parent;
        }

        return dir?.FullName ?? throw new InvalidOperationException("The tests must run inside the Stepwise repository.");
    }
}
