using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Offices;

namespace Portal.Infrastructure.Data.Configurations;

public sealed class OfficeConfiguration : IEntityTypeConfiguration<RegistrationOffice>
{
    public void Configure(EntityTypeBuilder<RegistrationOffice> builder)
    {
        builder.Property(o => o.Telephone).HasMaxLength(RegistrationOffice.MaxTelephoneLength);
        builder.Property(o => o.DocumentPrefix).HasMaxLength(Portal.Domain.Instruments.InstrumentNumber.MaxPrefixLength);
    }
}
