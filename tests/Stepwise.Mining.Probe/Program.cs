// Reads one event log with options as typed on the command line (the subset the bad-input corpus uses), then
// prints "OK <events>" or "ERROR <message>" and "PEAK <bytes>", the process's peak resident memory (VmHWM).
// Usage: Stepwise.Mining.Probe FILE [OPTIONS...]
using System.Globalization;
using Stepwise.Mining.Testing;

try
{
    int events = CorpusReader.Read(args[0], args[1..]);
    Console.WriteLine("OK " + events.ToString(CultureInfo.InvariantCulture));
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
