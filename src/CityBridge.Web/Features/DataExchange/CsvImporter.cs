using System.Globalization;
using CityBridge.Core.Domain;
using CityBridge.Web.Data;
using CityBridge.Web.Features.Contacts;
using CityBridge.Web.Features.Organizations;
using CityBridge.Web.Features.Projects;
using CityBridge.Web.Features.Shared;
using CityBridge.Web.Features.Solutions;
using CsvHelper;
using CsvHelper.Configuration;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Features.DataExchange;

/// <summary>
/// Imports providers, solutions, projects and contacts from CSV. Every row is checked first with the same rules as
/// the forms; a file with any bad row stores nothing, and a good file is stored in one transaction.
/// Rows whose key (provider name; provider and solution name; city and project title; e-mail) exists update that record.
/// </summary>
public sealed class CsvImporter(CityBridgeDb db)
{
    private const int SaveBatchSize = 500;

    public async Task<ImportReport> ImportAsync(CsvKind kind, Stream csv, bool dryRun, IProgress<ImportProgress>? progress, CancellationToken ct)
    {
        var (rows, headerProblems) = await CsvRow.ReadAllAsync(csv, CsvColumns.RequiredFor(kind), ct);
        if (headerProblems.Count > 0)
        {
            return new ImportReport(kind, 0, 0, 0, [new RejectedRow(1, headerProblems)], dryRun);
        }

        var plan = kind switch
        {
            CsvKind.Providers => await PlanProvidersAsync(rows, ct),
            CsvKind.Solutions => await PlanSolutionsAsync(rows, ct),
            CsvKind.Projects => await PlanProjectsAsync(rows, ct),
            _ => await PlanContactsAsync(rows, ct),
        };

        if (plan.Rejected.Count > 0 || dryRun)
        {
            db.ChangeTracker.Clear();
            return new ImportReport(kind, rows.Count, plan.Created, plan.Updated, plan.Rejected, dryRun);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        for (var done = 0; done < plan.Changes.Count;)
        {
            foreach (var change in plan.Changes.Skip(done).Take(SaveBatchSize))
            {
                change();
            }

            done = Math.Min(plan.Changes.Count, done + SaveBatchSize);
            await db.SaveChangesAsync(ct);
            progress?.Report(new ImportProgress(done, plan.Changes.Count));
        }

        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return new ImportReport(kind, rows.Count, plan.Created, plan.Updated, [], dryRun);
    }

    private async Task<ImportPlan> PlanProvidersAsync(List<CsvRow> rows, CancellationToken ct)
    {
        var existing = await db.Organizations.Where(o => o.Kind == OrganizationKind.Provider).ToDictionaryAsync(o => Key(o.Name), ct);
        return Plan(rows, existing, row =>
        {
            var input = new OrganizationInput
            {
                Name = row.Get("name") ?? string.Empty,
                Kind = OrganizationKind.Provider,
                CountryCode = row.Get("country"),
                Website = row.Get("website"),
                Description = row.Get("description"),
                Sectors = ListText.Split(row.Get("sectors")),
                ExperienceCountries = ListText.Split(row.Get("experienceCountries")),
                Standards = ListText.Split(row.Get("standards")),
            };
            return (input, Key(input.Name), new List<string>());
        });
    }

    private async Task<ImportPlan> PlanSolutionsAsync(List<CsvRow> rows, CancellationToken ct)
    {
        var providers = await ProviderIdsByNameAsync(ct);
        var existing = await db.Solutions.Include(s => s.Organization).ToDictionaryAsync(s => Key(s.Organization!.Name, s.Name), ct);
        return Plan(rows, existing, row =>
        {
            var provider = row.Get("provider") ?? string.Empty;
            var problems = new List<string>();
            if (!providers.TryGetValue(Key(provider), out var providerId))
            {
                problems.Add($"provider: there is no provider named '{provider}'; import the providers first.");
            }

            var input = new SolutionInput
            {
                OrganizationId = providerId,
                Name = row.Get("name") ?? string.Empty,
                Description = row.Get("description"),
                Sectors = ListText.Split(row.Get("sectors")),
                Standards = ListText.Split(row.Get("standards")),
                ReferenceCities = ListText.Split(row.Get("referenceCities")),
            };
            return (input, Key(provider, input.Name), problems);
        });
    }

    private async Task<ImportPlan> PlanProjectsAsync(List<CsvRow> rows, CancellationToken ct)
    {
        var cities = await db.Cities.ToDictionaryAsync(c => Key(c.CountryCode, c.Name), c => c.Id, ct);
        var existing = await db.Projects.Include(p => p.City).ToDictionaryAsync(p => Key(p.City!.CountryCode, p.City.Name, p.Title), ct);
        return Plan(rows, existing, row =>
        {
            var problems = new List<string>();
            var city = row.Get("city") ?? string.Empty;
            var country = (row.Get("countryCode") ?? string.Empty).ToUpperInvariant();
            if (!cities.TryGetValue(Key(country, city), out var cityId))
            {
                problems.Add($"city: there is no city '{city}' in country '{country}'; add the city first.");
            }

            var input = new ProjectInput
            {
                CityId = cityId,
                Title = row.Get("title") ?? string.Empty,
                Description = row.Get("description"),
                Sectors = ListText.Split(row.Get("sectors")),
                Stage = row.ParseEnum<ProjectStage>("stage", problems),
                BudgetUsd = row.ParseDecimal("budgetUsd", problems),
                StartDate = row.ParseDate("startDate", problems),
                EndDate = row.ParseDate("endDate", problems),
                StandardsWanted = ListText.Split(row.Get("standards")),
                IsPublished = row.ParseBool("published", problems) ?? true,
            };
            return (input, Key(country, city, input.Title), problems);
        });
    }

    private async Task<ImportPlan> PlanContactsAsync(List<CsvRow> rows, CancellationToken ct)
    {
        var organizations = await db.Organizations.ToDictionaryAsync(o => Key(o.Name), o => o.Id, ct);
        var existing = await db.Contacts.ToDictionaryAsync(c => Key(c.Email), ct);
        return Plan(rows, existing, row =>
        {
            var problems = new List<string>();
            var organization = row.Get("organization") ?? string.Empty;
            if (!organizations.TryGetValue(Key(organization), out var organizationId))
            {
                problems.Add($"organization: there is no organization named '{organization}'.");
            }

            var input = new ContactInput
            {
                OrganizationId = organizationId,
                FullName = row.Get("fullName") ?? string.Empty,
                Email = row.Get("email") ?? string.Empty,
                JobTitle = row.Get("jobTitle"),
                Phone = row.Get("phone"),
            };
            return (input, Key(input.Email), problems);
        });
    }

    private async Task<Dictionary<string, int>> ProviderIdsByNameAsync(CancellationToken ct) =>
        await db.Organizations.Where(o => o.Kind == OrganizationKind.Provider).ToDictionaryAsync(o => Key(o.Name), o => o.Id, ct);

    /// <summary>Validates every row and prepares, but does not yet run, the change each good row makes.</summary>
    private ImportPlan Plan<TEntity, TInput>(
        List<CsvRow> rows,
        Dictionary<string, TEntity> existing,
        Func<CsvRow, (TInput Input, string Key, List<string> Problems)> read)
        where TEntity : EditableRecord
        where TInput : class, IRecordInput<TEntity>
    {
        var plan = new ImportPlan();
        var firstLineOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            var (input, key, problems) = read(row);
            // CSV rows name their city or organization; the lookup in `read` reports those, not the id fields.
            var errors = ValidationErrors.Annotations(input).ToDictionary().Where(e => e.Key is not ("cityId" or "organizationId"));
            problems.AddRange(errors.SelectMany(e => e.Value.Select(m => $"{e.Key}: {m}")));

            if (firstLineOfKey.TryGetValue(key, out var firstLine))
            {
                problems.Add($"the same record already appears on line {firstLine}.");
            }
            else
            {
                firstLineOfKey[key] = row.Line;
            }

            if (problems.Count > 0)
            {
                plan.Rejected.Add(new RejectedRow(row.Line, problems));
                continue;
            }

            if (existing.TryGetValue(key, out var entity))
            {
                plan.Updated++;
                plan.Changes.Add(() => input.ApplyTo(entity));
            }
            else
            {
                plan.Created++;
                plan.Changes.Add(() => db.Set<TEntity>().Add(input.ToNewEntity()));
            }
        }

        return plan;
    }

