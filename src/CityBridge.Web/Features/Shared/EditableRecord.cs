namespace CityBridge.Web.Features.Shared;

/// <summary>A record that staff edit through forms and the API; <see cref="Version"/> guards against lost updates.</summary>
public abstract class EditableRecord
{
    public int Id { get; set; }

    /// <summary>Changes on every save; a stale value means somebody else saved first.</summary>
    public Guid Version { get; set; } = Guid.NewGuid();

    public DateTimeOffset CreatedAt { get; set; }

    public DateTimeOffset UpdatedAt { get; set; }
}
