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
