using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Shared;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.Cities;

public sealed record CityDto(int Id, string Name, string CountryCode, string? CountryName, long Population, string TimeZone, bool IsAscnPilot, string? Description, int ProjectCount, Guid Version) : IRecordDto;

public sealed class CityInput : IRecordInput<City>
{
    [Required(ErrorMessage = "Enter the city's name.")]
    [StringLength(200, ErrorMessage = "Keep the name under 200 characters.")]
    public string Name { get; set; } = string.Empty;

    [Required(ErrorMessage = "Choose the country.")]
    [RegularExpression("^[A-Za-z]{2}$", ErrorMessage = "Use the two-letter ISO country code, such as VN.")]
    public string CountryCode { get; set; } = string.Empty;

    [Range(0, 100_000_000, ErrorMessage = "Population must be between 0 and 100,000,000.")]
    public long Population { get; set; }

    [Required(ErrorMessage = "Enter the city's IANA time zone, such as Asia/Jakarta.")]
    [IanaTimeZone]
    public string TimeZone { get; set; } = string.Empty;

    public bool IsAscnPilot { get; set; }

    [StringLength(2000, ErrorMessage = "Keep the description under 2,000 characters.")]
    public string? Description { get; set; }

    public Guid? Version { get; set; }

    public static CityInput From(CityDto city) => new()
    {
        Name = city.Name,
        CountryCode = city.CountryCode,
        Population = city.Population,
        TimeZone = city.TimeZone,
        IsAscnPilot = city.IsAscnPilot,
        Description = city.Description,
        Version = city.Version,
    };

    public City ToNewEntity()
    {
        var city = new City { Name = string.Empty, CountryCode = string.Empty, TimeZone = string.Empty };
        ApplyTo(city);
        return city;
    }

    public void ApplyTo(City entity)
    {
        entity.Name = Name.Trim();
        entity.CountryCode = CountryCode.ToUpperInvariant();
        entity.Population = Population;
        entity.TimeZone = TimeZone.Trim();
        entity.IsAscnPilot = IsAscnPilot;
        entity.Description = Description?.Trim();
    }

    public async Task CheckReferencesAsync(CityBridgeDb db, int? id, ValidationErrors errors, CancellationToken ct)
    {
        var code = CountryCode.ToUpperInvariant();
        if (!await db.Countries.AnyAsync(c => c.Code == code, ct))
        {
            errors.Add("countryCode", $"'{code}' is not one of the countries CityBridge serves.");
        }

        var name = Name.Trim();
        if (await db.Cities.AnyAsync(c => c.CountryCode == code && c.Name == name && c.Id != id, ct))
        {
            errors.Add("name", $"{name} is already listed in this country.");
        }
    }
}

public sealed class CityDefinition : RecordDefinition<City, CityInput, CityDto>
{
    public static CityDefinition Instance { get; } = new();

    public override string Plural => "cities";

    public override string Singular => "city";

    public override Expression<Func<City, CityDto>> ToDto { get; } = c =>
        new CityDto(c.Id, c.Name, c.CountryCode, c.Country!.Name, c.Population, c.TimeZone, c.IsAscnPilot, c.Description, c.Projects.Count, c.Version);

    protected override ValueTask<IQueryable<City>> FilterAsync(CityBridgeDb db, DirectoryFilter filter, CancellationToken ct)
    {
        var query = db.Cities.AsNoTracking();
        if (filter.Text is { } text)
        {
            query = query.WhereAnyContains(db, text, c => c.Name, c => c.Description);
        }

        if (!string.IsNullOrEmpty(filter.Country))
        {
            var code = filter.Country.ToUpperInvariant();
            query = query.Where(c => c.CountryCode == code);
        }

        if (filter.Pilot == true)
        {
            query = query.Where(c => c.IsAscnPilot);
        }

        return ValueTask.FromResult<IQueryable<City>>(query.OrderBy(c => c.Name).ThenBy(c => c.CountryCode));
    }

    public override async Task<string?> WhyNotDeletableAsync(CityBridgeDb db, int id, CancellationToken ct)
    {
        var projects = await db.Projects.CountAsync(p => p.CityId == id, ct);
        var organizations = await db.Organizations.CountAsync(o => o.CityId == id, ct);
        return projects + organizations == 0
            ? null
            : $"This city still has {projects} project(s) and {organizations} organization(s). Delete or move them first.";
    }

    /// <summary>Everyone sees the same directory.</summary>
    public override string? CacheAudience(Actor actor) => "everyone";

    public override bool MayCreate(Actor actor, CityInput input) => actor.IsStaff;

    public override bool MayChange(Actor actor, City entity) => actor.IsStaff;
}
