using System.Globalization;
using CityBridge.Core.Programs;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Email;
using CityBridge.Web.Features.Events;
using CityBridge.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using NodaTime;

namespace CityBridge.Web.Features.Programs;

/// <summary>Settings of programs (section <c>Programs</c>).</summary>
public sealed class ProgramOptions
{
    /// <summary>Whole days an expert delegation needs between visits in different countries.</summary>
    public int TravelDaysBetweenCountries { get; set; } = 1;

    /// <summary>How often the reminder service looks for programs starting within a day.</summary>
    public TimeSpan ReminderInterval { get; set; } = TimeSpan.FromMinutes(5);
}

/// <summary>A registration as staff and the registrant see it.</summary>
public sealed record RegistrationView(int Id, string DisplayName, string Email, int? OrganizationId, string? OrganizationName, int? ProjectId, string? ProjectTitle,
    RegistrationStatus Status, DateTimeOffset AppliedAt, DateTimeOffset? CheckedInAt, bool HasFeedback);

/// <summary>The rules of programs, shared by pages and API so both enforce the same things.</summary>
public sealed class ProgramWorkflow(CityBridgeDb db, TimeProvider clock, IOptions<ProgramOptions> options, Shared.PublicUrls urls)
{
    public static readonly string[] Actions = ["approve", "waitlist", "cancel", "checkin"];

    public static bool MayManage(Actor actor) => actor.IsStaffWriter;

    /// <summary>City officials join every kind but expert delegations; providers trade-show and sector programs; experts expert delegations.</summary>
    public static bool MayRegister(Actor actor, ProgramKind kind) => kind switch
    {
        ProgramKind.Workshop => actor.IsCityOfficial,
        ProgramKind.TradeShowDelegation or ProgramKind.SectorProgram => actor.IsCityOfficial || actor.IsProvider,
        ProgramKind.ExpertDelegation => actor.Roles.Contains(Roles.Expert),
        _ => false,
    };

    public async Task<TradeProgram?> FindAsync(int id, Actor actor, CancellationToken ct)
    {
        var found = await db.Programs.AsNoTracking().Include(p => p.Sessions).FirstOrDefaultAsync(p => p.Id == id, ct);
        return found is not null && (found.IsPublished || actor.IsStaff) ? found : null;
    }

    public static DateTimeZone ZoneOf(TradeProgram p) => EventWorkflow.ZoneOf(p.TimeZone);

    /// <summary>The program starts with its first session, or at midnight of its first day when it has none.</summary>
    public static Instant StartOf(TradeProgram p)
    {
        var first = p.Sessions.Where(s => s.Date == p.StartDate).Select(s => (TimeOnly?)s.Start).Min() ?? TimeOnly.MinValue;
        return LocalDate.FromDateOnly(p.StartDate).At(LocalTime.FromTimeOnly(first)).InZoneLeniently(ZoneOf(p)).ToInstant();
    }

    public Task<ProgramRegistration?> MyRegistrationAsync(int programId, Actor actor, CancellationToken ct) =>
        actor.UserId is null ? Task.FromResult<ProgramRegistration?>(null)
            : db.ProgramRegistrations.AsNoTracking().FirstOrDefaultAsync(r => r.ProgramId == programId && r.UserId == actor.UserId, ct);

    /// <summary>The projects a registrant may link: a city official's own city's projects.</summary>
    public async Task<List<(int Id, string Title)>> LinkableProjectsAsync(Actor actor, CancellationToken ct) =>
        actor.IsCityOfficial && actor.CityId is { } cityId
            ? (await db.Projects.AsNoTracking().Where(p => p.CityId == cityId).OrderBy(p => p.Title).Select(p => new { p.Id, p.Title }).ToListAsync(ct)).Select(p => (p.Id, p.Title)).ToList()
            : [];

