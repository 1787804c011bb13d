// Stores a synthetic log in a workspace and loads it back, several times, and prints the median timings as a
// Markdown table. Usage:
//   dotnet run -c Release --project bench/Stepwise.Storage.Bench -- [--events N] [--runs N] [--postgres CONNECTION]
using System.Diagnostics;
using System.Globalization;
using Microsoft.Data.Sqlite;
using Npgsql;
using Stepwise.Mining;
using Stepwise.Review.Common;
using Stepwise.Review.Storage;
using Stepwise.Review.Workspaces;
using Stepwise.Storage.Postgres;
using Stepwise.Storage.Sqlite;
using Stepwise.Storage.Testing;

int events = 1_000_000, runs = 3;
string? postgres = Environment.GetEnvironmentVariable("STEPWISE_TEST_POSTGRES");
for (int i = 0; i < args.Length; i++)
{
    switch (args[i])
    {
        case "--events": events = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--runs": runs = int.Parse(args[++i], CultureInfo.InvariantCulture); break;
        case "--postgres": postgres = args[++i]; break;
        default: throw new ArgumentException($"Unknown argument '{args[i]}'.");
    }
}

var generate = Stopwatch.StartNew();
var log = SyntheticLog.Create(events, seed: 42);
Console.WriteLine($"Synthetic log: {log.EventCount:N0} events, {log.CaseCount:N0} cases, {log.CaseAttributes.Count} case and {log.EventAttributes.Count} event attributes, start times on a third of events (built in {generate.Elapsed.TotalSeconds:F2} s).");
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {runs} runs each, median shown.");
Console.WriteLine();
Console.WriteLine("| store | layout | store (s) | load (s) | size (MB) |");
Console.WriteLine("|---|---|---:|---:|---:|");

string folder = Directory.CreateTempSubdirectory("stepwise-bench-").FullName;
try
{
    Measure("SQLite", "columnar chunks (prepared inserts, one transaction)", run =>
    {
        string path = Path.Combine(folder, $"columnar{run}.db");
        return (() => SqliteWorkspaceStore.Open(path), () => (new FileInfo(path).Length + SizeOf(path + "-wal")) / 1e6);
    });
    MeasureRows(folder);
    if (!string.IsNullOrEmpty(postgres))
    {
        Measure("PostgreSQL", "columnar chunks (binary COPY)", run =>
        {
            string schema = "bench_" + run.ToString(CultureInfo.InvariantCulture) + "_" + Environment.ProcessId.ToString(CultureInfo.InvariantCulture);
            return (() => PostgresWorkspaceStore.Open(postgres, schema), () => PostgresSize(postgres, schema));
        });
    }
}
finally
{
    Directory.Delete(folder, recursive: true);
}

void Measure(string store, string layout, Func<int, (Func<IWorkspaceStore> Open, Func<double> Size)> setup)
{
    var stores = new List<double>();
    var loads = new List<double>();
    double size = 0;
    for (int run = 0; run < runs; run++)
    {
        var (open, measureSize) = setup(run);
        Guid sourceId;
        using (var s = open())
        {
            var ws = new Workspace(s, TimeProvider.System, new SequentialIds());
            var review = ws.CreateReview("Bench", "bench", [], "bench");
            var watch = Stopwatch.StartNew();
            sourceId = ws.ImportEventLog(review.Value.Id, "synthetic.csv", ContentHash.Of("x"u8), log, "{}", log.EventCount, "bench").Id;
            stores.Add(watch.Elapsed.TotalSeconds);
        }

        using (var s = open())
        {
            var watch = Stopwatch.StartNew();
            var back = s.LoadEventLog(sourceId);
            loads.Add(watch.Elapsed.TotalSeconds);
            if (back.EventCount != log.EventCount)
            {
                throw new InvalidOperationException("The log did not load back whole.");
            }
        }

        size = measureSize();
        GC.Collect();
    }

    Console.WriteLine($"| {store} | {layout} | {Median(stores):F2} | {Median(loads):F2} | {size:F1} |");
}

