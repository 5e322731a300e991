using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Shared;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Events;

/// <summary>The events API: HTTP in, an <see cref="EventWorkflow"/> call, HTTP out. The rules live in the workflow.</summary>
public static class EventsApi
{
    public static void MapEventsApi(this IEndpointRouteBuilder app)
    {
        const RefusalKind Invalid = RefusalKind.Invalid, NotFound = RefusalKind.NotFound, Conflict = RefusalKind.Conflict;
        var events = app.MapGroup("/api/events").WithTags("events").AddEndpointFilter<BrowserSessionCsrfFilter>();

        events.MapGet("/", ListAsync).WithSummary("Matchmaking events, published ones for everyone, all for staff.");
        events.MapGet("/{id:int}", ReadAsync).ProducesRefusals(NotFound).WithSummary("One event with its sessions and the number of slots.");
        events.MapPost("/", CreateAsync).ProducesRefusals(Invalid).WithSummary("Create an event (staff).");
        events.MapPut("/{id:int}", UpdateAsync).ProducesRefusals(Invalid, NotFound, Conflict).WithSummary("Change an event (staff); send the version you read.");
        events.MapGet("/{id:int}/registrants", RegistrantsAsync).ProducesRefusals(NotFound)
            .WithSummary("The other participants, best fit for you first (fit from the matching engine).");
        events.MapPost("/{id:int}/registrations", RegisterAsync).ProducesRefusals(Invalid, NotFound, Conflict).WithSummary("Register yourself for the event's meetings.");
        events.MapPut("/{id:int}/registrations/me", UpdateRegistrationAsync).ProducesRefusals(Invalid, NotFound, Conflict)
            .WithSummary("Set the sessions you can attend (an empty list means all) and your own time zone.");
        events.MapPost("/{id:int}/requests", RequestAsync).ProducesRefusals(Invalid, NotFound, Conflict)
            .WithSummary("Ask another participant for a meeting, with a priority from 1 to 3.");
        events.MapGet("/{id:int}/requests", RequestsAsync).WithSummary("Your requests in the event, sent and received.");
        events.MapPost("/{id:int}/requests/{requestId:int}/accept", AcceptAsync).ProducesRefusals(NotFound, Conflict)
            .WithSummary("Accept a request made to you; the meeting goes to the scheduler.");
        events.MapPost("/{id:int}/requests/{requestId:int}/decline", DeclineAsync).ProducesRefusals(NotFound, Conflict).WithSummary("Decline a request made to you.");
        events.MapGet("/{id:int}/meetings", MeetingsAsync).ProducesRefusals(NotFound)
            .WithSummary("Meetings with their slots and tables: all for staff, your own once the schedule is published.");
        events.MapPost("/{id:int}/meetings", AddMeetingAsync).ProducesRefusals(Invalid, NotFound, Conflict).WithSummary("Add a meeting between two participants (staff).");
        events.MapPost("/{id:int}/meetings/{meetingId:int}/{change}", ChangeMeetingAsync).ProducesRefusals(Invalid, NotFound, Conflict)
            .WithSummary("Pin, unpin or cancel a meeting (staff).");
        events.MapPost("/{id:int}/schedule", StartSchedulingAsync).ProducesRefusals(Invalid, NotFound, Conflict)
            .WithSummary("Run the meeting scheduler in the background (staff); follow GET /schedule.");
        events.MapGet("/{id:int}/schedule", SchedulingRunAsync).WithSummary("Progress of the scheduler: best weight so far, proven bound, gap (staff).");
        events.MapPost("/{id:int}/schedule/stop", StopSchedulingAsync).ProducesRefusals(NotFound, Conflict)
            .WithSummary("Stop the scheduler, keeping the best schedule found (staff); works from any instance.");
        events.MapPost("/{id:int}/schedule/publish", PublishScheduleAsync).ProducesRefusals(Invalid, NotFound, Conflict)
            .WithSummary("Publish ({\"published\": true}) or withdraw the schedule (staff).");
        events.MapGet("/{id:int}/agenda.ics", CalendarAsync).Produces<string>(StatusCodes.Status200OK, "text/calendar").ProducesRefusals(NotFound)
            .WithSummary("Your meetings as an iCalendar file; stable UIDs, so importing again updates them.");
    }

