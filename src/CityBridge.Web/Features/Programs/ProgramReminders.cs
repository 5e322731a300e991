using CityBridge.Core.Programs;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CityBridge.Web.Features.Programs;

/// <summary>
/// Queues the day-before reminder for every approved participant of a published program, once per registration: the
/// reminder mark's unique registration id makes a second instance's (or a second pass's) insert fail with its e-mail.
/// </summary>
public sealed class ProgramReminders(IServiceScopeFactory scopes, TimeProvider clock, IOptions<ProgramOptions> options, ILogger<ProgramReminders> logger) : RepeatingPass(logger)
{
    protected override TimeSpan Interval => options.Value.ReminderInterval;

    protected override string Name => "Program reminder pass";

    protected override Task PassAsync(CancellationToken ct) => RunPassAsync(ct);

    /// <summary>One pass: returns how many reminders this pass queued.</summary>
    public async Task<int> RunPassAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CityBridgeDb>();
        var flow = scope.ServiceProvider.GetRequiredService<ProgramWorkflow>();
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        // Dates bound the candidates in SQL (a day either side covers every time zone); the exact window is checked here.
        var programs = await db.Programs.AsNoTracking().Include(p => p.Sessions)
            .Where(p => p.IsPublished && p.StartDate >= today.AddDays(-1) && p.StartDate <= today.AddDays(2)).ToListAsync(ct);
        var queued = 0;
        foreach (var program in programs)
        {
            var start = ProgramWorkflow.StartOf(program).ToDateTimeOffset();
            if (now < start.AddDays(-1) || now >= start)
            {
                continue;
            }

            var due = await db.ProgramRegistrations.AsNoTracking()
                .Where(r => r.ProgramId == program.Id && r.Status == RegistrationStatus.Approved && !db.ProgramReminders.Any(m => m.RegistrationId == r.Id))
                .ToListAsync(ct);
            foreach (var registration in due)
            {
                db.ProgramReminders.Add(new ProgramReminder { RegistrationId = registration.Id, QueuedAt = now });
                flow.Notify(program, registration, "program-reminder");
                try
                {
                    await db.SaveChangesAsync(ct);
                    queued++;
                }
                catch (DbUpdateException)
                {
                    // Another pass queued this one first; its reminder and e-mail stand, ours rolled back together.
                }
                finally
                {
                    db.ChangeTracker.Clear();
                }
            }
        }

        return queued;
    }
}
