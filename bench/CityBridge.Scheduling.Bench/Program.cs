using System.Diagnostics;
using System.Globalization;
using CityBridge.Core.Scheduling;

// Scale harness: generates the three reference events by seed, runs the greedy baseline and CP-SAT with the
// target time limits, validates every schedule and prints one Markdown table.
// Usage: [--quick] [--threads N] [--only small|middle|large] [--limit SECONDS (replaces the CP-SAT limits)] [--params CP-SAT-TEXT]
var quick = args.Contains("--quick");
var threads = (int)(Argument("--threads") ?? 0);
var only = Array.IndexOf(args, "--only") is var onlyAt and >= 0 ? args[onlyAt + 1] : null;
var limitOverride = Argument("--limit");
var solverParameters = Array.IndexOf(args, "--params") is var paramsAt and >= 0 ? args[paramsAt + 1] : null;

var events = new (string Name, EventShape Shape, double[] TimeLimits)[]
{
    ("small", new EventShape(100, 400, Slots: 24, Tables: 20, Seed: 1), [10]),
    ("middle", new EventShape(1_000, 5_000, Slots: 24, Tables: 200, Seed: 1), [60]),
    ("large", new EventShape(5_000, 25_000, Slots: 24, Tables: 800, Seed: 1), quick ? [10] : [10, 300]),
};

var culture = CultureInfo.InvariantCulture;
Console.WriteLine("| event | meetings | method | limit s | weight | bound | gap % | idle gaps | seconds | status | valid |");
Console.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---|---|");
foreach (var (name, shape, targetLimits) in events.Where(e => only is null || e.Name == only))
{
    var limits = limitOverride is { } l ? [l] : targetLimits;
    var generated = Stopwatch.StartNew();
    var problem = EventGenerator.Generate(shape);
    Console.Error.WriteLine($"{name}: generated {problem.Meetings.Count} meetings in {generated.Elapsed.TotalSeconds:0.0}s");

    Report(name, problem, "greedy", null, GreedyScheduler.Schedule(problem));
    Report(name, problem, "heuristic", null, ConstructionHeuristic.Schedule(problem));
    foreach (var limit in limits)
    {
        var options = new SchedulerOptions
        {
            TimeLimit = TimeSpan.FromSeconds(limit),
            Threads = threads,
            SolverParameters = solverParameters,
            Progress = p => Console.Error.WriteLine(string.Create(culture, $"  {name} {p.ElapsedSeconds,6:0.0}s weight {p.BestWeight} bound {p.UpperBoundWeight} gap {p.Gap:P2}")),
        };
        Report(name, problem, "cp-sat", limit, MeetingScheduler.Schedule(problem, options));
    }
}

double? Argument(string name) =>
    Array.IndexOf(args, name) is var at and >= 0 ? double.Parse(args[at + 1], CultureInfo.InvariantCulture) : null;

void Report(string name, ScheduleProblem problem, string method, double? limit, ScheduleResult result)
{
    var violations = ScheduleValidator.Validate(problem, result);
    foreach (var violation in violations.Take(5))
    {
        Console.Error.WriteLine($"  {name}/{method}: {violation}");
    }

    Console.WriteLine(string.Create(
        culture,
        $"| {name} | {problem.Meetings.Count} | {method} | {(limit is null ? "-" : limit.Value.ToString("0", culture))} | {result.ScheduledWeight} | {result.UpperBoundWeight} | {result.Gap * 100:0.00} | {result.IdleGaps} | {result.SolveSeconds:0.0} | {result.Status.ToString().ToLowerInvariant()} | {(violations.Count == 0 ? "yes" : $"no ({violations.Count})")} |"));
}
