using System.Globalization;
using System.Security.Cryptography;
using CityBridge.Core.Dashboards;
using CityBridge.Core.Domain;
using CityBridge.Core.Scheduling;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Email;
using CityBridge.Web.Features.Pipeline;
using CityBridge.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Events;

/// <summary>A participant found at the check-in desk, with their meetings of the event.</summary>
public sealed record CheckInView(int RegistrationId, string Name, string? OrganizationName, bool AlreadyCheckedIn, DateTimeOffset CheckedInAt, IReadOnlyList<MeetingView> Meetings);

/// <summary>A place (slot and table) a no-show or late cancellation freed, and the unplaced meetings that could take it.</summary>
public sealed record FreedSlot(int SlotIndex, int Table, DateTimeOffset Start, string Session, string Why, IReadOnlyList<MeetingView> Candidates);

/// <summary>An event's funnel from requests to contracts, with its two rates.</summary>
public sealed record EventFunnel(int EventId, string EventName, int RequestsSent, int Accepted, int Scheduled, int Held, int NoShows, int FollowUps, int Opportunities, int Contracts)
{
    /// <summary>Accepted requests as a share of those sent; null before any request.</summary>
    public double? AcceptanceRate => RequestsSent == 0 ? null : (double)Accepted / RequestsSent;

    /// <summary>No-shows as a share of the meetings whose attendance was marked.</summary>
    public double? NoShowRate => Held + NoShows == 0 ? null : (double)NoShows / (Held + NoShows);

    public IReadOnlyList<(string Stage, int Count)> Stages =>
    [
        ("Requests sent", RequestsSent), ("Accepted", Accepted), ("Scheduled", Scheduled), ("Held", Held),
        ("Follow-ups wanted", FollowUps), ("Opportunities", Opportunities), ("Contracts", Contracts),
    ];

    public ChartData ToChart() => new("funnel", $"Meeting funnel of {EventName}", "", ["Count"],
        [.. Stages.Select(s => new ChartRow(s.Stage, [s.Count]))]);

    public string ToCsv()
    {
        var lines = new List<string> { "stage,count" };
        lines.AddRange(Stages.Select(s => string.Create(CultureInfo.InvariantCulture, $"{s.Stage},{s.Count}")));
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"No-shows,{NoShows}"));
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"Acceptance rate,{AcceptanceRate:0.000}"));
        lines.Add(string.Create(CultureInfo.InvariantCulture, $"No-show rate,{NoShowRate:0.000}"));
        return string.Join("\r\n", lines) + "\r\n";
    }
}

/// <summary>The event day: check-in at the desk, attendance of each meeting, freed places refilled, ratings and the funnel.</summary>
public sealed class EventDay(CityBridgeDb db, EventWorkflow flow, My.MeetingNotices notices, TimeProvider clock)
{
    private const string CodeAlphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    /// <summary>Eight characters without look-alikes (no 0/O, 1/I), easy to type when the camera fails.</summary>
    public static string NewCheckInCode() => string.Create(8, 0, (span, _) =>
    {
        for (var i = 0; i < span.Length; i++)
        {
            span[i] = CodeAlphabet[RandomNumberGenerator.GetInt32(CodeAlphabet.Length)];
        }
    });

    /// <summary>The zones a participant most likely wants: the event's, then their organization's city's.</summary>
    public async Task<IReadOnlyList<ZoneChoice>> LikelyZonesAsync(string eventZone, int? organizationId, CancellationToken ct)
    {
        var cityZone = organizationId is { } orgId
            ? await db.Organizations.AsNoTracking().Where(o => o.Id == orgId && o.City != null).Select(o => o.City!.TimeZone).FirstOrDefaultAsync(ct)
            : null;
        return TimeZonePicker.Likely(clock.GetUtcNow(), eventZone, cityZone);
    }

    public static string NormalizeCode(string? code) =>
        string.Concat((code ?? string.Empty).Where(char.IsAsciiLetterOrDigit)).ToUpperInvariant();