    private static string Key(params string[] parts) => string.Join('\u001f', parts.Select(p => p.Trim().ToUpperInvariant()));

    private sealed class ImportPlan
    {
        public List<Action> Changes { get; } = [];
        public List<RejectedRow> Rejected { get; } = [];
        public int Created { get; set; }
        public int Updated { get; set; }
    }
}

/// <summary>One data row of a CSV file with its line number.</summary>
internal sealed record CsvRow(int Line, IReadOnlyDictionary<string, string> Fields)
{
    public static async Task<(List<CsvRow> Rows, List<string> HeaderProblems)> ReadAllAsync(Stream stream, string[] requiredColumns, CancellationToken ct)
    {
        var config = new CsvConfiguration(CultureInfo.InvariantCulture) { TrimOptions = TrimOptions.Trim, DetectDelimiter = false, BadDataFound = null };
        using var reader = new StreamReader(stream, leaveOpen: true);
        using var csv = new CsvReader(reader, config);
        var rows = new List<CsvRow>();
        if (!await csv.ReadAsync())
        {
            return (rows, ["The file is empty; the first line must be the header."]);
        }

        csv.ReadHeader();
        var header = csv.HeaderRecord ?? [];
        var missing = requiredColumns.Where(c => !header.Contains(c, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            return (rows, [$"The header lacks {(missing.Count == 1 ? "the column" : "the columns")} {string.Join(", ", missing)}. Export a file of this kind to see every expected column."]);
        }

        var line = csv.Parser.RawRow;
        while (await csv.ReadAsync())
        {
            ct.ThrowIfCancellationRequested();
            var startLine = line + 1;
            line = csv.Parser.RawRow;
            var fields = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
            for (var i = 0; i < header.Length; i++)
            {
                fields[header[i]] = csv.TryGetField<string>(i, out var value) ? value ?? string.Empty : string.Empty;
            }

            if (fields.Values.All(string.IsNullOrWhiteSpace))
            {
                continue;
            }

            rows.Add(new CsvRow(startLine, fields));
        }

        return (rows, []);
    }

    public string? Get(string column) =>
        Fields.TryGetValue(column, out var value) && !string.IsNullOrWhiteSpace(value) ? value.Trim() : null;

    public decimal? ParseDecimal(string column, List<string> problems)
    {
        var text = Get(column);
        if (text is null)
        {
            return null;
        }

        if (decimal.TryParse(text, NumberStyles.Number, CultureInfo.InvariantCulture, out var value))
        {
            return value;
        }

        problems.Add($"{column}: '{text}' is not a number (write 12000000 or 12000000.50).");
        return null;
    }

    public DateOnly? ParseDate(string column, List<string> problems)
    {
        var text = Get(column);
        if (text is null)
        {
            return null;
        }

        if (DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var value))
        {
            return value;
        }

        problems.Add($"{column}: '{text}' is not a date in the form 2026-03-31.");
        return null;
    }

    public bool? ParseBool(string column, List<string> problems)
    {
        var text = Get(column);
        if (text is null)
        {
            return null;
        }

        if (bool.TryParse(text, out var value))
        {
            return value;
        }

        problems.Add($"{column}: '{text}' must be true or false.");
        return null;
    }

    public TEnum? ParseEnum<TEnum>(string column, List<string> problems) where TEnum : struct, Enum
    {
        var text = Get(column);
        if (text is null)
        {
            return null;
        }

        if (Enum.TryParse<TEnum>(text, ignoreCase: true, out var value) && Enum.IsDefined(value))
        {
            return value;
        }

        problems.Add($"{column}: '{text}' must be one of {string.Join(", ", Enum.GetNames<TEnum>())}.");
        return null;
    }
}
