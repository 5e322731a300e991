using System.CommandLine;
using System.Globalization;
using CityBridge.Core.Scheduling;

namespace CityBridge.Cli.Scheduling;

/// <summary>`citybridge schedule` and `citybridge schedule validate`, exactly as shared/formats/schedule-v1.md describes.</summary>
internal static class ScheduleCommands
{
    public const int ExitOk = 0;
    public const int ExitViolations = 1;
    public const int ExitInvalidInput = 2;
    public const int ExitInfeasible = 3;
    public const int ExitNothingInTime = 4;

    public static Command Create()
    {
        var input = new Option<FileInfo>("--input") { Description = "The event (schedule-v1 EVENT.json).", Required = true };
        var output = new Option<FileInfo>("--output") { Description = "Where to write the schedule (SCHEDULE.json)." };
        var timeLimit = new Option<double>("--time-limit") { Description = "Seconds the solver may use (default 30).", DefaultValueFactory = _ => 30 };
        var threads = new Option<int>("--threads") { Description = "Solver worker threads (default: the machine's cores).", DefaultValueFactory = _ => Environment.ProcessorCount };
        var schedule = new Command("schedule", "Schedule the meetings of an event: most weight first, then fewest idle gaps.") { input, output, timeLimit, threads };
        schedule.SetAction(async (parse, ct) =>
        {
            if (parse.GetValue(output) is null)
            {
                return Fail("--output: is required (where to write SCHEDULE.json)");
            }

            var seconds = parse.GetValue(timeLimit);
            if (seconds <= 0 || double.IsNaN(seconds))
            {
                return Fail("--time-limit: must be a positive number of seconds");
            }

            SchedulingProblem problem;
            try
            {
                problem = ScheduleJson.ReadEvent(await File.ReadAllTextAsync(parse.GetValue(input)!.FullName, ct));
            }
            catch (Exception ex) when (ex is InputException or IOException or UnauthorizedAccessException)
            {
                return Fail(ex is InputException ? ex.Message : $"--input: {ex.Message}");
            }

            var progress = new Progress<ScheduleProgress>(p => Console.Error.WriteLine(
                string.Create(CultureInfo.InvariantCulture, $"[{p.Seconds,6:F1}s] best weight {p.BestWeight}, bound {p.Bound}, gap {p.Gap:P1}")));
            var result = new MeetingScheduler().Solve(problem, new SolverOptions(seconds, Math.Max(1, parse.GetValue(threads))), progress, ct);
            await File.WriteAllTextAsync(parse.GetValue(output)!.FullName, ScheduleJson.Write(result), ct);
            await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{result.Status}: {result.Scheduled.Count} of {problem.Meetings.Count} meetings, weight {result.ScheduledWeight} (bound {result.UpperBoundWeight}), {result.IdleGaps} idle gaps, {result.SolveSeconds:F2} s"));
            return result.Status switch
            {
                ScheduleStatus.Infeasible => Fail($"infeasible: {result.Reason}", ExitInfeasible),
                ScheduleStatus.Unknown => Fail($"no schedule found in time{(result.Reason is null ? "" : $": {result.Reason}")}", ExitNothingInTime),
                _ => ExitOk,
            };
        });
        schedule.Subcommands.Add(ValidateCommand());
        return schedule;
    }

    private static Command ValidateCommand()
    {
        var input = new Option<FileInfo>("--input") { Description = "The event (EVENT.json).", Required = true };
        var scheduleFile = new Option<FileInfo>("--schedule") { Description = "The schedule to check (SCHEDULE.json).", Required = true };
        var validate = new Command("validate", "Check a schedule against its event with the independent validator; print every violation.") { input, scheduleFile };
        validate.SetAction(async (parse, ct) =>
        {
            try
            {
                var problem = ScheduleJson.ReadEvent(await File.ReadAllTextAsync(parse.GetValue(input)!.FullName, ct));
                var (scheduled, weight, gaps) = ScheduleJson.ReadSchedule(await File.ReadAllTextAsync(parse.GetValue(scheduleFile)!.FullName, ct));
                var violations = ScheduleValidator.Validate(problem, scheduled, weight, gaps);
                foreach (var violation in violations)
                {
                    Console.WriteLine(violation);
                }

                await Console.Error.WriteLineAsync(violations.Count == 0 ? "The schedule is valid." : $"{violations.Count} violation(s).");
                return violations.Count == 0 ? ExitOk : ExitViolations;
            }
            catch (Exception ex) when (ex is InputException or IOException or UnauthorizedAccessException)
            {
                return Fail(ex.Message);
            }
        });
        return validate;
    }

    private static int Fail(string message, int code = ExitInvalidInput)
    {
        Console.Error.WriteLine(message);
        return code;
    }
}
