using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace CityBridge.Web.Features.Shared;

/// <summary>The JSON collection endpoints every editable record has: list, read, create, update, delete.</summary>
public static class RecordApi
{
    public static RouteGroupBuilder MapRecordApi<TEntity, TInput, TDto>(this IEndpointRouteBuilder app, RecordDefinition<TEntity, TInput, TDto> definition)
        where TEntity : EditableRecord
        where TInput : class, IRecordInput<TEntity>
        where TDto : class, IRecordDto
    {
        var group = app.MapGroup($"/api/{definition.Plural}").WithTags(definition.Plural).AddEndpointFilter<BrowserSessionCsrfFilter>();

        group.MapGet("/", async ([AsParameters] DirectoryFilter filter, CityBridgeDb db, CurrentActor current, DirectoryCache cache, CancellationToken ct) =>
        {
            var page = await cache.PageAsync(db, definition, filter, await current.GetAsync(ct), ct);
            return TypedResults.Ok(new CollectionResponse<TDto>(page.Items, page.Total, page.Page, page.PageSize));
        }).WithSummary($"List {definition.Plural}, filtered and paged.");

        group.MapGet("/{id:int}", async Task<IResult> (int id, CityBridgeDb db, CurrentActor current, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            if (!actor.IsSignedIn && !definition.AnonymousMayRead)
            {
                return Refusal.SignInRequired($"Sign in to read {definition.Plural}.").ToProblem();
            }

            var dto = await new RecordStore<TEntity, TInput, TDto>(db, definition, actor).FindAsync(id, ct);
            return dto is null ? NotFound(definition, id) : TypedResults.Ok(dto);
        }).Produces<TDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status401Unauthorized).WithSummary($"Read one {definition.Singular}.");

        group.MapPost("/", async Task<IResult> (TInput input, CityBridgeDb db, CurrentActor current, CancellationToken ct) =>
        {
            var store = new RecordStore<TEntity, TInput, TDto>(db, definition, await current.GetAsync(ct));
            var (saved, refusal) = await store.CreateAsync(input, ct);
            if (refusal is not null)
            {
                return refusal.ToProblem();
            }

            return TypedResults.Created($"/api/{definition.Plural}/{saved!.Id}", (await store.FindAsync(saved.Id, ct))!);
        }).Produces<TDto>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary($"Create a {definition.Singular}.");

        group.MapPut("/{id:int}", async Task<IResult> (int id, TInput input, CityBridgeDb db, CurrentActor current, CancellationToken ct) =>
        {
            var store = new RecordStore<TEntity, TInput, TDto>(db, definition, await current.GetAsync(ct));
            var (_, refusal) = await store.UpdateAsync(id, input, ct);
            if (refusal is not null)
            {
                return refusal.ToProblem();
            }

            return TypedResults.Ok((await store.FindAsync(id, ct))!);
        }).Produces<TDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithSummary($"Update a {definition.Singular}; send the version you read, a stale one gets 409 Conflict.");

        group.MapDelete("/{id:int}", async Task<IResult> (int id, [FromQuery] Guid? version, CityBridgeDb db, CurrentActor current, CancellationToken ct) =>
        {
            var (_, refusal) = await new RecordStore<TEntity, TInput, TDto>(db, definition, await current.GetAsync(ct)).DeleteAsync(id, version, ct);
            return refusal is null ? TypedResults.NoContent() : refusal.ToProblem();
        }).Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithSummary($"Delete a {definition.Singular}; pass ?version= to refuse deleting a record changed since you read it.");

        return group;
    }

    private static ProblemHttpResult NotFound<TEntity, TInput, TDto>(RecordDefinition<TEntity, TInput, TDto> definition, int id)
        where TEntity : EditableRecord
        where TInput : class, IRecordInput<TEntity> =>
        Refusal.NotFound($"There is no {definition.Singular} with id {id}.").ToProblem();
}

/// <summary>The API's collection shape: <c>{ "items": [...], "total": N }</c> plus the page in force.</summary>
public sealed record CollectionResponse<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
