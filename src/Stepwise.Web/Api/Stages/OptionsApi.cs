using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Stepwise.Review.Access;
using Stepwise.Review.Options;
using Stepwise.Web.Api.Authentication;
using Stepwise.Web.Api.Concurrency;
using Stepwise.Web.Api.Jobs;
using Stepwise.Web.Api.Json;
using Stepwise.Web.Api.Query;
using Stepwise.Workbench.Options;
using Stepwise.Workbench.Problems;

namespace Stepwise.Web.Api.Stages;

/// <summary>Improvement options (their changes are the simulation's scenario) and their simulation, run as a job.</summary>
public static class OptionsApi
{
    /// <summary>Maps <c>/reviews/{reviewId}/options</c>.</summary>
    public static IEndpointRouteBuilder MapOptionsApi(this IEndpointRouteBuilder api)
    {
        var options = api.MapGroup("/reviews/{reviewId:guid}/options").WithTags("Options");

        options.MapGet("/", (Caller caller, Guid reviewId, Workbench.Workbench bench) => TypedResults.Ok(bench.Options.List(caller.Actor, reviewId).Select(ArtefactBody<ImprovementOption>.Of).ToList()))
            .WithName("ListOptions").WithSummary("The improvement options, with their changes and stored simulation").ProducesProblems(403, 404);

        options.MapGet("/{option}", Results<Ok<ArtefactBody<ImprovementOption>>, StatusCodeHttpResult> (Caller caller, Guid reviewId, string option, Workbench.Workbench bench, HttpContext http)
                => Tagged.Read(http, bench.Options.Find(caller.Actor, reviewId, option)))
            .WithName("GetOption").WithSummary("One option, by id or title").ProducesProblems(400, 403, 404);

        options.MapPost("/", (Caller caller, Guid reviewId, JsonBody<OptionRequest> body, Workbench.Workbench bench, HttpResponse response) =>
            {
                Refuse(body.Value);
                var saved = bench.Options.Save(caller.Actor, reviewId, body.Value, expectedVersion: 0);
                ETags.Set(response, saved.Version);
                return TypedResults.Created($"{ApiRoutes.Prefix}/reviews/{reviewId:D}/options/{saved.Value.Id:D}", ArtefactBody<ImprovementOption>.Of(saved));
            })
            .WithName("AddOption")
            .WithSummary("Add an option")
            .WithDescription("title, description, the changes (remove_step, automate, merge, move, parallel, staff, hours, reduce_rework, self_service, demand_growth, or changes as scenario records), and the steps and questions it addresses. 409 when an option has that title.")
            .ProducesProblems(400, 403, 404, 409);

        options.MapPut("/{option}", (Caller caller, Guid reviewId, string option, JsonBody<OptionRequest> body, Workbench.Workbench bench, HttpContext http) =>
            {
                long version = ETags.RequireIfMatch(http.Request, "the option");
                Refuse(body.Value);
                var current = bench.Options.Find(caller.Actor, reviewId, option);
                if (!string.Equals(current.Value.Title, body.Value.Title?.Trim(), StringComparison.OrdinalIgnoreCase))
                {
                    throw StepwiseException.Invalid("title", $"must be the option's title ('{current.Value.Title}'); an option is known by its title.");
                }

                return Tagged.Saved(http, bench.Options.Save(caller.Actor, reviewId, body.Value, version));
            })
            .WithName("ChangeOption").WithSummary("Change an option (If-Match: its ETag)").ProducesProblems(400, 403, 404, 409, 412, 428);

        options.MapPost("/simulations", (Caller caller, Guid reviewId, JsonBody<SimulateOptionsRequest> body, Workbench.Workbench bench, ApiJobs jobs) =>
            {
                var request = body.Value;
                var v = new Validation();
                ServerFiles.Check(v, request.Data);
                if (request.Simulation?.Model is { Length: > 0 })
                {
                    v.Add("simulation.model", "would name a file on the server, which the API does not read; the model is discovered from the review's data.");
                }

                v.ThrowIfAny();
                RolePrecheck.Require(bench, caller, reviewId, Permission.Edit, "simulate options");
                var status = jobs.Start(caller.Actor, "simulation", "Simulation of the options", reviewId, (progress, token) =>
                {
                    var run = bench.Options.Simulate(caller.Actor, reviewId, request, progress, token);
                    return new JobOutcome(SimulationView.Of(run), $"{ApiRoutes.Prefix}/reviews/{reviewId:D}/options");
                });
                return TypedResults.Accepted(ApiJobs.Location(status.Id), status);
            })
            .WithName("SimulateOptions")
            .WithSummary("Simulate options against the as-is and store the results with each option (a job)")
            .WithDescription("options: titles or ids (all when empty); data: data_source, filters, calendar; simulation: replications, seed, horizon, pools_by, routing_history, cost_per_hour, service_level, no_validation, threads.")
            .ProducesProblems(400, 403, 404);

        return api;
    }

    private static void Refuse(OptionRequest request)
    {
        if (request.ChangesFile is { Length: > 0 })
        {
            throw StepwiseException.Invalid("changes_file", "would name a file on the server, which the API does not read; send the changes as fields or as changes records.");
        }
    }
}
