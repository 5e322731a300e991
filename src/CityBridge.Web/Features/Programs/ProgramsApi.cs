using System.Globalization;
using CityBridge.Core.Domain;
using CityBridge.Core.Programs;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Events;
using CityBridge.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Programs;

/// <summary>A session on a program's agenda, in the program's local time.</summary>
public sealed record SessionView(int Id, string Title, DateOnly Date, TimeOnly Start, TimeOnly End, string? Topic, string? Speakers, string? Materials);

/// <summary>A program in lists and details.</summary>
public sealed record ProgramDto(int Id, string Name, ProgramKind Kind, string? Description, string? Place, string TimeZone, DateOnly StartDate, DateOnly EndDate,
    IReadOnlyList<string> Sectors, int Capacity, bool IsPublished, IReadOnlyList<SessionView> Sessions, Guid Version);

/// <summary>The list filters of the page and the API.</summary>
public sealed class ProgramFilter : PageRequest
{
    /// <summary>Workshop, TradeShowDelegation, SectorProgram or ExpertDelegation.</summary>
    public ProgramKind? Kind { get; set; }

    /// <summary>Sector key from the taxonomy.</summary>
    public string? Sector { get; set; }

    /// <summary>Only programs whose last day is today or later.</summary>
    public bool? Upcoming { get; set; }

    public IQueryable<TradeProgram> Apply(IQueryable<TradeProgram> programs, Actor actor, DateOnly today)
    {
        programs = programs.Where(p => p.IsPublished || actor.IsStaff);
        if (Kind is { } kind)
        {
            programs = programs.Where(p => p.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(Sector))
        {
            programs = programs.Where(p => p.Sectors.Contains(Sector));
        }

        if (Upcoming == true)
        {
            programs = programs.Where(p => p.EndDate >= today);
        }

        return programs.OrderBy(p => p.StartDate).ThenBy(p => p.Name).ThenBy(p => p.Id);
    }
}

public sealed record ApplyInput(int? ProjectId);

public sealed record InviteInput(List<string>? Emails);

public sealed record FeedbackInput(int? Score, string? Comment);

public sealed record ItineraryInput(List<VisitInput>? Visits);

public static class ProgramsApi
{
    public static IReadOnlyList<SessionView> Agenda(TradeProgram p) =>
        p.Sessions.OrderBy(s => s.Date).ThenBy(s => s.Start).ThenBy(s => s.Id).Select(s => new SessionView(s.Id, s.Title, s.Date, s.Start, s.End, s.Topic, s.Speakers, s.Materials)).ToList();

    public static ProgramDto ToDto(TradeProgram p) => new(p.Id, p.Name, p.Kind, p.Description, p.Place, p.TimeZone, p.StartDate, p.EndDate, p.Sectors, p.Capacity, p.IsPublished, Agenda(p), p.Version);

    public static string KindName(ProgramKind kind) => kind switch
    {
        ProgramKind.Workshop => "workshop",
        ProgramKind.TradeShowDelegation => "trade-show delegation",
        ProgramKind.SectorProgram => "sector program at a trade show",
        ProgramKind.ExpertDelegation => "expert-advisor delegation",
        _ => kind.ToString(),
    };

    public static string Dates(TradeProgram p) => p.StartDate == p.EndDate
        ? p.StartDate.ToString("d MMM yyyy", CultureInfo.InvariantCulture)
        : $"{p.StartDate.ToString("d MMM", CultureInfo.InvariantCulture)} – {p.EndDate.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";

    private static IResult Invalid(ValidationErrors errors) => TypedResults.ValidationProblem(errors.ToDictionary(), title: "The program is not valid.");

    private static IResult Result(EventRefusal? refusal, Func<IResult> done) => refusal is null ? done() : EventsApi.Refused(refusal);

