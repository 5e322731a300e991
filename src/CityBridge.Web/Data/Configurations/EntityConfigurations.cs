using CityBridge.Web.Features.Cities;
using CityBridge.Web.Features.Contacts;
using CityBridge.Web.Features.Countries;
using CityBridge.Web.Features.Organizations;
using CityBridge.Web.Features.Pipeline;
using CityBridge.Web.Features.Projects;
using CityBridge.Web.Features.Shared;
using CityBridge.Web.Features.Solutions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace CityBridge.Web.Data.Configurations;

internal static class EditableRecordMapping
{
    public static void MapEditableRecord<T>(this EntityTypeBuilder<T> builder) where T : EditableRecord
    {
        builder.Property(e => e.Version).IsConcurrencyToken();
    }
}

internal sealed class CountryConfiguration : IEntityTypeConfiguration<Country>
{
    public void Configure(EntityTypeBuilder<Country> builder)
    {
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(2);
        builder.Property(c => c.Name).HasMaxLength(100);
        builder.Property(c => c.Capital).HasMaxLength(100);
        builder.Property(c => c.Source).HasMaxLength(500);
        builder.Property(c => c.UrbanSharePercentToday).HasPrecision(5, 1);
        builder.Property(c => c.UrbanSharePercent2050).HasPrecision(5, 1);
    }
}

internal sealed class CityConfiguration : IEntityTypeConfiguration<City>
{
    public void Configure(EntityTypeBuilder<City> builder)
    {
        builder.MapEditableRecord();
        builder.Property(c => c.Name).HasMaxLength(200);
        builder.Property(c => c.CountryCode).HasMaxLength(2);
        builder.Property(c => c.TimeZone).HasMaxLength(64);
        builder.HasOne(c => c.Country).WithMany().HasForeignKey(c => c.CountryCode).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.CountryCode, c.Name }).IsUnique();
    }
}

internal sealed class OrganizationConfiguration : IEntityTypeConfiguration<Organization>
{
    public void Configure(EntityTypeBuilder<Organization> builder)
    {
        builder.MapEditableRecord();
        builder.Property(o => o.Name).HasMaxLength(200);
        builder.Property(o => o.CountryCode).HasMaxLength(2);
        builder.Property(o => o.Website).HasMaxLength(500);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
        builder.HasOne(o => o.City).WithMany().HasForeignKey(o => o.CityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => o.Name);
        builder.HasIndex(o => o.Kind);
        builder.HasIndex(o => o.CountryCode);
    }
}

internal sealed class ContactConfiguration : IEntityTypeConfiguration<Contact>
{
    public void Configure(EntityTypeBuilder<Contact> builder)
    {
        builder.MapEditableRecord();
        builder.Property(c => c.FullName).HasMaxLength(200);
        builder.Property(c => c.Email).HasMaxLength(320);
        builder.Property(c => c.JobTitle).HasMaxLength(200);
        builder.Property(c => c.Phone).HasMaxLength(50);
        builder.HasOne(c => c.Organization).WithMany(o => o.Contacts).HasForeignKey(c => c.OrganizationId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => c.Email);
    }
}

internal sealed class SolutionConfiguration : IEntityTypeConfiguration<Solution>
{
    public void Configure(EntityTypeBuilder<Solution> builder)
    {
        builder.MapEditableRecord();
        builder.Property(s => s.Name).HasMaxLength(200);
        builder.HasOne(s => s.Organization).WithMany(o => o.Solutions).HasForeignKey(s => s.OrganizationId).OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class PriorityProjectConfiguration : IEntityTypeConfiguration<PriorityProject>
{
    public void Configure(EntityTypeBuilder<PriorityProject> builder)
    {
        builder.ToTable("Projects");
        builder.MapEditableRecord();
        builder.Property(p => p.Title).HasMaxLength(300);
        builder.Property(p => p.Stage).HasConversion<string>().HasMaxLength(32);
        builder.Property(p => p.BudgetOriginalCurrency).HasMaxLength(3);
        builder.HasOne(p => p.City).WithMany(c => c.Projects).HasForeignKey(p => p.CityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => p.Title);

        // A city's projects newest first, and how many of them one may see, read from the index alone (start pages).
        builder.HasIndex(p => new { p.CityId, p.Id, p.IsPublished });
    }
}

internal sealed class OpportunityConfiguration : IEntityTypeConfiguration<Opportunity>
{
    public void Configure(EntityTypeBuilder<Opportunity> builder)
    {
        builder.MapEditableRecord();
        builder.Property(o => o.Stage).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.Products).HasMaxLength(1000);
        builder.HasOne(o => o.Provider).WithMany().HasForeignKey(o => o.ProviderId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne(o => o.Project).WithMany().HasForeignKey(o => o.ProjectId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(o => new { o.ProviderId, o.ProjectId }).IsUnique();
        builder.HasIndex(o => o.Stage);
    }
}

internal sealed class DataVersionConfiguration : IEntityTypeConfiguration<DataVersion>
{
    public void Configure(EntityTypeBuilder<DataVersion> builder)
    {
        builder.Property(v => v.Id).ValueGeneratedNever();
        builder.HasData(new DataVersion { Id = DataVersion.DirectoryId, Value = 0 }, new DataVersion { Id = DataVersion.MatchesId, Value = 0 });
    }
}
