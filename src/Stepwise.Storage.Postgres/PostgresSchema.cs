using Stepwise.Storage.Relational;

namespace Stepwise.Storage.Postgres;

/// <summary>The versioned schema of a PostgreSQL workspace (created in the store's own schema).</summary>
internal static class PostgresSchema
{
    private static string AppendOnly(string table) =>
        $"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} FOR EACH ROW EXECUTE FUNCTION stepwise_append_only()";

    /// <summary>The tables rows are only ever added to.</summary>
    public static IReadOnlyList<string> AppendOnlyTables { get; } = ["artefact_versions", "history", "sign_offs", "data_sources", "event_logs", "event_log_chunks"];

    public static IReadOnlyList<Migration> Migrations { get; } =
    [
        new(1, "reviews, artefacts with versions, history, sign-offs, data sources and stored logs",
        [
            "CREATE TABLE reviews (id uuid PRIMARY KEY, type text NOT NULL, created_at timestamptz NOT NULL, seq bigint GENERATED ALWAYS AS IDENTITY)",
            "CREATE TABLE artefacts (review_id uuid NOT NULL REFERENCES reviews(id), kind text NOT NULL, id uuid NOT NULL, version bigint NOT NULL CHECK (version >= 1), hash text NOT NULL, json text NOT NULL, changed_by text NOT NULL, changed_at timestamptz NOT NULL, seq bigint GENERATED ALWAYS AS IDENTITY, PRIMARY KEY (review_id, kind, id))",
            "CREATE TABLE artefact_versions (review_id uuid NOT NULL, kind text NOT NULL, id uuid NOT NULL, version bigint NOT NULL, hash text NOT NULL, json text NOT NULL, changed_by text NOT NULL, changed_at timestamptz NOT NULL, PRIMARY KEY (review_id, kind, id, version), FOREIGN KEY (review_id, kind, id) REFERENCES artefacts(review_id, kind, id))",
            "CREATE TABLE history (seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY, review_id uuid NOT NULL REFERENCES reviews(id), kind text NOT NULL, artefact_id uuid NOT NULL, version bigint NOT NULL, action text NOT NULL, changed_by text NOT NULL, changed_at timestamptz NOT NULL, summary text NOT NULL, changes text NOT NULL)",
            "CREATE INDEX history_by_artefact ON history (review_id, kind, artefact_id, seq)",
            "CREATE TABLE sign_offs (id uuid PRIMARY KEY, review_id uuid NOT NULL, kind text NOT NULL, artefact_id uuid NOT NULL, version bigint NOT NULL, hash text NOT NULL, stakeholder_id uuid NOT NULL, name text NOT NULL, stakeholder_group text NOT NULL, role text NOT NULL, decision text NOT NULL, reason text, signed_at timestamptz NOT NULL, seq bigint GENERATED ALWAYS AS IDENTITY, FOREIGN KEY (review_id, kind, artefact_id, version) REFERENCES artefact_versions(review_id, kind, id, version))",
            "CREATE INDEX sign_offs_by_review ON sign_offs (review_id)",
            "CREATE TABLE data_sources (id uuid PRIMARY KEY, review_id uuid NOT NULL REFERENCES reviews(id), kind text NOT NULL, file_name text NOT NULL, import_options text NOT NULL, row_count bigint NOT NULL, case_count bigint NOT NULL, record_count bigint NOT NULL, content_hash text NOT NULL, imported_at timestamptz NOT NULL, imported_by text NOT NULL, seq bigint GENERATED ALWAYS AS IDENTITY)",
            "CREATE INDEX data_sources_by_review ON data_sources (review_id)",
            "CREATE TABLE event_logs (data_source_id uuid PRIMARY KEY REFERENCES data_sources(id), manifest text NOT NULL, byte_count bigint NOT NULL, chunk_count bigint NOT NULL)",
            "CREATE TABLE event_log_chunks (data_source_id uuid NOT NULL REFERENCES event_logs(data_source_id), column_key text NOT NULL, chunk integer NOT NULL, payload bytea NOT NULL, PRIMARY KEY (data_source_id, column_key, chunk))",
            "ALTER TABLE event_log_chunks ALTER COLUMN payload SET STORAGE EXTERNAL",
            "CREATE FUNCTION stepwise_append_only() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '% rows are append-only', TG_TABLE_NAME; END $$",
            AppendOnly("artefact_versions"),
            AppendOnly("history"),
            AppendOnly("sign_offs"),
            AppendOnly("data_sources"),
            AppendOnly("event_logs"),
            AppendOnly("event_log_chunks"),
        ]),
        new(2, "user accounts, API tokens, and who entered each sign-off",
        [
            "CREATE TABLE users (id uuid PRIMARY KEY, name text NOT NULL, name_key text NOT NULL UNIQUE, display_name text NOT NULL, password_hash text, external_login text UNIQUE, is_admin integer NOT NULL, disabled integer NOT NULL, failed_sign_ins integer NOT NULL, locked_until timestamptz, created_at timestamptz NOT NULL, version bigint NOT NULL CHECK (version >= 1))",
            "CREATE TABLE api_tokens (id uuid PRIMARY KEY, user_id uuid NOT NULL REFERENCES users(id), name text NOT NULL, secret_hash text NOT NULL UNIQUE, prefix text NOT NULL, created_at timestamptz NOT NULL, expires_at timestamptz, revoked_at timestamptz, seq bigint GENERATED ALWAYS AS IDENTITY)",
            "CREATE INDEX api_tokens_by_user ON api_tokens (user_id)",
            "CREATE FUNCTION stepwise_no_delete() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RAISE EXCEPTION '% rows are kept', TG_TABLE_NAME; END $$",
            "CREATE TRIGGER api_tokens_no_delete BEFORE DELETE ON api_tokens FOR EACH ROW EXECUTE FUNCTION stepwise_no_delete()",
            "ALTER TABLE sign_offs ADD COLUMN entered_by text",
            "ALTER TABLE sign_offs ADD COLUMN entered_by_user uuid",
            "ALTER TABLE sign_offs ADD COLUMN on_behalf integer NOT NULL DEFAULT 0",
            "ALTER TABLE sign_offs ADD COLUMN on_behalf_reason text",
        ]),
        new(3, "a hash chain through each review's history, so that any change to it shows",
        [
            "ALTER TABLE history ADD COLUMN previous_hash text, ADD COLUMN entry_hash text",
            "CREATE INDEX history_chain ON history (review_id, seq)",
            "ALTER TABLE history DISABLE TRIGGER history_append_only",
        ])
        {
            Backfill = MigrationBackfill.HistoryChain,
            AfterBackfill = ["ALTER TABLE history ENABLE TRIGGER history_append_only"],
        },
        new(4, "jobs: the state, result or problem of long work, kept across server restarts",
        [
            "CREATE TABLE jobs (id uuid PRIMARY KEY, owner_id uuid NOT NULL, kind text NOT NULL, description text NOT NULL, review_id uuid, runner uuid NOT NULL, state text NOT NULL, progress double precision NOT NULL CHECK (progress >= 0 AND progress <= 1), created_at timestamptz NOT NULL, started_at timestamptz, finished_at timestamptz, result text, result_location text, problem text)",
            "CREATE INDEX jobs_by_owner ON jobs (owner_id, created_at)",
            "CREATE INDEX jobs_by_review ON jobs (review_id, created_at)",
            "CREATE INDEX jobs_by_state ON jobs (state, finished_at)",
        ]),
    ];
}
