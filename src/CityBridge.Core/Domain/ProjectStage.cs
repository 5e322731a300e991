namespace CityBridge.Core.Domain;

/// <summary>How far a priority project has come.</summary>
public enum ProjectStage
{
    Idea,
    Planning,
    Design,
    Procurement,
    Implementation,
    Operation,
}
