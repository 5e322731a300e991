using CityBridge.Core.Events;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CityBridge.Web.Features.Events;

/// <summary>A registrant as another participant sees them, with how well they fit the viewer (from the matching engine).</summary>
public sealed record Registrant(int Id, string Name, string? OrganizationName, int? OrganizationId, double? Fit, string? Reason = null);

/// <summary>A request between two registrants, named for display.</summary>
public sealed record RequestView(int Id, int FromId, string FromName, int ToId, string ToName, int Priority, string? Message, MeetingRequestStatus Status);

/// <summary>One meeting on an agenda or a staff list.</summary>
public sealed record MeetingView(int Id, int FirstId, string FirstName, int SecondId, string SecondName, int Weight, int? SlotIndex, DateTimeOffset? Start, DateTimeOffset? End, string? Session, int? Table, bool Pinned,
    int Sequence = 0, DateTimeOffset? ChangedAt = null, bool Cancelled = false, MeetingAttendance Attendance = MeetingAttendance.Unknown);

/// <summary>The rules and queries of matchmaking events, shared by pages and API so both enforce the same things.</summary>
public sealed class EventWorkflow(CityBridgeDb db, TimeProvider clock, My.MeetingNotices notices, EventEdits edits, EventScheduling scheduling)
{
    public static bool MayManage(Actor actor) => actor.IsStaffWriter;

    /// <summary>Meetings are between city delegates and providers.</summary>
    public static bool MayTakePart(Actor actor) => actor.IsCityOfficial || actor.IsProvider;

    public async Task<MatchmakingEvent?> FindAsync(int eventId, Actor actor, CancellationToken ct)
    {
        var found = await db.Events.AsNoTracking().Include(e => e.Sessions).FirstOrDefaultAsync(e => e.Id == eventId, ct);
        return found is not null && (found.IsPublished || actor.IsStaff) ? found : null;
    }

    public static Refusal NotFound(int eventId) => Refusal.NotFound($"There is no event with id {eventId}.");

    /// <summary>Staff create an event with its sessions.</summary>
    public async Task<(MatchmakingEvent? Saved, Refusal? Refusal)> CreateAsync(EventInput input, Actor actor, CancellationToken ct)
    {
        if (!MayManage(actor))
        {
            return (null, Refusal.Denied(actor, "Only program staff create events."));
        }

        var errors = await input.ValidateAsync(db, ct);
        if (!errors.IsEmpty)
        {
            return (null, Refusal.Invalid(errors));
        }

        var e = new MatchmakingEvent { Name = input.Name, TimeZone = input.TimeZone };
        input.ApplyTo(e);
        db.Events.Add(e);
        await db.SaveChangesAsync(ct);
        return (e, null);
    }

    /// <summary>
    /// Staff change an event; a stale version is a conflict. Placed meetings the change would move are a conflict on
    /// <see cref="ReplanField"/> until staff ask to re-plan them (the scheduler's repair mode; only people whose meetings move are told).
    /// </summary>
    public async Task<(MatchmakingEvent? Saved, Refusal? Refusal)> UpdateAsync(int id, EventInput input, Actor actor, CancellationToken ct)
    {
        if (!MayManage(actor))
        {
            return (null, Refusal.Denied(actor, "Only program staff change events."));
        }

        var e = await db.Events.Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (e is null)
        {
            return (null, NotFound(id));
        }

        var errors = await input.ValidateAsync(db, ct);
        if (!errors.IsEmpty)
        {
            return (null, Refusal.Invalid(errors));
        }

        if (input.Version is { } version && version != e.Version)
        {
            return (null, Refusal.Conflict("The event was changed since you read it; reload and try again."));
        }

        var affected = await edits.AffectedAsync(e, input, ct);
        if (affected.Count > 0 && !input.ReplanAffected)
        {
            var which = string.Join("; ", affected.Select(a => $"meeting {a.MeetingId}: {a.Why}"));
            return (null, Refusal.Conflict(
                $"This change would move {affected.Count} placed meetings ({which}); send replanAffected: true to re-plan them " +
                "(the scheduler's repair mode; only people whose meetings move are told).", ReplanField));
        }

        await edits.ApplyAsync(e, input, ct);
        input.ApplyTo(e);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (null, Refusal.Conflict("The event was changed at the same moment; reload and try again."));
        }