    /// <summary>Staff create a program with its agenda.</summary>
    public async Task<(TradeProgram? Saved, Refusal? Refusal)> CreateAsync(ProgramInput input, Actor actor, CancellationToken ct)
    {
        if (!MayManage(actor))
        {
            return (null, Refusal.Denied(actor, "Only program staff create programs."));
        }

        var errors = input.Validate();
        if (!errors.IsEmpty)
        {
            return (null, Refusal.Invalid(errors));
        }

        var program = new TradeProgram { Name = input.Name, TimeZone = input.TimeZone };
        input.ApplyTo(program);
        db.Programs.Add(program);
        await db.SaveChangesAsync(ct);
        return (program, null);
    }

    /// <summary>
    /// Staff change a program; a stale version is a conflict. Approved participants get the agenda-changed e-mail in the
    /// same save.
    /// </summary>
    public async Task<(TradeProgram? Saved, Refusal? Refusal)> UpdateAsync(int id, ProgramInput input, Actor actor, CancellationToken ct)
    {
        if (!MayManage(actor))
        {
            return (null, Refusal.Denied(actor, "Only program staff change programs."));
        }

        var program = await db.Programs.Include(x => x.Sessions).FirstOrDefaultAsync(x => x.Id == id, ct);
        if (program is null)
        {
            return (null, NotFound(id));
        }

        var errors = input.Validate();
        if (!errors.IsEmpty)
        {
            return (null, Refusal.Invalid(errors));
        }

        if (input.Version is { } version && version != program.Version)
        {
            return (null, Refusal.Conflict("The program was changed since you read it; reload and try again."));
        }

        if (input.ApplyTo(program))
        {
            program.AgendaRevision++;
            await NotifyAgendaChangedAsync(program, ct);
        }

        // A change to the sessions alone is a change of the program: its version moves on, so a stale edit conflicts.
        db.Entry(program).Property(x => x.Version).IsModified = true;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            return (null, Refusal.Conflict("The program was changed at the same moment; reload and try again."));
        }

