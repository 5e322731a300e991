using CityBridge.Web.Features.Matching;
using CityBridge.Web.Features.Organizations;
using CityBridge.Web.Features.Projects;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityBridge.Web.Data.Configurations;

internal sealed class TextEmbeddingConfiguration : IEntityTypeConfiguration<TextEmbedding>
{
    public void Configure(EntityTypeBuilder<TextEmbedding> builder)
    {
        builder.HasKey(e => e.Fingerprint);
        builder.Property(e => e.Fingerprint).HasMaxLength(32);
    }
}

internal sealed class StoredMatchConfiguration : IEntityTypeConfiguration<StoredMatch>
{
    public void Configure(EntityTypeBuilder<StoredMatch> builder)
    {
        builder.HasKey(m => new { m.ProjectId, m.OrganizationId });
        builder.Property(m => m.SignalsJson).HasColumnType("text");
        builder.Property(m => m.BestSolution).HasMaxLength(300);
        builder.HasOne<PriorityProject>().WithMany().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.OrganizationId, m.Score });

        // A project's best few matches without reading the rest of its list (start pages and project pages).
        builder.HasIndex(m => new { m.ProjectId, m.Rank });
    }
}

internal sealed class MatchCurationConfiguration : IEntityTypeConfiguration<MatchCuration>
{
    public void Configure(EntityTypeBuilder<MatchCuration> builder)
    {
        builder.HasKey(c => new { c.ProjectId, c.OrganizationId });
        builder.Property(c => c.ChangedBy).HasMaxLength(256);
        builder.HasOne<PriorityProject>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class MatchMarkConfiguration : IEntityTypeConfiguration<MatchMark>
{
    public void Configure(EntityTypeBuilder<MatchMark> builder)
    {
        builder.Property(m => m.UserId).HasMaxLength(450);
        builder.HasOne<PriorityProject>().WithMany().HasForeignKey(m => m.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Organization>().WithMany().HasForeignKey(m => m.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => new { m.ProjectId, m.OrganizationId, m.UserId }).IsUnique();
    }
}

internal sealed class MatchSettingsConfiguration : IEntityTypeConfiguration<MatchSettings>
{
    public void Configure(EntityTypeBuilder<MatchSettings> builder)
    {
        builder.Property(s => s.Id).ValueGeneratedNever();
        builder.Property(s => s.ChangedBy).HasMaxLength(256);
        builder.Property(s => s.Version).IsConcurrencyToken();
    }
}

internal sealed class RematchJobConfiguration : IEntityTypeConfiguration<RematchJob>
{
    public void Configure(EntityTypeBuilder<RematchJob> builder)
    {
        builder.Property(j => j.State).HasMaxLength(20);
        builder.Property(j => j.Phase).HasMaxLength(20);
        builder.Property(j => j.Owner).HasMaxLength(200);
        builder.Property(j => j.Message).HasMaxLength(1000);
        builder.HasIndex(j => new { j.State, j.LeaseUntilMs });
        // One waiting re-match is enough: requests made while one waits are served by it.
        builder.HasIndex(j => j.State, "IX_RematchJobs_OneQueued").IsUnique().HasFilter($"\"State\" = '{Features.Jobs.JobState.Queued}'");
    }
}

internal sealed class RecordChangeConfiguration : IEntityTypeConfiguration<RecordChange>
{
    public void Configure(EntityTypeBuilder<RecordChange> builder)
    {
        builder.Property(c => c.Kind).HasMaxLength(20);
    }
}
