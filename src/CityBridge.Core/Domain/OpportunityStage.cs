namespace CityBridge.Core.Domain;

/// <summary>Where a provider-project opportunity stands.</summary>
public enum OpportunityStage
{
    Introduced,
    Met,
    Proposal,
    Tender,
    Won,
    Lost,
}
