using System.Globalization;

namespace Stepwise.Workbench;

/// <summary>Counts as people write them: "1 task", "3 tasks", and the verb that agrees (reports, the command line, the web app).</summary>
public static class Counted
{
    /// <summary><paramref name="count"/> with the noun that agrees: <paramref name="one"/> for exactly one, else <paramref name="many"/>.</summary>
    public static string Of(long count, string one, string many) => count.ToString("N0", CultureInfo.InvariantCulture) + " " + (count == 1 ? one : many);

    /// <summary>"is" for exactly one, else "are".</summary>
    public static string Is(long count) => count == 1 ? "is" : "are";

    /// <summary>The verb that agrees with <paramref name="count"/>: <paramref name="one"/> ("needs") for exactly one, else <paramref name="many"/> ("need").</summary>
    public static string Verb(long count, string one, string many) => count == 1 ? one : many;
}
