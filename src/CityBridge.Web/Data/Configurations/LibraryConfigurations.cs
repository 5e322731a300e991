using CityBridge.Web.Features.Library;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityBridge.Web.Data.Configurations;

internal sealed class LibraryDocumentConfiguration : IEntityTypeConfiguration<LibraryDocument>
{
    public void Configure(EntityTypeBuilder<LibraryDocument> builder)
    {
        builder.MapEditableRecord();
        builder.Property(d => d.Slug).HasMaxLength(80);
        builder.Property(d => d.Title).HasMaxLength(200);
        builder.Property(d => d.Summary).HasMaxLength(500);
        builder.Property(d => d.Body).HasMaxLength(LibraryDocumentInput.MaxBodyLength);
        builder.Property(d => d.Kind).HasConversion<string>().HasMaxLength(32);
        builder.HasIndex(d => d.Slug).IsUnique();
        builder.HasIndex(d => d.Title);
    }
}

internal sealed class LibraryLinkConfiguration : IEntityTypeConfiguration<LibraryLink>
{
    public void Configure(EntityTypeBuilder<LibraryLink> builder)
    {
        builder.Property(l => l.TargetKind).HasMaxLength(40);
        builder.Property(l => l.CreatedBy).HasMaxLength(256);
        builder.HasOne(l => l.Document).WithMany().HasForeignKey(l => l.DocumentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => new { l.TargetKind, l.TargetId, l.DocumentId }).IsUnique();
    }
}
