using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using MimeKit;

namespace CityBridge.Web.Features.Shared;

/// <summary>
/// The one rule for an e-mail address entered anywhere (forms, API, CSV import): a plain address <c>name@domain.tld</c>
/// that MimeKit parses to itself; no display name, no angle brackets, no spaces, a dot in the domain.
/// </summary>
public static class MailAddresses
{
    private static readonly ParserOptions Strict = new() { AddressParserComplianceMode = RfcComplianceMode.Strict, AllowAddressesWithoutDomain = false };

    public static bool IsValid(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Length > 320 || text.Any(c => char.IsWhiteSpace(c) || char.IsControl(c) || c is '<' or '>' or ',' or ';'))
        {
            return false;
        }

        if (!MailboxAddress.TryParse(Strict, text, out var mailbox) || !string.IsNullOrEmpty(mailbox.Name) || mailbox.Route.Count > 0
            || !string.Equals(mailbox.Address, text, StringComparison.Ordinal))
        {
            return false;
        }

        var at = text.LastIndexOf('@');
        var domain = text[(at + 1)..];
        return at > 0 && domain.Contains('.', StringComparison.Ordinal) && !domain.StartsWith('.') && !domain.EndsWith('.')
            && !domain.Contains("..", StringComparison.Ordinal);
    }
}

/// <summary>The value, when given, must be a plain e-mail address (<see cref="MailAddresses"/>); the browser checks the shape first.</summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter)]
public sealed class MailAddressAttribute : ValidationAttribute, IClientModelValidator
{
    public MailAddressAttribute()
        : base("Enter a valid e-mail address, such as name@example.com.")
    {
    }

    public override bool IsValid(object? value) => value is null || (value is string text && (text.Length == 0 || MailAddresses.IsValid(text.Trim())));

    public void AddValidation(ClientModelValidationContext context) =>
        ClientChecks.Add(context, "email", FormatErrorMessage(context.ModelMetadata.GetDisplayName()));
}
