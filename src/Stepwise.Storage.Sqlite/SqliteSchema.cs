using Stepwise.Storage.Relational;

namespace Stepwise.Storage.Sqlite;

/// <summary>The versioned schema of a SQLite workspace.</summary>
internal static class SqliteSchema
{
    private static string Immutable(string table) =>
        $"CREATE TRIGGER {table}_no_update BEFORE UPDATE ON {table} BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END;";

    private static string Undeletable(string table) =>
        $"CREATE TRIGGER {table}_no_delete BEFORE DELETE ON {table} BEGIN SELECT RAISE(ABORT, '{table} are append-only'); END;";

    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "reviews, artefacts with versions, history, sign-offs, data sources and stored logs",
        [
            "CREATE TABLE reviews (id TEXT PRIMARY KEY, type TEXT NOT NULL, created_at TEXT NOT NULL)",
            "CREATE TABLE artefacts (review_id TEXT NOT NULL REFERENCES reviews(id), kind TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL CHECK (version >= 1), hash TEXT NOT NULL, json TEXT NOT NULL, changed_by TEXT NOT NULL, changed_at TEXT NOT NULL, PRIMARY KEY (review_id, kind, id))",
            "CREATE TABLE artefact_versions (review_id TEXT NOT NULL, kind TEXT NOT NULL, id TEXT NOT NULL, version INTEGER NOT NULL, hash TEXT NOT NULL, json TEXT NOT NULL, changed_by TEXT NOT NULL, changed_at TEXT NOT NULL, PRIMARY KEY (review_id, kind, id, version), FOREIGN KEY (review_id, kind, id) REFERENCES artefacts(review_id, kind, id))",
            "CREATE TABLE history (seq INTEGER PRIMARY KEY AUTOINCREMENT, review_id TEXT NOT NULL REFERENCES reviews(id), kind TEXT NOT NULL, artefact_id TEXT NOT NULL, version INTEGER NOT NULL, action TEXT NOT NULL, changed_by TEXT NOT NULL, changed_at TEXT NOT NULL, summary TEXT NOT NULL, changes TEXT NOT NULL)",
            "CREATE INDEX history_by_artefact ON history (review_id, kind, artefact_id, seq)",
            "CREATE TABLE sign_offs (id TEXT PRIMARY KEY, review_id TEXT NOT NULL, kind TEXT NOT NULL, artefact_id TEXT NOT NULL, version INTEGER NOT NULL, hash TEXT NOT NULL, stakeholder_id TEXT NOT NULL, name TEXT NOT NULL, stakeholder_group TEXT NOT NULL, role TEXT NOT NULL, decision TEXT NOT NULL, reason TEXT, signed_at TEXT NOT NULL, FOREIGN KEY (review_id, kind, artefact_id, version) REFERENCES artefact_versions(review_id, kind, id, version))",
            "CREATE INDEX sign_offs_by_review ON sign_offs (review_id)",
            "CREATE TABLE data_sources (id TEXT PRIMARY KEY, review_id TEXT NOT NULL REFERENCES reviews(id), kind TEXT NOT NULL, file_name TEXT NOT NULL, import_options TEXT NOT NULL, row_count INTEGER NOT NULL, case_count INTEGER NOT NULL, record_count INTEGER NOT NULL, content_hash TEXT NOT NULL, imported_at TEXT NOT NULL, imported_by TEXT NOT NULL)",
            "CREATE INDEX data_sources_by_review ON data_sources (review_id)",
            "CREATE TABLE event_logs (data_source_id TEXT PRIMARY KEY REFERENCES data_sources(id), manifest TEXT NOT NULL, byte_count INTEGER NOT NULL, chunk_count INTEGER NOT NULL)",
            "CREATE TABLE event_log_chunks (data_source_id TEXT NOT NULL REFERENCES event_logs(data_source_id), column_key TEXT NOT NULL, chunk INTEGER NOT NULL, payload BLOB NOT NULL, UNIQUE (data_source_id, column_key, chunk))",
            Immutable("artefact_versions"), Undeletable("artefact_versions"),
            Immutable("history"), Undeletable("history"),
            Immutable("sign_offs"), Undeletable("sign_offs"),
            Immutable("data_sources"), Undeletable("data_sources"),
            Immutable("event_logs"), Undeletable("event_logs"),
            Immutable("event_log_chunks"), Undeletable("event_log_chunks"),
        ]),
        new(2, "user accounts, API tokens, and who entered each sign-off",
        [
            "CREATE TABLE users (id TEXT PRIMARY KEY, name TEXT NOT NULL, name_key TEXT NOT NULL UNIQUE, display_name TEXT NOT NULL, password_hash TEXT, external_login TEXT UNIQUE, is_admin INTEGER NOT NULL, disabled INTEGER NOT NULL, failed_sign_ins INTEGER NOT NULL, locked_until TEXT, created_at TEXT NOT NULL, version INTEGER NOT NULL CHECK (version >= 1))",
            "CREATE TABLE api_tokens (id TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), name TEXT NOT NULL, secret_hash TEXT NOT NULL UNIQUE, prefix TEXT NOT NULL, created_at TEXT NOT NULL, expires_at TEXT, revoked_at TEXT)",
            "CREATE INDEX api_tokens_by_user ON api_tokens (user_id)",
            "CREATE TRIGGER api_tokens_no_delete BEFORE DELETE ON api_tokens BEGIN SELECT RAISE(ABORT, 'api_tokens are kept; revoke instead'); END;",
            "ALTER TABLE sign_offs ADD COLUMN entered_by TEXT",
            "ALTER TABLE sign_offs ADD COLUMN entered_by_user TEXT",
            "ALTER TABLE sign_offs ADD COLUMN on_behalf INTEGER NOT NULL DEFAULT 0",
            "ALTER TABLE sign_offs ADD COLUMN on_behalf_reason TEXT",
        ]),
        new(3, "a hash chain through each review's history, so that any change to it shows",
        [
            "ALTER TABLE history ADD COLUMN previous_hash TEXT",
            "ALTER TABLE history ADD COLUMN entry_hash TEXT",
            "CREATE INDEX history_chain ON history (review_id, seq)",
            "DROP TRIGGER history_no_update",
        ])
        {
            Backfill = MigrationBackfill.HistoryChain,
            AfterBackfill = [Immutable("history")],
        },
        new(4, "jobs: the state, result or problem of long work, kept across server restarts",
        [
            "CREATE TABLE jobs (id TEXT PRIMARY KEY, owner_id TEXT NOT NULL, kind TEXT NOT NULL, description TEXT NOT NULL, review_id TEXT, runner TEXT NOT NULL, state TEXT NOT NULL, progress REAL NOT NULL CHECK (progress >= 0 AND progress <= 1), created_at TEXT NOT NULL, started_at TEXT, finished_at TEXT, result TEXT, result_location TEXT, problem TEXT)",
            "CREATE INDEX jobs_by_owner ON jobs (owner_id, created_at)",
            "CREATE INDEX jobs_by_review ON jobs (review_id, created_at)",
            "CREATE INDEX jobs_by_state ON jobs (state, finished_at)",
        ]),
    ];
}