    /// <summary>The registration's code; registrations from before check-in existed get theirs on first use.</summary>
    public async Task<string> CheckInCodeAsync(int registrationId, CancellationToken ct)
    {
        var registration = await db.EventRegistrations.SingleAsync(r => r.Id == registrationId, ct);
        if (registration.CheckInCode is null)
        {
            registration.CheckInCode = NewCheckInCode();
            await db.SaveChangesAsync(ct);
        }

        return registration.CheckInCode;
    }

    public async Task<(CheckInView? Found, Refusal? Refusal)> CheckInAsync(int eventId, Actor actor, string? code, CancellationToken ct)
    {
        if (!EventWorkflow.MayManage(actor))
        {
            return (null, Refusal.Denied(actor, "Only program staff check participants in."));
        }

        if (await db.Events.AsNoTracking().Include(e => e.Sessions).FirstOrDefaultAsync(e => e.Id == eventId, ct) is not { } e)
        {
            return (null, Refusal.NotFound($"There is no event with id {eventId}."));
        }

        var normalized = NormalizeCode(code);
        if (normalized.Length == 0)
        {
            return (null, Refusal.Invalid("Scan the code on the participant's agenda or type it.", "code"));
        }

        var registration = await db.EventRegistrations.FirstOrDefaultAsync(r => r.EventId == eventId && r.CheckInCode == normalized, ct);
        if (registration is null)
        {
            return (null, Refusal.NotFound($"No participant of this event has the code {normalized}; check it on their agenda.", "code"));
        }

        var already = registration.CheckedInAt is not null;
        // Whole microseconds, as PostgreSQL keeps them, so the first answer and later ones give the same instant.
        var now = clock.GetUtcNow();
        registration.CheckedInAt ??= now.AddTicks(-(now.Ticks % 10));
        await db.SaveChangesAsync(ct);
        var meetings = await flow.MeetingsAsync(e, registration.Id, ct);
        return (new CheckInView(registration.Id, EventWorkflow.PersonName(registration), registration.OrganizationName, already, registration.CheckedInAt.Value, meetings), null);
    }