    public static void MapProgramsApi(this IEndpointRouteBuilder app)
    {
        var programs = app.MapGroup("/api/programs").WithTags("programs").AddEndpointFilter<BrowserSessionCsrfFilter>();

        programs.MapGet("/", async ([AsParameters] ProgramFilter filter, CityBridgeDb db, CurrentActor current, TimeProvider clock, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            var query = filter.Apply(db.Programs.AsNoTracking().Include(p => p.Sessions), actor, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
            var page = await query.ToPageAsync(filter, ct);
            return TypedResults.Ok(new CollectionResponse<ProgramDto>(page.Items.Select(ToDto).ToList(), page.Total, page.Page, page.PageSize));
        }).WithSummary("Programs, published ones for everyone, all for staff; filter by kind, sector and upcoming.");

        programs.MapGet("/{id:int}", async Task<IResult> (int id, ProgramWorkflow flow, CurrentActor current, CancellationToken ct) =>
            await flow.FindAsync(id, await current.GetAsync(ct), ct) is { } p ? TypedResults.Ok(ToDto(p)) : NotFound(id))
            .Produces<ProgramDto>().WithSummary("One program with its agenda.");

        programs.MapPost("/", async Task<IResult> (ProgramInput input, CityBridgeDb db, CurrentActor current, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            if (!ProgramWorkflow.MayManage(actor))
            {
                return EventsApi.Refused(EventRefusal.Denied(actor, "Only program staff create programs."));
            }

            var errors = input.Validate();
            if (!errors.IsEmpty)
            {
                return Invalid(errors);
            }

            var p = new TradeProgram { Name = input.Name, TimeZone = input.TimeZone };
            input.ApplyTo(p);
            db.Programs.Add(p);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/programs/{p.Id}", ToDto(p));
        }).ProducesValidationProblem().Produces<ProgramDto>(StatusCodes.Status201Created).WithSummary("Create a program with its agenda (staff).");

        programs.MapPut("/{id:int}", async Task<IResult> (int id, ProgramInput input, CityBridgeDb db, ProgramWorkflow flow, CurrentActor current, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            if (!ProgramWorkflow.MayManage(actor))
            {
                return EventsApi.Refused(EventRefusal.Denied(actor, "Only program staff change programs."));
            }

            var p = await db.Programs.Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == id, ct);
            if (p is null)
            {
                return NotFound(id);
            }

            var errors = input.Validate();
            if (!errors.IsEmpty)
            {
                return Invalid(errors);
            }

            return await SaveAsync(db, flow, p, input, ct) is { } refusal ? EventsApi.Refused(refusal) : TypedResults.Ok(ToDto(p));
        }).ProducesValidationProblem().Produces<ProgramDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Change a program (staff); send the version you read. Participants are told of agenda changes.");

        programs.MapDelete("/{id:int}", async Task<IResult> (int id, CityBridgeDb db, CurrentActor current, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            if (!ProgramWorkflow.MayManage(actor))
            {
                return EventsApi.Refused(EventRefusal.Denied(actor, "Only program staff delete programs."));
            }

            var p = await db.Programs.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (p is null)
            {
                return NotFound(id);
            }

            if (await db.ProgramRegistrations.AnyAsync(r => r.ProgramId == id && r.Status != RegistrationStatus.Cancelled, ct))
            {
                return EventsApi.Refused(new EventRefusal(409, "The program has registrations; cancel them first."));
            }

            db.Programs.Remove(p);
            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }).Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Delete a program without registrations (staff).");

        programs.MapGet("/{id:int}/registrations", async Task<IResult> (int id, ProgramWorkflow flow, CurrentActor current, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            if (await flow.FindAsync(id, actor, ct) is null)
            {
                return NotFound(id);
            }

            if (!actor.IsSignedIn)
            {
                return EventsApi.Refused(new EventRefusal(401, "Sign in to see your registration."));
            }

            var items = await flow.RegistrationsAsync(id, actor.IsStaff ? null : actor.UserId, ct);
            return TypedResults.Ok(new CollectionResponse<RegistrationView>(items, items.Count, 1, Math.Max(1, items.Count)));
        }).WithSummary("Registrations: all for staff, your own for everyone else.");

        programs.MapPost("/{id:int}/registrations", async Task<IResult> (int id, ApplyInput? input, ProgramWorkflow flow, CurrentActor current, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            var (registration, refusal) = await flow.ApplyAsync(id, actor, input?.ProjectId, ct);
            return refusal is not null ? EventsApi.Refused(refusal) : TypedResults.Created($"/api/programs/{id}/registrations", (await flow.RegistrationsAsync(id, actor.UserId, ct)).Single(r => r.Id == registration!.Id));
        }).Produces<RegistrationView>(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Apply for the program yourself; city officials link one of their city's priority projects.");

        programs.MapPost("/{id:int}/registrations/{registrationId:int}/{action}", async Task<IResult> (int id, int registrationId, string action, ProgramWorkflow flow, CurrentActor current, CancellationToken ct) =>
            Result(await flow.ChangeAsync(id, registrationId, action, await current.GetAsync(ct), ct), TypedResults.NoContent))
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("approve, waitlist, cancel or checkin a registration (staff; a registrant may cancel their own).");

        programs.MapPost("/{id:int}/invitations", async Task<IResult> (int id, InviteInput input, ProgramWorkflow flow, CurrentActor current, CancellationToken ct) =>
            Result(await flow.InviteAsync(id, input.Emails ?? [], await current.GetAsync(ct), ct), TypedResults.NoContent))
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Invite people by the e-mail of their account or contact record (staff).");

        programs.MapPost("/{id:int}/feedback", async Task<IResult> (int id, FeedbackInput input, ProgramWorkflow flow, CurrentActor current, CancellationToken ct) =>
            Result(await flow.GiveFeedbackAsync(id, await current.GetAsync(ct), input.Score, input.Comment, ct), TypedResults.NoContent))
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Your feedback once the program has started: a score from 1 to 5 and a comment, once.");

        programs.MapGet("/{id:int}/itinerary", async Task<IResult> (int id, ProgramWorkflow flow, ProgramItinerary itinerary, CurrentActor current, CancellationToken ct) =>
        {
            if (await flow.FindAsync(id, await current.GetAsync(ct), ct) is null)
            {
                return NotFound(id);
            }

            var items = await itinerary.ReadAsync(id, ct);
            return TypedResults.Ok(new CollectionResponse<VisitView>(items, items.Count, 1, Math.Max(1, items.Count)));
        }).WithSummary("The city visits of an expert delegation in order, each with its flags (overlap, travel, dates).");

        programs.MapPut("/{id:int}/itinerary", async Task<IResult> (int id, ItineraryInput input, ProgramItinerary itinerary, CurrentActor current, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            if (!ProgramWorkflow.MayManage(actor))
            {
                return EventsApi.Refused(EventRefusal.Denied(actor, "Only program staff plan itineraries."));
            }

            return await itinerary.SaveAsync(id, input.Visits ?? [], ct) is { } refusal ? EventsApi.Refused(refusal) : TypedResults.Ok(new CollectionResponse<VisitView>(await itinerary.ReadAsync(id, ct), input.Visits?.Count ?? 0, 1, Math.Max(1, input.Visits?.Count ?? 0)));
        }).WithSummary("Replace the itinerary (staff); flags warn but do not block.");

        programs.MapGet("/{id:int}/report", async Task<IResult> (int id, ProgramReport report, CurrentActor current, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            return !actor.IsStaff ? EventsApi.Refused(EventRefusal.Denied(actor, "Only program staff read reports."))
                : await report.BuildAsync(id, ct) is { } view ? TypedResults.Ok(view) : NotFound(id);
        }).WithSummary("The program report: attendance, meetings held, feedback, follow-up opportunities (staff).");

        programs.MapGet("/{id:int}/report.csv", async Task<IResult> (int id, ProgramReport report, CurrentActor current, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            return !actor.IsStaff ? EventsApi.Refused(EventRefusal.Denied(actor, "Only program staff read reports."))
                : await report.BuildAsync(id, ct) is { } view ? TypedResults.File(ProgramReport.ToCsv(view), "text/csv; charset=utf-8", $"citybridge-program-{id}-report.csv") : NotFound(id);
        }).WithSummary("The program report as CSV (staff).");
    }

    /// <summary>Saves an edit (a stale version is a conflict); approved participants get the agenda-changed e-mail in the same save.</summary>
    public static async Task<EventRefusal?> SaveAsync(CityBridgeDb db, ProgramWorkflow flow, TradeProgram p, ProgramInput input, CancellationToken ct)
    {
        if (input.Version is { } version && version != p.Version)
        {
            return new EventRefusal(409, "The program was changed since you read it; reload and try again.");
        }

        if (input.ApplyTo(p))
        {
            await flow.NotifyAgendaChangedAsync(p, ct);
        }

        // A change to the sessions alone is a change of the program: its version moves on, so a stale edit conflicts.
        db.Entry(p).Property(x => x.Version).IsModified = true;

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new EventRefusal(409, "The program was changed at the same moment; reload and try again.");
        }

        return null;
    }

    private static IResult NotFound(int id) =>
        TypedResults.Problem(title: "Not found", detail: $"There is no program with id {id}.", statusCode: StatusCodes.Status404NotFound);
}
