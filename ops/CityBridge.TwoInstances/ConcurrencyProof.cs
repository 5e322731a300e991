using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CityBridge.Core.Scheduling;
using CityBridge.Testing;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Events;
using CityBridge.Web.Features.Interests;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.TwoInstances;

/// <summary>
/// Drives concurrent work at both instances (meeting acceptances and scheduler runs on one event, edits of one project,
/// a burst of interest submissions), then checks from the database and the SMTP server that nothing was lost,
/// duplicated, double-booked or silently overwritten.
/// </summary>
public sealed partial class ConcurrencyProof(Proof proof)
{
    private const int Officials = 6, Providers = 6, DistinctInterests = 40, SameAddressInterests = 8, EditRounds = 5, WritersPerRound = 6, ScheduleBursts = 3;
    private readonly List<string> _violations = [];

    public async Task<IReadOnlyList<string>> RunAsync()
    {
        await using var smtp = new SmtpSink(proof.Settings.SmtpPort);
        var staff = await proof.ClientsForEmailAsync(AccountSeeder.DemoStaffEmail);
        var started = DateTime.UtcNow;
        await Task.WhenAll(InterestBurstAsync(), ProjectEditsAsync(staff), MeetingsAndSchedulingAsync(staff));
        Proof.Log($"concurrent work done in {(DateTime.UtcNow - started).TotalSeconds:0.0} s");
        await CheckOutboxAsync(smtp);
        return _violations;
    }

    private void Violation(string what)
    {
        lock (_violations)
        {
            _violations.Add(what);
        }
    }

    // ---- Interest submissions: every accepted one stored once, with one confirmation e-mail; the per-address limit holds.

    private string DistinctAddress(int i) => $"burst{i}-{proof.Run}@proof.example";

    private string SameAddress => $"same-{proof.Run}@proof.example";

    private async Task InterestBurstAsync()
    {
        var posts = Enumerable.Range(0, DistinctInterests).Select(i => SubmitInterestAsync(i, DistinctAddress(i)))
            .Concat(Enumerable.Range(0, SameAddressInterests).Select(i => SubmitInterestAsync(i, SameAddress)));
        var thanked = (await Task.WhenAll(posts)).Count(ok => ok);
        Proof.Log($"interest burst: {DistinctInterests + SameAddressInterests} submissions at both instances, {thanked} thanked");

        await using var db = proof.NewDb();
        var addresses = Enumerable.Range(0, DistinctInterests).Select(DistinctAddress).Append(SameAddress).ToList();
        var stored = (await db.Interests.Where(i => addresses.Contains(i.Email)).Select(i => i.Email).ToListAsync()).CountBy(e => e).ToDictionary();
        var mails = (await db.Outbox.Where(m => addresses.Contains(m.To)).Select(m => m.To).ToListAsync()).CountBy(e => e).ToDictionary();
        foreach (var address in addresses.SkipLast(1))
        {
            if (stored.GetValueOrDefault(address) != 1)
            {
                Violation($"interest from {address} was accepted once but is stored {stored.GetValueOrDefault(address)} times");
            }
        }

        var same = stored.GetValueOrDefault(SameAddress);
        if (same is < 1 or > InterestIntake.PerAddressPerDay)
        {
            Violation($"{SameAddressInterests} concurrent submissions from one address stored {same} interests; the limit is {InterestIntake.PerAddressPerDay} a day");
        }

        foreach (var address in addresses.Where(a => mails.GetValueOrDefault(a) != stored.GetValueOrDefault(a)))
        {
            Violation($"{address}: {stored.GetValueOrDefault(address)} interests stored but {mails.GetValueOrDefault(address)} confirmation e-mails in the outbox");
        }

        Proof.Log($"interest burst: {stored.Values.Sum()} stored ({same} from the repeated address), {mails.Values.Sum()} confirmations in the outbox");
    }

