using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.PostgreSql.Migrations
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
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Service = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    SubjectId = table.Column<Guid>(type: "uuid", nullable: false),
                    SubjectNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false, collation: "C"),
                    FilingKind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: true),
                    RaterUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false, collation: "C"),
                    Level = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    GuideClarity = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Speed = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    StaffAttitude = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Comment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    RatedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    RatedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    FollowUp = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FollowUpDueOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ContactedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Finding = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C"),
                    Rectification = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C"),
                    AnsweredByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    AnsweredOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AnsweredOnTime = table.Column<bool>(type: "boolean", nullable: true),
                    Resolved = table.Column<bool>(type: "boolean", nullable: true),
                    FeedbackComment = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    FeedbackUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Appeal = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    AppealReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C"),
                    AppealedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    AppealedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    AppealDecision = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C"),
                    AppealDecidedByName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    AppealDecidedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true)
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
