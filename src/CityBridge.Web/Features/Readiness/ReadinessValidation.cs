using System.Globalization;
using CityBridge.Core.Readiness;
using CityBridge.Web.Features.Shared;

namespace CityBridge.Web.Features.Readiness;

/// <summary>
/// Input rules for the four assessments, shared by the API and the pages. Field names follow the JSON
/// ("funding[2].amount"); pages pass their own row numbers through <c>rowOf</c> when they skip blank rows.
/// </summary>
public static class ReadinessValidation
{
    public const int FirstYear = 2000;
    public const int LastYear = 2100;
    public const int MaxRows = 60;

    private static readonly string[] Methods = ["open", "selective", "limited", "direct"];
    private static readonly string[] Categories = ["goods", "services", "works"];

    public static ValidationErrors Plan(ProjectPlan plan, ReadinessCatalog catalog, RowMap? rows = null)
    {
        var errors = new ValidationErrors();
        rows ??= RowMap.Identity;
        Each(plan.Objectives, (o, i) => Require(errors, $"objectives[{rows.Of("objectives", i)}]", o, "Write the objective or leave the line empty."));
        Each(plan.Stakeholders, (s, i) =>
        {
            Require(errors, $"stakeholders[{rows.Of("stakeholders", i)}].name", s.Name, "Name the stakeholder.");
        });
        Each(plan.Phases, (p, i) =>
        {
            var at = $"phases[{rows.Of("phases", i)}]";
            Require(errors, $"{at}.name", p.Name, "Name the phase.");
            if (p.Start is { } start && p.End is { } end && end < start)
            {
                errors.Add($"{at}.end", "The end date must not be before the start date.");
            }
        });
        Each(plan.Kpis, (k, i) =>
        {
            var at = $"kpis[{rows.Of("kpis", i)}]";
            if (catalog.FindIndicator(k.Standard, k.Indicator) is null)
            {
                errors.Add($"{at}.indicator", "Choose an indicator from the ISO 37120 / ISO 37122 list.");
            }

            if (k.TargetYear is { } year && (year < FirstYear || year > LastYear))
            {
                errors.Add($"{at}.targetYear", $"The target year must be between {FirstYear} and {LastYear}.");
            }
        });
        TooMany(errors, "objectives", plan.Objectives.Count);
        TooMany(errors, "kpis", plan.Kpis.Count);
        return errors;
    }

    public static ValidationErrors Finance(FinancePlan plan, RowMap? rows = null)
    {
        var errors = new ValidationErrors();
        rows ??= RowMap.Identity;
        Each(plan.Rates, (r, i) =>
        {
            var at = $"rates[{rows.Of("rates", i)}]";
            Currency(errors, $"{at}.currency", r.Currency);
            if (r.UsdPerUnit <= 0)
            {
                errors.Add($"{at}.usdPerUnit", "The rate must be above zero: how many US dollars one unit is worth.");
            }
        });
        Each(plan.Funding, (f, i) =>
        {
            var at = $"funding[{rows.Of("funding", i)}]";
            Year(errors, $"{at}.year", f.Year);
            if (f.Amount < 0)
            {
                errors.Add($"{at}.amount", "The amount must not be negative.");
            }

            if (Currency(errors, $"{at}.currency", f.Currency) && NeedsRate(plan, f.Currency))
            {
                errors.Add($"{at}.currency", $"Enter the USD rate for {f.Currency.ToUpperInvariant()} first.");
            }
        });
        if (plan.Scenarios.Count > 5)
        {
            errors.Add("scenarios", "Compare at most 5 scenarios.");
        }

        Each(plan.Scenarios, (s, i) =>
        {
            var at = $"scenarios[{rows.Of("scenarios", i)}]";
            Require(errors, $"{at}.name", s.Name, "Name the scenario.");
            if (s.DiscountRatePercent is <= -100m or > 100m)
            {
                errors.Add($"{at}.discountRatePercent", "The discount rate must be above -100% and at most 100%.");
            }

            if (Currency(errors, $"{at}.currency", s.Currency) && NeedsRate(plan, s.Currency))
            {
                errors.Add($"{at}.currency", $"Enter the USD rate for {s.Currency.ToUpperInvariant()} first.");
            }

            Each(s.Years, (y, j) =>
            {
                var row = $"{at}.years[{rows.Of($"scenarios[{i}].years", j)}]";
                Year(errors, $"{row}.year", y.Year);
                if (y.Capex < 0 || y.Opex < 0 || y.Revenue < 0)
                {
                    errors.Add($"{row}.capex", "Enter capex, opex and revenue as positive amounts.");
                }
            });
            if (s.Years.GroupBy(y => y.Year).Any(g => g.Count() > 1))
            {
                errors.Add($"{at}.years", "Each year may appear only once in a scenario.");
            }

            TooMany(errors, $"{at}.years", s.Years.Count);
        });
        TooMany(errors, "funding", plan.Funding.Count);
        return errors;
    }

