using System.Text.Json;
using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Audit;
using CityBridge.Web.Features.Cities;
using CityBridge.Web.Features.Contacts;
using CityBridge.Web.Features.Countries;
using CityBridge.Web.Features.Email;
using CityBridge.Web.Features.Organizations;
using CityBridge.Web.Features.Pipeline;
using CityBridge.Web.Features.Projects;
using CityBridge.Web.Features.Readiness;
using CityBridge.Web.Features.Shared;
using CityBridge.Web.Features.Solutions;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CityBridge.Web.Data;

/// <summary>
/// The product's database. Each provider has a subclass so that each keeps its own migration set.
/// </summary>
/// <remarks>
/// Requests lease contexts from a pool (<see cref="DatabaseRegistration"/>), so the context takes only its options; the
/// clock and the person its saves are audited as are given with each lease (<see cref="WorkFor"/>).
/// </remarks>
public abstract class CityBridgeDb(DbContextOptions options) : IdentityDbContext<CityBridgeUser>(options), IDataProtectionKeyContext
{
    private TimeProvider clock = TimeProvider.System;
    private IAuditActor? actor;

    /// <summary>
    /// Audits this lease's saves as <paramref name="auditActor"/>, stamped by <paramref name="time"/>. Every lease sets
    /// both (<see cref="DatabaseRegistration"/>), so a context back from the pool never saves as its previous user.
    /// </summary>
    public CityBridgeDb WorkFor(IAuditActor auditActor, TimeProvider time)
    {
        actor = auditActor;
        clock = time;
        return this;
    }

    private IAuditActor Actor => actor ?? throw new InvalidOperationException("This database context was not told whom it works for (CityBridgeDb.WorkFor).");

    /// <summary>The data-protection key ring, shared by every instance so a cookie or form token from one is valid at another.</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    private static readonly HashSet<string> UnauditedProperties = [nameof(EditableRecord.Version), nameof(EditableRecord.CreatedAt), nameof(EditableRecord.UpdatedAt), TextSearch.Column];

