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
}
