namespace CityBridge.Web.Features.My;

/// <summary>The buttons of a match card: request a meeting, message, start an opportunity; each posts to /My.</summary>
public sealed record MatchActionsView(int ProjectId, int OrganizationId, bool MayStartOpportunity, string ReturnUrl);