    public DbSet<Country> Countries => Set<Country>();
    public DbSet<City> Cities => Set<City>();
    public DbSet<Organization> Organizations => Set<Organization>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<Solution> Solutions => Set<Solution>();
    public DbSet<PriorityProject> Projects => Set<PriorityProject>();
    public DbSet<Opportunity> Opportunities => Set<Opportunity>();
    public DbSet<ExpertAssignment> ExpertAssignments => Set<ExpertAssignment>();
    public DbSet<ProjectAssessment> Assessments => Set<ProjectAssessment>();
    public DbSet<PublishedTender> PublishedTenders => Set<PublishedTender>();
    public DbSet<ApiToken> ApiTokens => Set<ApiToken>();
    public DbSet<AuditEntry> AuditLog => Set<AuditEntry>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();
    public DbSet<Features.Interests.Interest> Interests => Set<Features.Interests.Interest>();
    public DbSet<Features.Interests.InterestEvent> InterestEvents => Set<Features.Interests.InterestEvent>();
    public DbSet<RecordChange> RecordChanges => Set<RecordChange>();
    public DbSet<Features.Events.MatchmakingEvent> Events => Set<Features.Events.MatchmakingEvent>();
    public DbSet<Features.Events.EventSession> EventSessions => Set<Features.Events.EventSession>();
    public DbSet<Features.Events.EventRegistration> EventRegistrations => Set<Features.Events.EventRegistration>();
    public DbSet<Features.Events.MeetingRequest> MeetingRequests => Set<Features.Events.MeetingRequest>();
    public DbSet<Features.Events.EventMeeting> EventMeetings => Set<Features.Events.EventMeeting>();
    public DbSet<Features.Events.SchedulingJob> SchedulingJobs => Set<Features.Events.SchedulingJob>();
    public DbSet<Features.Events.MeetingFeedback> MeetingFeedback => Set<Features.Events.MeetingFeedback>();
    public DbSet<Features.Events.CalendarFeed> CalendarFeeds => Set<Features.Events.CalendarFeed>();
    public DbSet<Features.Programs.TradeProgram> Programs => Set<Features.Programs.TradeProgram>();
    public DbSet<Features.Programs.ProgramSession> ProgramSessions => Set<Features.Programs.ProgramSession>();
    public DbSet<Features.Programs.ProgramRegistration> ProgramRegistrations => Set<Features.Programs.ProgramRegistration>();
    public DbSet<Features.Programs.ItineraryVisit> ItineraryVisits => Set<Features.Programs.ItineraryVisit>();
    public DbSet<Features.Programs.ProgramFeedback> ProgramFeedback => Set<Features.Programs.ProgramFeedback>();
    public DbSet<Features.Programs.ProgramReminder> ProgramReminders => Set<Features.Programs.ProgramReminder>();
    public DbSet<Features.Matching.TextEmbedding> TextEmbeddings => Set<Features.Matching.TextEmbedding>();
    public DbSet<Features.Matching.StoredMatch> Matches => Set<Features.Matching.StoredMatch>();
    public DbSet<Features.Matching.MatchCuration> MatchCurations => Set<Features.Matching.MatchCuration>();
    public DbSet<Features.Matching.MatchMark> MatchMarks => Set<Features.Matching.MatchMark>();
    public DbSet<Features.Matching.MatchSettings> MatchSettings => Set<Features.Matching.MatchSettings>();
    public DbSet<Features.Matching.RematchJob> RematchJobs => Set<Features.Matching.RematchJob>();
    public DbSet<Features.Library.LibraryDocument> LibraryDocuments => Set<Features.Library.LibraryDocument>();
    public DbSet<Features.Library.LibraryLink> LibraryLinks => Set<Features.Library.LibraryLink>();
    public DbSet<DataVersion> DataVersions => Set<DataVersion>();
    public DbSet<Features.My.Conversation> Conversations => Set<Features.My.Conversation>();
    public DbSet<Features.My.ConversationMessage> ConversationMessages => Set<Features.My.ConversationMessage>();
    public DbSet<Features.My.NoticeOptOut> NoticeOptOuts => Set<Features.My.NoticeOptOut>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(CityBridgeDb).Assembly, t => t.Namespace == typeof(CityBridgeDb).Namespace + ".Configurations");
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        // SQLite has no decimal type: keep money exact as text there, numeric(18,2) on PostgreSQL.
        configurationBuilder.Properties<decimal>().HavePrecision(18, 2);
        configurationBuilder.Properties<string>().HaveMaxLength(4000);
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        StampEditableRecords();
        var changes = CaptureChanges();
        if (changes.Count == 0)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        // The change and its audit entries commit together or not at all.
        await using var transaction = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        AuditLog.AddRange(changes.Select(c => c.ToEntry(clock.GetUtcNow(), Actor)));
        RecordChanges.AddRange(changes.Select(c => RecordChange.For(c.Entry.Entity, clock.GetUtcNow())).OfType<RecordChange>().DistinctBy(c => (c.Kind, c.EntityId)));
        await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await DataVersions.Where(v => v.Id == DataVersion.DirectoryId).ExecuteUpdateAsync(v => v.SetProperty(d => d.Value, d => d.Value + 1), cancellationToken);
        if (transaction is not null)
        {
            await transaction.CommitAsync(cancellationToken);
        }

        return saved;
    }

    /// <remarks>Only the data-protection key ring saves synchronously (its library has no async path); keys are not audited records.</remarks>
    public override int SaveChanges(bool acceptAllChangesOnSuccess) =>
        ChangeTracker.Entries().Where(e => e.State != EntityState.Unchanged).All(e => e.Entity is DataProtectionKey)
            ? base.SaveChanges(acceptAllChangesOnSuccess)
            : throw new NotSupportedException("Use SaveChangesAsync: every save is audited in one transaction.");

    private List<PendingChange> CaptureChanges() =>
        ChangeTracker.Entries<EditableRecord>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => new PendingChange(e, e.State, e.State == EntityState.Added ? null : Snapshot(e, original: true)))
            .ToList();

    private static string Snapshot(EntityEntry entry, bool original)
    {
        var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var property in entry.Properties)
        {
            var name = property.Metadata.Name;
            if (UnauditedProperties.Contains(name) || (entry.State == EntityState.Modified && !property.IsModified))
            {
                continue;
            }

            values[name] = original ? property.OriginalValue : property.CurrentValue;
        }

        return JsonSerializer.Serialize(values);
    }

    private sealed record PendingChange(EntityEntry Entry, EntityState State, string? Before)
    {

        public AuditEntry ToEntry(DateTimeOffset at, IAuditActor actor) => new()
        {
            At = at,
            UserId = actor.UserId,
            UserName = actor.UserName,
            EntityType = Entry.Metadata.ClrType.Name,
            EntityId = ((EditableRecord)Entry.Entity).Id.ToString(System.Globalization.CultureInfo.InvariantCulture),
            Action = State switch { EntityState.Added => "Created", EntityState.Deleted => "Deleted", _ => "Updated" },
            Before = Before,
            After = State == EntityState.Deleted ? null : AfterSnapshot(),
        };

        private string AfterSnapshot()
        {
            var values = new SortedDictionary<string, object?>(StringComparer.Ordinal);
            var before = Before is null ? null : JsonSerializer.Deserialize<Dictionary<string, JsonElement>>(Before);
            foreach (var property in Entry.Properties)
            {
                var name = property.Metadata.Name;
                if (UnauditedProperties.Contains(name) || (before is not null && !before.ContainsKey(name)))
                {
                    continue;
                }

                values[name] = property.CurrentValue;
            }

            return JsonSerializer.Serialize(values);
        }
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

        // Consent is given by the input (its wording); its time is the save's, from the same clock as the stamps above.
        foreach (var entry in ChangeTracker.Entries<Contact>())
        {
            if (entry.Entity is { ConsentText: not null, ConsentedAt: null })
            {
                entry.Entity.ConsentedAt = now;
            }
        }
    }
}

public sealed class SqliteCityBridgeDb(DbContextOptions<SqliteCityBridgeDb> options) : CityBridgeDb(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        TextSearch.MapColumns(builder, postgres: false);
    }
}

public sealed class PostgresCityBridgeDb(DbContextOptions<PostgresCityBridgeDb> options) : CityBridgeDb(options)
{
    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        // Trigram indexes answer the directories' '%text%' search (Features/Shared/TextSearch) over large tables.
        builder.HasPostgresExtension("pg_trgm");
        TextSearch.MapColumns(builder, postgres: true);
        // The directories' sector and country filters test list overlap (&&), which GIN indexes answer.
        builder.Entity<Organization>().HasIndex(o => o.Sectors).HasMethod("gin");
        builder.Entity<Organization>().HasIndex(o => o.ExperienceCountries).HasMethod("gin");
        builder.Entity<Solution>().HasIndex(s => s.Sectors).HasMethod("gin");
    }
}
