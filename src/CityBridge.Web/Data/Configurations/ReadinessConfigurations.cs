using CityBridge.Web.Features.Readiness;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityBridge.Web.Data.Configurations;

internal sealed class ProjectAssessmentConfiguration : IEntityTypeConfiguration<ProjectAssessment>
{
    public void Configure(EntityTypeBuilder<ProjectAssessment> builder)
    {
        builder.Property(a => a.Part).HasConversion<string>().HasMaxLength(20);
        // Payloads outgrow the 4000-character default; "text" is unbounded on SQLite and PostgreSQL alike.
        builder.Property(a => a.Payload).HasColumnType("text");
        builder.Property(a => a.CreatedBy).HasMaxLength(256);
        builder.HasOne(a => a.Project).WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
        // Two concurrent saves of the same part cannot both take the same number.
        builder.HasIndex(a => new { a.ProjectId, a.Part, a.Number }).IsUnique();
    }
}

internal sealed class PublishedTenderConfiguration : IEntityTypeConfiguration<PublishedTender>
{
    public void Configure(EntityTypeBuilder<PublishedTender> builder)
    {
        builder.Property(t => t.Ocid).HasMaxLength(200);
        builder.Property(t => t.ReleaseId).HasMaxLength(250);
        builder.Property(t => t.ReleasePackageJson).HasColumnType("text");
        builder.HasOne(t => t.Project).WithMany().HasForeignKey(t => t.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(t => t.ReleaseId).IsUnique();
        builder.HasIndex(t => new { t.ProjectId, t.PublishedAt });
    }
}
