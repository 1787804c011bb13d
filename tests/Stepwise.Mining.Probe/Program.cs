// Reads one event log with options as typed on the command line (the subset the bad-input corpus uses), or with
// --survey one file of survey responses as `stepwise survey` reads it (with --skip-bad-rows if given), then prints
// "OK <events or responses>" or "ERROR <message>" and "PEAK <bytes>", the process's peak resident memory (VmHWM).
// Usage: Stepwise.Mining.Probe FILE [--survey] [OPTIONS...]
using System.Globalization;
using Stepwise.Mining.Testing;
using Stepwise.Statistics.Feedback;

try
{
    string[] options = args[1..];
    int count = options.Contains("--survey")
        ? FeedbackReader.Read(args[0], new FeedbackImportOptions { SkipBadRows = options.Contains("--skip-bad-rows") }).Table.Count
        : CorpusReader.Read(args[0], options);
    Console.WriteLine("OK " + count.ToString(CultureInfo.InvariantCulture));
}
catch (Exception ex) when (ex is FormatException or IOException or NotSupportedException or ArgumentException)
{
    Console.WriteLine("ERROR " + ex.Message.ReplaceLineEndings(" "));
}

foreach (var line in File.ReadLines("/proc/self/status"))
{
    if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
    {
        long kb = long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
        Console.WriteLine("PEAK " + (kb * 1024).ToString(CultureInfo.InvariantCulture));
    }
}
