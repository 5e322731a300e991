using CityBridge.Core.Domain;
using Microsoft.EntityFrameworkCore;

namespace CityBridge.Web.Data;

/// <summary>
/// The product's database. Each provider has a subclass so that each keeps its own migration set.
/// </summary>
public abstract class CityBridgeDb(DbContextOptions options, TimeProvider clock) : DbContext(options)
{
    public DbSet<Country> Countries => Set<Country>();
    public DbSet<City> Cities => Set<City>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Solution> Solutions => Set<Solution>();
    public DbSet<PriorityProject> Projects => Set<PriorityProject>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(CityBridgeDb).Assembly, t => t.Namespace == typeof(CityBridgeDb).Namespace + ".Configurations");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no decimal type: keep money exact as text there, numeric(18,2) on PostgreSQL.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        configurationBuilder.Properties<string>().HaveMaxLength(4000);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampEditableRecords();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        StampEditableRecords();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    private void StampEditableRecords()
    {
        var now = clock.GetUtcNow();
        foreach (var entry in ChangeTracker.Entries<EditableRecord>())
        {
            if (entry.State == EntityState.Added)
            {
                entry.Entity.CreatedAt = now;
                entry.Entity.UpdatedAt = now;
            }
            else if (entry.State == EntityState.Modified)
            {
                entry.Entity.UpdatedAt = now;
                // A new version on every save: a concurrent writer holding the old one gets a conflict.
                entry.Entity.Version = Guid.NewGuid();
            }
        }
    }
}

public sealed class SqliteCityBridgeDb(DbContextOptions<SqliteCityBridgeDb> options, TimeProvider clock) : CityBridgeDb(options, clock);

public sealed class PostgresCityBridgeDb(DbContextOptions<PostgresCityBridgeDb> options, TimeProvider clock) : CityBridgeDb(options, clock);
