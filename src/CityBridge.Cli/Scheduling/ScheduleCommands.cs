using System.CommandLine;
using System.Globalization;
using CityBridge.Core.Scheduling;

namespace CityBridge.Cli.Scheduling;

/// <summary>`citybridge schedule`, `schedule validate`, `schedule tables` and `citybridge generate event` (schedule-v1).</summary>
internal static class ScheduleCommands
{
    public const int Scheduled = 0;
    public const int Violations = 1;
    public const int InvalidInput = 2;
    public const int Infeasible = 3;
    public const int NothingFound = 4;

    public static Command Schedule()
    {
        var input = new Option<FileInfo>("--input") { Required = true, Description = "The event (schedule-v1 input JSON)." };
        var output = new Option<FileInfo>("--output") { Required = true, Description = "Where to write the schedule (schedule-v1 output JSON)." };
        var timeLimit = new Option<double>("--time-limit") { DefaultValueFactory = _ => 30, Description = "Solver time budget in seconds." };
        var threads = new Option<int>("--threads") { DefaultValueFactory = _ => 0, Description = "Solver threads (0: one per core)." };
        var command = new Command("schedule", "Place requested meetings into slots and tables (schedule-v1).") { input, output, timeLimit, threads };
        command.Subcommands.Add(Validate());
        command.Subcommands.Add(Tables());
        command.SetAction(async (parseResult, ct) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            if (await ReadEventAsync(parseResult, input, timeLimit, error, ct) is not ({ } problem, var seconds))
            {
                return InvalidInput;
            }

            var options = new SchedulerOptions
            {
                TimeLimit = TimeSpan.FromSeconds(seconds),
                Threads = Math.Max(parseResult.GetValue(threads), 0),
                // Progress only for a person watching; logs and pipes get the final result alone.
                Progress = Console.IsErrorRedirected ? null : p => error.WriteLine(string.Create(
                    CultureInfo.InvariantCulture,
                    $"{p.ElapsedSeconds,6:0.0}s  weight {p.BestWeight}  bound {p.UpperBoundWeight}  gap {p.Gap:P2}")),
            };
            var result = await Task.Run(() => MeetingScheduler.Schedule(problem, options, ct), ct);
            await ScheduleJson.WriteScheduleAsync(parseResult.GetValue(output)!, result, problem.Meetings.Any(m => m.Current is not null), ct);
            switch (result.Status)
            {
                case ScheduleStatus.Infeasible:
                    await error.WriteLineAsync($"infeasible: {result.InfeasibleReason}");
                    return Infeasible;
                case ScheduleStatus.Unknown:
                    await error.WriteLineAsync("unknown: no schedule placing every required meeting was found in time");
                    return NothingFound;
                default:
                    return Scheduled;
            }
        });
        return command;
    }

    private static Command Validate()
    {
        var input = new Option<FileInfo>("--input") { Required = true, Description = "The event (schedule-v1 input JSON)." };
        var schedule = new Option<FileInfo>("--schedule") { Required = true, Description = "The schedule to check (schedule-v1 output JSON)." };
        var command = new Command("validate", "List every rule a schedule breaks; exit 0 when valid, 1 with violations, 2 for unreadable input.") { input, schedule };
        command.SetAction(async (parseResult, ct) =>
        {
            ScheduleProblem problem;
            ScheduleDocument document;
            try
            {
                problem = await ScheduleJson.ReadEventAsync(parseResult.GetValue(input)!, ct);
                document = await ScheduleJson.ReadScheduleAsync(parseResult.GetValue(schedule)!, ct);
            }
            catch (InvalidInputException ex)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync(ex.Message);
                return InvalidInput;
            }

            var violations = ScheduleValidator.Validate(problem, ScheduleJson.Assignments(document), document.Unscheduled, document.ScheduledWeight, document.IdleGaps);
            foreach (var violation in violations)
            {
                await parseResult.InvocationConfiguration.Output.WriteLineAsync(violation);
            }

            return violations.Count == 0 ? Scheduled : Violations;
        });
        return command;
    }

    /// <summary>The event and the time budget of a solving verb; null (after telling why on stderr) when either is invalid.</summary>
    private static async Task<(ScheduleProblem Problem, double Seconds)?> ReadEventAsync(
        ParseResult parseResult, Option<FileInfo> input, Option<double> timeLimit, TextWriter error, CancellationToken ct)
    {
        ScheduleProblem problem;
        try
        {
            problem = await ScheduleJson.ReadEventAsync(parseResult.GetValue(input)!, ct);
        }
        catch (InvalidInputException ex)
        {
            await error.WriteLineAsync(ex.Message);
            return null;
        }

        var seconds = parseResult.GetValue(timeLimit);
        if (seconds is <= 0 or > 86_400)
        {
            await error.WriteLineAsync("--time-limit: must be between 0 and 86400 seconds");
            return null;
        }

        return (problem, seconds);
    }

    private static Command Tables()
    {
        var input = new Option<FileInfo>("--input") { Required = true, Description = "The event (schedule-v1 input JSON)." };
        var timeLimit = new Option<double>("--time-limit") { DefaultValueFactory = _ => 30, Description = "Time budget in seconds." };
        var command = new Command("tables", "Print the smallest table count that still schedules the maximum weight, with the proof that one fewer loses weight (schedule-tables-v1).") { input, timeLimit };
        command.SetAction(async (parseResult, ct) =>
        {
            var error = parseResult.InvocationConfiguration.Error;
            if (await ReadEventAsync(parseResult, input, timeLimit, error, ct) is not ({ } problem, var seconds))
            {
                return InvalidInput;
            }

            var count = await Task.Run(() => TableCounter.Count(problem, new SchedulerOptions { TimeLimit = TimeSpan.FromSeconds(seconds) }, ct), ct);
            switch (count.Status)
            {
                case ScheduleStatus.Infeasible:
                    await error.WriteLineAsync($"infeasible: {count.Reason}");
                    return Infeasible;
                case ScheduleStatus.Unknown:
                case ScheduleStatus.Feasible:
                    // Without the proof the count is not the answer the format promises.
                    await error.WriteLineAsync($"unknown: {count.Reason}");
                    return NothingFound;
            }

            var document = new TablesDocument(
                ScheduleJson.TablesFormatTag,
                count.Tables,
                count.MaxWeight,
                count.OneFewerTables is { } fewer ? new OneFewerDocument(fewer, count.OneFewerUpperBoundWeight ?? 0) : null);
            await parseResult.InvocationConfiguration.Output.WriteLineAsync(JsonFiles.Serialize(document));
            return Scheduled;
        });
        return command;
    }

    public static Command GenerateEvent()
    {
        var participants = new Option<int>("--participants") { Required = true, Description = "Number of participants (about 40% cities, 60% providers)." };
        var requests = new Option<int>("--requests") { Required = true, Description = "Number of meeting requests." };
        var slots = new Option<int>("--slots") { DefaultValueFactory = _ => 24, Description = "Number of slots." };
        var tables = new Option<int?>("--tables") { Description = "Number of tables (default: participants / 5)." };
        var sessions = new Option<int>("--sessions") { DefaultValueFactory = _ => 4, Description = "Number of sessions (half days)." };
        var seed = new Option<int>("--seed") { DefaultValueFactory = _ => 1, Description = "Random seed; the same seed gives the same event." };
        var output = new Option<FileInfo>("--output") { Required = true, Description = "Where to write the event (schedule-v1 input JSON)." };
        var command = new Command("event", "Generate a deterministic matchmaking event (schedule-v1 input).") { participants, requests, slots, tables, sessions, seed, output };
        command.SetAction(async (parseResult, ct) =>
        {
            var shape = new EventShape(
                parseResult.GetValue(participants),
                parseResult.GetValue(requests),
                parseResult.GetValue(slots),
                parseResult.GetValue(tables),
                parseResult.GetValue(sessions),
                parseResult.GetValue(seed));
            if (shape.Participants < 2 || shape.Requests < 0 || shape.Slots < 1 || shape.Sessions < 1 || shape.Tables is < 1)
            {
                await parseResult.InvocationConfiguration.Error.WriteLineAsync("need at least 2 participants, 1 slot, 1 session, 1 table and no negative requests");
                return InvalidInput;
            }

            await ScheduleJson.WriteEventAsync(parseResult.GetValue(output)!, EventGenerator.Generate(shape), ct);
            return Scheduled;
        });
        return command;
    }
}
