namespace Stepwise.Storage.Testing;

/// <summary>
/// The PostgreSQL server the tests use: STEPWISE_TEST_POSTGRES (test.sh starts a throwaway one and sets it). Without
/// it the PostgreSQL tests skip, except under CI, where they fail.
/// </summary>
internal static class PostgresServer
{
    public static string? ConnectionString => Environment.GetEnvironmentVariable("STEPWISE_TEST_POSTGRES") is { Length: > 0 } s ? s : null;

    public static string Require()
    {
        if (ConnectionString is { } connection)
        {
            return connection;
        }

        const string message = "No PostgreSQL server: set STEPWISE_TEST_POSTGRES to a connection string, or run ./test.sh, which starts one.";
        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("CI")))
        {
            throw new InvalidOperationException(message + " (CI is set, so this is a failure, not a skip.)");
        }

        Skip.If(true, message);
        return string.Empty;
    }
}
