using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ServiceRatings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ServiceRatings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    OfficeId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Service = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    SubjectId = table.Column<Guid>(type: "TEXT", nullable: false),
                    SubjectNumber = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    FilingKind = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: true),
                    RaterUserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: false),
                    Level = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    GuideClarity = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Speed = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    StaffAttitude = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    Comment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    RatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    RatedOn = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    FollowUp = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    FollowUpDueOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    ContactedOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    Finding = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    Rectification = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AnsweredByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AnsweredOn = table.Column<DateOnly>(type: "TEXT", nullable: true),
                    AnsweredOnTime = table.Column<bool>(type: "INTEGER", nullable: true),
                    Resolved = table.Column<bool>(type: "INTEGER", nullable: true),
                    FeedbackComment = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    FeedbackUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Appeal = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    AppealReason = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AppealedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AppealedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    AppealDecision = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    AppealDecidedByName = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    AppealDecidedUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ServiceRatings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ServiceRatings_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRatings_Appeal_OfficeId",
                table: "ServiceRatings",
                columns: new[] { "Appeal", "OfficeId" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRatings_OfficeId_FollowUp_FollowUpDueOn",
                table: "ServiceRatings",
                columns: new[] { "OfficeId", "FollowUp", "FollowUpDueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRatings_OfficeId_RatedOn",
                table: "ServiceRatings",
                columns: new[] { "OfficeId", "RatedOn" });

            migrationBuilder.CreateIndex(
                name: "IX_ServiceRatings_Service_SubjectId",
                table: "ServiceRatings",
                columns: new[] { "Service", "SubjectId" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ServiceRatings");
        }
    }
}
