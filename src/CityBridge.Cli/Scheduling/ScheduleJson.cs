using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using CityBridge.Core.Scheduling;

namespace CityBridge.Cli.Scheduling;

/// <summary>A problem in an input file, named by the JSON path of the field at fault.</summary>
internal sealed class InputException(string path, string reason) : Exception($"{path}: {reason}")
{
    public string Path { get; } = path;
}

/// <summary>Reads and writes the schedule-v1 format (shared/formats/schedule-v1.md), checking every field at the edge.</summary>
internal static class ScheduleJson
{
    public const string Format = "schedule-v1";

    public static SchedulingProblem ReadEvent(string json)
    {
        var root = Parse(json);
        RequireFormat(root);
        var slots = RequiredArray(root, "slots").Select((s, i) => ReadSlot(s, $"slots[{i}]")).ToList();
        if (slots.Count == 0)
        {
            throw new InputException("slots", "an event needs at least one slot");
        }

        Unique(slots.Select(s => s.Id), "slots", "slot");
        for (var i = 1; i < slots.Count; i++)
        {
            if (slots[i].Start < slots[i - 1].Start)
            {
                throw new InputException($"slots[{i}].start", "slots must be ordered by start");
            }
        }

        var slotIds = slots.Select(s => s.Id).ToHashSet();
        List<string>? locations = null;
        if (root.TryGetPropertyValue("locations", out var locationsNode) && locationsNode is not null)
        {
            locations = AsArray(locationsNode, "locations").Select((l, i) => RequiredString(l, "id", $"locations[{i}]")).ToList();
            Unique(locations, "locations", "location");
        }

        var locationIds = locations?.ToHashSet() ?? [];
        var participants = RequiredArray(root, "participants").Select((p, i) =>
        {
            var path = $"participants[{i}]";
            var id = RequiredString(p, "id", path);
            var available = OptionalIdSet(p, "availableSlots", path, slotIds, "slot");
            var location = OptionalString(p, "location", path);
            if (location is not null && !locationIds.Contains(location))
            {
                throw new InputException($"{path}.location", locations is null ? "the event has no locations" : $"unknown location '{location}'");
            }

            return new Participant(id, available, location);
        }).ToList();
        Unique(participants.Select(p => p.Id), "participants", "participant");
        var participantIds = participants.Select(p => p.Id).ToHashSet();

        var meetings = RequiredArray(root, "meetings").Select((m, i) =>
        {
            var path = $"meetings[{i}]";
            var id = RequiredString(m, "id", path);
            var members = RequiredArray(m!.AsObject(), "participants", path).Select((p, j) =>
            {
                var member = p is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new InputException($"{path}.participants[{j}]", "must be a participant id (a string)");
                return participantIds.Contains(member) ? member : throw new InputException($"{path}.participants[{j}]", $"unknown participant '{member}'");
            }).ToList();
            if (members.Count < 2)
            {
                throw new InputException($"{path}.participants", "a meeting needs two or more participants");
            }

            if (members.Distinct().Count() != members.Count)
            {
                throw new InputException($"{path}.participants", "a participant is listed twice");
            }

            var weight = OptionalInt(m, "weight", path) ?? 1;
            if (weight is < 1 or > int.MaxValue)
            {
                throw new InputException($"{path}.weight", "must be a positive integer");
            }

            var required = OptionalBool(m, "required", path) ?? false;
            var allowed = OptionalIdSet(m, "allowedSlots", path, slotIds, "slot");
            FixedPlace? fixedPlace = null;
            if (m!.AsObject().TryGetPropertyValue("fixed", out var fixedNode) && fixedNode is not null)
            {
                var slot = RequiredString(fixedNode, "slot", $"{path}.fixed");
                if (!slotIds.Contains(slot))
                {
                    throw new InputException($"{path}.fixed.slot", $"unknown slot '{slot}'");
                }

                var location = OptionalString(fixedNode, "location", $"{path}.fixed");
                if (location is not null && !locationIds.Contains(location))
                {
                    throw new InputException($"{path}.fixed.location", $"unknown location '{location}'");
                }

                fixedPlace = new FixedPlace(slot, location);
            }

            return new Meeting(id, members, (int)weight, required, allowed, fixedPlace);
        }).ToList();
        Unique(meetings.Select(m => m.Id), "meetings", "meeting");
        return new SchedulingProblem(slots, locations, participants, meetings);
    }

    public static (IReadOnlyList<Assignment> Scheduled, long? Weight, int? IdleGaps) ReadSchedule(string json)
    {
        var root = Parse(json);
        RequireFormat(root);
        var scheduled = RequiredArray(root, "scheduled").Select((a, i) => new Assignment(
            RequiredString(a, "meeting", $"scheduled[{i}]"), RequiredString(a, "slot", $"scheduled[{i}]"), OptionalString(a, "location", $"scheduled[{i}]"))).ToList();
        return (scheduled, OptionalInt(root, "scheduledWeight", string.Empty), (int?)OptionalInt(root, "idleGaps", string.Empty));
    }

