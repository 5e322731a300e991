using System.ComponentModel.DataAnnotations;
using CityBridge.Core.Domain;
using NodaTime;

namespace CityBridge.Web.Features.Shared;

/// <summary>Every item must be a key of the sector taxonomy.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class SectorKeysAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var unknown = (value as IEnumerable<string> ?? []).Where(k => !SectorTaxonomy.IsKnown(k)).ToList();
        return unknown.Count == 0
            ? ValidationResult.Success
            : new ValidationResult($"Unknown sector {string.Join(", ", unknown.Select(k => $"'{k}'"))}. Choose from: {string.Join(", ", SectorTaxonomy.All.Select(s => s.Key))}.", [validationContext.MemberName!]);
    }
}

/// <summary>Every item must look like an ISO 3166-1 alpha-2 code.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class CountryCodesAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext)
    {
        var bad = (value as IEnumerable<string> ?? []).Where(c => !ListText.IsCountryCode(c)).ToList();
        return bad.Count == 0
            ? ValidationResult.Success
            : new ValidationResult($"{string.Join(", ", bad.Select(c => $"'{c}'"))} is not a two-letter ISO country code such as VN or ID.", [validationContext.MemberName!]);
    }
}

/// <summary>The value must be an IANA time zone id known to the tz database.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class IanaTimeZoneAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is not string id || string.IsNullOrEmpty(id) || DateTimeZoneProviders.Tzdb.GetZoneOrNull(id) is not null
            ? ValidationResult.Success
            : new ValidationResult($"'{id}' is not an IANA time zone; use a name such as Asia/Jakarta.", [validationContext.MemberName!]);
}

/// <summary>Lists entered as text ("ISO 24510; ISO 37120") and written back as text.</summary>
public static class ListText
{
    private static readonly char[] Separators = [';', ',', '\n', '\r'];

    public static List<string> Split(string? text) =>
        (text ?? string.Empty).Split(Separators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static string Join(IEnumerable<string> items) => string.Join("; ", items);

    public static List<string> Normalize(IEnumerable<string>? items) =>
        (items ?? []).Select(i => i.Trim()).Where(i => i.Length > 0).Distinct(StringComparer.OrdinalIgnoreCase).ToList();

    public static List<string> NormalizeCodes(IEnumerable<string>? items) =>
        Normalize(items).Select(i => i.ToUpperInvariant()).ToList();

    public static bool IsCountryCode(string code) => code.Length == 2 && code.All(char.IsAsciiLetter);
}
