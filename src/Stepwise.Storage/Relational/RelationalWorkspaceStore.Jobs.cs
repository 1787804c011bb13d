using System.Data.Common;
using Stepwise.Review.Jobs;

namespace Stepwise.Storage.Relational;

/// <summary>Jobs: long work's state, result or problem, kept across server restarts.</summary>
public abstract partial class RelationalWorkspaceStore
{
    private const string JobColumns = "id, owner_id, kind, description, review_id, runner, state, progress, created_at, started_at, finished_at, result, result_location, problem";

    // Unfinished jobs are the only ones a write may change: a job that has ended is final.
    private const string Unfinished = "state IN ('Queued', 'Running')";

    private void AddJobCore(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        using var lease = Lease();
        using var insert = Command(lease.Connection, null, $"INSERT INTO jobs ({JobColumns}) VALUES (@id, @o, @k, @d, @r, @ru, @s, @p, @c, @st, @f, @res, @loc, @pr)", JobValues(job));
        insert.ExecuteNonQuery();
    }

    private bool UpdateJobCore(JobRecord job)
    {
        ArgumentNullException.ThrowIfNull(job);
        using var lease = Lease();
        using var update = Command(lease.Connection, null,
            $"UPDATE jobs SET runner = @ru, state = @s, progress = @p, started_at = @st, finished_at = @f, result = @res, result_location = @loc, problem = @pr WHERE id = @id AND {Unfinished}",
            JobValues(job));
        return update.ExecuteNonQuery() == 1;
    }

    private int InterruptJobsCore(Guid runner, DateTimeOffset at, string problemJson)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(problemJson);
        using var lease = Lease();
        using var update = Command(lease.Connection, null,
            $"UPDATE jobs SET state = @s, finished_at = @at, problem = @pr WHERE runner <> @ru AND {Unfinished}",
            ("s", nameof(JobState.Interrupted)), ("at", Dialect.Time(at)), ("pr", problemJson), ("ru", Dialect.Id(runner)));
        return update.ExecuteNonQuery();
    }

    private int DeleteJobsCore(DateTimeOffset finishedBefore)
    {
        using var lease = Lease();
        using var delete = Command(lease.Connection, null, $"DELETE FROM jobs WHERE finished_at < @before AND NOT {Unfinished}", ("before", Dialect.Time(finishedBefore)));
        return delete.ExecuteNonQuery();
    }

    /// <inheritdoc />
    public JobRecord? FindJob(Guid id)
    {
        using var lease = Lease();
        using var command = Command(lease.Connection, null, $"SELECT {JobColumns} FROM jobs WHERE id = @id", ("id", Dialect.Id(id)));
        return ReadAll(command, ReadJob).FirstOrDefault();
    }

    /// <inheritdoc />
    public IReadOnlyList<JobRecord> Jobs(Guid? ownerId = null, Guid? reviewId = null)
    {
        string sql = $"SELECT {JobColumns} FROM jobs WHERE 1 = 1";
        var parameters = new List<(string, object?)>();
        if (ownerId is { } owner)
        {
            sql += " AND owner_id = @o";
            parameters.Add(("o", Dialect.Id(owner)));
        }

        if (reviewId is { } review)
        {
            sql += " AND review_id = @r";
            parameters.Add(("r", Dialect.Id(review)));
        }

        // Job ids are version 7 UUIDs: within one instant they still sort by when they were made.
        using var lease = Lease();
        using var command = Command(lease.Connection, null, sql + " ORDER BY created_at DESC, id DESC", [.. parameters]);
        return ReadAll(command, ReadJob);
    }

    private (string Name, object? Value)[] JobValues(JobRecord job) =>
    [
        ("id", Dialect.Id(job.Id)), ("o", Dialect.Id(job.OwnerId)), ("k", job.Kind), ("d", job.Description), ("r", job.ReviewId is { } r ? Dialect.Id(r) : null),
        ("ru", Dialect.Id(job.Runner)), ("s", job.State.ToString()), ("p", job.Progress), ("c", Dialect.Time(job.CreatedAt)),
        ("st", job.StartedAt is { } st ? Dialect.Time(st) : null), ("f", job.FinishedAt is { } f ? Dialect.Time(f) : null),
        ("res", job.ResultJson), ("loc", job.ResultLocation), ("pr", job.ProblemJson),
    ];

    private JobRecord ReadJob(DbDataReader r) => new()
    {
        Id = Dialect.ReadId(r, 0),
        OwnerId = Dialect.ReadId(r, 1),
        Kind = r.GetString(2),
        Description = r.GetString(3),
        ReviewId = r.IsDBNull(4) ? null : Dialect.ReadId(r, 4),
        Runner = Dialect.ReadId(r, 5),
        State = Enum.Parse<JobState>(r.GetString(6)),
        Progress = r.GetDouble(7),
        CreatedAt = Dialect.ReadTime(r, 8),
        StartedAt = r.IsDBNull(9) ? null : Dialect.ReadTime(r, 9),
        FinishedAt = r.IsDBNull(10) ? null : Dialect.ReadTime(r, 10),
        ResultJson = r.IsDBNull(11) ? null : r.GetString(11),
        ResultLocation = r.IsDBNull(12) ? null : r.GetString(12),
        ProblemJson = r.IsDBNull(13) ? null : r.GetString(13),
    };
}
