using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Hosting;

/// <summary>
/// Where a workspace lives, from the one setting both hosts read (<c>--workspace</c> / <c>--connection</c> on the
/// command line, <c>Stepwise:Workspace</c> or the <c>STEPWISE_WORKSPACE</c> environment variable for the web host):
/// a SQLite file path (the embedded default) or a PostgreSQL connection string (a team server).
/// </summary>
public sealed record WorkspaceLocation
{
    private WorkspaceLocation(WorkspaceKind kind, string value, string schema)
    {
        Kind = kind;
        Value = value;
        Schema = schema;
    }

    /// <summary>The default workspace file, in the current folder.</summary>
    public const string DefaultFile = "stepwise.db";

    /// <summary>Which database.</summary>
    public WorkspaceKind Kind { get; }

    /// <summary>The file path or the connection string.</summary>
    public string Value { get; }

    /// <summary>The PostgreSQL schema that holds the workspace.</summary>
    public string Schema { get; }

    /// <summary>A SQLite workspace file.</summary>
    public static WorkspaceLocation File(string path)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            throw StepwiseException.Invalid("workspace", "is empty; give the path of a workspace file, e.g. stepwise.db.");
        }

        if (Directory.Exists(path))
        {
            throw StepwiseException.Invalid("workspace", $"'{path}' is a folder; give the path of a workspace file inside it, e.g. {System.IO.Path.Combine(path, DefaultFile)}.");
        }

        return new WorkspaceLocation(WorkspaceKind.Sqlite, path, string.Empty);
    }

    /// <summary>A PostgreSQL workspace.</summary>
    public static WorkspaceLocation Postgres(string connectionString, string schema = "stepwise")
    {
        if (string.IsNullOrWhiteSpace(connectionString) || !connectionString.Contains('=', StringComparison.Ordinal))
        {
            throw StepwiseException.Invalid("connection", "must be a PostgreSQL connection string such as 'Host=db.example.org;Database=stepwise;Username=stepwise'.");
        }

        if (string.IsNullOrWhiteSpace(schema) || !schema.All(c => char.IsAsciiLetterOrDigit(c) || c == '_'))
        {
            throw StepwiseException.Invalid("schema", $"'{schema}' must be letters, digits and underscores.");
        }

        return new WorkspaceLocation(WorkspaceKind.Postgres, connectionString, schema);
    }

    /// <summary>
    /// Reads the single setting: a value with <c>Host=</c> or <c>Server=</c> (or a <c>postgres://</c> URL) is a
    /// PostgreSQL connection string, anything else a SQLite path; null or empty means <see cref="DefaultFile"/>.
    /// </summary>
    public static WorkspaceLocation Parse(string? setting)
    {
        if (string.IsNullOrWhiteSpace(setting))
        {
            return File(DefaultFile);
        }

        string value = setting.Trim();
        if (value.StartsWith("postgres://", StringComparison.OrdinalIgnoreCase) || value.StartsWith("postgresql://", StringComparison.OrdinalIgnoreCase))
        {
            return Postgres(FromUrl(value));
        }

        return value.Contains("Host=", StringComparison.OrdinalIgnoreCase) || value.Contains("Server=", StringComparison.OrdinalIgnoreCase)
            ? Postgres(value)
            : File(value);
    }

    /// <summary>What to show a user: the file, or the server and database without the password.</summary>
    public override string ToString()
    {
        if (Kind == WorkspaceKind.Sqlite)
        {
            return System.IO.Path.GetFullPath(Value);
        }

        var parts = Value.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(p => !p.StartsWith("Password", StringComparison.OrdinalIgnoreCase) && !p.StartsWith("Pwd", StringComparison.OrdinalIgnoreCase));
        return "PostgreSQL " + string.Join(";", parts) + (Schema == "stepwise" ? string.Empty : $" (schema {Schema})");
    }

    private static string FromUrl(string url)
    {
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri))
        {
            throw StepwiseException.Invalid("connection", "is not a valid postgres:// URL.");
        }

        var parts = new List<string> { "Host=" + uri.Host };
        if (uri.Port > 0)
        {
            parts.Add("Port=" + uri.Port.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        string database = uri.AbsolutePath.Trim('/');
        if (database.Length > 0)
        {
            parts.Add("Database=" + Uri.UnescapeDataString(database));
        }

        if (uri.UserInfo.Length > 0)
        {
            var user = uri.UserInfo.Split(':', 2);
            parts.Add("Username=" + Uri.UnescapeDataString(user[0]));
            if (user.Length == 2)
            {
                parts.Add("Password=" + Uri.UnescapeDataString(user[1]));
            }
        }

        return string.Join(";", parts);
    }
}

/// <summary>The databases a workspace can live in.</summary>
public enum WorkspaceKind
{
    /// <summary>One SQLite file (the embedded default).</summary>
    Sqlite,

    /// <summary>A PostgreSQL database (a team server).</summary>
    Postgres,
}