    private static async Task<Ok<CollectionResponse<EventDto>>> ListAsync([AsParameters] DirectoryFilter filter, CityBridgeDb db, CurrentActor current, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        var query = db.Events.AsNoTracking().Include(e => e.Sessions).Where(e => e.IsPublished || actor.IsStaff).OrderBy(e => e.Name).ThenBy(e => e.Id);
        var page = await query.ToPageAsync(filter, ct);
        return TypedResults.Ok(new CollectionResponse<EventDto>(page.Items.Select(EventViews.ToDto).ToList(), page.Total, page.Page, page.PageSize));
    }

    private static async Task<Results<Ok<EventDto>, ProblemHttpResult>> ReadAsync(int id, EventWorkflow flow, CurrentActor current, CancellationToken ct) =>
        await flow.FindAsync(id, await current.GetAsync(ct), ct) is { } e ? TypedResults.Ok(EventViews.ToDto(e)) : EventWorkflow.NotFound(id).ToProblem();

    private static async Task<Results<Created<EventDto>, ProblemHttpResult>> CreateAsync(EventInput input, EventWorkflow flow, CurrentActor current, CancellationToken ct)
    {
        var (saved, refusal) = await flow.CreateAsync(input, await current.GetAsync(ct), ct);
        return refusal is null ? TypedResults.Created($"/api/events/{saved!.Id}", EventViews.ToDto(saved)) : refusal.ToProblem();
    }

    private static async Task<Results<Ok<EventDto>, ProblemHttpResult>> UpdateAsync(int id, EventInput input, EventWorkflow flow, CurrentActor current, CancellationToken ct)
    {
        var (saved, refusal) = await flow.UpdateAsync(id, input, await current.GetAsync(ct), ct);
        return refusal is null ? TypedResults.Ok(EventViews.ToDto(saved!)) : refusal.ToProblem();
    }

    private static async Task<Results<Ok<CollectionResponse<Registrant>>, ProblemHttpResult>> RegistrantsAsync(int id, EventWorkflow flow, CurrentActor current, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (await flow.FindAsync(id, actor, ct) is null)
        {
            return EventWorkflow.NotFound(id).ToProblem();
        }

        var me = await flow.MyRegistrationAsync(id, actor, ct);
        if (me is null && !actor.IsStaff)
        {
            return Refusal.Denied(actor, "Register for the event to see the other participants.").ToProblem();
        }

        var items = await flow.RegistrantsAsync(id, me, ct);
        return TypedResults.Ok(new CollectionResponse<Registrant>(items, items.Count, 1, items.Count));
    }

