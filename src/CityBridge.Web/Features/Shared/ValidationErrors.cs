using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace CityBridge.Web.Features.Shared;

/// <summary>Field errors collected at the edge, shown beside form fields or returned as RFC 9457 validation problems.</summary>
public sealed class ValidationErrors
{
    private readonly Dictionary<string, List<string>> _errors = new(StringComparer.OrdinalIgnoreCase);

    public bool IsEmpty => _errors.Count == 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }

        list.Add(message);
    }

    /// <summary>Runs the DataAnnotations and IValidatableObject rules of <paramref name="input"/>.</summary>
    public static ValidationErrors Annotations(object input)
    {
        var errors = new ValidationErrors();
        var results = new List<ValidationResult>();
        var context = new ValidationContext(input);
        if (!Validator.TryValidateObject(input, context, results, validateAllProperties: true) && input is IValidatableObject crossField)
        {
            // DataAnnotations skips the cross-field rules once a field fails; run them anyway so every problem is reported at once.
            results.AddRange(crossField.Validate(context));
        }
        // When the fields pass, DataAnnotations has run the cross-field rules itself: keep each message once.
        foreach (var result in results.DistinctBy(r => (r.ErrorMessage, string.Join(',', r.MemberNames))))
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(string.Empty))
            {
                errors.Add(JsonName(member), result.ErrorMessage ?? "Invalid value.");
            }
        }

        // NUL characters have no place in text (PostgreSQL refuses them, and tools downstream cut text at them).
        foreach (var property in input.GetType().GetProperties().Where(p => p.CanRead && p.GetIndexParameters().Length == 0))
        {
            IEnumerable<string> texts = property.GetValue(input) switch
            {
                string text => [text],
                IEnumerable<string> items => items,
                _ => [],
            };
            if (texts.Any(t => t is not null && t.Contains('\0', StringComparison.Ordinal)))
            {
                errors.Add(JsonName(property.Name), "Remove the NUL character (\\0) from this text.");
            }
        }

        return errors;
    }

    public IDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());

    /// <summary>Copies the errors into a Razor page's model state under the given prefix (e.g. "Input").</summary>
    public void CopyTo(ModelStateDictionary modelState, string prefix)
    {
        foreach (var (field, messages) in _errors)
        {
            var key = field.Length == 0 ? string.Empty : $"{prefix}.{char.ToUpperInvariant(field[0])}{field[1..]}";
            foreach (var message in messages)
            {
                modelState.AddModelError(key, message);
            }
        }
    }

    private static string JsonName(string member) =>
        member.Length == 0 ? member : char.ToLowerInvariant(member[0]) + member[1..];
}