    /// <summary>Either side or staff mark a meeting held or a no-show, from its start on.</summary>
    public async Task<Refusal?> MarkAsync(int eventId, Actor actor, int meetingId, MeetingAttendance? marked, CancellationToken ct)
    {
        var (meeting, e, refusal) = await MeetingForAsync(eventId, actor, meetingId, ct);
        if (refusal is not null)
        {
            return refusal;
        }

        if (marked is not { } attendance || (attendance == MeetingAttendance.Unknown && !EventWorkflow.MayManage(actor)))
        {
            return Refusal.Invalid("Mark the meeting Held or NoShow.", "attendance");
        }

        var slots = EventWorkflow.Slots(e!);
        if (meeting!.SlotIndex is not { } index || index >= slots.Count || meeting.Cancelled)
        {
            return Refusal.Conflict("Only a meeting with a place in the schedule can be marked.");
        }

        if (slots[index].Start.ToDateTimeOffset() > clock.GetUtcNow())
        {
            return Refusal.Conflict("The meeting has not started yet; mark it from its start time on.");
        }

        meeting.Attendance = attendance;
        meeting.AttendanceAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>One side rates a meeting in two taps; a wanted follow-up opens or moves on an opportunity in the pipeline.</summary>
    public async Task<Refusal?> RateAsync(int eventId, Actor actor, int meetingId, bool? rated, bool followUp, CancellationToken ct)
    {
        var me = await flow.MyRegistrationAsync(eventId, actor, ct);
        var meeting = await db.EventMeetings.FirstOrDefaultAsync(m => m.Id == meetingId && m.EventId == eventId, ct);
        if (meeting is null)
        {
            return Refusal.NotFound($"There is no meeting {meetingId} in this event.");
        }

        if (me is null || !actor.MayWrite || (meeting.FirstRegistrationId != me.Id && meeting.SecondRegistrationId != me.Id))
        {
            return Refusal.Denied(actor, "Only the two people who met rate a meeting.");
        }

        if (rated is not { } useful)
        {
            return Refusal.Invalid("Say whether the meeting was useful.", "useful");
        }

        if (meeting.Attendance != MeetingAttendance.Held)
        {
            return Refusal.Conflict("Rate the meeting once it is marked held.");
        }

        var feedback = await db.MeetingFeedback.FirstOrDefaultAsync(f => f.MeetingId == meetingId && f.RegistrationId == me.Id, ct);
        if (feedback is null)
        {
            feedback = new MeetingFeedback { MeetingId = meetingId, RegistrationId = me.Id };
            db.MeetingFeedback.Add(feedback);
        }

        feedback.Useful = useful;
        feedback.FollowUpWanted = followUp;
        feedback.SubmittedAt = clock.GetUtcNow();
        if (followUp)
        {
            feedback.OpportunityId = (await FollowUpAsync(eventId, meeting, ct))?.Id ?? feedback.OpportunityId;
        }

        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>The provider and the city project of the two sides: the pipeline record a follow-up belongs to.</summary>
    private async Task<Opportunity?> FollowUpAsync(int eventId, EventMeeting meeting, CancellationToken ct)
    {
        var ids = new[] { meeting.FirstRegistrationId, meeting.SecondRegistrationId };
        var orgIds = await db.EventRegistrations.AsNoTracking().Where(r => ids.Contains(r.Id) && r.OrganizationId != null).Select(r => r.OrganizationId!.Value).ToListAsync(ct);
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToListAsync(ct);
        var provider = orgs.FirstOrDefault(o => o.Kind == OrganizationKind.Provider);
        var city = orgs.FirstOrDefault(o => o.Kind == OrganizationKind.CityGovernment && o.CityId != null);
        if (provider is null || city is null)
        {
            return null;
        }

        var cityProjects = await db.Projects.AsNoTracking().Where(p => p.CityId == city.CityId).Select(p => p.Id).ToListAsync(ct);
        if (cityProjects.Count == 0)
        {
            return null;
        }

        // The project the matching engine ranks this provider best for, or the city's first one.
        var best = await db.Matches.AsNoTracking().Where(m => m.OrganizationId == provider.Id && cityProjects.Contains(m.ProjectId))
            .OrderByDescending(m => m.Score).Select(m => (int?)m.ProjectId).FirstOrDefaultAsync(ct) ?? cityProjects.Min();
        var eventName = await db.Events.Where(e => e.Id == eventId).Select(e => e.Name).FirstAsync(ct);
        var now = clock.GetUtcNow();
        var opportunity = await db.Opportunities.FirstOrDefaultAsync(o => o.ProviderId == provider.Id && o.ProjectId == best, ct);
        if (opportunity is null)
        {
            opportunity = new Opportunity { ProviderId = provider.Id, ProjectId = best, Stage = OpportunityStage.Met, CreatedAt = now };
            db.Opportunities.Add(opportunity);
        }
        else if (opportunity.Stage == OpportunityStage.Introduced)
        {
            opportunity.Stage = OpportunityStage.Met;
        }

        var note = $"Follow-up wanted after a meeting at {eventName}.";
        if (opportunity.Notes?.Contains(note, StringComparison.Ordinal) != true)
        {
            opportunity.Notes = string.IsNullOrWhiteSpace(opportunity.Notes) ? note : $"{opportunity.Notes}\n{note}";
        }

        opportunity.UpdatedAt = now;
        opportunity.Version = Guid.NewGuid();
        if (opportunity.Id == 0)
        {
            await db.SaveChangesAsync(ct);
        }

        return opportunity;
    }

    /// <summary>Places freed by a no-show or a late cancellation, with the unplaced meetings both of whose people are free then.</summary>
    public async Task<List<FreedSlot>> FreedSlotsAsync(MatchmakingEvent e, CancellationToken ct)
    {
        var slots = EventWorkflow.Slots(e);
        var all = await flow.MeetingsAsync(e, null, ct, withCancelled: true);
        var now = clock.GetUtcNow();
        var busy = all.Where(m => !m.Cancelled && m.Attendance != MeetingAttendance.NoShow && m.SlotIndex is not null)
            .SelectMany(m => new[] { (m.FirstId, m.SlotIndex!.Value), (m.SecondId, m.SlotIndex!.Value) }).ToHashSet();
        var taken = all.Where(m => !m.Cancelled && m.Attendance != MeetingAttendance.NoShow && m.SlotIndex is not null)
            .Select(m => (m.SlotIndex!.Value, m.Table ?? 0)).ToHashSet();
        var waiting = all.Where(m => !m.Cancelled && m.SlotIndex is null).ToList();
        return all.Where(m => m.SlotIndex is { } i && i < slots.Count && m.Table is not null && (m.Cancelled || m.Attendance == MeetingAttendance.NoShow))
            .Where(m => m.End > now && !taken.Contains((m.SlotIndex!.Value, m.Table!.Value)))
            .GroupBy(m => (m.SlotIndex!.Value, m.Table!.Value)).Select(g => g.First())
            .Select(m => new FreedSlot(m.SlotIndex!.Value, m.Table!.Value, m.Start!.Value, m.Session!, m.Cancelled ? "cancelled" : "no-show",
                [.. waiting.Where(w => !busy.Contains((w.FirstId, m.SlotIndex!.Value)) && !busy.Contains((w.SecondId, m.SlotIndex!.Value))).OrderByDescending(w => w.Weight)]))
            .OrderBy(f => f.Start).ThenBy(f => f.Table).ToList();
    }

    /// <summary>Staff put a waiting meeting into a freed place; both people are told by e-mail in the same transaction.</summary>
    public async Task<Refusal?> FillAsync(int eventId, Actor actor, int meetingId, int slotIndex, int table, CancellationToken ct)
    {
        if (!EventWorkflow.MayManage(actor))
        {
            return Refusal.Denied(actor, "Only program staff fill freed places.");
        }

        if (await db.Events.AsNoTracking().Include(e => e.Sessions).FirstOrDefaultAsync(e => e.Id == eventId, ct) is not { } e)
        {
            return Refusal.NotFound($"There is no event with id {eventId}.");
        }

        var place = (await FreedSlotsAsync(e, ct)).FirstOrDefault(f => f.SlotIndex == slotIndex && f.Table == table);
        if (place is null)
        {
            return Refusal.Conflict("That place is not free any more.");
        }

        if (place.Candidates.All(c => c.Id != meetingId))
        {
            return Refusal.Conflict("That meeting cannot take this place: it is placed already or one of its people is busy then.", "meetingId");
        }

        var meeting = await db.EventMeetings.SingleAsync(m => m.Id == meetingId, ct);
        meeting.SlotIndex = slotIndex;
        meeting.Table = table;
        meeting.Revise(clock.GetUtcNow());
        await notices.MeetingsMovedAsync(e, [meeting], ct);
        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>How long the scheduler may look for the best way to fill free places while staff wait at the desk.</summary>
    public static readonly TimeSpan FillTimeLimit = TimeSpan.FromSeconds(5);

    /// <summary>
    /// Staff fill every free place still ahead at once: the scheduler's repair of the published schedule places waiting
    /// meetings, most valued first, where both people are free. Every placed meeting keeps its place, a no-show's place
    /// counts as free, and only the people of newly placed meetings are told. Returns how many meetings got a place.
    /// </summary>
    public async Task<(int Placed, Refusal? Refusal)> FillWithSchedulerAsync(int eventId, Actor actor, CancellationToken ct)
    {
        if (!EventWorkflow.MayManage(actor))
        {
            return (0, Refusal.Denied(actor, "Only program staff fill freed places."));
        }

        if (await db.Events.AsNoTracking().Include(e => e.Sessions).FirstOrDefaultAsync(e => e.Id == eventId, ct) is not { } e)
        {
            return (0, Refusal.NotFound($"There is no event with id {eventId}."));
        }

        if (!e.SchedulePublished)
        {
            return (0, Refusal.Conflict("The schedule is not published yet: run the scheduler for the whole event instead."));
        }

        var slots = EventWorkflow.Slots(e);
        var now = clock.GetUtcNow();
        var ahead = slots.Where(s => s.Start.ToDateTimeOffset() > now).Select(s => $"s{s.Index}").ToList();
        var registrations = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == eventId).ToListAsync(ct);
        var meetings = await db.EventMeetings.Where(m => m.EventId == eventId && !m.Cancelled && m.Attendance != MeetingAttendance.NoShow).ToListAsync(ct);
        var waiting = meetings.Where(m => m.SlotIndex is null).ToDictionary(m => $"m{m.Id}");
        if (ahead.Count == 0 || waiting.Count == 0)
        {
            return (0, null);
        }

        // Published meetings are fixed where they are (repair without moves); waiting ones may only go to places ahead.
        var problem = EventScheduling.ToProblem(e, slots, registrations, meetings, allowMoves: false);
        problem = problem with { Meetings = [.. problem.Meetings.Select(m => waiting.ContainsKey(m.Id) ? m with { AllowedSlots = ahead } : m)] };
        var result = await Task.Run(() => MeetingScheduler.Schedule(problem, new SchedulerOptions { TimeLimit = FillTimeLimit }, ct), ct);
        if (result.Status is ScheduleStatus.Infeasible or ScheduleStatus.Unknown)
        {
            return (0, Refusal.Conflict(result.Status == ScheduleStatus.Infeasible
                ? $"The published schedule cannot stay as it is: {result.InfeasibleReason}"
                : "The scheduler found no way to fill the places in time; fill them one by one below."));
        }

        var placed = new List<EventMeeting>();
        foreach (var a in result.Scheduled.Where(a => waiting.ContainsKey(a.Meeting)))
        {
            var meeting = waiting[a.Meeting];
            (meeting.SlotIndex, meeting.Table) = EventScheduling.PlaceOf(a);
            meeting.Revise(now);
            placed.Add(meeting);
        }

        await notices.MeetingsMovedAsync(e, placed, ct);
        await db.SaveChangesAsync(ct);
        return (placed.Count, null);
    }

    public async Task<EventFunnel> FunnelAsync(MatchmakingEvent e, CancellationToken ct)
    {
        var requests = await db.MeetingRequests.AsNoTracking().Where(r => r.EventId == e.Id).Select(r => r.Status).ToListAsync(ct);
        var meetings = await db.EventMeetings.AsNoTracking().Where(m => m.EventId == e.Id).Select(m => new { m.Id, m.Cancelled, m.SlotIndex, m.Attendance }).ToListAsync(ct);
        var meetingIds = meetings.Select(m => m.Id).ToList();
        var feedback = await db.MeetingFeedback.AsNoTracking().Where(f => meetingIds.Contains(f.MeetingId) && f.FollowUpWanted).ToListAsync(ct);
        var opportunityIds = feedback.Where(f => f.OpportunityId != null).Select(f => f.OpportunityId!.Value).Distinct().ToList();
        var contracts = await db.Opportunities.AsNoTracking().CountAsync(o => opportunityIds.Contains(o.Id) && o.Stage == OpportunityStage.Won, ct);
        return new EventFunnel(
            e.Id,
            e.Name,
            requests.Count,
            requests.Count(s => s == MeetingRequestStatus.Accepted),
            meetings.Count(m => !m.Cancelled && m.SlotIndex != null),
            meetings.Count(m => m.Attendance == MeetingAttendance.Held),
            meetings.Count(m => m.Attendance == MeetingAttendance.NoShow),
            feedback.Select(f => f.MeetingId).Distinct().Count(),
            opportunityIds.Count,
            contracts);
    }

    private async Task<(EventMeeting? Meeting, MatchmakingEvent? Event, Refusal? Refusal)> MeetingForAsync(int eventId, Actor actor, int meetingId, CancellationToken ct)
    {
        var e = await db.Events.AsNoTracking().Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == eventId, ct);
        var meeting = e is null ? null : await db.EventMeetings.FirstOrDefaultAsync(m => m.Id == meetingId && m.EventId == eventId, ct);
        if (meeting is null)
        {
            return (null, null, Refusal.NotFound($"There is no meeting {meetingId} in this event."));
        }

        if (!EventWorkflow.MayManage(actor))
        {
            var me = await flow.MyRegistrationAsync(eventId, actor, ct);
            if (me is null || !actor.MayWrite || (meeting.FirstRegistrationId != me.Id && meeting.SecondRegistrationId != me.Id))
            {
                return (null, null, Refusal.Denied(actor, "Only the two people of a meeting, or staff, mark whether it was held."));
            }
        }

        return (meeting, e, null);
    }
}
