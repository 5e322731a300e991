using System.Globalization;
using CityBridge.Core.Domain;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Shared;
using CsvHelper;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.DataExchange;

/// <summary>Writes providers, solutions, projects or contacts as CSV in the format the importer reads.</summary>
public sealed class CsvExporter(CityBridgeDb db)
{
    public async Task<int> ExportAsync(CsvKind kind, Stream output, CancellationToken ct)
    {
        await using var writer = new StreamWriter(output, leaveOpen: true);
        await using var csv = CsvOutput.Writer(writer);
        foreach (var column in CsvColumns.For(kind))
        {
            csv.WriteField(column);
        }

        await csv.NextRecordAsync();
        var count = 0;
        await foreach (var record in RowsAsync(kind).WithCancellation(ct))
        {
            foreach (var field in record)
            {
                csv.WriteField(field);
            }

            await csv.NextRecordAsync();
            count++;
        }

        await csv.FlushAsync();
        return count;
    }

    private IAsyncEnumerable<string?[]> RowsAsync(CsvKind kind) => kind switch
    {
        CsvKind.Providers => db.Organizations.AsNoTracking().Where(o => o.Kind == OrganizationKind.Provider).OrderBy(o => o.Name)
            .Select(o => new { o.Name, o.CountryCode, o.Website, o.Sectors, o.ExperienceCountries, o.Standards, o.Description })
            .AsAsyncEnumerable().Select(o => new[] { o.Name, o.CountryCode, o.Website, ListText.Join(o.Sectors), ListText.Join(o.ExperienceCountries), ListText.Join(o.Standards), o.Description }),
        CsvKind.Solutions => db.Solutions.AsNoTracking().OrderBy(s => s.Organization!.Name).ThenBy(s => s.Name)
            .Select(s => new { Provider = s.Organization!.Name, s.Name, s.Sectors, s.Standards, s.ReferenceCities, s.Description })
            .AsAsyncEnumerable().Select(s => new[] { s.Provider, s.Name, ListText.Join(s.Sectors), ListText.Join(s.Standards), ListText.Join(s.ReferenceCities), s.Description }),
        CsvKind.Projects => db.Projects.AsNoTracking().OrderBy(p => p.City!.Name).ThenBy(p => p.Title)
            .Select(p => new { City = p.City!.Name, p.City.CountryCode, p.Title, p.Sectors, p.Stage, p.BudgetUsd, p.StartDate, p.EndDate, p.StandardsWanted, p.Description, p.IsPublished })
            .AsAsyncEnumerable().Select(p => new[]
            {
                p.City, p.CountryCode, p.Title, ListText.Join(p.Sectors), p.Stage.ToString(), p.BudgetUsd?.ToString(CultureInfo.InvariantCulture),
                p.StartDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture), p.EndDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
                ListText.Join(p.StandardsWanted), p.Description, p.IsPublished ? "true" : "false",
            }),
        _ => db.Contacts.AsNoTracking().OrderBy(c => c.Organization!.Name).ThenBy(c => c.FullName)
            .Select(c => new { Organization = c.Organization!.Name, c.FullName, c.Email, c.JobTitle, c.Phone })
            .AsAsyncEnumerable().Select(c => new[] { c.Organization, c.FullName, c.Email, c.JobTitle, c.Phone }),
    };
}
