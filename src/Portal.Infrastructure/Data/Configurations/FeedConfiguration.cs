using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Infrastructure.Feed;

namespace Portal.Infrastructure.Data.Configurations;

public class FeedEventConfiguration : IEntityTypeConfiguration<FeedEvent>
{
    public void Configure(EntityTypeBuilder<FeedEvent> builder)
    {
        builder.ToTable("FeedEvents");
        builder.HasKey(e => e.Sequence);
        builder.Property(e => e.Sequence).ValueGeneratedNever(); // from the "feed" counter row, in the writing transaction
        builder.Property(e => e.Kind).HasMaxLength(40).IsRequired();
        builder.Property(e => e.Code).HasMaxLength(18).IsRequired();
        builder.Property(e => e.Data).IsRequired();
        builder.HasIndex(e => e.InstitutionId);
    }
}
