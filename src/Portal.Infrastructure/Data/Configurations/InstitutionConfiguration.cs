using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Common;
using Portal.Domain.Institutions;
using Portal.Domain.Offices;

namespace Portal.Infrastructure.Data.Configurations;

public class InstitutionConfiguration : IEntityTypeConfiguration<Institution>
{
    public void Configure(EntityTypeBuilder<Institution> builder)
    {
        builder.ToTable("Institutions");
        builder.HasKey(i => i.Id);
        builder.Property(i => i.Id).ValueGeneratedNever(); // ids come from the domain (Guid v7)
        builder.Property(i => i.Code).HasMaxLength(18).IsFixedLength().IsRequired();
        builder.HasIndex(i => i.Code).IsUnique();
        builder.Property(i => i.LegacyCertificateNumber).HasMaxLength(20);
        builder.HasIndex(i => i.LegacyCertificateNumber);
        builder.Property(i => i.ConcurrencyToken).IsConcurrencyToken();
        builder.Property(i => i.NameKey).HasMaxLength(100).IsRequired();
        builder.HasIndex(i => new { i.OfficeId, i.NameKey });
        builder.Property(i => i.CertificateNumber).HasMaxLength(40);
        builder.Property(i => i.ElectronicDeliveryConsentBy).HasMaxLength(450);
        builder.HasOne<RegistrationOffice>().WithMany().HasForeignKey(i => i.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(i => new { i.OfficeId, i.Status });
        builder.HasIndex(i => new { i.Status, i.NameKey, i.Code }); // public browsing by status, in name order (RegisterController)

        // Derived search columns (Data/PortalDbContext.Register.cs): triggers copy them into the full-text
        // index, so they are shadow properties the domain never sees.
        builder.Property<string>(PortalDbContext.SearchNamesColumn).HasMaxLength(Search.SearchText.MaxNamesLength);
        builder.Property<string>(PortalDbContext.SearchGramsColumn);
        builder.OwnsOne(i => i.Current, items =>
        {
            RegisteredItemsMapping.Map(items, "");
            items.HasIndex(x => x.Name);
        });
        builder.Navigation(i => i.Current).IsRequired();
        builder.HasMany(i => i.Versions).WithOne().HasForeignKey(v => v.InstitutionId).OnDelete(DeleteBehavior.Restrict);
        builder.Navigation(i => i.Versions).UsePropertyAccessMode(PropertyAccessMode.Field);
    }
}

public class InstitutionVersionConfiguration : IEntityTypeConfiguration<InstitutionVersion>
{
    public void Configure(EntityTypeBuilder<InstitutionVersion> builder)
    {
        builder.ToTable("InstitutionVersions");
        builder.HasKey(v => v.Id);
        builder.Property(v => v.Id).ValueGeneratedNever(); // so a new version reached through Institution.Versions is inserted
        builder.HasIndex(v => new { v.InstitutionId, v.Number }).IsUnique();
        builder.OwnsOne(v => v.Items, items => RegisteredItemsMapping.Map(items, ""));
        builder.Navigation(v => v.Items).IsRequired();
    }
}

/// <summary>The same column layout for the registered items wherever they are stored.</summary>
public static class RegisteredItemsMapping
{
    public static void Map<TOwner>(OwnedNavigationBuilder<TOwner, RegisteredItems> items, string prefix, bool withForeignKey = true)
        where TOwner : class
    {
        items.Property(x => x.Name).HasColumnName(prefix + "Name").HasMaxLength(100).IsRequired();
        items.Property(x => x.SecondName).HasColumnName(prefix + "SecondName").HasMaxLength(100);
        items.Property(x => x.Domicile).HasColumnName(prefix + "Domicile").HasMaxLength(200).IsRequired();
        items.Property(x => x.PurposeAndScope).HasColumnName(prefix + "PurposeAndScope").HasMaxLength(2000).IsRequired();
        items.Property(x => x.LegalRepresentative).HasColumnName(prefix + "LegalRepresentative").HasMaxLength(50).IsRequired();
        items.Property(x => x.LegalRepresentativeIdNumber).HasColumnName(prefix + "LegalRepresentativeIdNumber").HasMaxLength(30).IsRequired();
        items.Property(x => x.FundingSourceCode).HasColumnName(prefix + "FundingSourceCode").HasMaxLength(20).IsRequired();
        items.Property(x => x.StartupCapital).HasColumnName(prefix + "StartupCapital");
        items.Property(x => x.Sponsor).HasColumnName(prefix + "Sponsor").HasMaxLength(100).IsRequired();
        if (withForeignKey)
        {
            items.HasOne<FundingSource>().WithMany().HasForeignKey(x => x.FundingSourceCode).OnDelete(DeleteBehavior.Restrict);
        }
    }
}
