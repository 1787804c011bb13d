namespace Stepwise.Reports.Tests;

/// <summary>Writes what the tests produce beside the test binaries (<c>reports/</c>) for a person to open.</summary>
internal static class Outputs
{
    public static void Save(string name, byte[] data)
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "reports");
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, name), data);
    }
}