// The layout the columnar one was chosen over: one row per event, core columns only (no attributes), prepared
// inserts in one transaction, read back into the engine's arrays.
void MeasureRows(string dir)
{
    var stores = new List<double>();
    var loads = new List<double>();
    double size = 0;
    for (int run = 0; run < runs; run++)
    {
        string path = Path.Combine(dir, $"rows{run}.db");
        using var connection = new SqliteConnection($"Data Source={path};Pooling=False");
        connection.Open();
        Exec(connection, "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; CREATE TABLE events (log INTEGER NOT NULL, seq INTEGER NOT NULL, case_index INTEGER NOT NULL, activity INTEGER NOT NULL, resource INTEGER NOT NULL, time INTEGER NOT NULL, start_time INTEGER, PRIMARY KEY (log, seq)) WITHOUT ROWID");
        var watch = Stopwatch.StartNew();
        using (var tx = connection.BeginTransaction())
        {
            using var insert = connection.CreateCommand();
            insert.Transaction = tx;
            insert.CommandText = "INSERT INTO events VALUES (1, @seq, @c, @a, @r, @t, @s)";
            var p = new[] { "@seq", "@c", "@a", "@r", "@t", "@s" }.Select(n => insert.Parameters.Add(n, SqliteType.Integer)).ToArray();
            insert.Prepare();
            var offsets = log.CaseOffsets;
            for (int c = 0; c < log.CaseCount; c++)
            {
                for (int e = offsets[c]; e < offsets[c + 1]; e++)
                {
                    p[0].Value = e;
                    p[1].Value = c;
                    p[2].Value = log.Activities[e];
                    p[3].Value = log.Resources[e];
                    p[4].Value = log.Times[e];
                    p[5].Value = log.StartTimes[e] == Stepwise.Mining.Time.Timestamp.None ? DBNull.Value : log.StartTimes[e];
                    insert.ExecuteNonQuery();
                }
            }

            tx.Commit();
        }

        stores.Add(watch.Elapsed.TotalSeconds);
        watch.Restart();
        var activities = new int[log.EventCount];
        var resources = new int[log.EventCount];
        var times = new long[log.EventCount];
        var starts = new long[log.EventCount];
        var cases = new int[log.EventCount];
        using (var select = connection.CreateCommand())
        {
            select.CommandText = "SELECT case_index, activity, resource, time, start_time FROM events WHERE log = 1 ORDER BY seq";
            using var reader = select.ExecuteReader();
            int i = 0;
            while (reader.Read())
            {
                cases[i] = reader.GetInt32(0);
                activities[i] = reader.GetInt32(1);
                resources[i] = reader.GetInt32(2);
                times[i] = reader.GetInt64(3);
                starts[i] = reader.IsDBNull(4) ? Stepwise.Mining.Time.Timestamp.None : reader.GetInt64(4);
                i++;
            }
        }

        loads.Add(watch.Elapsed.TotalSeconds);
        size = (new FileInfo(path).Length + SizeOf(path + "-wal")) / 1e6;
    }

    Console.WriteLine($"| SQLite | row per event, core columns only (prepared inserts, one transaction) | {Median(stores):F2} | {Median(loads):F2} | {size:F1} |");
}

static double Median(List<double> values)
{
    values.Sort();
    return values[values.Count / 2];
}

static long SizeOf(string path) => File.Exists(path) ? new FileInfo(path).Length : 0;

static void Exec(SqliteConnection connection, string sql)
{
    using var command = connection.CreateCommand();
    command.CommandText = sql;
    command.ExecuteNonQuery();
}

static double PostgresSize(string connectionString, string schema)
{
    using var connection = new NpgsqlConnection(connectionString);
    connection.Open();
    using var command = connection.CreateCommand();
    command.CommandText = $"SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = '{schema}' AND c.relkind = 'r'";
    double size = Convert.ToDouble(command.ExecuteScalar(), CultureInfo.InvariantCulture) / 1e6;
    command.CommandText = $"DROP SCHEMA {schema} CASCADE";
    command.ExecuteNonQuery();
    return size;
}
