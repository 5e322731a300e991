using CityBridge.Core.Matching;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Matching;

/// <summary>Staff's curation of a suggested pair.</summary>
public sealed record CurationInput(bool Pinned, bool Hidden, bool Endorsed);

/// <summary>A person's judgement of a suggestion.</summary>
public sealed record MarkInput(bool? Relevant);

/// <summary>The weights in force and the version to send back when changing them.</summary>
public sealed record WeightsDto(double Sector, double Semantic, double Keyword, double Country, double Standards, double Stage, double Budget, Guid? Version)
{
    public static WeightsDto From(MatchWeights w, Guid? version) => new(w.Sector, w.Semantic, w.Keyword, w.Country, w.Standards, w.Stage, w.Budget, version);
}

/// <summary>How weights fare against people's marks.</summary>
public sealed record EvaluationDto(double PrecisionAt5, double NdcgAt10, int ProjectsJudged, int PairsJudged, WeightsDto Weights);

public static class MatchingApi
{
    public static void MapMatchingApi(this IEndpointRouteBuilder app)
    {
        var projects = app.MapGroup("/api/projects/{projectId:int}/matches").WithTags("matching").AddEndpointFilter<BrowserSessionCsrfFilter>();
        projects.MapGet("/", async Task<IResult> (int projectId, CityBridgeDb db, CurrentActor current, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            var project = await MatchQueries.VisibleProjectAsync(db, projectId, actor, ct);
            if (project is null)
            {
                return ProjectNotFound(projectId);
            }

            if (!MatchQueries.MayViewProjectMatches(actor, project))
            {
                return NotAllowed(actor, "A project's suggested providers are shown to program staff, the project's city and its assigned experts.");
            }

            var items = await MatchQueries.ForProjectAsync(db, project, actor, 25, ct);
            return TypedResults.Ok(new CollectionResponse<MatchItem>(items, items.Count, 1, 25));
        }).Produces<CollectionResponse<MatchItem>>().ProducesProblem(StatusCodes.Status404NotFound)
          .WithSummary("The providers that fit a project best, each with its score and the signals that explain it.");

        projects.MapPut("/{organizationId:int}/curation", async Task<IResult> (int projectId, int organizationId, CurationInput input, CityBridgeDb db, CurrentActor current, TimeProvider clock, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            if (!actor.IsStaffWriter)
            {
                return NotAllowed(actor, "Only program staff curate matches.");
            }

            if (await PairProblemAsync(db, projectId, organizationId, ct) is { } problem)
            {
                return problem;
            }

            await MatchQueries.CurateAsync(db, projectId, organizationId, actor, input.Pinned, input.Hidden, input.Endorsed, clock, ct);
            return TypedResults.NoContent();
        }).Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Pin, hide or endorse a suggested provider for a project (staff).");

        projects.MapPut("/{organizationId:int}/mark", async Task<IResult> (int projectId, int organizationId, MarkInput input, CityBridgeDb db, CurrentActor current, TimeProvider clock, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            var project = await MatchQueries.VisibleProjectAsync(db, projectId, actor, ct);
            if (project is null)
            {
                return ProjectNotFound(projectId);
            }

            if (!MatchQueries.MayMark(actor, project, organizationId))
            {
                return NotAllowed(actor, "Marks come from staff, the project's city and experts, or the provider concerned.");
            }

            if (await PairProblemAsync(db, projectId, organizationId, ct) is { } problem)
            {
                return problem;
            }

            if (input.Relevant is not { } relevant)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["relevant"] = ["Say true (relevant) or false (not relevant)."] }, title: "The input is not valid.");
            }