        return (program, null);
    }

    /// <summary>Staff delete a program nobody holds a registration in.</summary>
    public async Task<Refusal?> DeleteAsync(int id, Actor actor, CancellationToken ct)
    {
        if (!MayManage(actor))
        {
            return Refusal.Denied(actor, "Only program staff delete programs.");
        }

        var program = await db.Programs.FirstOrDefaultAsync(x => x.Id == id, ct);
        if (program is null)
        {
            return NotFound(id);
        }

        if (await db.ProgramRegistrations.AnyAsync(r => r.ProgramId == id && r.Status != RegistrationStatus.Cancelled, ct))
        {
            return Refusal.Conflict("The program has registrations; cancel them first.");
        }

        db.Programs.Remove(program);
        await db.SaveChangesAsync(ct);
        return null;
    }

    public static Refusal NotFound(int id) => Refusal.NotFound($"There is no program with id {id}.");

    public async Task<(ProgramRegistration? Registration, Refusal? Refusal)> ApplyAsync(int programId, Actor actor, int? projectId, CancellationToken ct)
    {
        var program = await FindAsync(programId, actor, ct);
        if (program is null)
        {
            return (null, NotFound(programId));
        }

        if (!actor.IsSignedIn || !actor.MayWrite || !MayRegister(actor, program.Kind))
        {
            return (null, Refusal.Denied(actor, program.Kind switch
            {
                ProgramKind.Workshop => "City officials register for workshops; sign in as one.",
                ProgramKind.ExpertDelegation => "Expert advisors join expert delegations; sign in as one.",
                _ => "City officials and providers register for this program; sign in as one.",
            }));
        }

        if (projectId is { } pid && !(await LinkableProjectsAsync(actor, ct)).Any(p => p.Id == pid))
        {
            return (null, Refusal.Invalid("Link one of your own city's priority projects.", "projectId"));
        }

        if (program.Kind == ProgramKind.Workshop && projectId is null)
        {
            return (null, Refusal.Invalid("Workshop participants bring one priority project: choose it.", "projectId"));
        }

        var seats = await db.ProgramRegistrations.Where(r => r.ProgramId == programId).ToListAsync(ct);
        if (RegistrationRules.CanApply(seats.Select(s => s.ToSeat()), actor.UserId!) is { } refusal)
        {
            return (null, Refusal.Conflict(refusal));
        }

        var user = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => new { u.FullName, u.Email }).FirstAsync(ct);
        var registration = seats.FirstOrDefault(s => s.UserId == actor.UserId);
        if (registration is null)
        {
            registration = new ProgramRegistration { ProgramId = programId, UserId = actor.UserId!, Email = user.Email ?? string.Empty, DisplayName = string.IsNullOrWhiteSpace(user.FullName) ? actor.Name : user.FullName };
            db.ProgramRegistrations.Add(registration);
        }

        registration.OrganizationId = actor.OrganizationId;
        registration.ProjectId = projectId;
        registration.Status = RegistrationStatus.Applied;
        registration.AppliedAt = clock.GetUtcNow();
        registration.WaitlistedAt = null;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return (null, Refusal.Conflict("You are already registered for this program."));
        }

        return (registration, null);
    }

    /// <summary>Staff approve, waitlist, cancel or check in a registration; a registrant may cancel their own. E-mails go in the same save.</summary>
    public async Task<Refusal?> ChangeAsync(int programId, int registrationId, string action, Actor actor, CancellationToken ct)
    {
        var program = await db.Programs.Include(p => p.Sessions).FirstOrDefaultAsync(p => p.Id == programId, ct);
        var registrations = program is null ? [] : await db.ProgramRegistrations.Where(r => r.ProgramId == programId).ToListAsync(ct);
        var target = registrations.FirstOrDefault(r => r.Id == registrationId);
        if (program is null || target is null || (!program.IsPublished && !actor.IsStaff))
        {
            return Refusal.NotFound($"There is no registration {registrationId} in program {programId}.");
        }

        var own = actor.UserId is not null && target.UserId == actor.UserId && actor.MayWrite;
        if (!MayManage(actor) && !(own && action == "cancel"))
        {
            return Refusal.Denied(actor, "Only program staff manage registrations; you may cancel your own.");
        }

        var seats = registrations.Select(r => r.ToSeat()).ToList();
        var decision = action switch
        {
            "approve" => RegistrationRules.Approve(seats, registrationId, program.Capacity),
            "waitlist" => RegistrationRules.Waitlist(seats, registrationId, program.Capacity),
            "cancel" => RegistrationRules.Cancel(seats, registrationId, program.Capacity),
            "checkin" => RegistrationRules.CheckIn(seats, registrationId),
            _ => null,
        };
        if (decision is null)
        {
            return Refusal.Invalid($"'{action}' is not an action; use {string.Join(", ", Actions)}.", "action");
        }

        if (decision.Refusal is { } refusal)
        {
            return Refusal.Conflict(refusal);
        }

        var now = clock.GetUtcNow();
        var changedUsers = decision.Changes.Select(c => registrations.Single(r => r.Id == c.RegistrationId).UserId).ToList();
        // People who switched decisions off on /My/Notices still see them under My programs (/Programs/Mine), only not by e-mail.
        var quiet = await My.Notices.SwitchedOffAsync(db, changedUsers, My.NoticeKinds.RegistrationDecision, ct);
        foreach (var change in decision.Changes)
        {
            var registration = registrations.Single(r => r.Id == change.RegistrationId);
            var from = registration.Status;
            registration.Status = change.To;
            if (change.To == RegistrationStatus.Waitlisted)
            {
                registration.WaitlistedAt = now;
            }

            if (change.To == RegistrationStatus.CheckedIn)
            {
                registration.CheckedInAt = now;
            }

            var template = (from, change.To) switch
            {
                (RegistrationStatus.Waitlisted, RegistrationStatus.Approved) when registration.Id != registrationId => "registration-promoted",
                (_, RegistrationStatus.Approved) => "registration-approved",
                (_, RegistrationStatus.Waitlisted) => "registration-waitlisted",
                _ => null,
            };
            if (template is not null && !quiet.Contains(registration.UserId))
            {
                Notify(program, registration, template);
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Refusal.Conflict("The registrations changed at the same moment; reload and try again.");
        }

        return null;
    }

    /// <summary>Staff invite people by the e-mail of their account or contact record; each gets the invitation e-mail.</summary>
    public async Task<Refusal?> InviteAsync(int programId, IReadOnlyList<string> emails, Actor actor, CancellationToken ct)
    {
        if (!MayManage(actor))
        {
            return Refusal.Denied(actor, "Only program staff invite participants.");
        }

        var program = await db.Programs.AsNoTracking().Include(p => p.Sessions).FirstOrDefaultAsync(p => p.Id == programId, ct);
        if (program is null)
        {
            return NotFound(programId);
        }

        var wanted = emails.Select(e => e.Trim()).Where(e => e.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        if (wanted.Count == 0)
        {
            return Refusal.Invalid("Give at least one e-mail address.", "emails");
        }

        if (wanted.FirstOrDefault(e => !Shared.MailAddresses.IsValid(e)) is { } bad)
        {
            return Refusal.Invalid($"'{bad}' is not a valid e-mail address, such as name@example.com.", "emails");
        }

        var lowered = wanted.Select(e => e.ToLowerInvariant()).ToList();
        var accounts = await db.Users.AsNoTracking().Where(u => u.Email != null && lowered.Contains(u.Email.ToLower())).Select(u => new { u.Email, u.FullName }).ToListAsync(ct);
        var contacts = await db.Contacts.AsNoTracking().Where(c => lowered.Contains(c.Email.ToLower())).Select(c => new { c.Email, c.FullName }).ToListAsync(ct);
        var names = accounts.Select(a => (Email: a.Email!, Name: a.FullName)).Concat(contacts.Select(c => (Email: c.Email, Name: c.FullName)))
            .GroupBy(x => x.Email, StringComparer.OrdinalIgnoreCase).ToDictionary(g => g.Key, g => g.First().Name, StringComparer.OrdinalIgnoreCase);
        var unknown = wanted.Where(e => !names.ContainsKey(e)).ToList();
        if (unknown.Count > 0)
        {
            return Refusal.Invalid($"No account or contact has the e-mail {string.Join(", ", unknown)}.", "emails");
        }

        var inviter = await db.Users.AsNoTracking().Where(u => u.Id == actor.UserId).Select(u => u.FullName).FirstOrDefaultAsync(ct);
        foreach (var email in wanted)
        {
            var values = Values(program, names[email]);
            values["inviter"] = string.IsNullOrWhiteSpace(inviter) ? "CityBridge program staff" : inviter;
            var mail = TextTemplate.Render("program-invitation", values);
            db.Enqueue(email, mail.Subject, mail.Body, clock);
        }

        await db.SaveChangesAsync(ct);
        return null;
    }

    /// <summary>Tells approved participants that the agenda changed; the caller saves it with the change.</summary>
    public async Task NotifyAgendaChangedAsync(TradeProgram program, CancellationToken ct)
    {
        var participants = await db.ProgramRegistrations.AsNoTracking()
            .Where(r => r.ProgramId == program.Id && (r.Status == RegistrationStatus.Approved || r.Status == RegistrationStatus.CheckedIn)).ToListAsync(ct);
        var agenda = string.Join("\n", ProgramViews.Agenda(program).Select(s => string.Create(CultureInfo.InvariantCulture, $"- {s.Date:ddd d MMM yyyy} {s.Start:HH\\:mm}-{s.End:HH\\:mm} {s.Title}")));
        foreach (var registration in participants)
        {
            var values = Values(program, registration.DisplayName);
            values["agenda"] = agenda.Length == 0 ? "(no sessions yet)" : agenda;
            var mail = TextTemplate.Render("agenda-changed", values);
            db.Enqueue(registration.Email, mail.Subject, mail.Body, clock);
        }
    }

    /// <summary>Queues the e-mail <paramref name="template"/> to a registrant; it is stored by the caller's next save.</summary>
    public void Notify(TradeProgram program, ProgramRegistration registration, string template)
    {
        var mail = TextTemplate.Render(template, Values(program, registration.DisplayName));
        db.Enqueue(registration.Email, mail.Subject, mail.Body, clock);
    }

    public Dictionary<string, string> Values(TradeProgram program, string name) => new()
    {
        ["name"] = name,
        ["program"] = program.Name,
        ["kind"] = ProgramViews.KindName(program.Kind),
        ["dates"] = ProgramViews.Dates(program),
        ["place"] = program.Place ?? "the venue",
        ["timeZone"] = program.TimeZone,
        ["link"] = urls.Absolute($"/Programs/Details/{program.Id}"),
    };

    public async Task<List<RegistrationView>> RegistrationsAsync(int programId, string? onlyUserId, CancellationToken ct)
    {
        var query = db.ProgramRegistrations.AsNoTracking().Where(r => r.ProgramId == programId);
        if (onlyUserId is not null)
        {
            query = query.Where(r => r.UserId == onlyUserId);
        }

        // Ordered in memory: SQLite cannot order DateTimeOffset values in SQL.
        var rows = (await query.ToListAsync(ct)).OrderBy(r => r.AppliedAt).ThenBy(r => r.Id).ToList();
        var orgIds = rows.Where(r => r.OrganizationId != null).Select(r => r.OrganizationId!.Value).Distinct().ToList();
        var projectIds = rows.Where(r => r.ProjectId != null).Select(r => r.ProjectId!.Value).Distinct().ToList();
        var orgs = await db.Organizations.AsNoTracking().Where(o => orgIds.Contains(o.Id)).ToDictionaryAsync(o => o.Id, o => o.Name, ct);
        var projects = await db.Projects.AsNoTracking().Where(p => projectIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, p => p.Title, ct);
        var ids = rows.Select(r => r.Id).ToList();
        var answered = (await db.ProgramFeedback.AsNoTracking().Where(f => ids.Contains(f.RegistrationId)).Select(f => f.RegistrationId).ToListAsync(ct)).ToHashSet();
        return rows.Select(r => new RegistrationView(r.Id, r.DisplayName, r.Email, r.OrganizationId, r.OrganizationId is { } o ? orgs.GetValueOrDefault(o) : null,
            r.ProjectId, r.ProjectId is { } p ? projects.GetValueOrDefault(p) : null, r.Status, r.AppliedAt, r.CheckedInAt, answered.Contains(r.Id))).ToList();
    }

    /// <summary>A participant who was approved gives feedback once, after the program has started.</summary>
    public async Task<Refusal?> GiveFeedbackAsync(int programId, Actor actor, int? score, string? comment, CancellationToken ct)
    {
        var program = await FindAsync(programId, actor, ct);
        if (program is null)
        {
            return NotFound(programId);
        }

        var registration = await MyRegistrationAsync(programId, actor, ct);
        if (registration is null || !actor.MayWrite || !RegistrationRules.HoldsSeat(registration.Status))
        {
            return Refusal.Denied(actor, "Participants of the program give feedback.");
        }

        if (clock.GetUtcNow() < StartOf(program).ToDateTimeOffset())
        {
            return Refusal.Conflict("Feedback opens when the program starts.");
        }

        if (score is not (>= 1 and <= 5))
        {
            return Refusal.Invalid("Give a score from 1 (poor) to 5 (excellent).", "score");
        }

        if (comment?.Length > 2000)
        {
            return Refusal.Invalid("Keep the comment under 2,000 characters.", "comment");
        }

        db.ProgramFeedback.Add(new ProgramFeedback { ProgramId = programId, RegistrationId = registration.Id, Score = score.Value, Comment = string.IsNullOrWhiteSpace(comment) ? null : comment.Trim(), SubmittedAt = clock.GetUtcNow() });
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            return Refusal.Conflict("You have already given feedback for this program.");
        }

        return null;
    }

    public int TravelDays => options.Value.TravelDaysBetweenCountries;
}
