using CityBridge.Web.Features.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityBridge.Web.Data.Configurations;

internal sealed class MatchmakingEventConfiguration : IEntityTypeConfiguration<MatchmakingEvent>
{
    public void Configure(EntityTypeBuilder<MatchmakingEvent> builder)
    {
        builder.Property(e => e.Name).HasMaxLength(300);
        builder.Property(e => e.TimeZone).HasMaxLength(100);
        builder.Property(e => e.Version).IsConcurrencyToken();
        builder.HasMany(e => e.Sessions).WithOne().HasForeignKey(s => s.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Features.Programs.TradeProgram>().WithMany().HasForeignKey(e => e.ProgramId).OnDelete(DeleteBehavior.SetNull);
    }
}

internal sealed class EventRegistrationConfiguration : IEntityTypeConfiguration<EventRegistration>
{
    public void Configure(EntityTypeBuilder<EventRegistration> builder)
    {
        builder.Property(r => r.UserId).HasMaxLength(450);
        builder.HasOne<MatchmakingEvent>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(r => new { r.EventId, r.UserId }).IsUnique();
        builder.Property(r => r.CheckInCode).HasMaxLength(20);
        builder.HasIndex(r => r.CheckInCode).IsUnique();
    }
}

internal sealed class MeetingRequestConfiguration : IEntityTypeConfiguration<MeetingRequest>
{
    public void Configure(EntityTypeBuilder<MeetingRequest> builder)
    {
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
        builder.HasOne<MatchmakingEvent>().WithMany().HasForeignKey(r => r.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<EventRegistration>().WithMany().HasForeignKey(r => r.FromRegistrationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EventRegistration>().WithMany().HasForeignKey(r => r.ToRegistrationId).OnDelete(DeleteBehavior.Restrict);
        // One open request per pair and direction.
        builder.HasIndex(r => new { r.EventId, r.FromRegistrationId, r.ToRegistrationId }).IsUnique();
    }
}

internal sealed class EventMeetingConfiguration : IEntityTypeConfiguration<EventMeeting>
{
    public void Configure(EntityTypeBuilder<EventMeeting> builder)
    {
        builder.HasOne<MatchmakingEvent>().WithMany().HasForeignKey(m => m.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<EventRegistration>().WithMany().HasForeignKey(m => m.FirstRegistrationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<EventRegistration>().WithMany().HasForeignKey(m => m.SecondRegistrationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(m => m.RequestId).IsUnique();
        builder.Property(m => m.Attendance).HasConversion<string>().HasMaxLength(20);
    }
}

internal sealed class MeetingFeedbackConfiguration : IEntityTypeConfiguration<MeetingFeedback>
{
    public void Configure(EntityTypeBuilder<MeetingFeedback> builder)
    {
        builder.HasOne<EventMeeting>().WithMany().HasForeignKey(f => f.MeetingId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<EventRegistration>().WithMany().HasForeignKey(f => f.RegistrationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<CityBridge.Web.Features.Pipeline.Opportunity>().WithMany().HasForeignKey(f => f.OpportunityId).OnDelete(DeleteBehavior.SetNull);
        // One rating per side of a meeting; a second tap changes it.
        builder.HasIndex(f => new { f.MeetingId, f.RegistrationId }).IsUnique();
    }
}

internal sealed class CalendarFeedConfiguration : IEntityTypeConfiguration<CalendarFeed>
{
    public void Configure(EntityTypeBuilder<CalendarFeed> builder)
    {
        builder.Property(f => f.UserId).HasMaxLength(450);
        builder.Property(f => f.Token).HasMaxLength(64);
        builder.HasIndex(f => f.UserId).IsUnique();
        builder.HasIndex(f => f.Token).IsUnique();
    }
}

internal sealed class SchedulingJobConfiguration : IEntityTypeConfiguration<SchedulingJob>
{
    public void Configure(EntityTypeBuilder<SchedulingJob> builder)
    {
        builder.Property(j => j.State).HasMaxLength(20);
        builder.Property(j => j.Owner).HasMaxLength(200);
        builder.HasOne<MatchmakingEvent>().WithMany().HasForeignKey(j => j.EventId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(j => new { j.State, j.LeaseUntilMs });
        builder.HasIndex(j => j.EventId);
        // One active run per event, also when staff at two instances start one at the same moment.
        builder.HasIndex([nameof(SchedulingJob.EventId)], "IX_SchedulingJobs_OneActiveRunPerEvent").IsUnique()
            .HasFilter($"\"State\" IN ('{SchedulingJob.Queued}', '{SchedulingJob.Running}', '{SchedulingJob.Stopping}')");
    }
}