    public static string Write(ScheduleResult result)
    {
        var json = new JsonObject
        {
            ["format"] = Format,
            ["status"] = result.Status.ToString().ToLowerInvariant(),
            ["scheduled"] = new JsonArray(result.Scheduled.Select(a => (JsonNode)new JsonObject { ["meeting"] = a.Meeting, ["slot"] = a.Slot, ["location"] = a.Location }).ToArray()),
            ["unscheduled"] = new JsonArray(result.Unscheduled.Select(u => (JsonNode)JsonValue.Create(u)).ToArray()),
            ["scheduledWeight"] = result.ScheduledWeight,
            ["idleGaps"] = result.IdleGaps,
            ["upperBoundWeight"] = result.UpperBoundWeight,
            ["solveSeconds"] = Math.Round(result.SolveSeconds, 3),
        };
        if (result.Reason is not null)
        {
            json["reason"] = result.Reason;
        }

        return json.ToJsonString(new JsonSerializerOptions { WriteIndented = true });
    }

    private static JsonObject Parse(string json)
    {
        try
        {
            return JsonNode.Parse(json) as JsonObject ?? throw new InputException("$", "the file must hold a JSON object");
        }
        catch (JsonException ex)
        {
            throw new InputException("$", $"not valid JSON (line {ex.LineNumber + 1}, position {ex.BytePositionInLine}): {ex.Message.Split('.')[0]}");
        }
    }

    private static void RequireFormat(JsonObject root)
    {
        var format = OptionalString(root, "format", string.Empty);
        if (format != Format)
        {
            throw new InputException("format", $"must be \"{Format}\"{(format is null ? "" : $", not \"{format}\"")}");
        }
    }

    private static Slot ReadSlot(JsonNode? node, string path)
    {
        var id = RequiredString(node, "id", path);
        var start = RequiredTime(node, "start", path);
        var end = RequiredTime(node, "end", path);
        if (end <= start)
        {
            throw new InputException($"{path}.end", "must be after start");
        }

        return new Slot(id, start, end, OptionalString(node, "session", path) ?? "default");
    }

    private static DateTimeOffset RequiredTime(JsonNode? node, string name, string path)
    {
        var text = RequiredString(node, name, path);
        return DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.None, out var time)
            ? time
            : throw new InputException($"{path}.{name}", $"'{text}' is not an ISO 8601 date and time with offset");
    }

    private static List<JsonNode?> RequiredArray(JsonObject node, string name, string path = "")
    {
        var full = path.Length == 0 ? name : $"{path}.{name}";
        return node.TryGetPropertyValue(name, out var value) && value is not null ? AsArray(value, full) : throw new InputException(full, "is required");
    }

    private static List<JsonNode?> AsArray(JsonNode node, string path) =>
        node is JsonArray array ? [.. array] : throw new InputException(path, "must be an array");

    private static string RequiredString(JsonNode? node, string name, string path) =>
        OptionalString(node, name, path) is { Length: > 0 } value ? value : throw new InputException(Join(path, name), "is required (a non-empty string)");

    private static string? OptionalString(JsonNode? node, string name, string path)
    {
        var value = Property(node, name, path);
        return value switch
        {
            null => null,
            JsonValue v when v.TryGetValue<string>(out var s) => s,
            _ => throw new InputException(Join(path, name), "must be a string"),
        };
    }

    private static long? OptionalInt(JsonNode? node, string name, string path)
    {
        var value = Property(node, name, path);
        return value switch
        {
            null => null,
            JsonValue v when v.TryGetValue<long>(out var n) => n,
            JsonValue v when v.TryGetValue<double>(out var d) && d == Math.Floor(d) => (long)d,
            _ => throw new InputException(Join(path, name), "must be a whole number"),
        };
    }

    private static bool? OptionalBool(JsonNode? node, string name, string path)
    {
        var value = Property(node, name, path);
        return value switch
        {
            null => null,
            JsonValue v when v.TryGetValue<bool>(out var b) => b,
            _ => throw new InputException(Join(path, name), "must be true or false"),
        };
    }

    private static HashSet<string>? OptionalIdSet(JsonNode? node, string name, string path, HashSet<string> known, string noun)
    {
        var value = Property(node, name, path);
        if (value is null)
        {
            return null;
        }

        return AsArray(value, Join(path, name)).Select((item, i) =>
        {
            var id = item is JsonValue v && v.TryGetValue<string>(out var s) ? s : throw new InputException($"{Join(path, name)}[{i}]", $"must be a {noun} id");
            return known.Contains(id) ? id : throw new InputException($"{Join(path, name)}[{i}]", $"unknown {noun} '{id}'");
        }).ToHashSet();
    }

    private static JsonNode? Property(JsonNode? node, string name, string path) =>
        node is JsonObject obj ? (obj.TryGetPropertyValue(name, out var value) ? value : null) : throw new InputException(path.Length == 0 ? "$" : path, "must be an object");

    private static void Unique(IEnumerable<string> ids, string path, string noun)
    {
        var duplicate = ids.GroupBy(i => i).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InputException(path, $"{noun} id '{duplicate.Key}' appears twice");
        }
    }

    private static string Join(string path, string name) => path.Length == 0 ? name : $"{path}.{name}";
}
