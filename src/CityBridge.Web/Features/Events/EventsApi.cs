using CityBridge.Web.Data;
using CityBridge.Web.Features.Accounts;
using CityBridge.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Events;

/// <summary>An event in lists and details.</summary>
public sealed record EventDto(int Id, string Name, string? Venue, string TimeZone, string? Description, int SlotMinutes, int BreakMinutes, int Tables,
    bool IsPublished, bool SchedulePublished, IReadOnlyList<SessionInput> Sessions, int SlotCount, string? LastRunSummary, Guid Version, int? ProgramId = null);

public sealed record RequestInput(int ToRegistrationId, int? Priority, string? Message);

public sealed record RegistrationInput(string? TimeZone);

public sealed record AvailabilityInput(string? TimeZone, List<int>? AvailableSessionIds);

public sealed record ScheduleInput(double? TimeLimitSeconds, bool AllowMoves);

public sealed record PublishInput(bool? Published);

public sealed record AddMeetingInput(int FirstRegistrationId, int SecondRegistrationId, int? Priority);

public static class EventsApi
{
    public static EventDto ToDto(MatchmakingEvent e) => new(
        e.Id, e.Name, e.Venue, e.TimeZone, e.Description, e.SlotMinutes, e.BreakMinutes, e.Tables, e.IsPublished, e.SchedulePublished,
        EventInput.From(e).Sessions, EventWorkflow.Slots(e).Count, e.LastRunSummary, e.Version, e.ProgramId);