    public static ValidationErrors Procurement(ProcurementAssessment assessment, IReadOnlyList<SectorStandard> checklist, RowMap? rows = null)
    {
        var errors = new ValidationErrors();
        rows ??= RowMap.Identity;
        var known = checklist.Select(s => s.Standard).ToHashSet(StringComparer.Ordinal);
        Each(assessment.Checklist, (c, i) =>
        {
            if (!known.Contains(c.Standard))
            {
                errors.Add($"checklist[{i}].standard", $"\"{c.Standard}\" is not on this project's checklist.");
            }
        });
        var tender = assessment.Tender;
        if (!Methods.Contains(tender.ProcurementMethod))
        {
            errors.Add("tender.procurementMethod", "Choose open, selective, limited or direct.");
        }

        if (!Categories.Contains(tender.MainProcurementCategory))
        {
            errors.Add("tender.mainProcurementCategory", "Choose goods, services or works.");
        }

        if (tender.Value < 0)
        {
            errors.Add("tender.value", "The estimated value must not be negative.");
        }

        Currency(errors, "tender.currency", tender.Currency);
        if (tender.TenderStart is { } start && tender.TenderEnd is { } end && end <= start)
        {
            errors.Add("tender.tenderEnd", "The tender must close after it opens.");
        }

        Each(tender.Items, (item, i) =>
        {
            var at = $"tender.items[{rows.Of("tender.items", i)}]";
            Require(errors, $"{at}.description", item.Description, "Describe the item.");
            Require(errors, $"{at}.unit", item.Unit, "Give the unit, e.g. unit, km, licence.");
            if (item.Quantity <= 0)
            {
                errors.Add($"{at}.quantity", "The quantity must be above zero.");
            }
        });
        TooMany(errors, "tender.items", tender.Items.Count);
        return errors;
    }

    public static ValidationErrors Cyber(CyberAssessment assessment, ReadinessCatalog catalog, RowMap? rows = null)
    {
        var errors = new ValidationErrors();
        rows ??= RowMap.Identity;
        var known = catalog.CsfCategories.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
        Each(assessment.Ratings, (r, i) =>
        {
            var at = $"ratings[{rows.Of("ratings", i)}]";
            if (!known.Contains(r.CategoryId))
            {
                errors.Add($"{at}.categoryId", $"\"{r.CategoryId}\" is not a NIST CSF 2.0 category.");
            }

            if (r.Maturity is < 0 or > CyberScoring.MaxMaturity)
            {
                errors.Add($"{at}.maturity", "Rate maturity from 0 (none) to 4 (managed and measured).");
            }

            if (r.Evidence?.Length > 2000)
            {
                errors.Add($"{at}.evidence", "Keep evidence notes under 2000 characters.");
            }
        });
        if (assessment.Ratings.GroupBy(r => r.CategoryId).Any(g => g.Count() > 1))
        {
            errors.Add("ratings", "Rate each category once.");
        }

        return errors;
    }

    private static void Each<T>(IReadOnlyList<T>? items, Action<T, int> check)
    {
        for (var i = 0; i < (items?.Count ?? 0); i++)
        {
            check(items![i], i);
        }
    }

    private static void Require(ValidationErrors errors, string field, string? value, string message)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(field, message);
        }
        else if (value.Length > 1000)
        {
            errors.Add(field, "Keep this under 1000 characters.");
        }
    }

    private static void Year(ValidationErrors errors, string field, int year)
    {
        if (year is < FirstYear or > LastYear)
        {
            errors.Add(field, $"The year must be between {FirstYear} and {LastYear}.");
        }
    }

    private static bool Currency(ValidationErrors errors, string field, string? code)
    {
        if (code is null || code.Length != 3 || !code.All(char.IsAsciiLetter))
        {
            errors.Add(field, "Use a three-letter ISO 4217 currency code such as USD, VND or IDR.");
            return false;
        }

        return true;
    }

    private static bool NeedsRate(FinancePlan plan, string currency) =>
        !string.Equals(currency, "USD", StringComparison.OrdinalIgnoreCase)
        && !plan.Rates.Any(r => string.Equals(r.Currency, currency, StringComparison.OrdinalIgnoreCase));

    private static void TooMany(ValidationErrors errors, string field, int count)
    {
        if (count > MaxRows)
        {
            errors.Add(field, string.Create(CultureInfo.InvariantCulture, $"At most {MaxRows} entries."));
        }
    }
}

/// <summary>Maps an index in a saved list back to the form row it came from (forms skip blank rows).</summary>
public sealed class RowMap
{
    private readonly Dictionary<string, List<int>> _rows = new(StringComparer.Ordinal);

    public static RowMap Identity { get; } = new();

    public void Add(string list, int formRow)
    {
        if (!_rows.TryGetValue(list, out var rows))
        {
            _rows[list] = rows = [];
        }

        rows.Add(formRow);
    }

    public int Of(string list, int index) => _rows.TryGetValue(list, out var rows) && index < rows.Count ? rows[index] : index;
}
