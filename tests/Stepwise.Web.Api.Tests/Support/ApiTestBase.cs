namespace Stepwise.Web.Api.Tests.Support;

/// <summary>
/// The base of the API suite: one host over one fresh database per test class. A sealed subclass per database runs
/// the same tests on SQLite and on PostgreSQL.
/// </summary>
public abstract class ApiTestBase : IDisposable
{
    private readonly Lazy<ApiFactory> _factory;
    private readonly TestDatabase _database;

    /// <summary>Creates the host lazily, so a PostgreSQL test without a server skips (or fails under CI) before it starts.</summary>
    protected ApiTestBase(TestDatabase database)
    {
        _database = database;
        _factory = new Lazy<ApiFactory>(() => new ApiFactory(database));
    }

    /// <summary>The database under the host, for tests that change it behind the host's back.</summary>
    protected TestDatabase Database => _database;

    /// <summary>The host.</summary>
    protected ApiFactory Api
    {
        get
        {
            if (_database is PostgresDatabase)
            {
                PostgresDatabase.Require();
            }

            return _factory.Value;
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        if (_factory.IsValueCreated)
        {
            _factory.Value.Dispose();
        }

        _database.Dispose();
        GC.SuppressFinalize(this);
    }
}