    public static void MapEventsApi(this IEndpointRouteBuilder app)
    {
        var events = app.MapGroup("/api/events").WithTags("events").AddEndpointFilter<BrowserSessionCsrfFilter>();

        events.MapGet("/", async ([AsParameters] DirectoryFilter filter, CityBridgeDb db, CurrentActor current, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            var query = db.Events.AsNoTracking().Include(e => e.Sessions).Where(e => e.IsPublished || actor.IsStaff).OrderBy(e => e.Name).ThenBy(e => e.Id);
            var page = await query.ToPageAsync(filter, ct);
            return TypedResults.Ok(new CollectionResponse<EventDto>(page.Items.Select(ToDto).ToList(), page.Total, page.Page, page.PageSize));
        }).WithSummary("Matchmaking events, published ones for everyone, all for staff.");

        events.MapGet("/{id:int}", async Task<IResult> (int id, EventWorkflow flow, CurrentActor current, CancellationToken ct) =>
            await flow.FindAsync(id, await current.GetAsync(ct), ct) is { } e ? TypedResults.Ok(ToDto(e)) : NotFound(id))
            .Produces<EventDto>().WithSummary("One event with its sessions and the number of slots.");

        events.MapPost("/", async Task<IResult> (EventInput input, CityBridgeDb db, CurrentActor current, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            if (!EventWorkflow.MayManage(actor))
            {
                return Refusal.Denied(actor, "Only program staff create events.").ToProblem();
            }

            var errors = await input.ValidateAsync(db, ct);
            if (!errors.IsEmpty)
            {
                return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The event is not valid.");
            }

            var e = new MatchmakingEvent { Name = input.Name, TimeZone = input.TimeZone };
            input.ApplyTo(e);
            db.Events.Add(e);
            await db.SaveChangesAsync(ct);
            return TypedResults.Created($"/api/events/{e.Id}", ToDto(e));
        }).ProducesValidationProblem().Produces<EventDto>(StatusCodes.Status201Created).WithSummary("Create an event (staff).");

        events.MapPut("/{id:int}", async Task<IResult> (int id, EventInput input, CityBridgeDb db, EventEdits edits, CurrentActor current, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            if (!EventWorkflow.MayManage(actor))
            {
                return Refusal.Denied(actor, "Only program staff change events.").ToProblem();
            }

            var e = await db.Events.Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == id, ct);
            if (e is null)
            {
                return NotFound(id);
            }

            var errors = await input.ValidateAsync(db, ct);
            if (!errors.IsEmpty)
            {
                return TypedResults.ValidationProblem(errors.ToDictionary(), title: "The event is not valid.");
            }

            if (input.Version is { } version && version != e.Version)
            {
                return Refusal.Conflict("The event was changed since you read it; reload and try again.").ToProblem();
            }

            var affected = await edits.AffectedAsync(e, input, ct);
            if (affected.Count > 0 && !input.ReplanAffected)
            {
                return Refusal.Conflict($"This change would move {affected.Count} placed meetings ({string.Join("; ", affected.Select(a => $"meeting {a.MeetingId}: {a.Why}"))}); send replanAffected: true to re-plan them (the scheduler's repair mode; only people whose meetings move are told).").ToProblem();
            }

            await edits.ApplyAsync(e, input, ct);
            input.ApplyTo(e);
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateConcurrencyException)
            {
                return Refusal.Conflict("The event was changed at the same moment; reload and try again.").ToProblem();
            }

            if (affected.Count > 0)
            {
                await edits.ReplanAsync(e, ct);
            }

            return TypedResults.Ok(ToDto(e));
        }).ProducesValidationProblem().Produces<EventDto>().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Change an event (staff); send the version you read.");

        events.MapGet("/{id:int}/registrants", async Task<IResult> (int id, EventWorkflow flow, CurrentActor current, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            if (await flow.FindAsync(id, actor, ct) is null)
            {
                return NotFound(id);
            }

            var me = await flow.MyRegistrationAsync(id, actor, ct);
            if (me is null && !actor.IsStaff)
            {
                return Refusal.Denied(actor, "Register for the event to see the other participants.").ToProblem();
            }

            var items = await flow.RegistrantsAsync(id, me, ct);
            return TypedResults.Ok(new CollectionResponse<Registrant>(items, items.Count, 1, items.Count));
        }).WithSummary("The other participants, best fit for you first (fit from the matching engine).");

        events.MapPost("/{id:int}/registrations", async Task<IResult> (int id, RegistrationInput? input, EventWorkflow flow, CurrentActor current, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            return await flow.RegisterAsync(id, actor, input?.TimeZone, ct) is { } refusal ? refusal.ToProblem() : TypedResults.Created($"/api/events/{id}/registrants", await flow.MyRegistrationAsync(id, actor, ct));
        }).Produces(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Register yourself for the event's meetings.");

        events.MapPut("/{id:int}/registrations/me", async Task<IResult> (int id, AvailabilityInput input, EventWorkflow flow, CurrentActor current, CancellationToken ct) =>
            await flow.UpdateRegistrationAsync(id, await current.GetAsync(ct), input.TimeZone, input.AvailableSessionIds ?? [], ct) is { } refusal ? refusal.ToProblem() : TypedResults.NoContent())
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Set the sessions you can attend (an empty list means all) and your own time zone.");

        events.MapPost("/{id:int}/requests", async Task<IResult> (int id, RequestInput input, EventWorkflow flow, CurrentActor current, CancellationToken ct) =>
        {
            var (request, refusal) = await flow.RequestAsync(id, await current.GetAsync(ct), input.ToRegistrationId, input.Priority ?? 2, input.Message, ct);
            return refusal is not null ? refusal.ToProblem() : TypedResults.Created($"/api/events/{id}/requests/{request!.Id}", new { request.Id, request.Status });
        }).Produces(StatusCodes.Status201Created).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Ask another participant for a meeting, with a priority from 1 to 3.");

        events.MapGet("/{id:int}/requests", async Task<IResult> (int id, EventWorkflow flow, CurrentActor current, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            var me = await flow.MyRegistrationAsync(id, actor, ct);
            if (me is null)
            {
                return Refusal.Denied(actor, "Register for the event to send and receive requests.").ToProblem();
            }

            var items = await flow.RequestsAsync(id, me.Id, ct);
            return TypedResults.Ok(new CollectionResponse<RequestView>(items, items.Count, 1, items.Count));
        }).WithSummary("Your requests in the event, sent and received.");

        events.MapPost("/{id:int}/requests/{requestId:int}/accept", async Task<IResult> (int id, int requestId, EventWorkflow flow, CurrentActor current, CancellationToken ct) =>
            await flow.AnswerAsync(id, await current.GetAsync(ct), requestId, accept: true, ct) is { } refusal ? refusal.ToProblem() : TypedResults.NoContent())
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Accept a request made to you; the meeting goes to the scheduler.");
        events.MapPost("/{id:int}/requests/{requestId:int}/decline", async Task<IResult> (int id, int requestId, EventWorkflow flow, CurrentActor current, CancellationToken ct) =>
            await flow.AnswerAsync(id, await current.GetAsync(ct), requestId, accept: false, ct) is { } refusal ? refusal.ToProblem() : TypedResults.NoContent())
            .Produces(StatusCodes.Status204NoContent).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Decline a request made to you.");

        events.MapGet("/{id:int}/meetings", async Task<IResult> (int id, EventWorkflow flow, CurrentActor current, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            if (await flow.FindAsync(id, actor, ct) is not { } e)
            {
                return NotFound(id);
            }

            var me = await flow.MyRegistrationAsync(id, actor, ct);
            if (!actor.IsStaff && (me is null || !e.SchedulePublished))
            {
                return Refusal.Denied(actor, "Participants see their meetings once staff publish the schedule.").ToProblem();
            }

            var items = await flow.MeetingsAsync(e, actor.IsStaff ? null : me!.Id, ct);
            return TypedResults.Ok(new CollectionResponse<MeetingView>(items, items.Count, 1, items.Count));
        }).WithSummary("Meetings with their slots and tables: all for staff, your own once the schedule is published.");

        events.MapPost("/{id:int}/meetings", async Task<IResult> (int id, AddMeetingInput input, EventWorkflow flow, CurrentActor current, CancellationToken ct) =>
            await flow.AddMeetingAsync(id, await current.GetAsync(ct), input.FirstRegistrationId, input.SecondRegistrationId, input.Priority ?? 2, ct) is { } refusal ? refusal.ToProblem() : TypedResults.NoContent())
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Add a meeting between two participants (staff).");
        events.MapPost("/{id:int}/meetings/{meetingId:int}/{change}", async Task<IResult> (int id, int meetingId, string change, EventWorkflow flow, CurrentActor current, CancellationToken ct) =>
            await flow.ChangeMeetingAsync(id, await current.GetAsync(ct), meetingId, change, ct) is { } refusal ? refusal.ToProblem() : TypedResults.NoContent())
            .Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Pin, unpin or cancel a meeting (staff).");

        events.MapPost("/{id:int}/schedule", async Task<IResult> (int id, ScheduleInput input, CityBridgeDb db, EventScheduling scheduling, CurrentActor current, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            if (!EventWorkflow.MayManage(actor))
            {
                return Refusal.Denied(actor, "Only program staff run the scheduler.").ToProblem();
            }

            if (!await db.Events.AnyAsync(e => e.Id == id, ct))
            {
                return NotFound(id);
            }

            var seconds = input.TimeLimitSeconds ?? 10;
            if (!double.IsFinite(seconds) || seconds is < 1 or > 600)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["timeLimitSeconds"] = ["Give the scheduler 1 to 600 seconds."] }, title: "The input is not valid.");
            }

            return await scheduling.TryStartAsync(db, id, TimeSpan.FromSeconds(seconds), input.AllowMoves, ct)
                ? TypedResults.Accepted($"/api/events/{id}/schedule", await scheduling.RunOfAsync(db, id, ct))
                : Refusal.Conflict("The scheduler is already running for this event.").ToProblem();
        }).Produces<SchedulingRun>(StatusCodes.Status202Accepted).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Run the meeting scheduler in the background (staff); follow GET /schedule.");
        events.MapGet("/{id:int}/schedule", async Task<IResult> (int id, CityBridgeDb db, EventScheduling scheduling, CurrentActor current, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            return !actor.IsStaff ? Refusal.Denied(actor, "Only program staff follow the scheduler.").ToProblem()
                : TypedResults.Ok(await scheduling.RunOfAsync(db, id, ct) ?? new SchedulingRun(id, "idle", 0, 0, 0, 0, "The scheduler has not run for this event yet.", DateTimeOffset.MinValue));
        }).WithSummary("Progress of the scheduler: best weight so far, proven bound, gap (staff).");
        events.MapPost("/{id:int}/schedule/stop", async Task<IResult> (int id, CityBridgeDb db, EventScheduling scheduling, CurrentActor current, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            return !EventWorkflow.MayManage(actor) ? Refusal.Denied(actor, "Only program staff stop the scheduler.").ToProblem()
                : await scheduling.StopAsync(db, id, ct) ? TypedResults.Accepted($"/api/events/{id}/schedule", await scheduling.RunOfAsync(db, id, ct)) : Refusal.Conflict("The scheduler is not running for this event.").ToProblem();
        }).Produces<SchedulingRun>(StatusCodes.Status202Accepted).ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Stop the scheduler, keeping the best schedule found (staff); works from any instance.");
        events.MapPost("/{id:int}/schedule/publish", async Task<IResult> (int id, PublishInput input, CityBridgeDb db, My.MeetingNotices notices, CurrentActor current, CancellationToken ct) =>
        {
            var actor = await current.GetAsync(ct);
            if (!EventWorkflow.MayManage(actor))
            {
                return Refusal.Denied(actor, "Only program staff publish the schedule.").ToProblem();
            }

            var e = await db.Events.FirstOrDefaultAsync(x => x.Id == id, ct);
            if (e is null)
            {
                return NotFound(id);
            }

            if (input.Published is not { } published)
            {
                return TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["published"] = ["Say true to publish the schedule or false to withdraw it."] }, title: "The input is not valid.");
            }

            e.SchedulePublished = published;
            if (published)
            {
                await notices.SchedulePublishedAsync(id, ct);
            }

            await db.SaveChangesAsync(ct);
            return TypedResults.NoContent();
        }).Produces(StatusCodes.Status204NoContent).ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict).WithSummary("Publish ({\"published\": true}) or withdraw the schedule (staff).");

        events.MapGet("/{id:int}/agenda.ics", async Task<IResult> (int id, EventWorkflow flow, CurrentActor current, CancellationToken ct) =>
        {
            var (ics, refusal) = await flow.CalendarAsync(id, await current.GetAsync(ct), ct);
            return refusal is not null ? refusal.ToProblem() : TypedResults.File(ics!, "text/calendar; charset=utf-8", $"citybridge-event-{id}.ics");
        }).Produces<string>(StatusCodes.Status200OK, "text/calendar").ProducesProblem(StatusCodes.Status404NotFound).WithSummary("Your meetings as an iCalendar file; stable UIDs, so importing again updates them.");
    }

    private static IResult NotFound(int id) =>
        TypedResults.Problem(title: "Not found", detail: $"There is no event with id {id}.", statusCode: StatusCodes.Status404NotFound);
}
