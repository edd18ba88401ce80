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
        builder.Property(a => a.PaperCertificateNumber).HasMaxLength(20);
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
        where TOwner : class => Map(items, string.Empty);

    /// <summary><paramref name="prefix"/> names the columns where one table holds several sets (a filing's before and after).</summary>
    public static void Map<TOwner>(OwnedNavigationBuilder<TOwner, AgencyItems> items, string prefix)
        where TOwner : class
    {
        items.Property(x => x.Name).HasColumnName(prefix + "Name").HasMaxLength(100).IsRequired();
        items.Property(x => x.SecondName).HasColumnName(prefix + "SecondName").HasMaxLength(100);
        items.Property(x => x.Category).HasColumnName(prefix + "Category");
        items.Property(x => x.EstablishingDocument).HasColumnName(prefix + "EstablishingDocument").HasMaxLength(100).IsRequired();
        items.Property(x => x.Functions).HasColumnName(prefix + "Functions").HasMaxLength(2000).IsRequired();
        items.Property(x => x.Address).HasColumnName(prefix + "Address").HasMaxLength(200).IsRequired();
        items.Property(x => x.PersonInCharge).HasColumnName(prefix + "PersonInCharge").HasMaxLength(50).IsRequired();
        items.Property(x => x.PersonInChargeIdNumber).HasColumnName(prefix + "PersonInChargeIdNumber").HasMaxLength(30).IsRequired();
    }
}

public class AgencyCertificateConfiguration : IEntityTypeConfiguration<AgencyCertificate>
{
    public void Configure(EntityTypeBuilder<AgencyCertificate> builder)
    {
        builder.ToTable("AgencyCertificates");
        builder.HasKey(c => c.Id);
        builder.Property(c => c.Id).ValueGeneratedNever();
        builder.Property(c => c.Number).HasMaxLength(20).IsRequired();
        builder.HasIndex(c => c.Number).IsUnique();
        builder.Property(c => c.Code).HasMaxLength(18).IsFixedLength().IsRequired();
        builder.Property(c => c.OfficeNameZh).HasMaxLength(100).IsRequired();
        builder.Property(c => c.Token).HasMaxLength(Portal.Infrastructure.Certificates.CertificateTokens.MaxTokenLength).IsRequired();
        builder.Property(c => c.TokenSha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.HasIndex(c => c.TokenSha256).IsUnique();
        builder.Property(c => c.KeyId).HasMaxLength(40).IsRequired();
        builder.Property(c => c.QrUrl).HasMaxLength(1500).IsRequired();
        builder.Property(c => c.OriginalSha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(c => c.DuplicateSha256).HasMaxLength(64).IsFixedLength().IsRequired();
        builder.Property(c => c.ConcurrencyToken).IsConcurrencyToken();
        builder.HasIndex(c => new { c.AgencyId, c.Status });
        builder.HasOne<Agency>().WithMany().HasForeignKey(c => c.AgencyId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<RegistrationOffice>().WithMany().HasForeignKey(c => c.OfficeId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Portal.Infrastructure.Files.StoredFile>().WithMany().HasForeignKey(c => c.OriginalPdfId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Portal.Infrastructure.Files.StoredFile>().WithMany().HasForeignKey(c => c.DuplicatePdfId).OnDelete(DeleteBehavior.Restrict);
        builder.OwnsOne(c => c.Printed, items => AgencyItemsMapping.Map(items, "Printed"));
        builder.Navigation(c => c.Printed).IsRequired();
    }
}
