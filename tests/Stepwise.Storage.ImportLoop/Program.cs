// Imports synthetic logs and saves an artefact in a loop, printing a line before each write, one while the
// write is under way and one after each commit, until the test that started it kills it.
// Usage: import-loop sqlite PATH | import-loop postgres CONNECTION SCHEMA
using System.Globalization;
using Stepwise.Review.Common;
using Stepwise.Storage;
using Stepwise.Review.Storage;
using Stepwise.Review.Workspaces;
using Stepwise.Storage.Postgres;
using Stepwise.Storage.Sqlite;
using Stepwise.Storage.Testing;

IWorkspaceStore store = args[0] == "sqlite" ? SqliteWorkspaceStore.Open(args[1]) : PostgresWorkspaceStore.Open(args[1], args[2]);
var workspace = new Workspace(store, TimeProvider.System, new Version7Ids(TimeProvider.System));
var review = workspace.CreateReview("Crash test", "import loop", [], "import loop");
Console.WriteLine("REVIEW " + review.Value.Id.ToString("D"));
var log = SyntheticLog.Create(400_000, seed: 7);
var hash = ContentHash.Of("synthetic"u8);
var current = review;
for (int round = 1; ; round++)
{
    string n = round.ToString(CultureInfo.InvariantCulture);
    Console.WriteLine("IMPORTING " + n);
    Console.Out.Flush();
    bool told = false;
    var progress = new Progress(p =>
    {
        if (!told && p > 0.3)
        {
            told = true;
            Console.WriteLine("WRITING " + n);

            // From the second import on (the test kills once one import is committed), hold the transaction open,
            // half written, so the kill lands mid-import.
            if (round >= 2)
            {
                Thread.Sleep(TimeSpan.FromSeconds(30));
            }
        }
    });
    workspace.ImportEventLog(review.Value.Id, $"log{n}.csv", hash, log, "{}", log.EventCount, "import loop", progress);
    Console.WriteLine("IMPORTED " + n);
    current = workspace.Save(review.Value.Id, current.Value with { Title = "Crash test round " + n }, current.Version, "import loop");
    Console.WriteLine("SAVED " + n);
}

/// <summary>Reports progress synchronously (System.Progress posts to the thread pool, too late to be useful here).</summary>
internal sealed class Progress(Action<double> report) : IProgress<double>
{
    public void Report(double value) => report(value);
}
