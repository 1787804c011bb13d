using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Stepwise.Review.People;
using Stepwise.Web.Api.Authentication;
using Stepwise.Web.Api.Concurrency;
using Stepwise.Web.Api.Json;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Web.Api.Reviews;

/// <summary>The people a review involves, with their group and RACI role. A stakeholder's ETag is its version.</summary>
public static class StakeholdersApi
{
    /// <summary>Maps <c>/reviews/{reviewId}/stakeholders</c>.</summary>
    public static IEndpointRouteBuilder MapStakeholdersApi(this IEndpointRouteBuilder api)
    {
        var stakeholders = api.MapGroup("/reviews/{reviewId:guid}/stakeholders").WithTags("Stakeholders");

        stakeholders.MapGet("/", (Caller caller, Guid reviewId, Workbench.Workbench bench)
                => TypedResults.Ok(bench.Reviews.Stakeholders(caller.Actor, reviewId).Select(ArtefactBody<Stakeholder>.Of).ToList()))
            .WithName("ListStakeholders")
            .WithSummary("The stakeholders of a review")
            .ProducesProblems(403, 404);

        stakeholders.MapGet("/{stakeholder}", Results<Ok<ArtefactBody<Stakeholder>>, StatusCodeHttpResult> (Caller caller, Guid reviewId, string stakeholder, Workbench.Workbench bench, HttpContext http) =>
            {
                var found = bench.Reviews.FindStakeholder(caller.Actor, reviewId, stakeholder);
                ETags.Set(http.Response, found.Version);
                return ETags.Unchanged(http.Request, found.Version) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(ArtefactBody<Stakeholder>.Of(found));
            })
            .WithName("GetStakeholder")
            .WithSummary("One stakeholder, by name or id")
            .ProducesProblems(403, 404);

        stakeholders.MapPost("/", (Caller caller, Guid reviewId, JsonBody<NewStakeholderBody> body, Workbench.Workbench bench, HttpResponse response) =>
            {
                var b = body.Value;
                var saved = bench.Reviews.SaveStakeholder(caller.Actor, reviewId, new NewStakeholder { Name = b.Name, Group = b.Group, Role = b.Role, Position = b.Position, Account = b.Account }, expectedVersion: 0);
                ETags.Set(response, saved.Version);
                return TypedResults.Created($"{ApiRoutes.Prefix}/reviews/{reviewId:D}/stakeholders/{saved.Value.Id:D}", ArtefactBody<Stakeholder>.Of(saved));
            })
            .WithName("AddStakeholder")
            .WithSummary("Add a stakeholder")
            .WithDescription("Owners and analysts; binding an account (account) is for owners. 409 when the review already has a stakeholder of that name.")
            .ProducesProblems(400, 403, 404, 409);

        stakeholders.MapPut("/{stakeholder}", (Caller caller, Guid reviewId, string stakeholder, JsonBody<StakeholderBody> body, Workbench.Workbench bench, HttpContext http) =>
            {
                long version = ETags.RequireIfMatch(http.Request, "the stakeholder");
                var current = bench.Reviews.FindStakeholder(caller.Actor, reviewId, stakeholder);
                var b = body.Value;
                var saved = bench.Reviews.SaveStakeholder(caller.Actor, reviewId, new NewStakeholder { Name = current.Value.Name, Group = b.Group, Role = b.Role, Position = b.Position, Account = b.Account }, version);
                ETags.Set(http.Response, saved.Version);
                return TypedResults.Ok(ArtefactBody<Stakeholder>.Of(saved));
            })
            .WithName("ChangeStakeholder")
            .WithSummary("Change a stakeholder's group, role, position or account")
            .WithDescription("If-Match: the stakeholder's ETag. A change makes sign-offs they gave stale only if it changes what they signed.")
            .ProducesProblems(400, 403, 404, 409, 412, 428);

        return api;
    }
}
