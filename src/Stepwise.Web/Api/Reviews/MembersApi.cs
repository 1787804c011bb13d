using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Stepwise.Web.Api.Authentication;
using Stepwise.Web.Api.Concurrency;
using Stepwise.Web.Api.Json;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Problems;
using Stepwise.Workbench.Reviews;

namespace Stepwise.Web.Api.Reviews;

/// <summary>Who takes part in a review and with which role. A membership's ETag is its version.</summary>
public static class MembersApi
{
    /// <summary>Maps <c>/reviews/{reviewId}/members</c>.</summary>
    public static IEndpointRouteBuilder MapMembersApi(this IEndpointRouteBuilder api)
    {
        var members = api.MapGroup("/reviews/{reviewId:guid}/members").WithTags("Members");

        members.MapGet("/", (Caller caller, Guid reviewId, Workbench.Workbench bench) => TypedResults.Ok(bench.Reviews.Members(caller.Actor, reviewId)))
            .WithName("ListMembers")
            .WithSummary("The members of a review and their roles")
            .ProducesProblems(403, 404);

        members.MapGet("/{user}", Results<Ok<MemberSummary>, StatusCodeHttpResult> (Caller caller, Guid reviewId, string user, Workbench.Workbench bench, HttpContext http) =>
            {
                var member = Find(bench, caller.Actor, reviewId, user);
                ETags.Set(http.Response, member.Version);
                return ETags.Unchanged(http.Request, member.Version) ? TypedResults.StatusCode(StatusCodes.Status304NotModified) : TypedResults.Ok(member);
            })
            .WithName("GetMember")
            .WithSummary("One member's role")
            .ProducesProblems(403, 404);

        members.MapPost("/", (Caller caller, Guid reviewId, JsonBody<NewMemberBody> body, Workbench.Workbench bench, HttpResponse response) =>
            {
                var added = bench.Reviews.SetMember(caller.Actor, reviewId, new NewMember { User = body.Value.User, Role = body.Value.Role }, expectedVersion: 0);
                ETags.Set(response, added.Version);
                return TypedResults.Created($"{ApiRoutes.Prefix}/reviews/{reviewId:D}/members/{Uri.EscapeDataString(added.UserName)}", added);
            })
            .WithName("AddMember")
            .WithSummary("Give an account a role in the review")
            .WithDescription("Owners only. 409 when the account is already a member (change its role with PUT).")
            .ProducesProblems(400, 403, 404, 409);

        members.MapPut("/{user}", (Caller caller, Guid reviewId, string user, JsonBody<MemberRoleBody> body, Workbench.Workbench bench, HttpContext http) =>
            {
                long version = ETags.RequireIfMatch(http.Request, "the member");
                _ = Find(bench, caller.Actor, reviewId, user);
                var changed = bench.Reviews.SetMember(caller.Actor, reviewId, new NewMember { User = user, Role = body.Value.Role }, version);
                ETags.Set(http.Response, changed.Version);
                return TypedResults.Ok(changed);
            })
            .WithName("ChangeMemberRole")
            .WithSummary("Change a member's role")
            .WithDescription("Owners only; a review keeps at least one owner. If-Match: the membership's ETag.")
            .ProducesProblems(400, 403, 404, 409, 412, 428);

        members.MapDelete("/{user}", (Caller caller, Guid reviewId, string user, Workbench.Workbench bench, HttpContext http) =>
            {
                long version = ETags.RequireIfMatch(http.Request, "the member");
                bench.Reviews.RemoveMember(caller.Actor, reviewId, user, version);
                return TypedResults.NoContent();
            })
            .WithName("RemoveMember")
            .WithSummary("Remove a member from the review")
            .WithDescription("Owners only; a review keeps at least one owner; the history keeps their name. If-Match: the membership's ETag.")
            .ProducesProblems(403, 404, 409, 412, 428);

        return api;
    }

    private static MemberSummary Find(Workbench.Workbench bench, Actor actor, Guid reviewId, string user)
        => bench.Reviews.Members(actor, reviewId).FirstOrDefault(m => string.Equals(m.UserName, user, StringComparison.OrdinalIgnoreCase))
            ?? throw StepwiseException.NotFound($"'{user}' is not a member of this review.", $"member {user}");
}
