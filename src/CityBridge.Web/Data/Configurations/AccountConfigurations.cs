using CityBridge.Web.Features.Account;
using CityBridge.Web.Features.Audit;
using CityBridge.Web.Features.Email;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityBridge.Web.Data.Configurations;

internal sealed class CityBridgeUserConfiguration : IEntityTypeConfiguration<CityBridgeUser>
{
    public void Configure(EntityTypeBuilder<CityBridgeUser> builder)
    {
        builder.Property(u => u.FullName).HasMaxLength(200);
        builder.HasOne<CityBridge.Web.Features.Organizations.Organization>().WithMany().HasForeignKey(u => u.OrganizationId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class ExpertAssignmentConfiguration : IEntityTypeConfiguration<ExpertAssignment>
{
    public void Configure(EntityTypeBuilder<ExpertAssignment> builder)
    {
        builder.HasIndex(a => new { a.UserId, a.ProjectId }).IsUnique();
        builder.HasOne<CityBridgeUser>().WithMany().HasForeignKey(a => a.UserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CityBridge.Web.Features.Projects.PriorityProject>().WithMany().HasForeignKey(a => a.ProjectId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class ApiTokenConfiguration : IEntityTypeConfiguration<ApiToken>
{
    public void Configure(EntityTypeBuilder<ApiToken> builder)
    {
        builder.Property(t => t.Name).HasMaxLength(100);
        builder.Property(t => t.Hash).HasMaxLength(64);
        builder.Property(t => t.Prefix).HasMaxLength(16);
        builder.Property(t => t.Scopes).HasMaxLength(50);
        builder.HasIndex(t => t.Hash).IsUnique();
        builder.HasOne<CityBridgeUser>().WithMany().HasForeignKey(t => t.UserId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class AuditEntryConfiguration : IEntityTypeConfiguration<AuditEntry>
{
    public void Configure(EntityTypeBuilder<AuditEntry> builder)
    {
        builder.ToTable("AuditLog");
        builder.Property(a => a.UserName).HasMaxLength(256);
        builder.Property(a => a.EntityType).HasMaxLength(100);
        builder.Property(a => a.EntityId).HasMaxLength(64);
        builder.Property(a => a.Action).HasMaxLength(16);
        builder.Property(a => a.Before).HasColumnType("text");
        builder.Property(a => a.After).HasColumnType("text");
        builder.HasIndex(a => new { a.EntityType, a.EntityId });
        builder.HasIndex(a => a.At);
    }
}

internal sealed class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("Outbox");
        builder.Property(m => m.To).HasMaxLength(320);
        builder.Property(m => m.Subject).HasMaxLength(300);
        builder.Property(m => m.Body).HasColumnType("text");
        builder.Property(m => m.Calendar).HasColumnType("text");
        builder.Property(m => m.MessageId).HasMaxLength(200);
        builder.HasIndex(m => m.SentAt);
    }
}

internal sealed class InterestConfiguration : IEntityTypeConfiguration<Features.Interests.Interest>
{
    public void Configure(EntityTypeBuilder<Features.Interests.Interest> builder)
    {
        builder.Property(i => i.FullName).HasMaxLength(200);
        builder.Property(i => i.Email).HasMaxLength(320);
        builder.Property(i => i.OrganizationName).HasMaxLength(200);
        builder.Property(i => i.Message).HasColumnType("text");
        builder.Property(i => i.ConsentText).HasColumnType("text");
        builder.Property(i => i.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(i => i.AssignedTo).HasMaxLength(256);
        builder.Property(i => i.Version).IsConcurrencyToken();
        builder.HasIndex(i => i.Email);
        builder.HasIndex(i => i.Status);
        builder.HasMany(i => i.History).WithOne().HasForeignKey(e => e.InterestId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class InterestEventConfiguration : IEntityTypeConfiguration<Features.Interests.InterestEvent>
{
    public void Configure(EntityTypeBuilder<Features.Interests.InterestEvent> builder)
    {
        builder.Property(e => e.By).HasMaxLength(256);
        builder.Property(e => e.Action).HasMaxLength(64);
        builder.Property(e => e.Note).HasMaxLength(2000);
    }
}
