namespace CityBridge.Core.Domain;

/// <summary>The four readiness tools a project goes through on its way to a contract.</summary>
public enum ReadinessPart
{
    Plan,
    Finance,
    Procurement,
    Cyber,
}
