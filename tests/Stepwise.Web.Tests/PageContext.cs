using Bunit;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.Extensions.DependencyInjection;
using Stepwise.Review.Common;
using Stepwise.Review.Testing;
using Stepwise.Testing;
using Stepwise.Web.Security;
using Stepwise.Workbench.Access;
using Stepwise.Workbench.Accounts;
using Stepwise.Workbench.Data;
using Stepwise.Workbench.Decisions;
using Stepwise.Workbench.Options;
using Stepwise.Workbench.Reviews;
using Stepwise.Workbench.WhatIf;

namespace Stepwise.Web.Tests;

/// <summary>What page tests share: a component context signed in as one person, and the help-desk review taken to the
/// Implement stage (scope agreed, the log imported, one option recommended and approved).</summary>
internal static class PageContext
{
    /// <summary>A context with the workbench, default upload limits and <paramref name="actor"/> signed in.</summary>
    public static BunitContext For(Workbench.Workbench bench, Actor actor)
    {
        var context = new BunitContext();
        context.Services.AddLogging();
        context.Services.AddSingleton(bench);
        context.Services.AddSingleton(Api.Uploads.UploadLimits.From(new Microsoft.Extensions.Configuration.ConfigurationBuilder().Build()));
        context.Services.AddSingleton<AuthenticationStateProvider>(new SignedIn(ActorPrincipal.From(actor)));
        context.Services.AddScoped<SignedInUser>();
        return context;
    }

    /// <summary>A context whose pages render as on the server, interactive, with the browser's scripts answered loosely
    /// and the system clock (the overview pages ask for one).</summary>
    public static BunitContext Interactive(Workbench.Workbench bench, Actor actor)
    {
        var context = For(bench, actor);
        context.Services.AddSingleton(TimeProvider.System);
        context.JSInterop.Mode = JSRuntimeMode.Loose;
        context.SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return context;
    }

    /// <summary>A new quality review titled <paramref name="title"/> in an in-memory workspace, led by Lena Lead (the
    /// administrator); no plan, no stakeholders.</summary>
    public static (Workbench.Workbench Bench, Actor Lead, Guid Review) NewQualityReview(string title = "Passenger satisfaction")
    {
        var bench = new Workbench.Workbench(new InMemoryWorkspaceStore(), new ManualClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)), new SequentialIds());
        bench.Accounts.CreateFirstAdministrator(new NewUser { Name = "lead", DisplayName = "Lena Lead", Password = "correct horse battery" });
        var lead = bench.Accounts.CommandLineUser("lead");
        var id = bench.Reviews.Create(lead, new NewReview { Title = title, Quality = true }).Id;
        return (bench, lead, id);
    }

    /// <summary>A new review "Help desk tickets" in an in-memory workspace, led by Lena Lead (the administrator), who is
    /// also its accountable stakeholder; at stage Scope, with nothing else.</summary>
    public static (Workbench.Workbench Bench, Actor Lead, Guid Review) NewReview()
    {
        var bench = new Workbench.Workbench(new InMemoryWorkspaceStore(), new ManualClock(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero)), new SequentialIds());
        bench.Accounts.CreateFirstAdministrator(new NewUser { Name = "lead", DisplayName = "Lena Lead", Password = "correct horse battery" });
        var lead = bench.Accounts.CommandLineUser("lead");
        var id = bench.Reviews.Create(lead, new NewReview { Title = "Help desk tickets", Aims = ["Resolve tickets faster"] }).Id;
        bench.Reviews.SaveStakeholder(lead, id, new NewStakeholder { Name = "Lena Lead", Group = "senior-managers", Role = "accountable", Account = "lead" });
        return (bench, lead, id);
    }

    /// <summary>The help-desk review at stage Implement, ready to be monitored, led by Lena Lead; with
    /// <paramref name="simulated"/>, its option is simulated (3 replications over 60 days, seed 7), so monitoring
    /// puts the forecast beside what happened.</summary>
    public static (Workbench.Workbench Bench, Actor Lead, Guid Review) HelpdeskAtImplement(bool simulated = false)
    {
        var (bench, lead, id) = NewReview();
        bench.Reviews.SaveScope(lead, id, new ScopeRequest { End = ["Closed"], Allow = ["remove-step"] });
        bench.Reviews.SignOff(lead, id, new SignOffRequest { Artefact = "scope", Decision = "approve" });
        bench.Reviews.MoveStage(lead, id, "analyse");
        bench.Data.Import(lead, id, new ImportRequest { Path = SharedData.PathOf("eventlogs/helpdesk.xes.gz") });
        bench.Reviews.MoveStage(lead, id, "challenge");
        bench.Reviews.MoveStage(lead, id, "evaluate");
        bench.Options.Save(lead, id, new OptionRequest { Title = "No waiting step", RemoveStep = ["Wait"] });
        if (simulated)
        {
            bench.Options.Simulate(lead, id, new SimulateOptionsRequest { Simulation = new WhatIfRequest { Replications = 3, Seed = 7, Horizon = "60d", CostPerHour = 30 } });
        }

        bench.Reviews.MoveStage(lead, id, "decide");
        bench.Decisions.Recommend(lead, id, new RecommendationRequest { Title = "Stop parking tickets", Options = ["No waiting step"], Rationale = "Fastest" });
        bench.Reviews.SignOff(lead, id, new SignOffRequest { Artefact = "recommendation", Decision = "approve" });
        bench.Reviews.MoveStage(lead, id, "implement");
        return (bench, lead, id);
    }
}
