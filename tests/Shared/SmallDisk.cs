using System.Diagnostics;

namespace Stepwise.Testing;

/// <summary>
/// A small file system of its own (tmpfs) mounted on a temporary folder, to see what happens when a disk fills up or
/// is read-only. Mounting needs root; <see cref="TryMount"/> returns null when the machine does not allow it.
/// </summary>
internal sealed class SmallDisk : IDisposable
{
    private SmallDisk(string folder) => Folder = folder;

    /// <summary>The mounted folder.</summary>
    public string Folder { get; }

    /// <summary>Why a disk cannot be mounted here, or null when it can.</summary>
    public static string? Unavailable { get; } = OperatingSystem.IsLinux() && Environment.UserName == "root" ? null : "mounting a small tmpfs needs root on Linux";

    /// <summary>Mounts a tmpfs of <paramref name="megabytes"/> MB, or returns null when it cannot.</summary>
    public static SmallDisk? TryMount(int megabytes)
    {
        if (Unavailable is not null)
        {
            return null;
        }

        string folder = Directory.CreateTempSubdirectory("stepwise-disk-").FullName;
        if (Run("mount", "-t", "tmpfs", "-o", $"size={megabytes}m", "tmpfs", folder) != 0)
        {
            Directory.Delete(folder);
            return null;
        }

        return new SmallDisk(folder);
    }

    /// <summary>Makes the file system read-only (as a read-only share or a write-protected medium is).</summary>
    public void MakeReadOnly()
    {
        if (Run("mount", "-o", "remount,ro", Folder) != 0)
        {
            throw new InvalidOperationException("Could not remount " + Folder + " read-only.");
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        Run("umount", "-l", Folder);
        try
        {
            Directory.Delete(Folder, recursive: true);
        }
        catch (IOException)
        {
            // Left to the system's temporary-file cleanup.
        }
    }

    private static int Run(string file, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        try
        {
            using var process = Process.Start(start)!;
            process.WaitForExit();
            return process.ExitCode;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return -1;
        }
    }
}
