using CityBridge.Web.Features.Programs;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityBridge.Web.Data.Configurations;

internal sealed class TradeProgramConfiguration : IEntityTypeConfiguration<TradeProgram>
{
    public void Configure(EntityTypeBuilder<TradeProgram> builder)
    {
        builder.ToTable("Programs");
        builder.Property(p => p.Name).HasMaxLength(300);
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(40);
        builder.Property(p => p.TimeZone).HasMaxLength(100);
        builder.Property(p => p.Version).IsConcurrencyToken();
        builder.HasMany(p => p.Sessions).WithOne().HasForeignKey(s => s.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(p => p.StartDate);
    }
}

internal sealed class ProgramRegistrationConfiguration : IEntityTypeConfiguration<ProgramRegistration>
{
    public void Configure(EntityTypeBuilder<ProgramRegistration> builder)
    {
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.Property(r => r.Email).HasMaxLength(300);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<TradeProgram>().WithMany().HasForeignKey(r => r.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CityBridge.Web.Features.Projects.PriorityProject>().WithMany().HasForeignKey(r => r.ProjectId).OnDelete(DeleteBehavior.SetNull);
        // One registration per person and program: a second apply (two tabs, two instances) fails instead of duplicating.
        builder.HasIndex(r => new { r.ProgramId, r.UserId }).IsUnique();
    }
}

internal sealed class ItineraryVisitConfiguration : IEntityTypeConfiguration<ItineraryVisit>
{
    public void Configure(EntityTypeBuilder<ItineraryVisit> builder)
    {
        builder.HasOne<TradeProgram>().WithMany().HasForeignKey(v => v.ProgramId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(v => v.City).WithMany().HasForeignKey(v => v.CityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CityBridge.Web.Features.Projects.PriorityProject>().WithMany().HasForeignKey(v => v.ProjectId).OnDelete(DeleteBehavior.SetNull);
        builder.HasIndex(v => new { v.ProgramId, v.Order });
    }
}

internal sealed class ProgramFeedbackConfiguration : IEntityTypeConfiguration<ProgramFeedback>
{
    public void Configure(EntityTypeBuilder<ProgramFeedback> builder)
    {
        builder.HasOne<ProgramRegistration>().WithMany().HasForeignKey(f => f.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.RegistrationId).IsUnique();
        builder.HasIndex(f => f.ProgramId);
    }
}

internal sealed class ProgramReminderConfiguration : IEntityTypeConfiguration<ProgramReminder>
{
    public void Configure(EntityTypeBuilder<ProgramReminder> builder)
    {
        builder.HasOne<ProgramRegistration>().WithMany().HasForeignKey(r => r.RegistrationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => r.RegistrationId).IsUnique();
    }
}
