using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Portal.Domain.Offices;
using Portal.Domain.Ratings;

namespace Portal.Infrastructure.Data.Configurations;

public class ServiceRatingConfiguration : IEntityTypeConfiguration<ServiceRating>
{
    public void Configure(EntityTypeBuilder<ServiceRating> builder)
    {
        builder.ToTable("ServiceRatings");
        builder.HasKey(r => r.Id);
        builder.Property(r => r.Id).ValueGeneratedNever();
        builder.Property(r => r.SubjectNumber).HasMaxLength(30).IsRequired();
        builder.Property(r => r.RaterUserId).HasMaxLength(450).IsRequired();
        builder.Property(r => r.Comment).HasMaxLength(ServiceRating.CommentMaxLength);
        builder.Property(r => r.Finding).HasMaxLength(ServiceRating.AnswerMaxLength);
        builder.Property(r => r.Rectification).HasMaxLength(ServiceRating.AnswerMaxLength);
        builder.Property(r => r.AnsweredByName).HasMaxLength(100);
        builder.Property(r => r.FeedbackComment).HasMaxLength(ServiceRating.CommentMaxLength);
        builder.Property(r => r.AppealReason).HasMaxLength(ServiceRating.AnswerMaxLength);
        builder.Property(r => r.AppealedByName).HasMaxLength(100);
        builder.Property(r => r.AppealDecision).HasMaxLength(ServiceRating.AnswerMaxLength);
        builder.Property(r => r.AppealDecidedByName).HasMaxLength(100);
        builder.Ignore(r => r.Counts);
        builder.Ignore(r => r.IsSatisfied);
        builder.HasOne<RegistrationOffice>().WithMany().HasForeignKey(r => r.OfficeId).OnDelete(DeleteBehavior.Restrict);

        // 一事一评: the database refuses a second rating of the same filing or report, whatever races past the check.
        builder.HasIndex(r => new { r.Service, r.SubjectId }).IsUnique();
        builder.HasIndex(r => new { r.OfficeId, r.RatedOn });
        builder.HasIndex(r => new { r.OfficeId, r.FollowUp, r.FollowUpDueOn });
        builder.HasIndex(r => new { r.Appeal, r.OfficeId });
    }
}
