using System.Collections;
using System.ComponentModel.DataAnnotations;
using System.Linq.Expressions;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace CityBridge.Web.Features.Shared;

/// <summary>
/// What lets the browser check a form before sending it (site.js), with the server's own messages: ASP.NET Core writes
/// data-val-* attributes for the standard annotations; these add the rules of our own annotations. The server checks
/// everything again and stays the source of truth; a form without JavaScript loses nothing.
/// </summary>
public static class ClientChecks
{
    /// <summary>
    /// The message a list field's rules give for an empty list ("Choose at least one sector."), or null when an empty
    /// list is allowed; a checkbox group carries it as <c>data-val-checks</c> so the browser can say it before sending.
    /// </summary>
    public static string? EmptyListMessage(ModelMetadata metadata)
    {
        var context = new ValidationContext(new object()) { MemberName = metadata.PropertyName, DisplayName = metadata.GetDisplayName() };
        var empty = Activator.CreateInstance(metadata.ModelType.IsInterface ? typeof(List<string>) : metadata.ModelType) as IEnumerable;
        return metadata.ValidatorMetadata.OfType<ValidationAttribute>()
            .Select(rule => rule.GetValidationResult(empty, context))
            .FirstOrDefault(result => result != ValidationResult.Success)?.ErrorMessage;
    }

    /// <inheritdoc cref="EmptyListMessage(ModelMetadata)"/>
    public static string? EmptyListMessage<TModel, TValue>(this IHtmlHelper<TModel> html, Expression<Func<TModel, TValue>> field)
    {
        var expressions = html.ViewContext.HttpContext.RequestServices.GetRequiredService<ModelExpressionProvider>();
        return EmptyListMessage(expressions.CreateModelExpression(html.ViewData, field).Metadata);
    }

    internal static void Add(ClientModelValidationContext context, string rule, string message)
    {
        context.Attributes.TryAdd("data-val", "true");
        context.Attributes.TryAdd($"data-val-{rule}", message);
    }
}

/// <summary>A box that must be ticked, such as agreeing to a privacy notice; checked in the browser too.</summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class MustBeCheckedAttribute : ValidationAttribute, IClientModelValidator
{
    public override bool IsValid(object? value) => value is true;

    public void AddValidation(ClientModelValidationContext context) =>
        ClientChecks.Add(context, "checked", FormatErrorMessage(context.ModelMetadata.GetDisplayName()));
}