        if (affected.Count > 0)
        {
            await edits.ReplanAsync(e, ct);
        }

        return (e, null);
    }

    /// <summary>The input field of the refusal that lists the placed meetings an edit would move.</summary>
    public const string ReplanField = "replanAffected";

    /// <summary>Staff start the scheduler in the background; a conflict when it is already running.</summary>
    public async Task<Refusal?> StartSchedulingAsync(int eventId, Actor actor, double? timeLimitSeconds, bool allowMoves, CancellationToken ct)
    {
        if (!MayManage(actor))
        {
            return Refusal.Denied(actor, "Only program staff run the scheduler.");
        }

        if (!await db.Events.AnyAsync(e => e.Id == eventId, ct))
        {
            return NotFound(eventId);
        }

        var seconds = timeLimitSeconds ?? 10;
        if (!double.IsFinite(seconds) || seconds is < 1 or > 600)
        {
            return Refusal.Invalid("Give the scheduler 1 to 600 seconds.", "timeLimitSeconds");
        }

        return await scheduling.TryStartAsync(db, eventId, TimeSpan.FromSeconds(seconds), allowMoves, ct)
            ? null
            : Refusal.Conflict("The scheduler is already running for this event.");
    }

    /// <summary>Staff stop the scheduler, keeping the best schedule found; works from any instance.</summary>
    public async Task<Refusal?> StopSchedulingAsync(int eventId, Actor actor, CancellationToken ct) =>
        !MayManage(actor) ? Refusal.Denied(actor, "Only program staff stop the scheduler.")
            : await scheduling.StopAsync(db, eventId, ct) ? null
            : Refusal.Conflict("The scheduler is not running for this event.");

    /// <summary>Staff publish the schedule (participants are told) or withdraw it.</summary>
    public async Task<Refusal?> PublishScheduleAsync(int eventId, Actor actor, bool? published, CancellationToken ct)
    {
        if (!MayManage(actor))
        {
            return Refusal.Denied(actor, "Only program staff publish the schedule.");
        }

        var e = await db.Events.FirstOrDefaultAsync(x => x.Id == eventId, ct);
        if (e is null)
        {
            return NotFound(eventId);
        }

        if (published is not { } publish)
        {
            return Refusal.Invalid("Say true to publish the schedule or false to withdraw it.", "published");
        }

        e.SchedulePublished = publish;
        if (publish)
        {
            await notices.SchedulePublishedAsync(eventId, ct);
        }

        await db.SaveChangesAsync(ct);
        return null;
    }

    public static DateTimeZone ZoneOf(string? timeZone) =>
        timeZone is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone) is { } zone ? zone : DateTimeZone.Utc;

    public static IReadOnlyList<PlannedSlot> Slots(MatchmakingEvent e) => SlotPlan.Generate(
        e.Sessions.OrderBy(s => s.Date).ThenBy(s => s.Start).Select(s => new MeetingSession(s.Name, LocalDate.FromDateOnly(s.Date), LocalTime.FromTimeOnly(s.Start), LocalTime.FromTimeOnly(s.End))),
        e.SlotMinutes, e.BreakMinutes, ZoneOf(e.TimeZone));

    public Task<EventRegistration?> MyRegistrationAsync(int eventId, Actor actor, CancellationToken ct) =>
        actor.UserId is null ? Task.FromResult<EventRegistration?>(null)
            : db.EventRegistrations.AsNoTracking().FirstOrDefaultAsync(r => r.EventId == eventId && r.UserId == actor.UserId, ct);

    public async Task<Refusal?> RegisterAsync(int eventId, Actor actor, string? timeZone, CancellationToken ct)
    {
        if (!actor.IsSignedIn || !actor.MayWrite || !MayTakePart(actor))
        {
            return Refusal.Denied(actor, "City officials and providers register for the event's meetings; sign in as one.");
        }

        if (await FindAsync(eventId, actor, ct) is null)
        {
            return NotFound(eventId);
        }

        if (timeZone is not null && DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone) is null)
        {
            return Refusal.Invalid($"'{timeZone}' is not a time zone; use an IANA name such as Asia/Jakarta.", "timeZone");
        }

        if (await MyRegistrationAsync(eventId, actor, ct) is not null)
        {
            return Refusal.Conflict("You are already registered for this event.");
        }

        var fullName = await db.Users.Where(u => u.Id == actor.UserId).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        var organization = actor.OrganizationId is { } orgId ? await db.Organizations.Where(o => o.Id == orgId).Select(o => o.Name).FirstOrDefaultAsync(ct) : null;
        db.EventRegistrations.Add(new EventRegistration
        {
            EventId = eventId,
            UserId = actor.UserId!,
            DisplayName = string.IsNullOrWhiteSpace(fullName) ? actor.Name : fullName,
            OrganizationId = actor.OrganizationId,
            OrganizationName = organization,
            TimeZone = timeZone,
            RegisteredAt = clock.GetUtcNow(),
            CheckInCode = EventDay.NewCheckInCode(),
        });
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>A registrant sets the sessions they can attend (none ticked means all) and their own time zone.</summary>
    public async Task<Refusal?> UpdateRegistrationAsync(int eventId, Actor actor, string? timeZone, IReadOnlyList<int> sessionIds, CancellationToken ct)
    {
        var registration = actor.UserId is null ? null : await db.EventRegistrations.FirstOrDefaultAsync(r => r.EventId == eventId && r.UserId == actor.UserId, ct);
        if (registration is null || !actor.MayWrite)
        {
            return Refusal.Denied(actor, "Register for the event first.");
        }

        if (!string.IsNullOrWhiteSpace(timeZone) && DateTimeZoneProviders.Tzdb.GetZoneOrNull(timeZone) is null)
        {
            return Refusal.Invalid($"'{timeZone}' is not a time zone; use an IANA name such as Asia/Jakarta.", "timeZone");
        }

        var known = await db.EventSessions.Where(s => s.EventId == eventId).Select(s => s.Id).ToListAsync(ct);
        if (sessionIds.FirstOrDefault(id => !known.Contains(id)) is var unknown and not 0)
        {
            return Refusal.Invalid($"Session {unknown} is not a session of this event.", "availableSessionIds");
        }

        registration.TimeZone = string.IsNullOrWhiteSpace(timeZone) ? null : timeZone;
        registration.AvailableSessionIds = sessionIds.Count == known.Count ? [] : [.. sessionIds.Distinct().Order()];
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Everyone else registered, best fit first: the matching engine's score between the two sides' organizations and city projects.</summary>
    public async Task<List<Registrant>> RegistrantsAsync(int eventId, EventRegistration? viewer, CancellationToken ct)
    {
        var registrations = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == eventId).ToListAsync(ct);
        var orgIds = registrations.Where(r => r.OrganizationId is not null).Select(r => r.OrganizationId!.Value).ToList();
        var cityOf = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id) && o.CityId != null).ToDictionaryAsync(o => o.Id, o => o.CityId!.Value, ct);
        var cityIds = cityOf.Values.ToList();
        var fits = (await (from m in db.Matches.AsNoTracking()
                           join p in db.Projects on m.ProjectId equals p.Id
                           where cityIds.Contains(p.CityId) && orgIds.Contains(m.OrganizationId)
                           select new { p.CityId, m.OrganizationId, m.Score, m.SignalsJson }).ToListAsync(ct))
            .GroupBy(x => (x.CityId, x.OrganizationId))
            .ToDictionary(g => g.Key, g =>
            {
                var top = g.MaxBy(x => x.Score)!;
                return (top.Score, Reason: TopReason(top.SignalsJson));
            });

        (double Score, string? Reason)? Fit(EventRegistration other)
        {
            if (viewer?.OrganizationId is not { } mine || other.OrganizationId is not { } theirs)
            {
                return null;
            }

            (double Score, string? Reason)? best = null;
            if (cityOf.TryGetValue(mine, out var myCity) && fits.TryGetValue((myCity, theirs), out var a))
            {
                best = a;
            }

            if (cityOf.TryGetValue(theirs, out var theirCity) && fits.TryGetValue((theirCity, mine), out var b) && b.Score > (best?.Score ?? -1))
            {
                best = b;
            }

            return best;
        }

        return registrations.Where(r => r.Id != viewer?.Id)
            .Select(r =>
            {
                var fit = Fit(r);
                return new Registrant(r.Id, PersonName(r), r.OrganizationName, r.OrganizationId, fit?.Score, fit?.Reason);
            })
            .OrderByDescending(r => r.Fit ?? -1).ThenBy(r => r.Name, StringComparer.OrdinalIgnoreCase)
            .ToList();
    }

    /// <summary>The strongest signal's explanation, as the one-line reason for a fit.</summary>
    private static string? TopReason(string signalsJson) =>
        Matching.MatchingEngine.ReadSignals(signalsJson).OrderByDescending(s => s.Contribution).FirstOrDefault()?.Why;

    public async Task<(MeetingRequest? Request, Refusal? Refusal)> RequestAsync(int eventId, Actor actor, int toRegistrationId, int priority, string? message, CancellationToken ct)
    {
        var me = await MyRegistrationAsync(eventId, actor, ct);
        if (me is null || !actor.MayWrite)
        {
            return (null, Refusal.Denied(actor, "Register for the event before requesting meetings."));
        }

        if (priority is < 1 or > 3)
        {
            return (null, Refusal.Invalid("Choose a priority of 1 (nice to meet), 2 (want to meet) or 3 (must meet).", "priority"));
        }

        if (message?.Length > 1000)
        {
            return (null, Refusal.Invalid("Keep the message under 1,000 characters.", "message"));
        }

        if (toRegistrationId == me.Id || !await db.EventRegistrations.AnyAsync(r => r.Id == toRegistrationId && r.EventId == eventId, ct))
        {
            return (null, Refusal.Invalid("Choose another participant registered for this event.", "toRegistrationId"));
        }

        if (await db.MeetingRequests.AnyAsync(r => r.EventId == eventId && ((r.FromRegistrationId == me.Id && r.ToRegistrationId == toRegistrationId) || (r.FromRegistrationId == toRegistrationId && r.ToRegistrationId == me.Id)), ct))
        {
            return (null, Refusal.Conflict("There is already a request between you and this participant."));
        }

        var request = new MeetingRequest
        {
            EventId = eventId,
            FromRegistrationId = me.Id,
            ToRegistrationId = toRegistrationId,
            Priority = priority,
            Message = string.IsNullOrWhiteSpace(message) ? null : message.Trim(),
            Status = MeetingRequestStatus.Requested,
            CreatedAt = clock.GetUtcNow(),
        };
        db.MeetingRequests.Add(request);
        await notices.RequestReceivedAsync(request, ct);
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return (null, Refusal.Conflict("There is already a request between you and this participant."));
        }

        return (request, null);
    }

    /// <summary>The recipient accepts (a meeting to schedule is created, once) or declines a request.</summary>
    public async Task<Refusal?> AnswerAsync(int eventId, Actor actor, int requestId, bool accept, CancellationToken ct)
    {
        var me = await MyRegistrationAsync(eventId, actor, ct);
        var request = await db.MeetingRequests.FirstOrDefaultAsync(r => r.Id == requestId && r.EventId == eventId, ct);
        if (request is null)
        {
            return Refusal.NotFound($"There is no request {requestId} in this event.");
        }

        if (me is null || request.ToRegistrationId != me.Id || !actor.MayWrite)
        {
            return Refusal.Denied(actor, "Only the participant who was asked can answer a request.");
        }

        if (request.Status != MeetingRequestStatus.Requested)
        {
            return Refusal.Conflict($"This request was already {request.Status.ToString().ToLowerInvariant()}.");
        }

        request.Status = accept ? MeetingRequestStatus.Accepted : MeetingRequestStatus.Declined;
        request.AnsweredAt = clock.GetUtcNow();
        if (accept)
        {
            db.EventMeetings.Add(new EventMeeting
            {
                EventId = eventId,
                RequestId = request.Id,
                FirstRegistrationId = request.FromRegistrationId,
                SecondRegistrationId = request.ToRegistrationId,
                Weight = EventMeeting.WeightOf(request.Priority),
                CreatedAt = clock.GetUtcNow(),
            });
        }

        await notices.AnsweredAsync(request, ct);
        try
        {
            // The unique request id on meetings and the status check make a double accept (two tabs, two instances) fail, not duplicate.
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Refusal.Conflict("This request was answered at the same moment elsewhere.");
        }

        return null;
    }

    public async Task<List<RequestView>> RequestsAsync(int eventId, int registrationId, CancellationToken ct)
    {
        var names = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == eventId).ToDictionaryAsync(r => r.Id, r => Label(r), ct);
        return (await db.MeetingRequests.AsNoTracking().Where(r => r.EventId == eventId && (r.FromRegistrationId == registrationId || r.ToRegistrationId == registrationId)).OrderBy(r => r.Id).ToListAsync(ct))
            .Select(r => new RequestView(r.Id, r.FromRegistrationId, names[r.FromRegistrationId], r.ToRegistrationId, names[r.ToRegistrationId], r.Priority, r.Message, r.Status))
            .ToList();
    }

    /// <summary>Meetings of the event (or of one registrant), with their slot times, ordered by time.</summary>
    public async Task<List<MeetingView>> MeetingsAsync(MatchmakingEvent e, int? registrationId, CancellationToken ct, bool withCancelled = false)
    {
        var slots = Slots(e);
        var names = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == e.Id).ToDictionaryAsync(r => r.Id, r => Label(r), ct);
        // Cancelled meetings that had a slot stay listed for calendars, which must be told to drop them.
        var query = db.EventMeetings.AsNoTracking().Where(m => m.EventId == e.Id && (!m.Cancelled || (withCancelled && m.SlotIndex != null)));
        if (registrationId is { } id)
        {
            query = query.Where(m => m.FirstRegistrationId == id || m.SecondRegistrationId == id);
        }

        return (await query.ToListAsync(ct))
            .Select(m => View(m, slots, names))
            .OrderBy(m => m.Start ?? DateTimeOffset.MaxValue).ThenBy(m => m.Table).ThenBy(m => m.Id)
            .ToList();
    }

    /// <summary>A meeting as pages, calendars and notices show it: its slot's times, and the two sides by name.</summary>
    public static MeetingView View(EventMeeting m, IReadOnlyList<PlannedSlot> slots, IReadOnlyDictionary<int, string> names)
    {
        var slot = m.SlotIndex is { } i && i < slots.Count ? slots[i] : null;
        return new MeetingView(m.Id, m.FirstRegistrationId, names[m.FirstRegistrationId], m.SecondRegistrationId, names[m.SecondRegistrationId], m.Weight,
            slot?.Index, slot?.Start.ToDateTimeOffset(), slot?.End.ToDateTimeOffset(), slot?.Session, slot is null ? null : m.Table, m.Pinned,
            m.Sequence, m.ChangedAt, m.Cancelled, m.Attendance);
    }

    /// <summary>Staff add a meeting between two registrants directly (it needs no request).</summary>
    public async Task<Refusal?> AddMeetingAsync(int eventId, Actor actor, int firstId, int secondId, int priority, CancellationToken ct)
    {
        if (!MayManage(actor))
        {
            return Refusal.Denied(actor, "Only program staff add meetings.");
        }

        var ids = new[] { firstId, secondId };
        if (firstId == secondId || await db.EventRegistrations.CountAsync(r => r.EventId == eventId && ids.Contains(r.Id), ct) != 2)
        {
            return Refusal.Invalid("Choose two different registered participants.", "secondRegistrationId");
        }

        db.EventMeetings.Add(new EventMeeting { EventId = eventId, FirstRegistrationId = firstId, SecondRegistrationId = secondId, Weight = EventMeeting.WeightOf(priority), CreatedAt = clock.GetUtcNow() });
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Staff pin a placed meeting where it is, unpin it, or cancel it.</summary>
    public async Task<Refusal?> ChangeMeetingAsync(int eventId, Actor actor, int meetingId, string change, CancellationToken ct)
    {
        if (!MayManage(actor))
        {
            return Refusal.Denied(actor, "Only program staff change meetings.");
        }

        var meeting = await db.EventMeetings.FirstOrDefaultAsync(m => m.Id == meetingId && m.EventId == eventId, ct);
        if (meeting is null)
        {
            return Refusal.NotFound($"There is no meeting {meetingId} in this event.");
        }

        switch (change)
        {
            case "pin" when meeting.SlotIndex is null:
                return Refusal.Invalid("Only a meeting with a slot can be pinned; schedule first.");
            case "pin": meeting.Pinned = true; break;
            case "unpin": meeting.Pinned = false; break;
            case "cancel" when meeting.Cancelled:
                return Refusal.Conflict("This meeting is already cancelled.");
            case "cancel": meeting.Cancelled = true; meeting.Pinned = false; meeting.Revise(clock.GetUtcNow()); await notices.MeetingCancelledAsync(meeting, ct); break;
            default: return Refusal.Invalid("Change must be pin, unpin or cancel.", "change");
        }

        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>An instant as people at a place read it ("Tue 1 Dec 09:25"), or <paramref name="none"/> when unplaced.</summary>
    public static string ShownAt(DateTimeOffset? instant, DateTimeZone zone, string none) =>
        instant is { } i ? Instant.FromDateTimeOffset(i).InZone(zone).ToString("ddd d MMM HH:mm", System.Globalization.CultureInfo.InvariantCulture) : none;

    /// <summary>The participant's meetings as an iCalendar file, once they are registered and the schedule is published.</summary>
    public async Task<(byte[]? Ics, Refusal? Refusal)> CalendarAsync(int eventId, Actor actor, CancellationToken ct)
    {
        if (await FindAsync(eventId, actor, ct) is not { } e)
        {
            return (null, NotFound(eventId));
        }

        if (await MyRegistrationAsync(eventId, actor, ct) is not { } me)
        {
            return (null, Refusal.Denied(actor, "Your calendar is ready once you are registered."));
        }

        if (!e.SchedulePublished && !actor.IsStaff)
        {
            // Before the schedule is out, the file holds the event's sessions so the days are blocked in the calendar.
            var sessions = EventCalendar.Sessions(EventViews.ToDto(e), Slots(e)).ToList();
            var early = EventCalendar.Write(e.Name, $"event-{e.Id}-registration-{me.Id}", sessions, clock.GetUtcNow());
            return (System.Text.Encoding.UTF8.GetBytes(early), null);
        }

        var dto = EventViews.ToDto(e);
        List<CalendarItem> items = [.. EventCalendar.Meetings(dto, await MeetingsAsync(e, me.Id, ct, withCancelled: true), me.Id)];
        if (items.Count == 0)
        {
            items.AddRange(EventCalendar.Sessions(dto, Slots(e)));
        }

        var ics = EventCalendar.Write(e.Name, $"event-{e.Id}-registration-{me.Id}", items, clock.GetUtcNow());
        return (System.Text.Encoding.UTF8.GetBytes(ics), null);
    }

    /// <summary>"Andi Rahman, Makassar City Government": the person once, then the organization.</summary>
    public static string Label(EventRegistration r) => r.OrganizationName is null ? r.DisplayName : $"{PersonName(r)}, {r.OrganizationName}";

    /// <summary>The person's name without a trailing "(place)" when the organization already says where they are from.</summary>
    public static string PersonName(EventRegistration r)
    {
        var name = r.DisplayName.Trim();
        var open = name.LastIndexOf(" (", StringComparison.Ordinal);
        return r.OrganizationName is not null && open > 0 && name.EndsWith(')') ? name[..open] : name;
    }

    public static string PriorityWord(int priority) => priority switch { >= 3 => "Must meet", 2 => "Want to meet", _ => "Nice to meet" };

    /// <summary>The words both the participants list and the requests list use for a request's state.</summary>
    public static string StatusWord(MeetingRequestStatus status) => status switch
    {
        MeetingRequestStatus.Requested => "Waiting for an answer",
        MeetingRequestStatus.Accepted => "Accepted",
        MeetingRequestStatus.Declined => "Declined",
        _ => "Cancelled",
    };
}
