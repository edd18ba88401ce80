using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Offices;

namespace Portal.Infrastructure.Data.Configurations;

public sealed class OfficeConfiguration : IEntityTypeConfiguration<RegistrationOffice>
{
    public void Configure(EntityTypeBuilder<RegistrationOffice> builder)
    {
        builder.Property(o => o.Telephone).HasMaxLength(RegistrationOffice.MaxTelephoneLength);
        builder.Property(o => o.DeskAddressZh).HasMaxLength(RegistrationOffice.MaxDeskLineLength);
        builder.Property(o => o.DeskAddressEn).HasMaxLength(RegistrationOffice.MaxDeskLineLength);
        builder.Property(o => o.DeskHoursZh).HasMaxLength(RegistrationOffice.MaxDeskLineLength);
        builder.Property(o => o.DeskHoursEn).HasMaxLength(RegistrationOffice.MaxDeskLineLength);
        builder.Property(o => o.DeskNotesZh).HasMaxLength(RegistrationOffice.MaxDeskNotesLength);
        builder.Property(o => o.DeskNotesEn).HasMaxLength(RegistrationOffice.MaxDeskNotesLength);
        builder.Property(o => o.DocumentPrefix).HasMaxLength(Portal.Domain.Instruments.InstrumentNumber.MaxPrefixLength);
    }
}
