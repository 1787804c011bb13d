using System.Data.Common;
using Npgsql;
using Stepwise.Storage.Relational;

namespace Stepwise.Storage.Postgres;

/// <summary>
/// A workspace on a PostgreSQL server, for a team: the tables live in one schema (by default <c>stepwise</c>), which
/// is created and migrated on open. Thread-safe: every call takes a pooled connection.
/// </summary>
public sealed class PostgresWorkspaceStore : RelationalWorkspaceStore
{
    private readonly NpgsqlDataSource _dataSource;

    private PostgresWorkspaceStore(NpgsqlDataSource dataSource)
        : base(new PostgresDialect())
    {
        _dataSource = dataSource;
    }

    /// <summary>The schema holding the workspace.</summary>
    public string Schema { get; private init; } = "stepwise";

    /// <summary>Opens the workspace in <paramref name="schema"/> of the database named by <paramref name="connectionString"/>, creating and migrating it as needed.</summary>
    /// <exception cref="ArgumentException">The schema name is not a plain identifier.</exception>
    public static PostgresWorkspaceStore Open(string connectionString, string schema = "stepwise")
    {
        ArgumentException.ThrowIfNullOrEmpty(connectionString);
        if (string.IsNullOrEmpty(schema) || !schema.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_') || char.IsAsciiDigit(schema[0]))
        {
            throw new ArgumentException($"Schema name '{schema}' must be lower-case letters, digits and underscores, not starting with a digit.", nameof(schema));
        }

        var builder = new NpgsqlConnectionStringBuilder(connectionString) { SearchPath = schema };
        string where = $"PostgreSQL {builder.Host}{(builder.Port == 5432 ? string.Empty : ":" + builder.Port.ToString(System.Globalization.CultureInfo.InvariantCulture))}/{builder.Database ?? builder.Username} (schema {schema}, as {builder.Username})";
        string? readOnly;
        using (var bootstrap = new NpgsqlConnection(connectionString))
        {
            bootstrap.Open();
            // Create the schema only when it is missing: a role that may use it but not create schemas opens it too.
            if (!SchemaExists(bootstrap, schema))
            {
                using var command = bootstrap.CreateCommand();
                command.CommandText = $"CREATE SCHEMA IF NOT EXISTS {schema}";
                try
                {
                    command.ExecuteNonQuery();
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.UniqueViolation)
                {
                    // Another process created it at the same moment.
                }
                catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.InsufficientPrivilege)
                {
                    throw new Review.Storage.WorkspaceWriteRefusedException(Review.Storage.WriteRefusal.PermissionDenied,
                        $"The workspace {where} does not exist, and this connection may not create it: {ex.MessageText}. Create it once as the owner role (see docs/operations.md).", ex);
                }
            }

            readOnly = WhyReadOnly(bootstrap, schema);
        }

        var store = new PostgresWorkspaceStore(NpgsqlDataSource.Create(builder.ConnectionString)) { Schema = schema, WhereText = where, ReadOnlyBecause = readOnly };
        try
        {
            store.Migrate();
            return store;
        }
        catch
        {
            store.Dispose();
            throw;
        }
    }

