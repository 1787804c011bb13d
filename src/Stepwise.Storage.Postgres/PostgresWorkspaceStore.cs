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
        using (var bootstrap = new NpgsqlConnection(connectionString))
        {
            bootstrap.Open();
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
        }

        var store = new PostgresWorkspaceStore(NpgsqlDataSource.Create(builder.ConnectionString)) { Schema = schema };
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
