using CityBridge.Core.Scheduling;

namespace CityBridge.Cli.Scheduling;

/// <summary>Checks an event document once at the edge and turns it into the core model; the first problem wins.</summary>
internal static class EventValidation
{
    public static ScheduleProblem ToProblem(EventDocument document)
    {
        if (document.Format != ScheduleJson.FormatTag)
        {
            Fail("format", $"expected '{ScheduleJson.FormatTag}' but found '{document.Format ?? "nothing"}'");
        }

        var slots = Slots(document.Slots ?? Fail<List<SlotDocument?>>("slots", "is required"));
        var slotIds = slots.Select(s => s.Id).ToHashSet();
        var locations = Ids(document.Locations ?? [], "locations", l => l?.Id).Select(id => new Location(id)).ToList();
        var locationIds = locations.Select(l => l.Id).ToHashSet();

        var participantDocs = document.Participants ?? Fail<List<ParticipantDocument?>>("participants", "is required");
        var participantIds = Ids(participantDocs, "participants", p => p?.Id);
        var participants = participantDocs.Select((p, i) => new Participant(
            participantIds[i],
            References(p!.AvailableSlots, $"participants[{i}].availableSlots", slotIds, "slot"),
            p.Location is null ? null : Reference(p.Location, $"participants[{i}].location", locationIds, "location"))).ToList();
        var participantSet = participantIds.ToHashSet();

        var meetingDocs = document.Meetings ?? Fail<List<MeetingDocument?>>("meetings", "is required");
        var meetingIds = Ids(meetingDocs, "meetings", m => m?.Id);
        var meetings = meetingDocs.Select((m, i) => Meeting(m!, meetingIds[i], $"meetings[{i}]", slotIds, locationIds, participantSet)).ToList();
        return new ScheduleProblem(slots, locations, participants, meetings);
    }

    private static List<Slot> Slots(List<SlotDocument?> documents)
    {
        var ids = Ids(documents, "slots", s => s?.Id);
        var slots = new List<Slot>();
        for (var i = 0; i < documents.Count; i++)
        {
            var slot = documents[i]!;
            var path = $"slots[{i}]";
            var start = slot.Start ?? Fail<DateTimeOffset>($"{path}.start", "is required");
            var end = slot.End ?? Fail<DateTimeOffset>($"{path}.end", "is required");
            if (end <= start)
            {
                Fail($"{path}.end", "must be after start");
            }

            if (i > 0 && start < slots[i - 1].Start)
            {
                Fail($"{path}.start", "slots must be ordered by start");
            }

            if (string.IsNullOrWhiteSpace(slot.Session))
            {
                Fail($"{path}.session", "is required");
            }

            slots.Add(new Slot(ids[i], start, end, slot.Session!));
        }

        // Idle gaps are counted over a session's slots in order, so a session must be one unbroken run of slots.
        var closed = new HashSet<string>();
        for (var i = 1; i < slots.Count; i++)
        {
            if (slots[i].Session != slots[i - 1].Session)
            {
                closed.Add(slots[i - 1].Session);
                if (closed.Contains(slots[i].Session))
                {
                    Fail($"slots[{i}].session", $"the slots of session '{slots[i].Session}' are not consecutive (slot '{slots[i - 1].Id}' of session '{slots[i - 1].Session}' comes between them)");
                }
            }
        }

        return slots;
    }

    private static Meeting Meeting(MeetingDocument m, string id, string path, HashSet<string> slotIds, HashSet<string> locationIds, HashSet<string> participantIds)
    {
        var participants = m.Participants ?? Fail<List<string?>>($"{path}.participants", "is required");
        if (participants.Count < 2)
        {
            Fail($"{path}.participants", "a meeting needs at least 2 participants");
        }

        var members = References(participants, $"{path}.participants", participantIds, "participant")!;
        var duplicate = members.GroupBy(p => p).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            Fail($"{path}.participants", $"participant '{duplicate.Key}' is listed twice");
        }

        var weight = m.Weight ?? 1;
        if (weight is < 1 or > int.MaxValue)
        {
            Fail($"{path}.weight", $"must be a positive integer, found {weight}");
        }

        FixedPlacement? pinned = null;
        if (m.Fixed is { } f)
        {
            var slot = Reference(f.Slot ?? Fail<string>($"{path}.fixed.slot", "is required"), $"{path}.fixed.slot", slotIds, "slot");
            var location = f.Location is null ? null : Reference(f.Location, $"{path}.fixed.location", locationIds, "location");
            pinned = new FixedPlacement(slot, location);
        }

        CurrentPlacement? current = null;
        if (m.Current is { } c)
        {
            // A published slot or table that no longer exists is not an error: the meeting simply has to move.
            var slot = string.IsNullOrWhiteSpace(c.Slot) ? Fail<string>($"{path}.current.slot", "is required") : c.Slot;
            current = new CurrentPlacement(slot, c.Location);
        }

        return new Meeting(id, members, (int)weight, m.Required ?? false, References(m.AllowedSlots, $"{path}.allowedSlots", slotIds, "slot"), pinned, current);
    }

    /// <summary>Non-empty, unique ids of a list; a null entry or id fails with its index.</summary>
    private static List<string> Ids<T>(List<T?> items, string path, Func<T?, string?> id)
    {
        var seen = new HashSet<string>();
        var ids = new List<string>();
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is null)
            {
                Fail($"{path}[{i}]", "must be an object");
            }

            var value = id(items[i]);
            if (string.IsNullOrWhiteSpace(value))
            {
                Fail($"{path}[{i}].id", "is required");
            }

            if (!seen.Add(value!))
            {
                Fail($"{path}[{i}].id", $"duplicate id '{value}'");
            }

            ids.Add(value!);
        }

        return ids;
    }

    private static List<string>? References(List<string?>? references, string path, HashSet<string> known, string kind) =>
        references?.Select((r, i) => Reference(r, $"{path}[{i}]", known, kind)).ToList();

    private static string Reference(string? reference, string path, HashSet<string> known, string kind) =>
        reference is not null && known.Contains(reference) ? reference : Fail<string>(path, $"unknown {kind} '{reference}'");

    private static void Fail(string path, string reason) => JsonFiles.Fail(path, reason);

    private static T Fail<T>(string path, string reason) => JsonFiles.Fail<T>(path, reason);
}
