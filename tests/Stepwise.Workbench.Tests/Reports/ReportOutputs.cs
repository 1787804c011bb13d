using System.Diagnostics;

namespace Stepwise.Workbench.Tests.Reports;

/// <summary>Writes the reports the tests make beside the test binaries (<c>reports/</c>) for a person to open.</summary>
internal static class ReportOutputs
{
    public static string Save(string name, byte[] data)
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "reports");
        Directory.CreateDirectory(dir);
        string path = Path.Combine(dir, name);
        File.WriteAllBytes(path, data);
        return path;
    }

    /// <summary>Saves a PDF and, where poppler's pdftoppm is installed, its pages as PNG beside it (<c>name-1.png</c>...)
    /// for a person to look at; the tests assert nothing about the pictures.</summary>
    public static string SavePdf(string name, byte[] pdf)
    {
        string path = Save(name, pdf);
        try
        {
            using var render = Process.Start(new ProcessStartInfo("pdftoppm", ["-r", "110", "-png", path, Path.ChangeExtension(path, null)])
            {
                RedirectStandardError = true,
                RedirectStandardOutput = true,
                UseShellExecute = false,
            });
            render?.WaitForExit(60_000);
        }
        catch (System.ComponentModel.Win32Exception)
        {
            // No pdftoppm here: the PDF alone is written.
        }

        return path;
    }
}