    private static async Task<Results<Created<EventRegistration>, ProblemHttpResult>> RegisterAsync(int id, RegistrationInput? input, EventWorkflow flow, CurrentActor current, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        return await flow.RegisterAsync(id, actor, input?.TimeZone, ct) is { } refusal
            ? refusal.ToProblem()
            : TypedResults.Created($"/api/events/{id}/registrants", (await flow.MyRegistrationAsync(id, actor, ct))!);
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> UpdateRegistrationAsync(int id, AvailabilityInput input, EventWorkflow flow, CurrentActor current, CancellationToken ct) =>
        Refusal.NoContentOr(await flow.UpdateRegistrationAsync(id, await current.GetAsync(ct), input.TimeZone, input.AvailableSessionIds ?? [], ct));

    private static async Task<Results<Created<CreatedRequest>, ProblemHttpResult>> RequestAsync(int id, RequestInput input, EventWorkflow flow, CurrentActor current, CancellationToken ct)
    {
        var (request, refusal) = await flow.RequestAsync(id, await current.GetAsync(ct), input.ToRegistrationId, input.Priority ?? 2, input.Message, ct);
        return refusal is not null
            ? refusal.ToProblem()
            : TypedResults.Created($"/api/events/{id}/requests/{request!.Id}", new CreatedRequest(request.Id, request.Status));
    }

    private static async Task<Results<Ok<CollectionResponse<RequestView>>, ProblemHttpResult>> RequestsAsync(int id, EventWorkflow flow, CurrentActor current, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        var me = await flow.MyRegistrationAsync(id, actor, ct);
        if (me is null)
        {
            return Refusal.Denied(actor, "Register for the event to send and receive requests.").ToProblem();
        }

        var items = await flow.RequestsAsync(id, me.Id, ct);
        return TypedResults.Ok(new CollectionResponse<RequestView>(items, items.Count, 1, items.Count));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> AcceptAsync(int id, int requestId, EventWorkflow flow, CurrentActor current, CancellationToken ct) =>
        Refusal.NoContentOr(await flow.AnswerAsync(id, await current.GetAsync(ct), requestId, accept: true, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> DeclineAsync(int id, int requestId, EventWorkflow flow, CurrentActor current, CancellationToken ct) =>
        Refusal.NoContentOr(await flow.AnswerAsync(id, await current.GetAsync(ct), requestId, accept: false, ct));

    private static async Task<Results<Ok<CollectionResponse<MeetingView>>, ProblemHttpResult>> MeetingsAsync(int id, EventWorkflow flow, CurrentActor current, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        if (await flow.FindAsync(id, actor, ct) is not { } e)
        {
            return EventWorkflow.NotFound(id).ToProblem();
        }

        var me = await flow.MyRegistrationAsync(id, actor, ct);
        if (!actor.IsStaff && (me is null || !e.SchedulePublished))
        {
            return Refusal.Denied(actor, "Participants see their meetings once staff publish the schedule.").ToProblem();
        }

        var items = await flow.MeetingsAsync(e, actor.IsStaff ? null : me!.Id, ct);
        return TypedResults.Ok(new CollectionResponse<MeetingView>(items, items.Count, 1, items.Count));
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> AddMeetingAsync(int id, AddMeetingInput input, EventWorkflow flow, CurrentActor current, CancellationToken ct) =>
        Refusal.NoContentOr(await flow.AddMeetingAsync(id, await current.GetAsync(ct), input.FirstRegistrationId, input.SecondRegistrationId, input.Priority ?? 2, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> ChangeMeetingAsync(int id, int meetingId, string change, EventWorkflow flow, CurrentActor current, CancellationToken ct) =>
        Refusal.NoContentOr(await flow.ChangeMeetingAsync(id, await current.GetAsync(ct), meetingId, change, ct));

    private static async Task<Results<Accepted<SchedulingRun>, ProblemHttpResult>> StartSchedulingAsync(int id, ScheduleInput input, EventWorkflow flow, EventScheduling scheduling, CityBridgeDb db, CurrentActor current, CancellationToken ct) =>
        await flow.StartSchedulingAsync(id, await current.GetAsync(ct), input.TimeLimitSeconds, input.AllowMoves, ct) is { } refusal
            ? refusal.ToProblem()
            : TypedResults.Accepted($"/api/events/{id}/schedule", await scheduling.RunOfAsync(db, id, ct));

    private static async Task<Results<Ok<SchedulingRun>, ProblemHttpResult>> SchedulingRunAsync(int id, CityBridgeDb db, EventScheduling scheduling, CurrentActor current, CancellationToken ct)
    {
        var actor = await current.GetAsync(ct);
        return !actor.IsStaff ? Refusal.Denied(actor, "Only program staff follow the scheduler.").ToProblem()
            : TypedResults.Ok(await scheduling.RunOfAsync(db, id, ct) ?? new SchedulingRun(id, "idle", 0, 0, 0, 0, "The scheduler has not run for this event yet.", DateTimeOffset.MinValue));
    }

    private static async Task<Results<Accepted<SchedulingRun>, ProblemHttpResult>> StopSchedulingAsync(int id, EventWorkflow flow, EventScheduling scheduling, CityBridgeDb db, CurrentActor current, CancellationToken ct) =>
        await flow.StopSchedulingAsync(id, await current.GetAsync(ct), ct) is { } refusal
            ? refusal.ToProblem()
            : TypedResults.Accepted($"/api/events/{id}/schedule", await scheduling.RunOfAsync(db, id, ct));

    private static async Task<Results<NoContent, ProblemHttpResult>> PublishScheduleAsync(int id, PublishInput input, EventWorkflow flow, CurrentActor current, CancellationToken ct) =>
        Refusal.NoContentOr(await flow.PublishScheduleAsync(id, await current.GetAsync(ct), input.Published, ct));

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> CalendarAsync(int id, EventWorkflow flow, CurrentActor current, CancellationToken ct)
    {
        var (ics, refusal) = await flow.CalendarAsync(id, await current.GetAsync(ct), ct);
        return refusal is not null ? refusal.ToProblem() : TypedResults.File(ics!, "text/calendar; charset=utf-8", $"citybridge-event-{id}.ics");
    }
}

/// <summary>A meeting request just made: its id and state.</summary>
public sealed record CreatedRequest(int Id, MeetingRequestStatus Status);
