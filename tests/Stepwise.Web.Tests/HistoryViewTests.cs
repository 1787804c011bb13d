using Stepwise.Review.Artefacts;
using Stepwise.Review.History;
using Stepwise.Web.Components;
using Stepwise.Web.Components.Shared;
using Stepwise.Web.Security;

namespace Stepwise.Web.Tests;

public sealed class HistoryViewTests
{
    [Theory]
    [InlineData("\"Closed\"", "Closed")]
    [InlineData("[\"Automate\",\"RemoveStep\"]", "Automate, RemoveStep")]
    [InlineData("[]", "(none)")]
    [InlineData("null", "(none)")]
    [InlineData(null, "(none)")]
    [InlineData("25000", "25000")]
    [InlineData("true", "yes")]
    [InlineData("{\"activity\":\"Closed\",\"reason\":\"audit\"}", "activity: Closed; reason: audit")]
    [InlineData("{\"id\":\"01a2\",\"name\":\"Sam\",\"user_id\":\"01a3\"}", "name: Sam")]
    public void Value_JsonOfAField_PlainTextForPeople(string? json, string expected) => Assert.Equal(expected, HistoryView.Value(json));

    [Theory]
    [InlineData("\"2026-12-02T00:34:53.110493+00:00\"", "2 Dec 2026 00:34 UTC")]
    [InlineData("\"2012-06-01T00:00:00+00:00\"", "1 Jun 2012")]
    [InlineData("\"2013-11-28T18:07:59+01:00\"", "28 Nov 2013 17:07 UTC")]
    [InlineData("\"2012-06-01\"", "1 Jun 2012")]
    [InlineData("\"2012-06-01 was the go-live\"", "2012-06-01 was the go-live")]
    [InlineData("{\"cases\":1161,\"from\":\"2012-06-15T00:00:00+00:00\",\"to\":\"2013-11-28T17:07:59+00:00\"}", "cases: 1161; from: 15 Jun 2012; to: 28 Nov 2013 17:07 UTC")]
    [InlineData("{\"data_hash\":\"fb133a5b70711d523bdbb95279d6bd86d975661ad3d23d23129bfe5121cea453\"}", "data hash: fb133a5b7071…")]
    public void Value_TimesAndHashes_ReadAsDatesAndShortHashes(string json, string expected) => Assert.Equal(expected, HistoryView.Value(json));

    [Fact]
    public void FieldName_NestedSnakeCasePath_WordsWithSeparators() => Assert.Equal("change › budget cap", HistoryView.FieldName("change.budget_cap"));

    [Fact]
    public void Filter_ByKindAndPerson_KeepsOnlyMatchingEntries()
    {
        var review = Guid.NewGuid();
        HistoryEntry Entry(ArtefactKind kind, string by) => new(1, review, new ArtefactRef(kind, review), 1, HistoryAction.Changed, by, DateTimeOffset.UnixEpoch, "x", []);
        var entries = new[] { Entry(ArtefactKind.Scope, "Ann"), Entry(ArtefactKind.Scope, "Bo"), Entry(ArtefactKind.Stakeholder, "Ann") };

        Assert.Equal(3, HistoryView.Filter(entries, "", "").Count());
        Assert.Equal(2, HistoryView.Filter(entries, "Scope", "").Count());
        Assert.Equal(2, HistoryView.Filter(entries, "", "Ann").Count());
        Assert.Equal("Bo", Assert.Single(HistoryView.Filter(entries, "Scope", "Bo")).By);
    }

    [Theory]
    [InlineData("on_behalf_reason", "On-behalf reason")]
    [InlineData("time_window.from", "Time window from")]
    [InlineData("aim[2]", "Aim 2")]
    public void Field_RequestFieldName_Words(string field, string expected) => Assert.Equal(expected, Labels.Field(field));

    [Theory]
    [InlineData("/reviews/1", true)]
    [InlineData("/", true)]
    [InlineData("//evil.example", false)]
    [InlineData("/\\evil.example", false)]
    [InlineData("https://evil.example/", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsLocal_ReturnAddress_OnlyPathsOnThisServer(string? url, bool local) => Assert.Equal(local, SignInEndpoints.IsLocal(url));
}
