using System.Diagnostics;
using System.Globalization;
using CityBridge.Cli.Scheduling;
using CityBridge.Core.Scheduling;

// Scale harness for the meeting scheduler: generates the three reference events by seed, runs the first-come
// baseline and CP-SAT with the targets' time limits, validates every schedule, and prints a Markdown table.
// Usage: dotnet run -c Release --project bench/CityBridge.Scheduling.Bench [-- --quick]
var quick = args.Contains("--quick");
(string Name, int Participants, int Requests, int Tables, double[] Limits)[] events =
[
    ("small", 100, 400, 40, [10]),
    ("middle", 1_000, 5_000, 400, [60]),
    ("large", 5_000, 25_000, 800, quick ? [10] : [10, 300]),
];

Console.WriteLine("| event | solver | time limit (s) | status | weight | bound | gap to bound | idle gaps | seconds | valid |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|");
foreach (var (name, participants, requests, tables, limits) in events)
{
    var problem = ScheduleJson.ReadEvent(EventGenerator.Generate(participants, requests, 24, tables, 4, seed: 1));
    var clock = Stopwatch.StartNew();
    var greedy = GreedyScheduler.FirstCome(problem);
    Row(name, "first-come greedy", "-", greedy, clock.Elapsed.TotalSeconds, problem);
    foreach (var limit in limits)
    {
        clock.Restart();
        var result = new MeetingScheduler().Solve(problem, new SolverOptions(limit, Environment.ProcessorCount));
        Row(name, "CP-SAT + heuristic", limit.ToString(CultureInfo.InvariantCulture), result, clock.Elapsed.TotalSeconds, problem);
    }
}

static void Row(string name, string solver, string limit, ScheduleResult r, double seconds, SchedulingProblem problem)
{
    var valid = ScheduleValidator.Validate(problem, r.Scheduled, r.ScheduledWeight, r.IdleGaps).Count == 0;
    var gap = r.UpperBoundWeight == 0 ? 0 : (r.UpperBoundWeight - r.ScheduledWeight) / (double)r.UpperBoundWeight;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {name} ({problem.Participants.Count}/{problem.Meetings.Count}) | {solver} | {limit} | {r.Status.ToString().ToLowerInvariant()} | {r.ScheduledWeight} | {r.UpperBoundWeight} | {gap:P2} | {r.IdleGaps} | {seconds:F1} | {(valid ? "yes" : "NO")} |"));
}
