using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Institutions;
using Portal.Infrastructure.Api;

namespace Portal.Infrastructure.Data.Configurations;

public class ApiClientConfiguration : IEntityTypeConfiguration<ApiClient>
{
    public void Configure(EntityTypeBuilder<ApiClient> builder)
    {
        builder.ToTable("ApiClients");
        builder.HasKey(c => c.ClientId);
        builder.Property(c => c.ClientId).HasMaxLength(64);
        builder.Property(c => c.Name).HasMaxLength(100).IsRequired();
        builder.Property(c => c.Scopes).HasMaxLength(200).IsRequired();
        builder.Property(c => c.CreatedBy).HasMaxLength(256).IsRequired();
        builder.Ignore(c => c.ScopeList);
        builder.HasMany(c => c.Institutions).WithOne().HasForeignKey(i => i.ClientId).OnDelete(DeleteBehavior.Cascade);
    }
}

public class ApiClientInstitutionConfiguration : IEntityTypeConfiguration<ApiClientInstitution>
{
    public void Configure(EntityTypeBuilder<ApiClientInstitution> builder)
    {
        builder.ToTable("ApiClientInstitutions");
        builder.HasKey(i => new { i.ClientId, i.InstitutionId });
        builder.Property(i => i.ClientId).HasMaxLength(64);
        builder.HasOne<Institution>().WithMany().HasForeignKey(i => i.InstitutionId).OnDelete(DeleteBehavior.Restrict);
    }
}
