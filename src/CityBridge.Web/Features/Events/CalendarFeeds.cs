using System.Security.Cryptography;
using CityBridge.Core.Programs;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Programs;
using Microsoft.EntityFrameworkCore;
using NodaTime;

namespace CityBridge.Web.Features.Events;

/// <summary>
/// Personal calendar feeds: a secret token per user names a feed of all their meetings and program sessions,
/// which calendar apps re-read, so a moved or cancelled meeting reaches them without a new download.
/// </summary>
public sealed class CalendarFeeds(CityBridgeDb db, EventWorkflow events, IConfiguration configuration, TimeProvider clock)
{
    public Task<string?> TokenAsync(string userId, CancellationToken ct) =>
        db.CalendarFeeds.AsNoTracking().Where(f => f.UserId == userId).Select(f => f.Token).FirstOrDefaultAsync(ct);

    /// <summary>A new secret for the user; the old feed address stops working at once.</summary>
    public async Task<string> RenewAsync(string userId, CancellationToken ct)
    {
        var feed = await db.CalendarFeeds.FirstOrDefaultAsync(f => f.UserId == userId, ct);
        if (feed is null)
        {
            feed = new CalendarFeed { UserId = userId, Token = string.Empty };
            db.CalendarFeeds.Add(feed);
        }

        feed.Token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(24));
        feed.CreatedAt = clock.GetUtcNow();
        await db.SaveChangesAsync(ct);
        return feed.Token;
    }

    public Task<int> RevokeAsync(string userId, CancellationToken ct) =>
        db.CalendarFeeds.Where(f => f.UserId == userId).ExecuteDeleteAsync(ct);

    /// <summary>The feed's address for calendar apps (webcal://) and as https for the others.</summary>
    public (Uri Webcal, Uri Http) FeedUrls(string token)
    {
        var http = PublicUrl($"/calendar/{token}.ics");
        return (new UriBuilder(http) { Scheme = "webcal", Port = http.IsDefaultPort ? -1 : http.Port }.Uri, http);
    }

    /// <summary>The one place absolute links are built: from <c>CityBridge:PublicUrl</c>, never from the request.</summary>
    /// <remarks>Branch sec adds a PublicUrls service; this is the seam to switch to it.</remarks>
    public Uri PublicUrl(string path) => new(new Uri(configuration["CityBridge:PublicUrl"] ?? "http://127.0.0.1:5080"), path);

    /// <summary>The feed for a token, or null when no user has it (revoked or never issued).</summary>
    public async Task<string?> FeedAsync(string token, CancellationToken ct)
    {
        var userId = await db.CalendarFeeds.AsNoTracking().Where(f => f.Token == token).Select(f => f.UserId).FirstOrDefaultAsync(ct);
        if (userId is null)
        {
            return null;
        }

        var items = new List<CalendarItem>();
        var registrations = await db.EventRegistrations.AsNoTracking().Where(r => r.UserId == userId).ToListAsync(ct);
        var eventIds = registrations.Select(r => r.EventId).ToList();
        var found = await db.Events.AsNoTracking().Include(e => e.Sessions).Where(e => eventIds.Contains(e.Id)).ToListAsync(ct);
        foreach (var e in found)
        {
            var me = registrations.First(r => r.EventId == e.Id);
            var dto = EventViews.ToDto(e);
            var meetings = e.SchedulePublished
                ? EventCalendar.Meetings(dto, await events.MeetingsAsync(e, me.Id, ct, withCancelled: true), me.Id).ToList()
                : [];
            items.AddRange(meetings.Count > 0 ? meetings : EventCalendar.Sessions(dto, EventWorkflow.Slots(e)));
        }

        var programIds = await db.ProgramRegistrations.AsNoTracking()
            .Where(r => r.UserId == userId && (r.Status == RegistrationStatus.Approved || r.Status == RegistrationStatus.CheckedIn))
            .Select(r => r.ProgramId).ToListAsync(ct);
        var programs = await db.Programs.AsNoTracking().Include(p => p.Sessions).Where(p => programIds.Contains(p.Id)).ToListAsync(ct);
        items.AddRange(programs.SelectMany(ProgramItems));
        return EventCalendar.Write("CityBridge", $"feed-{token[..8]}", items, clock.GetUtcNow());
    }

    /// <summary>A program's agenda as a calendar file, for anyone who may see the program.</summary>
    public async Task<string?> ProgramAsync(int programId, Actor actor, CancellationToken ct)
    {
        var program = await db.Programs.AsNoTracking().Include(p => p.Sessions).FirstOrDefaultAsync(p => p.Id == programId, ct);
        return program is null || (!program.IsPublished && !actor.IsStaff) ? null
            : EventCalendar.Write(program.Name, $"program-{program.Id}", [.. ProgramItems(program)], clock.GetUtcNow());
    }

    /// <summary>Program sessions are kept in local time at the program's place; the file gets the instants.</summary>
    public static IEnumerable<CalendarItem> ProgramItems(TradeProgram program)
    {
        var zone = EventWorkflow.ZoneOf(program.TimeZone);
        DateTimeOffset At(DateOnly date, TimeOnly time) =>
            LocalDate.FromDateOnly(date).At(LocalTime.FromTimeOnly(time)).InZoneLeniently(zone).ToDateTimeOffset();
        return program.Sessions.Select(s => new CalendarItem(
            $"citybridge-program-{program.Id}-session-{s.Id}@citybridge",
            At(s.Date, s.Start),
            At(s.Date, s.End),
            $"{program.Name}: {s.Title}",
            program.Place,
            s.Speakers is { Length: > 0 } speakers ? $"Speakers: {speakers}" : null,
            program.AgendaRevision,
            program.UpdatedAt == default ? null : program.UpdatedAt));
    }
}