    /// <summary>
    /// Grants a team server's roles what they need and no more (run as the role that owns the workspace's tables,
    /// after every upgrade; granting again is harmless). The application role may read everything, add and change
    /// reviews' current artefacts, accounts and tokens, add, change and delete jobs (their state as they run, and their
    /// removal after the retention period), and only add to the append-only tables (artefact versions,
    /// history, sign-offs, data sources and stored logs); it gets no UPDATE, DELETE or TRUNCATE on those, and, not
    /// owning them, cannot alter them or disable their triggers. The reader role may only read.
    /// </summary>
    /// <param name="applicationRole">The role the web app and the command line connect as, or null.</param>
    /// <param name="readerRole">A role for read-only access (reports, audits), or null.</param>
    /// <exception cref="ArgumentException">A role name is not a plain identifier.</exception>
    public void GrantAccess(string? applicationRole, string? readerRole = null)
    {
        var statements = new List<string>();
        foreach (var role in new[] { applicationRole, readerRole }.OfType<string>())
        {
            if (role.Length == 0 || !role.All(c => char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c == '_') || char.IsAsciiDigit(role[0]))
            {
                throw new ArgumentException($"Role name '{role}' must be lower-case letters, digits and underscores, not starting with a digit.", role == applicationRole ? nameof(applicationRole) : nameof(readerRole));
            }

            statements.Add($"GRANT USAGE ON SCHEMA {Schema} TO {role}");
            statements.Add($"GRANT SELECT ON ALL TABLES IN SCHEMA {Schema} TO {role}");
        }

        if (applicationRole is not null)
        {
            statements.Add($"GRANT INSERT, UPDATE ON {Schema}.reviews, {Schema}.artefacts, {Schema}.users, {Schema}.api_tokens TO {applicationRole}");
            statements.Add($"GRANT INSERT, UPDATE, DELETE ON {Schema}.jobs TO {applicationRole}");
            statements.Add($"GRANT INSERT ON {string.Join(", ", PostgresSchema.AppendOnlyTables.Select(t => Schema + "." + t))} TO {applicationRole}");
            statements.Add($"REVOKE UPDATE, DELETE, TRUNCATE ON {string.Join(", ", PostgresSchema.AppendOnlyTables.Select(t => Schema + "." + t))} FROM {applicationRole}");
            statements.Add($"REVOKE CREATE ON SCHEMA {Schema} FROM {applicationRole}");
        }

        using var connection = _dataSource.OpenConnection();
        using var transaction = connection.BeginTransaction();
        foreach (var statement in statements)
        {
            using var command = new NpgsqlCommand(statement, connection, transaction);
            command.ExecuteNonQuery();
        }

        transaction.Commit();
    }

    private string WhereText { get; init; } = string.Empty;

    /// <inheritdoc />
    protected override string Where => WhereText;

    /// <inheritdoc />
    protected override string ReadOnlyAdvice => "To change it, connect as a role with the application's grants; to bring its schema up to date, connect once as the owner role (see docs/operations.md).";

    private static bool SchemaExists(NpgsqlConnection connection, string schema)
    {
        using var command = new NpgsqlCommand("SELECT COUNT(*) FROM pg_namespace WHERE nspname = @s", connection);
        command.Parameters.AddWithValue("s", schema);
        return Convert.ToInt64(command.ExecuteScalar(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }

    // A server in recovery (a standby), a read-only default transaction, or a role without the grants to write the
    // workspace's tables: the workspace is open for reading, and writes are refused before they start.
    private static string? WhyReadOnly(NpgsqlConnection connection, string schema)
    {
        using var command = new NpgsqlCommand(
            "SELECT current_setting('transaction_read_only'), " +
            "(SELECT COUNT(*) FROM pg_tables WHERE schemaname = @s AND tablename IN ('artefacts', 'history')), " +
            "CASE WHEN to_regclass(@a) IS NULL THEN true ELSE has_table_privilege(@a, 'INSERT') AND has_table_privilege(@a, 'UPDATE') AND has_table_privilege(@h, 'INSERT') END",
            connection);
        command.Parameters.AddWithValue("s", schema);
        command.Parameters.AddWithValue("a", schema + ".artefacts");
        command.Parameters.AddWithValue("h", schema + ".history");
        using var reader = command.ExecuteReader();
        reader.Read();
        if (string.Equals(reader.GetString(0), "on", StringComparison.Ordinal))
        {
            return "the server accepts only read-only transactions";
        }

        return reader.GetInt64(1) == 2 && !reader.GetBoolean(2) ? $"role {connection.UserName} has no grant to write its tables" : null;
    }

    /// <inheritdoc />
    protected override DbConnection OpenConnection() => _dataSource.OpenConnection();

    /// <inheritdoc />
    protected override bool SharesConnection => false;

    /// <inheritdoc />
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _dataSource.Dispose();
        }
    }
}
