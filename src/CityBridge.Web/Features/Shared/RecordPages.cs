using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Shared;

/// <summary>
/// The create-or-edit form of a record: field messages from validation, a clear message on a stale edit,
/// and a redirect to the record once saved.
/// </summary>
public abstract class RecordEditPage<TEntity, TInput, TDto>(CityBridgeDb db, RecordDefinition<TEntity, TInput, TDto> definition) : PageModel
    where TEntity : EditableRecord
    where TInput : class, IRecordInput<TEntity>, new()
{
    [BindProperty]
    public TInput Input { get; set; } = new();

    public int? RecordId { get; private set; }

    public bool IsNew => RecordId is null;

    protected CityBridgeDb Db => db;

    public async Task<IActionResult> OnGetAsync(int? id, CancellationToken ct)
    {
        RecordId = id;
        var actor = await this.ActorAsync(ct);
        var store = new RecordStore<TEntity, TInput, TDto>(db, definition, actor);
        if (id is { } existing)
        {
            var dto = await store.FindAsync(existing, ct);
            if (dto is null)
            {
                return NotFound();
            }

            if (!await store.MayChangeAsync(existing, ct))
            {
                return actor.IsSignedIn ? Forbid() : Challenge();
            }

            Input = ToInput(dto);
        }
        else
        {
            if (!definition.MayCreateAny(actor))
            {
                return actor.IsSignedIn ? Forbid() : Challenge();
            }

            Input = NewInput();
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(int? id, CancellationToken ct)
    {
        RecordId = id;
        if (ModelState.IsValid)
        {
            var store = new RecordStore<TEntity, TInput, TDto>(db, definition, await this.ActorAsync(ct));
            var (saved, refusal) = id is { } existing ? await store.UpdateAsync(existing, Input, ct) : await store.CreateAsync(Input, ct);
            if (refusal is null)
            {
                TempData["Flash"] = $"{char.ToUpperInvariant(definition.Singular[0])}{definition.Singular[1..]} saved.";
                return Redirect(DetailsUrl(saved!));
            }

            if (this.Refuse(refusal, nameof(Input), missingRecordIsNotFound: true) is { } refused)
            {
                return refused;
            }
        }

        await LoadChoicesAsync(ct);
        return Page();
    }

    protected abstract TInput ToInput(TDto dto);

    protected virtual TInput NewInput() => new();

    protected abstract string DetailsUrl(TEntity saved);

    /// <summary>Loads the options of select lists (cities, organizations) for the form.</summary>
    protected virtual Task LoadChoicesAsync(CancellationToken ct) => Task.CompletedTask;

    /// <summary>The message to show beside a field, if any.</summary>
    public string? ErrorFor(string field) =>
        ModelState.TryGetValue($"{nameof(Input)}.{field}", out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}

/// <summary>The confirmation page before a record is deleted.</summary>
public abstract class RecordDeletePage<TEntity, TInput, TDto>(CityBridgeDb db, RecordDefinition<TEntity, TInput, TDto> definition) : PageModel
    where TEntity : EditableRecord
    where TInput : class, IRecordInput<TEntity>
    where TDto : class, IRecordDto
{
    public TDto? Record { get; private set; }

    public string? Problem { get; private set; }

    public string Noun => definition.Singular;

    public abstract string ListUrl { get; }

    public abstract string DetailsUrl { get; }

    /// <summary>The name the user recognises the record by.</summary>
    protected abstract string NameOf(TDto record);

    public DeleteConfirmationModel Confirmation => new(definition.Singular, NameOf(Record!), Record!.Version, Problem, $"{DetailsUrl}/{Record.Id}");

    public async Task<IActionResult> OnGetAsync(int id, CancellationToken ct)
    {
        var actor = await this.ActorAsync(ct);
        var store = new RecordStore<TEntity, TInput, TDto>(db, definition, actor);
        Record = await store.FindAsync(id, ct);
        if (Record is null)
        {
            return NotFound();
        }

        return await store.MayDeleteAsync(id, ct) ? Page() : actor.IsSignedIn ? Forbid() : Challenge();
    }

    public async Task<IActionResult> OnPostAsync(int id, Guid? version, CancellationToken ct)
    {
        var store = new RecordStore<TEntity, TInput, TDto>(db, definition, await this.ActorAsync(ct));
        var (_, refusal) = await store.DeleteAsync(id, version, ct);
        if (refusal is null)
        {
            TempData["Flash"] = $"The {definition.Singular} was deleted.";
            return Redirect(ListUrl);
        }

        if (this.Refuse(refusal, missingRecordIsNotFound: true) is { } refused)
        {
            return refused;
        }

        Problem = refusal.Message;
        Record = await store.FindAsync(id, ct);
        return Page();
    }
}

/// <summary>A directory page: the filters from the query string, one page of results and the country choices.</summary>
public abstract class RecordListPage<TEntity, TInput, TDto>(CityBridgeDb db, RecordDefinition<TEntity, TInput, TDto> definition) : PageModel
    where TEntity : EditableRecord
    where TInput : class, IRecordInput<TEntity>
    where TDto : IRecordDto
{
    [BindProperty(SupportsGet = true)]
    public DirectoryFilter Filter { get; set; } = new();

    public PagedList<TDto> Results { get; private set; } = new([], 0, 1, DirectoryFilter.DefaultPageSize);

    public IReadOnlyList<Reference.CountryDto> Countries { get; private set; } = [];

    /// <summary>Shows the "Add" button.</summary>
    public bool MayCreate { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        var actor = await this.ActorAsync(ct);
        Countries = await Reference.ReferenceApi.CountryRows(db).ToListAsync(ct);
        Results = await HttpContext.RequestServices.GetRequiredService<DirectoryCache>().PageAsync(db, definition, Filter, actor, ct);
        MayCreate = definition.MayCreateAny(actor);
    }
}

public static class PageActorExtensions
{
    /// <summary>The signed-in actor of the page's request.</summary>
    public static Task<Actor> ActorAsync(this PageModel page, CancellationToken ct) =>
        page.HttpContext.RequestServices.GetRequiredService<CurrentActor>().GetAsync(ct);
}
