using Stepwise.Mining.IO;
using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.History;
using Stepwise.Review.Storage;
using Stepwise.Workbench.Hosting;
using Stepwise.Workbench.Problems;

namespace Stepwise.Workbench.Tests;

public sealed class ProblemCatalogTests
{
    [Fact]
    public void Catalog_EveryKind_HasADistinctTypeAndAnHttpStatusInItsClass()
    {
        var entries = ProblemCatalog.Entries;
        Assert.Equal(Enum.GetValues<ProblemKind>().Length, entries.Count);
        Assert.Equal(entries.Count, entries.Values.Select(e => e.Type).Distinct().Count());
        foreach (var (kind, entry) in entries)
        {
            bool userError = kind is not (ProblemKind.Bug or ProblemKind.Unavailable or ProblemKind.Interrupted);
            Assert.True(userError ? entry.Status is >= 400 and < 500 : entry.Status >= 500, kind.ToString());
            Assert.NotEqual(0, entry.ExitCode);
        }
    }

    [Fact]
    public void Describe_ArgumentException_WithoutTheParameterNameTheFrameworkAppends()
    {
        var problem = ProblemCatalog.Describe(new ArgumentException("There is no pool 'Nobody' to give staff to; the pools are: Staff.", "options"));
        Assert.Equal(ProblemKind.InvalidValue, problem.Kind);
        Assert.Equal("There is no pool 'Nobody' to give staff to; the pools are: Staff.", problem.Detail);
        var range = ProblemCatalog.Describe(new ArgumentOutOfRangeException("margin", "The margin must be above 0."));
        Assert.DoesNotContain("(Parameter", range.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Describe_EventLogFormatException_BadFileWithLineAndColumn()
    {
        var problem = ProblemCatalog.Describe(new EventLogFormatException("log.csv", new ImportIssue(12, 3, "timestamp", "'x' is not a date")));
        Assert.Equal(ProblemKind.BadFile, problem.Kind);
        Assert.Equal(422, problem.Status);
        Assert.Equal(3, problem.ExitCode);
        Assert.Equal(new FileLocation("log.csv", 12, 3), problem.Location);
    }

    [Fact]
    public void Describe_Conflict_NamesTheFieldsAndWhoChangedThem()
    {
        var artefact = new ArtefactRef(ArtefactKind.Scope, Guid.NewGuid());
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var since = new[] { new HistoryEntry(5, Guid.NewGuid(), artefact, 2, HistoryAction.Changed, "alice", at, "Changed scope", [new FieldChange("in_scope", "[]", "[\"Phone\"]")]) };
        var problem = ProblemCatalog.Describe(new ConcurrencyConflictException(artefact, 1, 2, since));
        Assert.Equal(ProblemKind.Conflict, problem.Kind);
        Assert.Equal(["in_scope"], problem.Conflict!.Fields);
        Assert.Equal(["alice"], problem.Conflict.ChangedBy);
        Assert.Equal(at, problem.Conflict.ChangedAt);
    }

    [Fact]
    public void Conflict_SeveralSavesByOnePerson_NamedOnceWithTheirCount()
    {
        var artefact = new ArtefactRef(ArtefactKind.Scope, Guid.NewGuid());
        var at = new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);
        var since = Enumerable.Range(0, 8)
            .Select(i => new HistoryEntry(5 + i, Guid.NewGuid(), artefact, 2 + i, HistoryAction.Changed, "alice", at.AddSeconds(i), "Changed scope", [new FieldChange("in_scope", "[]", "[]")]))
            .Append(new HistoryEntry(13, Guid.NewGuid(), artefact, 10, HistoryAction.Changed, "bob", at.AddMinutes(5), "Changed scope", [new FieldChange("aims", "[]", "[]")]))
            .ToArray();
        string message = new ConcurrencyConflictException(artefact, 1, 10, since).Message;
        Assert.Contains("(changed by alice 8 times, last at 2026-03-02 09:00:07Z, bob at 2026-03-02 09:05:00Z; fields: in_scope, aims)", message);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(message, "alice"));
    }

    [Fact]
    public void Describe_UnexpectedException_BugWithoutItsInternalMessage()
    {
        var problem = ProblemCatalog.Describe(new NullReferenceException("Object reference not set at Foo.Bar()"));
        Assert.Equal(ProblemKind.Bug, problem.Kind);
        Assert.Equal(70, problem.ExitCode);
        Assert.Equal(500, problem.Status);
        Assert.DoesNotContain("Foo.Bar", problem.Detail);
    }

    [Theory]
    [InlineData(null, WorkspaceKind.Sqlite, "stepwise.db")]
    [InlineData("team.db", WorkspaceKind.Sqlite, "team.db")]
    [InlineData("Host=db.example.org;Database=stepwise;Username=me;Password=secret", WorkspaceKind.Postgres, "Host=db.example.org;Database=stepwise;Username=me;Password=secret")]
    [InlineData("postgres://me:s%40cret@db.example.org:5433/reviews", WorkspaceKind.Postgres, "Host=db.example.org;Port=5433;Database=reviews;Username=me;Password=s@cret")]
    public void WorkspaceLocation_OneSetting_FileOrConnectionString(string? setting, WorkspaceKind kind, string value)
    {
        var location = WorkspaceLocation.Parse(setting);
        Assert.Equal(kind, location.Kind);
        Assert.Equal(value, location.Value);
        Assert.DoesNotContain("secret", location.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("cret", location.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void WorkspaceLocation_AFolder_InvalidValueSayingWhatToGive()
    {
        var ex = Assert.Throws<StepwiseException>(() => WorkspaceLocation.Parse(Path.GetTempPath()));
        Assert.Equal("workspace", Assert.Single(ex.Errors).Field);
        Assert.Contains("is a folder", ex.Message);
    }

    [Fact]
    public void Validation_SameBadValue_SameMessageWhateverTheHost()
    {
        var a = Assert.Throws<StepwiseException>(() => new Reviews.NewReview { Title = new string('x', 201) }.Validate().ThrowIfAny());
        var b = Assert.Throws<StepwiseException>(() => new Reviews.NewReview { Title = new string('x', 201), Owner = "o" }.Validate().ThrowIfAny());
        Assert.Equal(a.Errors, b.Errors);
        Assert.Equal("title", a.Errors[0].Field);
        Assert.Equal("--title", a.Errors[0].OptionName);
        Assert.Equal("is 201 characters long; at most 200 are allowed.", a.Errors[0].Message);
        _ = new ContentHash(new string('0', 64));
    }
}
