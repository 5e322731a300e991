using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CityBridge.Core.Scheduling;
using CityBridge.Web.Features.Accounts;
using CityBridge.Web.Features.Events;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.TwoInstances;

/// <summary>
/// The kill -9 proof: a long job starts on instance A; the script kills A with SIGKILL while it runs; instance B must
/// take the job over when A's lease runs out and finish it with a complete, valid result.
/// </summary>
public sealed partial class TakeoverProof(Proof proof)
{
    private static readonly TimeSpan TakeoverTimeout = TimeSpan.FromSeconds(120);

    private static int PidOf(string variable) =>
        int.Parse(Environment.GetEnvironmentVariable(variable) ?? throw new ProofException($"{variable} is not set"), CultureInfo.InvariantCulture);

    /// <summary>Instance names in job rows are machine-pid-random, so the pid tells which instance owns a job.</summary>
    private static bool OwnedBy(string? owner, int pid) => owner is not null && owner.Contains($"-{pid}-", StringComparison.Ordinal);

    // ---- A big schedule.

    public async Task<IReadOnlyList<string>> StartScheduleAsync()
    {
        var staff = await proof.ClientsForEmailAsync(AccountSeeder.DemoStaffEmail);
        var shape = new EventShape(Participants: 150, Requests: 900, Slots: 28, Tables: 30, Sessions: 4, Seed: 7);
        var generated = EventGenerator.Generate(shape);
        var eventId = await ConcurrencyProof.CreateEventAsync(staff, $"Proof big event {proof.Run}", tables: shape.Tables!.Value, days: 2);
        await using (var db = proof.NewDb())
        {
            // The generated event goes straight into the tables, as an import would: its participants act through no account.
            var registrations = generated.Participants.ToDictionary(p => p.Id, p => new EventRegistration
            {
                EventId = eventId,
                UserId = $"proof-{proof.Run}-{p.Id}",
                DisplayName = $"Participant {p.Id}",
                RegisteredAt = DateTimeOffset.UtcNow,
            });
            db.EventRegistrations.AddRange(registrations.Values);
            await db.SaveChangesAsync();
            db.EventMeetings.AddRange(generated.Meetings.Select(m => new EventMeeting
            {
                EventId = eventId,
                FirstRegistrationId = registrations[m.Participants[0]].Id,
                SecondRegistrationId = registrations[m.Participants[1]].Id,
                Weight = m.Weight,
                CreatedAt = DateTimeOffset.UtcNow,
            }));
            await db.SaveChangesAsync();
        }

        using var response = await staff.At(0).PostAsJsonAsync($"/api/events/{eventId}/schedule", new { timeLimitSeconds = 25, allowMoves = true });
        if (response.StatusCode != HttpStatusCode.Accepted)
        {
            throw new ProofException($"starting the scheduler at A answered {(int)response.StatusCode}");
        }

        SchedulingJob job = null!;
        await Proof.WaitForAsync(async () =>
        {
            await using var db = proof.NewDb();
            job = await db.SchedulingJobs.AsNoTracking().Where(j => j.EventId == eventId).OrderByDescending(j => j.Id).FirstAsync();
            return job.State == SchedulingJob.Running && job.BestWeight > 0;
        }, TimeSpan.FromSeconds(60), $"an instance to run the big schedule of event {eventId} and report a first solution");
        var victim = await VictimAsync(job.Owner);
        Proof.Log($"big schedule: event {eventId} ({shape.Participants} participants, {generated.Meetings.Count} meetings, {shape.Tables} tables), job {job.Id} running at pid {victim}, best weight {job.BestWeight} so far");
        await proof.SaveStateAsync(new JsonObject { ["eventId"] = eventId, ["jobId"] = job.Id, ["victim"] = victim, ["killedAt"] = DateTimeOffset.UtcNow });
        return [];
    }

    /// <summary>The pid of the instance owning a job (the one the script kills), written where the script reads it.</summary>
    private async Task<int> VictimAsync(string? owner)
    {
        var victim = new[] { PidOf("PROOF_A_PID"), PidOf("PROOF_B_PID") }.FirstOrDefault(pid => OwnedBy(owner, pid));
        if (victim == 0)
        {
            throw new ProofException($"the job's owner '{owner}' is neither instance");
        }

        await File.WriteAllTextAsync(proof.Settings.StateFile + ".victim", victim.ToString(CultureInfo.InvariantCulture));
        return victim;
    }

    /// <summary>The instance that was not killed.</summary>
    private static int Survivor(JsonObject state) =>
        new[] { PidOf("PROOF_A_PID"), PidOf("PROOF_B_PID") }.Single(pid => pid != (int)state["victim"]!);

    public async Task<IReadOnlyList<string>> FinishScheduleAsync()
    {
        var state = await proof.LoadStateAsync();
        var (eventId, jobId) = ((int)state["eventId"]!, (int)state["jobId"]!);
        var survivor = Survivor(state);
        var violations = new List<string>();
        SchedulingJob job = null!;
        await Proof.WaitForAsync(async () =>
        {
            await using var db = proof.NewDb();
            job = await db.SchedulingJobs.AsNoTracking().SingleAsync(j => j.Id == jobId);
            return job.State is SchedulingJob.Finished or SchedulingJob.Failed;
        }, TakeoverTimeout, $"scheduling job {jobId} to end after instance A was killed");
        Proof.Log($"big schedule: job {jobId} {job.State} by {job.Owner} after {job.Attempts} attempts: {job.Message}");
        if (job.State != SchedulingJob.Finished)
        {
            violations.Add($"scheduling job {jobId} ended {job.State}: {job.Message}");
        }

        if (!OwnedBy(job.Owner, survivor) || job.Attempts < 2)
        {
            violations.Add($"scheduling job {jobId} was not taken over by the surviving instance, pid {survivor} (owner {job.Owner}, {job.Attempts} attempts)");
        }

        await using var check = proof.NewDb();
        var meetings = await check.EventMeetings.AsNoTracking().Where(m => m.EventId == eventId && !m.Cancelled).ToListAsync();
        var placed = meetings.Count(m => m.SlotIndex is not null);
        var problems = await ConcurrencyProof.ValidateStoredScheduleAsync(check, eventId);
        violations.AddRange(problems.Take(20).Select(p => $"big schedule of event {eventId}: {p}"));
        // The summary names how many meetings the finished run placed; the database must hold exactly that schedule.
        if (SummaryPattern().Match(job.Message ?? "") is not { Success: true } m
            || int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture) != placed || int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture) != meetings.Count)
        {
            violations.Add($"big schedule of event {eventId}: the database holds {placed} of {meetings.Count} meetings placed, the finished run reported '{job.Message}'");
        }

        if (placed == 0)
        {
            violations.Add($"big schedule of event {eventId}: no meeting placed");
        }

        var killedAt = (DateTimeOffset)state["killedAt"]!;
        Proof.Log($"big schedule: {placed} of {meetings.Count} meetings placed, {problems.Count} validator violations, finished {(DateTimeOffset.UtcNow - killedAt).TotalSeconds:0} s after the kill");
        return violations;
    }

    [GeneratedRegex(@"(\d+) of (\d+) meetings placed")]
    private static partial Regex SummaryPattern();
}
