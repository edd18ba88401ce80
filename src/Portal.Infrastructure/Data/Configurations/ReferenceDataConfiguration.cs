using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Calendar;
using Portal.Domain.Common;
using Portal.Infrastructure.Codes;
using Portal.Infrastructure.Email;

namespace Portal.Infrastructure.Data.Configurations;

public class FundingSourceConfiguration : IEntityTypeConfiguration<FundingSource>
{
    public void Configure(EntityTypeBuilder<FundingSource> builder)
    {
        builder.ToTable("FundingSources");
        builder.HasKey(f => f.Code);
        builder.Property(f => f.Code).HasMaxLength(20);
        builder.Property(f => f.NameZh).HasMaxLength(50).IsRequired();
        builder.Property(f => f.NameEn).HasMaxLength(100).IsRequired();
    }
}

public class RegionConfiguration : IEntityTypeConfiguration<Region>
{
    public void Configure(EntityTypeBuilder<Region> builder)
    {
        builder.ToTable("Regions");
        builder.HasKey(r => r.Code);
        builder.Property(r => r.Code).HasMaxLength(6).IsFixedLength();
        builder.Property(r => r.NameZh).HasMaxLength(50).IsRequired();
        builder.Property(r => r.NameEn).HasMaxLength(100).IsRequired();
    }
}

public class CalendarDayConfiguration : IEntityTypeConfiguration<CalendarDay>
{
    public void Configure(EntityTypeBuilder<CalendarDay> builder)
    {
        builder.ToTable("CalendarDays");
        builder.HasKey(d => d.Date);
        builder.Property(d => d.NameZh).HasMaxLength(50).IsRequired();
        builder.Property(d => d.NameEn).HasMaxLength(100).IsRequired();
    }
}

public class IssuedCodeConfiguration : IEntityTypeConfiguration<IssuedCode>
{
    public void Configure(EntityTypeBuilder<IssuedCode> builder)
    {
        builder.ToTable("IssuedCodes");
        builder.HasKey(c => c.Code);
        builder.Property(c => c.Code).HasMaxLength(18).IsFixedLength();
        builder.Property(c => c.Body).HasMaxLength(8).IsFixedLength().IsRequired();
        builder.HasIndex(c => c.Body).IsUnique();
    }
}

public class OutboxMessageConfiguration : IEntityTypeConfiguration<OutboxMessage>
{
    public void Configure(EntityTypeBuilder<OutboxMessage> builder)
    {
        builder.ToTable("OutboxMessages");
        builder.HasKey(m => m.Id);
        builder.Property(m => m.Id).ValueGeneratedNever();
        builder.Property(m => m.To).HasMaxLength(256).IsRequired();
        builder.Property(m => m.Subject).HasMaxLength(300).IsRequired();
        builder.Property(m => m.Body).IsRequired();
        builder.Property(m => m.Kind).HasMaxLength(50).IsRequired();
        builder.Property(m => m.LastError).HasMaxLength(1000);
        builder.Property(m => m.AttachmentName).HasMaxLength(200);
        builder.Ignore(m => m.AttachmentContent);
        builder.HasIndex(m => new { m.SentUtc, m.CreatedUtc });
    }
}
