using System.Net;
using Stepwise.Web.Api.Tests.Support;

namespace Stepwise.Web.Api.Tests;

/// <summary>
/// GET /quality/samples/{s}/units gives a kept sample's units file again after the draw: the same bytes the draw
/// answered with Accept: text/csv, for every member who may read the review.
/// </summary>
public abstract class SampleUnitsSuite(TestDatabase database) : ApiTestBase(database)
{
    [SkippableFact]
    public async Task Units_AfterTheDraw_AreTheFileTheDrawAnswered()
    {
        using var lead = Api.ClientFor("lead");
        string review = await QualitySuite.CreateQualityReviewAsync(lead);
        var drawn = await lead.UploadFilesAsync($"{review}/quality/samples", [("file", QualitySuite.Survey)], """{"name":"By class","draw":{"id":"id","strata":["Class"],"size":400,"seed":5}}""", accept: "text/csv");
        Assert.True(drawn.Status == HttpStatusCode.Created, drawn.Text);

        using var again = await lead.GetAsync(new Uri($"{review}/quality/samples/By%20class/units", UriKind.Relative));
        string text = await again.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal("text/csv", again.Content.Headers.ContentType?.MediaType);
        Assert.Equal(drawn.Text, text);
        Assert.Equal(401, text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
        Assert.StartsWith("id,Class,stratum,weight\n", text, StringComparison.Ordinal);

        using var missing = await lead.GetAsync(new Uri($"{review}/quality/samples/No%20such/units", UriKind.Relative));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
    }
}

/// <summary>Sample units on SQLite.</summary>
public sealed class SqliteSampleUnitsSuite() : SampleUnitsSuite(new SqliteDatabase());
