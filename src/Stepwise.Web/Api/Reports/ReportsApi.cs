using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Stepwise.Web.Api.Authentication;
using Stepwise.Web.Api.Problems;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Reports;

namespace Stepwise.Web.Api.Reports;

/// <summary>
/// A review's reports for each audience as files (HTML, PDF, XLSX, PPTX), and its evidence map as JSON. The same GET
/// serves the web app's download links (with the sign-in cookie) and scripts (with a token).
/// </summary>
public static class ReportsApi
{
    /// <summary>Maps <c>/reviews/{reviewId}/reports/{audience}</c> and <c>/reviews/{reviewId}/evidence</c>.</summary>
    public static IEndpointRouteBuilder MapReportsApi(this IEndpointRouteBuilder api)
    {
        api.MapGet("/reviews/{reviewId:guid}/reports/{audience}", (Caller caller, Guid reviewId, string audience, HttpContext http, Workbench.Workbench bench,
                [FromQuery] string? format, [FromQuery(Name = "include_personal_data")] bool? includePersonalData, [FromQuery] string? team, [FromQuery] string? partner,
                [FromQuery(Name = "handover_by")] string? handoverBy) =>
            {
                bool personal = includePersonalData ?? false;
                if (personal && !ApiAuthentication.ByToken(http) && CrossSite(http.Request))
                {
                    // A link on another site must not make (and record in the history) a report with personal data.
                    throw StepwiseException.Forbidden("A report with personal data can be asked for only from Stepwise's own pages or with a personal access token.");
                }

                var file = bench.Reports.Build(caller.Actor, reviewId, new ReportRequest
                {
                    Audience = audience,
                    Format = format,
                    IncludePersonalData = personal,
                    Team = team,
                    Partner = partner,
                    HandoverBy = handoverBy,
                });
                http.Response.Headers.CacheControl = "no-store";
                return TypedResults.File(file.Content, file.MediaType, file.FileName);
            })
            .WithTags("Reports")
            .WithName("GetReport")
            .WithSummary("A review's report for one audience (senior-managers, team-leaders, front-line-staff, partners, analysts, evidence-map) as html, pdf, xlsx or pptx")
            .WithDescription("Personal data is redacted and response and customer ids pseudonymised unless include_personal_data=true (owners only; recorded in the review's history). team= narrows the team-leaders report, partner= the partners report.")
            .Produces(StatusCodes.Status200OK, contentType: "application/pdf")
            .ProducesProblems(400, 403, 404);

        api.MapGet("/reviews/{reviewId:guid}/evidence", Ok<IReadOnlyList<EvidenceLine>> (Caller caller, Guid reviewId, Workbench.Workbench bench)
                => TypedResults.Ok(bench.Reports.Evidence(caller.Actor, reviewId)))
            .WithTags("Reports")
            .WithName("GetEvidenceMap")
            .WithSummary("Which artefact (with its version and sign-off) evidences each assessment criterion of the unit the review serves, and which have none yet")
            .ProducesProblems(403, 404);
        return api;
    }

    private static bool CrossSite(HttpRequest request)
    {
        string? site = request.Headers["Sec-Fetch-Site"];
        string? origin = request.Headers.Origin;
        return site is not null
            ? site is not ("same-origin" or "none")
            : origin is not null && !string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
    }
}
