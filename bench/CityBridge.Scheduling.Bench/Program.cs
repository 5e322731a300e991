using System.Globalization;
using CityBridge.Core.Scheduling;
using CityBridge.Scheduling.Bench;

// Scale harness: generates the reference events by seed, runs the greedy baseline, the construction heuristic and
// MeetingScheduler (on 1 and 2 threads for the issue-sized events), validates every schedule and prints one Markdown
// table; then, unless --no-mip, the plain aggregated-model MIP (CBC and SCIP) on the weight level, and with --tables
// the table count of each issue-sized event.
// Usage: [--only NAME] [--threads N (only this count)] [--limit SECONDS (replaces the limits)] [--no-mip] [--tables] [--params CP-SAT-TEXT]
var threadsArgument = (int?)Argument("--threads");
var only = Array.IndexOf(args, "--only") is var onlyAt and >= 0 ? args[onlyAt + 1] : null;
var limitOverride = Argument("--limit");
var solverParameters = Array.IndexOf(args, "--params") is var paramsAt and >= 0 ? args[paramsAt + 1] : null;

var events = new (string Name, EventShape Shape, double[] TimeLimits, int[] Threads)[]
{
    // The issue's table (JAIR 2022 sizes): 120/400/20 slots/25 tables, the same with exactly enough tables, 150/600/24/30 weights 1–3.
    ("a-120-400-t25", new EventShape(120, 400, Slots: 20, Tables: 25, Sessions: 2, Seed: 1), [2, 60], [1, 2]),
    ("b-120-400-t19", new EventShape(120, 400, Slots: 20, Tables: 19, Sessions: 2, Seed: 1), [2, 60], [1, 2]),
    ("c-150-600-t30", new EventShape(150, 600, Slots: 24, Tables: 30, Sessions: 2, Seed: 1, MaxWeight: 3, MustShare: 0.06), [2, 60], [1, 2]),
    ("small", new EventShape(100, 400, Slots: 24, Tables: 20, Seed: 1), [10], [2]),
    ("middle", new EventShape(1_000, 5_000, Slots: 24, Tables: 200, Seed: 1), [60], [2]),
    ("large", new EventShape(5_000, 25_000, Slots: 24, Tables: 800, Seed: 1), [300], [2]),
};

var culture = CultureInfo.InvariantCulture;
Console.WriteLine("| event | meetings | method | threads | limit s | weight | bound | gap % | weight proven at s | idle gaps | gap bound | seconds | status | valid |");
Console.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|---|");
var selected = events.Where(e => only is null ? e.Name is not ("middle" or "large") : e.Name == only).ToList();
foreach (var (name, shape, targetLimits, threadCounts) in selected)
{
    var limits = limitOverride is { } l ? [l] : targetLimits;
    var problem = EventGenerator.Generate(shape);
    Report(name, problem, "greedy", null, null, GreedyScheduler.Schedule(problem));
    Report(name, problem, "heuristic", null, null, ConstructionHeuristic.Schedule(problem));
    foreach (var limit in limits)
    {
        foreach (var threads in threadsArgument is { } t ? [t] : threadCounts)
        {
            // The first progress report whose weight meets its bound is the moment the weight level is proven.
            double? proven = null;
            var options = new SchedulerOptions
            {
                TimeLimit = TimeSpan.FromSeconds(limit),
                Threads = threads,
                SolverParameters = solverParameters,
                Progress = p => proven ??= p.BestWeight >= p.UpperBoundWeight ? p.ElapsedSeconds : null,
            };
            Report(name, problem, "scheduler", threads, limit, MeetingScheduler.Schedule(problem, options), proven);
        }
    }
}

if (!args.Contains("--no-mip"))
{
    Console.WriteLine();
    Console.WriteLine("| event | plain MIP (weight level only) | weight | bound | proven | seconds |");
    Console.WriteLine("|---|---|---:|---:|---|---:|");
    foreach (var (name, shape, targetLimits, _) in selected)
    {
        var problem = EventGenerator.Generate(shape);
        foreach (var backend in new[] { "CBC", "SCIP" })
        {
            var o = AggregatedMip.Solve(problem, backend, limitOverride ?? targetLimits.Max(), 1);
            Console.WriteLine(o.Available
                ? string.Create(culture, $"| {name} | {backend}, 1 thread | {o.Weight} | {o.Bound} | {(o.Proven ? "yes" : "no")} | {o.Seconds:0.00} |")
                : $"| {name} | {backend} | - | - | not built in | - |");
        }
    }
}

if (args.Contains("--tables"))
{
    Console.WriteLine();
    Console.WriteLine("| event | tables set up | tables needed | max weight | one fewer: bound | status | seconds |");
    Console.WriteLine("|---|---:|---:|---:|---:|---|---:|");
    foreach (var (name, shape, _, _) in selected)
    {
        var problem = EventGenerator.Generate(shape);
        var count = TableCounter.Count(problem, new SchedulerOptions { TimeLimit = TimeSpan.FromSeconds(30) });
        Console.WriteLine(string.Create(culture, $"| {name} | {problem.Locations.Count} | {count.Tables} | {count.MaxWeight} | {count.OneFewerTables}: {count.OneFewerUpperBoundWeight} | {count.Status.ToString().ToLowerInvariant()} | {count.SolveSeconds:0.00} |"));
    }
}

double? Argument(string name) =>
    Array.IndexOf(args, name) is var at and >= 0 ? double.Parse(args[at + 1], CultureInfo.InvariantCulture) : null;

void Report(string name, ScheduleProblem problem, string method, int? threads, double? limit, ScheduleResult result, double? weightProvenAt = null)
{
    var violations = ScheduleValidator.Validate(problem, result);
    foreach (var violation in violations.Take(5))
    {
        Console.Error.WriteLine($"  {name}/{method}: {violation}");
    }

    Console.WriteLine(string.Create(
        culture,
        $"| {name} | {problem.Meetings.Count} | {method} | {(threads is null ? "-" : threads.Value.ToString(culture))} | {(limit is null ? "-" : limit.Value.ToString("0", culture))} | {result.ScheduledWeight} | {result.UpperBoundWeight} | {result.Gap * 100:0.00} | {(weightProvenAt is { } at ? at.ToString("0.00", culture) : "-")} | {result.IdleGaps} | {(method == "scheduler" ? result.IdleGapsLowerBound.ToString(culture) : "-")} | {result.SolveSeconds:0.00} | {result.Status.ToString().ToLowerInvariant()} | {(violations.Count == 0 ? "yes" : $"no ({violations.Count})")} |"));
}