            await MatchQueries.MarkAsync(db, projectId, organizationId, actor, relevant, clock, ct);
            return TypedResults.NoContent();
        }).Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().WithSummary("Mark a suggestion relevant or not relevant; the marks evaluate the weights.");

        app.MapGet("/api/organizations/{organizationId:int}/matches", async Task<IResult> (int organizationId, CityBridgeDb db, CurrentActor current, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            if (!await db.Organizations.AnyAsync(o => o.Id == organizationId, ct))
            {
                return Refusal.NotFound($"There is no organization with id {organizationId}.").ToProblem();
            }

            if (!MatchQueries.MayViewProviderMatches(actor, organizationId))
            {
                return NotAllowed(actor, "A provider's matched projects are shown to the provider and to program staff.");
            }

            var items = await MatchQueries.ForProviderAsync(db, organizationId, actor, 25, ct);
            return TypedResults.Ok(new CollectionResponse<MatchItem>(items, items.Count, 1, 25));
        }).WithTags("matching").Produces<CollectionResponse<MatchItem>>().WithSummary("The city projects that fit a provider best, with the reasons.");

        var staff = app.MapGroup("/api/matching").WithTags("matching").AddEndpointFilter<BrowserSessionCsrfFilter>().RequireAuthorization(AccountsRegistration.StaffPolicy);
        staff.MapGet("/weights", async (CityBridgeDb db, CancellationToken ct) => TypedResults.Ok(await WeightsDtoAsync(db, ct)))
            .WithSummary("The signal weights in force (staff).");
        staff.MapPut("/weights", async Task<IResult> (WeightsDto input, CityBridgeDb db, CurrentActor current, MatchingEngine engine, TimeProvider clock, CancellationToken ct) =>
        {
            var refusal = await MatchSettingsStore.SaveAsync(db, input, await current.GetAsync(ct), engine, clock, ct);
            return refusal is null ? TypedResults.Ok(await WeightsDtoAsync(db, ct)) : refusal.ToProblem();
        }).ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Change the signal weights (staff); every project is re-matched.");
        staff.MapGet("/evaluation", async Task<IResult> ([AsParameters] WeightsQuery query, CityBridgeDb db, CancellationToken ct) =>
        {
            var weights = query.ToWeights() ?? await MatchQueries.WeightsAsync(db, ct);
            if (weights.Problems() is { Count: > 0 } problems)
            {
                return TypedResults.ValidationProblem(problems.ToDictionary(p => p.Key, p => new[] { p.Value }), title: "The weights are not valid.");
            }

            var scores = await MatchQueries.EvaluateAsync(db, weights, ct);
            return TypedResults.Ok(new EvaluationDto(scores.PrecisionAt5, scores.NdcgAt10, scores.ProjectsJudged, scores.PairsJudged, WeightsDto.From(weights, null)));
        }).Produces<EvaluationDto>().ProducesValidationProblem().WithSummary("Precision@5 and nDCG@10 over the marked pairs, for the weights in force or for weights given in the query (staff).");
        staff.MapPost("/rematch", async (MatchingEngine engine, CityBridgeDb db, CancellationToken ct) =>
        {
            await engine.RequestRematchAsync(db, ct);
            return TypedResults.Accepted("/api/matching/status", await engine.StatusAsync(db, ct));
        }).RequireAuthorization(AccountsRegistration.StaffWritePolicy)
            .WithSummary("Re-match every project in a durable background job any instance runs (staff; a read-only token gets 403); follow /api/matching/status.");
        staff.MapGet("/status", async (MatchingEngine engine, CityBridgeDb db, CancellationToken ct) => TypedResults.Ok(await engine.StatusAsync(db, ct)))
            .WithSummary("Progress of the latest re-match, whichever instance runs it (staff).");
    }

    private static async Task<WeightsDto> WeightsDtoAsync(CityBridgeDb db, CancellationToken ct)
    {
        var (weights, version) = await MatchQueries.SettingsAsync(db, ct);
        return WeightsDto.From(weights, version);
    }

    private static async Task<IResult?> PairProblemAsync(CityBridgeDb db, int projectId, int organizationId, CancellationToken ct)
    {
        if (!await db.Projects.AnyAsync(p => p.Id == projectId, ct))
        {
            return ProjectNotFound(projectId);
        }

        return await db.Organizations.AnyAsync(o => o.Id == organizationId && o.Kind == Core.Domain.OrganizationKind.Provider, ct)
            ? null
            : Refusal.NotFound($"There is no provider organization with id {organizationId}.").ToProblem();
    }

    private static ProblemHttpResult ProjectNotFound(int projectId) => Refusal.NotFound($"There is no project with id {projectId}.").ToProblem();

    private static ProblemHttpResult NotAllowed(Actor actor, string detail) => Refusal.Denied(actor, detail).ToProblem();
}

/// <summary>Weights given in a query string to try them out; all seven or none.</summary>
public sealed record WeightsQuery(
    [FromQuery] double? Sector, [FromQuery] double? Semantic, [FromQuery] double? Keyword, [FromQuery] double? Country,
    [FromQuery] double? Standards, [FromQuery] double? Stage, [FromQuery] double? Budget)
{
    public MatchWeights? ToWeights() =>
        Sector is null && Semantic is null && Keyword is null && Country is null && Standards is null && Stage is null && Budget is null
            ? null
            : new MatchWeights(Sector ?? 0, Semantic ?? 0, Keyword ?? 0, Country ?? 0, Standards ?? 0, Stage ?? 0, Budget ?? 0);
}
