using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Agencies;
using Portal.Domain.Offices;

namespace Portal.Infrastructure.Data.Configurations;

public class AgencyConfiguration : IEntityTypeConfiguration<Agency>
{
    public void Configure(EntityTypeBuilder<Agency> builder)
    {
        builder.ToTable("Agencies");
        builder.HasKey(a => a.Id);
        builder.Property(a => a.Id).ValueGeneratedNever();
        builder.Property(a => a.Code).HasMaxLength(18).IsFixedLength().IsRequired();
        builder.HasIndex(a => a.Code).IsUnique();
        builder.HasIndex(a => new { a.OfficeId, a.Status });
        builder.Property(a => a.ConcurrencyToken).IsConcurrencyToken();
        builder.HasOne<RegistrationOffice>().WithMany().HasForeignKey(a => a.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsOne(a => a.Current, items =>
        {
            AgencyItemsMapping.Map(items);
            items.HasIndex(x => x.Name);
        });
        builder.Navigation(a => a.Current).IsRequired();
        builder.HasMany(a => a.Versions).WithOne().HasForeignKey(v => v.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(a => a.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public class AgencyVersionConfiguration : IEntityTypeConfiguration<AgencyVersion>
{
    public void Configure(EntityTypeBuilder<AgencyVersion> builder)
    {
        builder.ToTable("AgencyVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever(); // a new version reached through Agency.Versions is inserted
        builder.HasIndex(v => new { v.AgencyId, v.Number }).IsUnique();
        builder.OwnsOne(v => v.Items, AgencyItemsMapping.Map);
        builder.Navigation(v => v.Items).IsRequired();
    }
}

/// <summary>The same column layout for an agency's printed items wherever they are stored.</summary>
public static class AgencyItemsMapping
{
    public static void Map<TOwner>(OwnedNavigationBuilder<TOwner, AgencyItems> items)
        where TOwner : class
    {
        items.Property(x => x.Name).HasColumnName("Name").HasMaxLength(100).IsRequired();
        items.Property(x => x.SecondName).HasColumnName("SecondName").HasMaxLength(100);
        items.Property(x => x.Category).HasColumnName("Category");
        items.Property(x => x.EstablishingDocument).HasColumnName("EstablishingDocument").HasMaxLength(100).IsRequired();
        items.Property(x => x.Functions).HasColumnName("Functions").HasMaxLength(2000).IsRequired();
        items.Property(x => x.Address).HasColumnName("Address").HasMaxLength(200).IsRequired();
        items.Property(x => x.PersonInCharge).HasColumnName("PersonInCharge").HasMaxLength(50).IsRequired();
        items.Property(x => x.PersonInChargeIdNumber).HasColumnName("PersonInChargeIdNumber").HasMaxLength(30).IsRequired();
    }
}
