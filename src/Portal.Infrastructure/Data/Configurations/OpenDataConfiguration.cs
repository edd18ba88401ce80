using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Infrastructure.OpenData;

namespace Portal.Infrastructure.Data.Configurations;

public class OpenDataFileConfiguration : IEntityTypeConfiguration<OpenDataFile>
{
    public void Configure(EntityTypeBuilder<OpenDataFile> builder)
    {
        builder.ToTable("OpenDataFiles");
        builder.HasKey(f => f.Id);
        builder.Property(f => f.Id).ValueGeneratedNever();
        builder.Property(f => f.Format).HasMaxLength(8).IsRequired();
        builder.Property(f => f.Sha256).HasMaxLength(64).IsRequired();
        builder.HasIndex(f => new { f.Day, f.Format }).IsUnique();
    }
}

public class OpenDataChunkConfiguration : IEntityTypeConfiguration<OpenDataChunk>
{
    public void Configure(EntityTypeBuilder<OpenDataChunk> builder)
    {
        builder.ToTable("OpenDataChunks");
        builder.HasKey(c => new { c.FileId, c.Index });
        builder.Property(c => c.Bytes).IsRequired();
        builder.HasOne<OpenDataFile>().WithMany().HasForeignKey(c => c.FileId).OnDelete(DeleteBehavior.Cascade);
    }
}
