namespace CityBridge.Web.Features.Shared;

/// <summary>The sector checkboxes of a form.</summary>
/// <param name="AtLeastOne">The message when no sector is ticked, if one is needed (<see cref="ClientChecks.EmptyListMessage(Microsoft.AspNetCore.Mvc.ModelBinding.ModelMetadata)"/>).</param>
public sealed record SectorPickerModel(string FieldName, IReadOnlyCollection<string> Selected, string Legend = "Sectors", string? Error = null, string? AtLeastOne = null);

/// <summary>Previous/next links that keep the list's filters.</summary>
public sealed record PagerModel(DirectoryFilter Filter, int Page, int PageCount);

/// <summary>What the delete confirmation shows.</summary>
public sealed record DeleteConfirmationModel(string Noun, string Name, Guid Version, string? Problem, string BackUrl);
