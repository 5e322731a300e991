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
                return TypedResults.Problem(title: "Sign-in required", detail: $"Sign in to read {definition.Plural}.", statusCode: StatusCodes.Status401Unauthorized);
            }

            var dto = await new RecordStore<TEntity, TInput, TDto>(db, definition, actor).FindAsync(id, ct);
            return dto is null ? NotFound(definition, id) : TypedResults.Ok(dto);
        }).Produces<TDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status401Unauthorized).WithSummary($"Read one {definition.Singular}.");

        group.MapPost("/", async Task<IResult> (TInput input, CityBridgeDb db, CurrentActor current, CancellationToken ct) =>
        {
            var store = new RecordStore<TEntity, TInput, TDto>(db, definition, await current.GetAsync(ct));
            var result = await store.CreateAsync(input, ct);
            if (result.Status != SaveStatus.Saved)
            {
                return Failure(result);
            }

            var dto = await store.FindAsync(result.Entity!.Id, ct);
            return TypedResults.Created($"/api/{definition.Plural}/{result.Entity.Id}", dto);
        }).Produces<TDto>(StatusCodes.Status201Created).ProducesValidationProblem().WithSummary($"Create a {definition.Singular}.");

        group.MapPut("/{id:int}", async Task<IResult> (int id, TInput input, CityBridgeDb db, CurrentActor current, CancellationToken ct) =>
        {
            var store = new RecordStore<TEntity, TInput, TDto>(db, definition, await current.GetAsync(ct));
            var result = await store.UpdateAsync(id, input, ct);
            if (result.Status != SaveStatus.Saved)
            {
                return Failure(result);
            }

            return TypedResults.Ok((await store.FindAsync(id, ct))!);
        }).Produces<TDto>().ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithSummary($"Update a {definition.Singular}; send the version you read, a stale one gets 409 Conflict.");

        group.MapDelete("/{id:int}", async Task<IResult> (int id, [FromQuery] Guid? version, CityBridgeDb db, CurrentActor current, CancellationToken ct) =>
        {
            var result = await new RecordStore<TEntity, TInput, TDto>(db, definition, await current.GetAsync(ct)).DeleteAsync(id, version, ct);
            return result.Status == SaveStatus.Saved ? TypedResults.NoContent() : Failure(result);
        }).Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithSummary($"Delete a {definition.Singular}; pass ?version= to refuse deleting a record changed since you read it.");

        return group;
    }

    private static IResult NotFound<TEntity, TInput, TDto>(RecordDefinition<TEntity, TInput, TDto> definition, int id)
        where TEntity : EditableRecord
        where TInput : class, IRecordInput<TEntity> =>
        TypedResults.Problem(title: "Not found", detail: $"There is no {definition.Singular} with id {id}.", statusCode: StatusCodes.Status404NotFound);

    private static IResult Failure<TEntity>(SaveResult<TEntity> result)
        where TEntity : class =>
        result.Status switch
        {
            SaveStatus.Invalid => TypedResults.ValidationProblem(result.Errors!.ToDictionary(), title: "The input is not valid."),
            SaveStatus.NotFound => TypedResults.Problem(title: "Not found", detail: result.Message, statusCode: StatusCodes.Status404NotFound),
            SaveStatus.Forbidden => TypedResults.Problem(title: "Not allowed", detail: result.Message, statusCode: StatusCodes.Status403Forbidden),
            SaveStatus.Unauthenticated => TypedResults.Problem(title: "Sign-in required", detail: result.Message, statusCode: StatusCodes.Status401Unauthorized),
            _ => TypedResults.Problem(title: "Conflict", detail: result.Message, statusCode: StatusCodes.Status409Conflict),
        };
}

/// <summary>The API's collection shape: <c>{ "items": [...], "total": N }</c> plus the page in force.</summary>
public sealed record CollectionResponse<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);
