using CityBridge.Web.Features.Email;
using CityBridge.Web.Features.My;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityBridge.Web.Data.Configurations;

internal sealed class ConversationConfiguration : IEntityTypeConfiguration<Conversation>
{
    public void Configure(EntityTypeBuilder<Conversation> builder)
    {
        builder.HasOne<CityBridge.Web.Features.Cities.City>().WithMany().HasForeignKey(c => c.CityId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CityBridge.Web.Features.Organizations.Organization>().WithMany().HasForeignKey(c => c.ProviderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<CityBridge.Web.Features.Projects.PriorityProject>().WithMany().HasForeignKey(c => c.ProjectId).OnDelete(DeleteBehavior.SetNull);
        // One thread per pair, also when both sides start one at the same moment.
        builder.HasIndex(c => new { c.CityId, c.ProviderId }).IsUnique();
        builder.HasIndex(c => c.ProviderId);
    }
}

internal sealed class ConversationMessageConfiguration : IEntityTypeConfiguration<ConversationMessage>
{
    public void Configure(EntityTypeBuilder<ConversationMessage> builder)
    {
        builder.Property(m => m.AuthorUserId).HasMaxLength(450);
        builder.Property(m => m.AuthorName).HasMaxLength(300);
        builder.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(m => m.ConversationId);
    }
}

internal sealed class NoticeOptOutConfiguration : IEntityTypeConfiguration<NoticeOptOut>
{
    public void Configure(EntityTypeBuilder<NoticeOptOut> builder)
    {
        builder.Property(o => o.UserId).HasMaxLength(450);
        builder.Property(o => o.Kind).HasMaxLength(60);
        builder.HasIndex(o => new { o.UserId, o.Kind }).IsUnique();
    }
}

/// <summary>A notice's key makes it once-only: the outbox refuses a second message with the same key.</summary>
internal sealed class OutboxNoticeKeyConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.Property(m => m.NoticeKey).HasMaxLength(200);
        builder.HasIndex(m => m.NoticeKey).IsUnique();
    }
}