    /// <summary>Posts the public form like a browser (anti-forgery token and cookie) at instance i mod 2; true when thanked.</summary>
    private async Task<bool> SubmitInterestAsync(int i, string email)
    {
        using var client = new HttpClient(new HttpClientHandler { CookieContainer = new CookieContainer() }) { BaseAddress = proof.Instances[i % 2] };
        var form = await client.GetStringAsync("/Interest");
        var token = TokenPattern().Match(form).Groups[1].Value;
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Input.FullName"] = $"Burst Visitor {i}",
            ["Input.Email"] = email,
            ["Input.OrganizationName"] = $"Proof Company {i}",
            ["Input.Kind"] = "Company",
            ["Input.Message"] = $"Looking for smart water partners (proof {proof.Run}, submission {i}).",
            ["Input.Consent"] = "true",
            ["__RequestVerificationToken"] = token,
        });
        using var response = await client.PostAsync("/Interest", content);
        var html = await response.Content.ReadAsStringAsync();
        if (response.StatusCode != HttpStatusCode.OK || !html.Contains("We received your request", StringComparison.Ordinal))
        {
            Violation($"interest submission {i} from {email} at {client.BaseAddress} was not thanked: HTTP {(int)response.StatusCode}");
            return false;
        }

        return true;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();

    // ---- Edits of one project: of writers who read the same version, one wins and the others get 409; the winner's text is stored.

    private async Task ProjectEditsAsync(UserClients staff)
    {
        var list = await staff.At(0).GetFromJsonAsync<JsonObject>("/api/projects?pageSize=1") ?? throw new ProofException("no projects");
        var id = (int)list["items"]![0]!["id"]!;
        var conflicts = 0;
        for (var round = 0; round < EditRounds; round++)
        {
            var read = await staff.At(round).GetFromJsonAsync<JsonObject>($"/api/projects/{id}") ?? throw new ProofException($"project {id} unreadable");
            var writes = Enumerable.Range(0, WritersPerRound).Select(async w =>
            {
                var body = read.DeepClone().AsObject();
                body["description"] = $"Edited by writer {w} in round {round} of proof {proof.Run}.";
                using var response = await staff.At(w).PutAsJsonAsync($"/api/projects/{id}", body);
                var answer = await response.Content.ReadAsStringAsync();
                return (Writer: w, response.StatusCode, Body: answer, response.Content.Headers.ContentType?.MediaType);
            });
            var results = await Task.WhenAll(writes);
            var winners = results.Where(r => r.StatusCode == HttpStatusCode.OK).ToList();
            var refused = results.Count(r => r.StatusCode == HttpStatusCode.Conflict && r.MediaType == "application/problem+json");
            conflicts += refused;
            if (winners.Count != 1 || refused != WritersPerRound - 1)
            {
                Violation($"round {round}: {WritersPerRound} writers of project {id} from one version got {string.Join(", ", results.Select(r => (int)r.StatusCode))}; want one 200 and 409 problem details for the rest");
                continue;
            }

            var winner = JsonNode.Parse(winners[0].Body)!;
            await using var db = proof.NewDb();
            var stored = await db.Projects.AsNoTracking().Where(p => p.Id == id).Select(p => new { p.Description, p.Version }).SingleAsync();
            if (stored.Description != $"Edited by writer {winners[0].Writer} in round {round} of proof {proof.Run}." || stored.Version != (Guid)winner["version"]!)
            {
                Violation($"round {round}: writer {winners[0].Writer}'s accepted edit of project {id} is not what the database holds ('{stored.Description}')");
            }
        }

        Proof.Log($"project edits: {EditRounds} rounds of {WritersPerRound} concurrent writers, {EditRounds} accepted, {conflicts} reported as conflicts");
    }

    // ---- One event: acceptances at both instances while staff start the scheduler at both; no double booking, no lost or doubled meeting.

    private async Task MeetingsAndSchedulingAsync(UserClients staff)
    {
        var eventId = await CreateEventAsync(staff, $"Proof event {proof.Run}", tables: 4);
        var officials = new List<UserClients>();
        var providers = new List<UserClients>();
        for (var i = 0; i < Officials; i++)
        {
            officials.Add(await proof.ClientsForAsync(await proof.CreateUserAsync($"official{i}-{proof.Run}@proof.example", $"Official {i}", Roles.CityOfficial)));
        }

        for (var i = 0; i < Providers; i++)
        {
            providers.Add(await proof.ClientsForAsync(await proof.CreateUserAsync($"provider{i}-{proof.Run}@proof.example", $"Provider {i}", Roles.Provider)));
        }

        var everyone = officials.Concat(providers).ToList();
        await Task.WhenAll(everyone.Select((u, i) => Expect(u.At(i).PostAsJsonAsync($"/api/events/{eventId}/registrations", new { }), HttpStatusCode.Created, "registration")));
        Dictionary<string, int> registrationOf;
        await using (var db = proof.NewDb())
        {
            registrationOf = await db.EventRegistrations.Where(r => r.EventId == eventId).ToDictionaryAsync(r => r.UserId, r => r.Id);
        }

        // Every provider asks every official, alternating instances.
        await Task.WhenAll(providers.SelectMany((p, i) => officials.Select((o, j) =>
            Expect(p.At(i + j).PostAsJsonAsync($"/api/events/{eventId}/requests", new { toRegistrationId = registrationOf[o.UserId], priority = 1 + ((i + j) % 3) }), HttpStatusCode.Created, "meeting request"))));
        List<(int Id, UserClients To)> requests;
        await using (var db = proof.NewDb())
        {
            var officialOf = officials.ToDictionary(o => registrationOf[o.UserId]);
            requests = [.. (await db.MeetingRequests.Where(r => r.EventId == eventId).Select(r => new { r.Id, r.ToRegistrationId }).ToListAsync()).Select(r => (r.Id, officialOf[r.ToRegistrationId]))];
        }

        var accepted = new ConcurrentDictionary<int, int>();
        var acceptances = AcceptAllTwiceAsync(eventId, requests, accepted);
        var runs = StartSchedulerBurstsAsync(staff, eventId);
        await Task.WhenAll(acceptances, runs);

        // A last run places what was accepted after the others loaded their meetings.
        await WaitIdleAsync(staff, eventId);
        await Expect(staff.At(1).PostAsJsonAsync($"/api/events/{eventId}/schedule", new { timeLimitSeconds = 5, allowMoves = true }), HttpStatusCode.Accepted, "final scheduler run");
        await WaitIdleAsync(staff, eventId);
        await CheckEventAsync(eventId, requests.Count, accepted);
    }

    /// <summary>Each request is accepted at both instances at the same moment; exactly one of the two may succeed.</summary>
    private async Task AcceptAllTwiceAsync(int eventId, List<(int Id, UserClients To)> requests, ConcurrentDictionary<int, int> accepted)
    {
        foreach (var batch in requests.Chunk(6))
        {
            await Task.WhenAll(batch.SelectMany(r => r.To.Clients.Select(async c =>
            {
                using var response = await c.PostAsync($"/api/events/{eventId}/requests/{r.Id}/accept", null);
                if (response.StatusCode == HttpStatusCode.NoContent)
                {
                    accepted.AddOrUpdate(r.Id, 1, (_, n) => n + 1);
                }
                else if (response.StatusCode != HttpStatusCode.Conflict)
                {
                    Violation($"accepting request {r.Id} at {c.BaseAddress} answered {(int)response.StatusCode}, neither 204 nor 409");
                }
            })));
            await Task.Delay(300);
        }
    }

    /// <summary>Several times, staff at both instances start the scheduler at the same moment: exactly one start may win.</summary>
    private async Task StartSchedulerBurstsAsync(UserClients staff, int eventId)
    {
        for (var burst = 0; burst < ScheduleBursts; burst++)
        {
            await WaitIdleAsync(staff, eventId);
            var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(async i =>
            {
                using var response = await staff.At(i).PostAsJsonAsync($"/api/events/{eventId}/schedule", new { timeLimitSeconds = 2, allowMoves = true });
                return response.StatusCode;
            }));
            var started = answers.Count(s => s == HttpStatusCode.Accepted);
            if (started != 1 || answers.Any(s => s is not (HttpStatusCode.Accepted or HttpStatusCode.Conflict)))
            {
                Violation($"4 simultaneous scheduler starts at both instances on an idle event answered {string.Join(", ", answers.Select(s => (int)s))}; want one 202 and 409s");
            }
        }

        Proof.Log($"scheduler: {ScheduleBursts} bursts of 4 simultaneous starts at both instances");
    }

    private async Task CheckEventAsync(int eventId, int requestCount, ConcurrentDictionary<int, int> accepted)
    {
        await using var db = proof.NewDb();
        var acceptedRequests = await db.MeetingRequests.Where(r => r.EventId == eventId && r.Status == MeetingRequestStatus.Accepted).Select(r => r.Id).ToListAsync();
        var meetings = await db.EventMeetings.AsNoTracking().Where(m => m.EventId == eventId && !m.Cancelled).ToListAsync();
        if (accepted.Values.Any(n => n != 1) || accepted.Count != requestCount)
        {
            Violation($"of {requestCount} requests accepted twice at once, {accepted.Count} got a 204, {accepted.Values.Count(n => n > 1)} got two");
        }

        if (acceptedRequests.Count != accepted.Count)
        {
            Violation($"{accepted.Count} acceptances were answered 204 but {acceptedRequests.Count} requests are stored as accepted");
        }

        foreach (var group in meetings.GroupBy(m => m.RequestId).Where(g => g.Key is not null && g.Count() != 1))
        {
            Violation($"request {group.Key} has {group.Count()} meetings");
        }

        var withMeeting = meetings.Select(m => m.RequestId).ToHashSet();
        foreach (var lost in acceptedRequests.Where(r => !withMeeting.Contains(r)))
        {
            Violation($"accepted request {lost} has no meeting");
        }

        var violations = await ValidateStoredScheduleAsync(db, eventId);
        _violations.AddRange(violations.Select(v => $"event {eventId}: {v}"));
        var unplaced = meetings.Count(m => m.SlotIndex is null);
        if (unplaced > 0)
        {
            Violation($"event {eventId}: {unplaced} of {meetings.Count} meetings are unplaced after the last run, though the event has room for all");
        }

        var jobs = await db.SchedulingJobs.Where(j => j.EventId == eventId).Select(j => j.State).ToListAsync();
        Proof.Log($"event {eventId}: {acceptedRequests.Count} accepted requests, {meetings.Count} meetings, {meetings.Count - unplaced} placed, {violations.Count} schedule violations, {jobs.Count} scheduler runs ({string.Join(", ", jobs.CountBy(s => s).Select(s => $"{s.Value} {s.Key}"))})");
    }

    /// <summary>The stored placements of the event checked by the independent validator of Core/Scheduling.</summary>
    public static async Task<IReadOnlyList<string>> ValidateStoredScheduleAsync(CityBridge.Web.Data.CityBridgeDb db, int eventId)
    {
        var e = await db.Events.AsNoTracking().Include(x => x.Sessions).SingleAsync(x => x.Id == eventId);
        var registrations = await db.EventRegistrations.AsNoTracking().Where(r => r.EventId == eventId).ToListAsync();
        var meetings = await db.EventMeetings.AsNoTracking().Where(m => m.EventId == eventId && !m.Cancelled).ToListAsync();
        var problem = EventScheduling.ToProblem(e, EventWorkflow.Slots(e), registrations, meetings, allowMoves: true);
        var placed = meetings.Where(m => m.SlotIndex is not null)
            .Select(m => new Assignment($"m{m.Id}", $"s{m.SlotIndex}", m.Table is { } t ? $"t{t}" : null)).ToList();
        return ScheduleValidator.Validate(problem, placed);
    }

    public static async Task<int> CreateEventAsync(UserClients staff, string name, int tables, int days = 1, string start = "09:00:00", string end = "12:00:00")
    {
        var first = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(30));
        var sessions = Enumerable.Range(0, days).SelectMany(d => new[]
        {
            new { name = $"Day {d + 1} morning", date = first.AddDays(d), start, end },
            new { name = $"Day {d + 1} afternoon", date = first.AddDays(d), start = "14:00:00", end = "17:00:00" },
        }).ToList();
        using var response = await staff.At(0).PostAsJsonAsync("/api/events", new { name, timeZone = "Asia/Singapore", slotMinutes = 20, breakMinutes = 5, tables, isPublished = true, sessions });
        if (response.StatusCode != HttpStatusCode.Created)
        {
            throw new ProofException($"creating the event answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }

        return (int)(await response.Content.ReadFromJsonAsync<JsonObject>())!["id"]!;
    }

    public static async Task WaitIdleAsync(UserClients staff, int eventId) =>
        await Proof.WaitForAsync(async () =>
        {
            var run = await staff.At(0).GetFromJsonAsync<JsonObject>($"/api/events/{eventId}/schedule");
            return (string?)run?["state"] is not (SchedulingJob.Queued or SchedulingJob.Running or SchedulingJob.Stopping);
        }, TimeSpan.FromSeconds(90), $"the scheduler runs of event {eventId} to end");

    private static async Task Expect(Task<HttpResponseMessage> call, HttpStatusCode want, string what)
    {
        using var response = await call;
        if (response.StatusCode != want)
        {
            throw new ProofException($"{what} answered {(int)response.StatusCode}, not {(int)want}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    // ---- The outbox: every message sent, each delivered exactly once.

    private async Task CheckOutboxAsync(SmtpSink smtp)
    {
        await using var db = proof.NewDb();
        var ours = db.Outbox.Where(m => m.To.EndsWith($"-{proof.Run}@proof.example"));
        await Proof.WaitForAsync(async () => !await ours.AnyAsync(m => m.SentAt == null), TimeSpan.FromSeconds(60), "the outbox to send this run's messages");
        var ids = await ours.Select(m => m.MessageId).ToListAsync();
        // How many times each Message-Id arrived.
        var arrivals = smtp.Messages.GroupBy(m => m.MessageId ?? "(no Message-Id)").ToDictionary(g => g.Key, g => g.Count());
        var delivered = arrivals.Where(d => ids.Contains(d.Key)).ToDictionary();
        foreach (var id in ids.Where(id => delivered.GetValueOrDefault(id) != 1))
        {
            Violation($"outbox message {id} was delivered {delivered.GetValueOrDefault(id)} times over SMTP");
        }

        Proof.Log($"outbox: {ids.Count} messages of this run, {delivered.Values.Sum()} SMTP deliveries of them, {arrivals.Count(d => d.Value > 1)} delivered twice");
    }
}
