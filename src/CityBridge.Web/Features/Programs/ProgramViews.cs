using System.Globalization;
using CityBridge.Core.Domain;
using CityBridge.Core.Programs;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Programs;

/// <summary>A session on a program's agenda, in the program's local time.</summary>
public sealed record SessionView(int Id, string Title, DateOnly Date, TimeOnly Start, TimeOnly End, string? Topic, string? Speakers, string? Materials);

/// <summary>A program in lists and details.</summary>
public sealed record ProgramDto(int Id, string Name, ProgramKind Kind, string? Description, string? Place, string TimeZone, DateOnly StartDate, DateOnly EndDate,
    IReadOnlyList<string> Sectors, int Capacity, bool IsPublished, IReadOnlyList<SessionView> Sessions, Guid Version);

/// <summary>The list filters of the page and the API.</summary>
public sealed class ProgramFilter : PageRequest
{
    /// <summary>Workshop, TradeShowDelegation, SectorProgram or ExpertDelegation.</summary>
    public ProgramKind? Kind { get; set; }

    /// <summary>Sector key from the taxonomy.</summary>
    public string? Sector { get; set; }

    /// <summary>Only programs whose last day is today or later.</summary>
    public bool? Upcoming { get; set; }

    public IQueryable<TradeProgram> Apply(IQueryable<TradeProgram> programs, Actor actor, DateOnly today)
    {
        programs = programs.Where(p => p.IsPublished || actor.IsStaff);
        if (Kind is { } kind)
        {
            programs = programs.Where(p => p.Kind == kind);
        }

        if (!string.IsNullOrWhiteSpace(Sector))
        {
            programs = programs.Where(p => p.Sectors.Contains(Sector));
        }

        if (Upcoming == true)
        {
            programs = programs.Where(p => p.EndDate >= today);
        }

        return programs.OrderBy(p => p.StartDate).ThenBy(p => p.Name).ThenBy(p => p.Id);
    }
}

public sealed record ApplyInput(int? ProjectId);

public sealed record InviteInput(List<string>? Emails);

public sealed record FeedbackInput(int? Score, string? Comment);

public sealed record ItineraryInput(List<VisitInput>? Visits);

/// <summary>How programs read in lists, details, e-mails and search: the DTO, the agenda, the kind and the dates.</summary>
public static class ProgramViews
{
    public static IReadOnlyList<SessionView> Agenda(TradeProgram p) =>
        p.Sessions.OrderBy(s => s.Date).ThenBy(s => s.Start).ThenBy(s => s.Id).Select(s => new SessionView(s.Id, s.Title, s.Date, s.Start, s.End, s.Topic, s.Speakers, s.Materials)).ToList();

    public static ProgramDto ToDto(TradeProgram p) => new(p.Id, p.Name, p.Kind, p.Description, p.Place, p.TimeZone, p.StartDate, p.EndDate, p.Sectors, p.Capacity, p.IsPublished, Agenda(p), p.Version);

    public static string KindName(ProgramKind kind) => kind switch
    {
        ProgramKind.Workshop => "workshop",
        ProgramKind.TradeShowDelegation => "trade-show delegation",
        ProgramKind.SectorProgram => "sector program at a trade show",
        ProgramKind.ExpertDelegation => "expert-advisor delegation",
        _ => kind.ToString(),
    };

    public static string Dates(TradeProgram p) => p.StartDate == p.EndDate
        ? p.StartDate.ToString("d MMM yyyy", CultureInfo.InvariantCulture)
        : $"{p.StartDate.ToString("d MMM", CultureInfo.InvariantCulture)} – {p.EndDate.ToString("d MMM yyyy", CultureInfo.InvariantCulture)}";
}
