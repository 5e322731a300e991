using System.ComponentModel.DataAnnotations;
using CityBridge.Core.Library;
using CityBridge.Core.Programs;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Programs;

/// <summary>One agenda item as staff send it; a row with nothing filled in is ignored by the form.</summary>
public sealed class ProgramSessionInput
{
    public int? Id { get; set; }

    public string? Title { get; set; }

    public DateOnly? Date { get; set; }

    public TimeOnly? Start { get; set; }

    public TimeOnly? End { get; set; }

    public string? Topic { get; set; }

    public string? Speakers { get; set; }

    public string? Materials { get; set; }

    public bool IsBlank => string.IsNullOrWhiteSpace(Title) && Date is null && Start is null && End is null && string.IsNullOrWhiteSpace(Topic)
        && string.IsNullOrWhiteSpace(Speakers) && string.IsNullOrWhiteSpace(Materials);
}

/// <summary>What staff send to create or change a program.</summary>
public sealed class ProgramInput
{
    [Required(ErrorMessage = "Give the program a name.")]
    [StringLength(300, MinimumLength = 3, ErrorMessage = "The name needs 3 to 300 characters.")]
    public string Name { get; set; } = string.Empty;

    [Required(ErrorMessage = "Choose the kind of program.")]
    public ProgramKind? Kind { get; set; }

    [StringLength(4000, ErrorMessage = "Keep the description under 4,000 characters.")]
    public string? Description { get; set; }

    [StringLength(300, ErrorMessage = "Keep the place under 300 characters.")]
    public string? Place { get; set; }

    [Required(ErrorMessage = "Choose the place's time zone.")]
    [IanaTimeZone]
    public string TimeZone { get; set; } = "Asia/Singapore";

    [Required(ErrorMessage = "Give the first day.")]
    public DateOnly? StartDate { get; set; }

    [Required(ErrorMessage = "Give the last day.")]
    public DateOnly? EndDate { get; set; }

    [SectorKeys]
    public List<string> Sectors { get; set; } = [];

    [Range(1, 1000, ErrorMessage = "Between 1 and 1,000 seats.")]
    public int Capacity { get; set; } = 24;

    public bool IsPublished { get; set; }

    public List<ProgramSessionInput> Sessions { get; set; } = [];

    public Guid? Version { get; set; }

    /// <summary>Every problem, by field name as the API and the form use it.</summary>
    public ValidationErrors Validate()
    {
        var errors = ValidationErrors.Annotations(this);
        if (StartDate is { } start && EndDate is { } end && end < start)
        {
            errors.Add("endDate", "The last day cannot be before the first.");
        }

        if (Kind == ProgramKind.SectorProgram && Sectors.Count == 0)
        {
            errors.Add("sectors", "A sector program needs at least one sector.");
        }

        for (var i = 0; i < Sessions.Count; i++)
        {
            var s = Sessions[i];
            var field = $"sessions[{i}]";
            if (string.IsNullOrWhiteSpace(s.Title) || s.Date is null || s.Start is null || s.End is null)
            {
                errors.Add(field, $"Session {i + 1} needs a title, a day, a start and an end.");
                continue;
            }

            if (s.End <= s.Start)
            {
                errors.Add(field, $"Session {i + 1} ends before it starts.");
            }

            if (StartDate is { } first && EndDate is { } last && (s.Date < first || s.Date > last))
            {
                errors.Add(field, $"Session {i + 1} is on {s.Date:yyyy-MM-dd}, outside the program's days.");
            }

            if (Kind == ProgramKind.Workshop && !string.IsNullOrWhiteSpace(s.Topic) && !WorkshopTopics.Names.Contains(s.Topic.Trim()))
            {
                errors.Add(field, $"Session {i + 1}: a workshop topic is one of {string.Join(", ", WorkshopTopics.Names)}.");
            }

            if (s.Title.Length > 300 || s.Speakers?.Length > 1000 || s.Materials?.Length > 4000)
            {
                errors.Add(field, $"Session {i + 1}: keep the title under 300, speakers under 1,000 and materials under 4,000 characters.");
            }
        }

        return errors;
    }

    /// <summary>Copies the input to the program; returns true when the agenda (titles, days or times) changed.</summary>
    public bool ApplyTo(TradeProgram p)
    {
        var before = AgendaKey(p.Sessions);
        p.Name = Name.Trim();
        p.Kind = Kind!.Value;
        p.Description = Description?.Trim();
        p.Place = Place?.Trim();
        p.TimeZone = TimeZone;
        p.StartDate = StartDate!.Value;
        p.EndDate = EndDate!.Value;
        p.Sectors = [.. Sectors.Distinct()];
        p.Capacity = Capacity;
        p.IsPublished = IsPublished;
        var kept = new List<ProgramSession>();
        foreach (var s in Sessions)
        {
            var session = p.Sessions.FirstOrDefault(x => s.Id is { } id && x.Id == id) ?? new ProgramSession { Title = s.Title!.Trim() };
            session.Title = s.Title!.Trim();
            session.Date = s.Date!.Value;
            session.Start = s.Start!.Value;
            session.End = s.End!.Value;
            session.Topic = string.IsNullOrWhiteSpace(s.Topic) ? null : s.Topic.Trim();
            session.Speakers = string.IsNullOrWhiteSpace(s.Speakers) ? null : s.Speakers.Trim();
            session.Materials = string.IsNullOrWhiteSpace(s.Materials) ? null : s.Materials.Trim();
            kept.Add(session);
        }

        p.Sessions.RemoveAll(x => !kept.Contains(x));
        p.Sessions.AddRange(kept.Where(k => !p.Sessions.Contains(k)));
        return before != AgendaKey(p.Sessions);
    }

    private static string AgendaKey(IEnumerable<ProgramSession> sessions) =>
        string.Join('|', sessions.OrderBy(s => s.Date).ThenBy(s => s.Start).Select(s => $"{s.Title}@{s.Date:O}T{s.Start:HH:mm}-{s.End:HH:mm}"));

    public static ProgramInput From(TradeProgram p) => new()
    {
        Name = p.Name,
        Kind = p.Kind,
        Description = p.Description,
        Place = p.Place,
        TimeZone = p.TimeZone,
        StartDate = p.StartDate,
        EndDate = p.EndDate,
        Sectors = [.. p.Sectors],
        Capacity = p.Capacity,
        IsPublished = p.IsPublished,
        Sessions = ProgramViews.Agenda(p).Select(s => new ProgramSessionInput { Id = s.Id, Title = s.Title, Date = s.Date, Start = s.Start, End = s.End, Topic = s.Topic, Speakers = s.Speakers, Materials = s.Materials }).ToList(),
        Version = p.Version,
    };
}
