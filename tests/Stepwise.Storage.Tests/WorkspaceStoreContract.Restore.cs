using Stepwise.Review.Artefacts;
using Stepwise.Review.Common;
using Stepwise.Review.People;
using Stepwise.Review.Scoping;
using Stepwise.Review.SignOffs;
using Stepwise.Review.Storage;
using Stepwise.Storage.Testing;

namespace Stepwise.Storage.Tests;

/// <summary>The contract of restoring a whole review (what an import of an exported review does).</summary>
public abstract partial class WorkspaceStoreContract
{
    [SkippableFact]
    public void RestoreReview_SnapshotUnderNewId_EverythingBackInOrderWithTimesAndAuthors()
    {
        var ws = OpenWorkspace();
        var (id, sponsor) = ReviewWithSponsor(ws);
        var scope = ws.Save(id, new Scope { Id = id, InScope = ["Phone"] }, 0, "lead");
        Clock.Advance(TimeSpan.FromMinutes(5));
        scope = ws.Save(id, scope.Value with { InScope = ["Phone", "E-mail"] }, scope.Version, "analyst");
        ws.SignOff(id, new ArtefactRef(ArtefactKind.Scope, id), scope.Version, sponsor, SignOffDecision.Approved, null, SignOffEntry.Proxy("lead", null, "by e-mail"));
        var log = SyntheticLog.Create(2_000, seed: 11);
        ws.ImportEventLog(id, "tickets.csv", ContentHash.Of("tickets"u8), log, """{"delimiter":","}""", 2_000, "lead");
        var snapshot = ws.Snapshot(id, withLogs: true);

        // The same review under another id, so it can live beside the original in this workspace.
        var copy = Guid.Parse("77777777-7777-7777-7777-777777777777");
        var moved = new ReviewSnapshot(
            snapshot.Entry with { Id = copy },
            [.. snapshot.Versions.Select(v => v with { ReviewId = copy })],
            [.. snapshot.History.Select(h => h with { ReviewId = copy })],
            [.. snapshot.SignOffs.Select(s => s with { ReviewId = copy, Id = Guid.NewGuid() })],
            [.. snapshot.DataSources.Select(d => d with { ReviewId = copy, Id = Guid.Parse("66666666-6666-6666-6666-666666666666") })],
            new Dictionary<Guid, Mining.EventLog> { [Guid.Parse("66666666-6666-6666-6666-666666666666")] = snapshot.Logs.Values.Single() });
        var store = OpenStore();
        store.RestoreReview(moved);

        Assert.Equal(store.List(id, ArtefactKind.Stakeholder).Select(a => (a.Json, a.Version, a.ChangedBy, a.ChangedAt)), store.List(copy, ArtefactKind.Stakeholder).Select(a => (a.Json, a.Version, a.ChangedBy, a.ChangedAt)));
        var restoredScope = store.Find(copy, new ArtefactRef(ArtefactKind.Scope, id))!;
        Assert.Equal((2L, scope.Hash, "analyst"), (restoredScope.Version, restoredScope.Hash, restoredScope.ChangedBy));
        Assert.Equal(store.FindVersion(id, new ArtefactRef(ArtefactKind.Scope, id), 1)!.Json, store.FindVersion(copy, new ArtefactRef(ArtefactKind.Scope, id), 1)!.Json);
        Assert.Equal(store.History(id).Select(h => (h.Artefact, h.Version, h.Action, h.By, h.At, h.Summary, h.Changes.Count)), store.History(copy).Select(h => (h.Artefact, h.Version, h.Action, h.By, h.At, h.Summary, h.Changes.Count)));
        var signOff = Assert.Single(store.SignOffs(copy));
        Assert.Equal(("lead", true, "by e-mail", scope.Hash), (signOff.EnteredBy, signOff.OnBehalf, signOff.OnBehalfReason, signOff.ContentHash));
        var source = Assert.Single(store.DataSources(copy));
        Assert.Equal("""{"delimiter":","}""", source.ImportOptions);
        LogAssert.Identical(log, store.LoadEventLog(source.Id));
        Assert.True(store.Check().IsSound, string.Join("; ", store.Check().Problems));
    }

    [SkippableFact]
    public void RestoreReview_IdAlreadyInWorkspace_ConflictAndNothingWritten()
    {
        var ws = OpenWorkspace();
        var (id, _) = ReviewWithSponsor(ws);
        var snapshot = ws.Snapshot(id, withLogs: true);
        var store = OpenStore();
        int history = store.History(id).Count;

        Assert.Throws<ConcurrencyConflictException>(() => store.RestoreReview(snapshot));

        Assert.Equal(history, store.History(id).Count);
        Assert.Single(store.Reviews());
    }

    [SkippableFact]
    public void RestoreReview_EventLogWithoutItsLog_RolledBack()
    {
        var ws = OpenWorkspace();
        var (id, _) = ReviewWithSponsor(ws);
        ws.ImportEventLog(id, "tickets.csv", ContentHash.Of("tickets"u8), SyntheticLog.Create(200, seed: 2), "{}", 200, "lead");
        var snapshot = ws.Snapshot(id, withLogs: false);
        var copy = Guid.Parse("77777777-7777-7777-7777-777777777777");
        var store = OpenStore();

        Assert.ThrowsAny<ArgumentException>(() => store.RestoreReview(snapshot with
        {
            Entry = snapshot.Entry with { Id = copy },
            Versions = [.. snapshot.Versions.Select(v => v with { ReviewId = copy })],
            History = [],
            DataSources = [.. snapshot.DataSources.Select(d => d with { ReviewId = copy, Id = Guid.NewGuid() })],
        }));

        Assert.Single(store.Reviews());
        Assert.Empty(store.History(copy));
    }
}
