using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class Filings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Offices_Offices_ParentOfficeId",
                table: "Offices");

            migrationBuilder.DropIndex(
                name: "IX_Offices_ParentOfficeId",
                table: "Offices");

            migrationBuilder.DropIndex(
                name: "IX_Offices_RegionCode",
                table: "Offices");

            migrationBuilder.AlterColumn<string>(
                name: "RegionCode",
                table: "Offices",
                type: "nvarchar(max)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nchar(6)",
                oldFixedLength: true,
                oldMaxLength: 6);

            migrationBuilder.AlterColumn<string>(
                name: "NameZh",
                table: "Offices",
                type: "nvarchar(max)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(100)",
                oldMaxLength: 100);

            migrationBuilder.AlterColumn<string>(
                name: "NameEn",
                table: "Offices",
                type: "nvarchar(max)",
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(200)",
                oldMaxLength: 200);

            migrationBuilder.AddColumn<int>(
                name: "PromisedDecisionWorkingDays",
                table: "Offices",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CertificateNumber",
                table: "Institutions",
                type: "nvarchar(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CertificateValidUntil",
                table: "Institutions",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NameKey",
                table: "Institutions",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "Announcements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    TitleZh = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    BodyZh = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    BodyEn = table.Column<string>(type: "nvarchar(max)", maxLength: 6000, nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Announcements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Announcements_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Announcements_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Counters",
                columns: table => new
                {
                    Key = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Counters", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "Filings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    OfficeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    State = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ApplicantUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FirstSubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AcceptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClockStoppedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StoppedDays = table.Column<int>(type: "int", nullable: false),
                    BaseName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    BaseSecondName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    BaseDomicile = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    BasePurposeAndScope = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    BaseLegalRepresentative = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    BaseLegalRepresentativeIdNumber = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    BaseFundingSourceCode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    BaseStartupCapital = table.Column<long>(type: "bigint", nullable: true),
                    BaseSponsor = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ProposedName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ProposedSecondName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ProposedDomicile = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: true),
                    ProposedPurposeAndScope = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ProposedLegalRepresentative = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    ProposedLegalRepresentativeIdNumber = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: true),
                    ProposedFundingSourceCode = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: true),
                    ProposedStartupCapital = table.Column<long>(type: "bigint", nullable: true),
                    ProposedSponsor = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    ApprovalDocumentNumber = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: true),
                    ApprovalDocumentDate = table.Column<DateOnly>(type: "date", nullable: true),
                    StaffingQuota = table.Column<int>(type: "int", nullable: true),
                    PlannedMoveDate = table.Column<DateOnly>(type: "date", nullable: true),
                    FiledBeforeMove = table.Column<bool>(type: "bit", nullable: true),
                    DeregistrationReason = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    Explanation = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ReturnChecklist = table.Column<string>(type: "nvarchar(1000)", maxLength: 1000, nullable: false),
                    ReturnNote = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    RefusalReasons = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    ConcurrencyToken = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Filings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Filings_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Filings_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    TitleZh = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    TitleEn = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    BodyZh = table.Column<string>(type: "nvarchar(4000)", maxLength: 4000, nullable: false),
                    BodyEn = table.Column<string>(type: "nvarchar(max)", maxLength: 6000, nullable: false),
                    Link = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ReadUtc = table.Column<DateTime>(type: "datetime2", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoredFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Content = table.Column<byte[]>(type: "varbinary(max)", nullable: false),
                    Sha256 = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredFiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FilingEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FilingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ActorUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ActorName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    ActorRole = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    From = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    To = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Action = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    Note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FilingEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FilingEvents_Filings_FilingId",
                        column: x => x.FilingId,
                        principalTable: "Filings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FilingAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FilingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "nvarchar(120)", maxLength: 120, nullable: false),
                    ContentType = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    ContentId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    UploadedBy = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    UploadedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FilingAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FilingAttachments_Filings_FilingId",
                        column: x => x.FilingId,
                        principalTable: "Filings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FilingAttachments_StoredFiles_ContentId",
                        column: x => x.ContentId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Institutions_OfficeId_NameKey",
                table: "Institutions",
                columns: new[] { "OfficeId", "NameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_InstitutionId",
                table: "Announcements",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_OfficeId",
                table: "Announcements",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_PublishedOn_Kind",
                table: "Announcements",
                columns: new[] { "PublishedOn", "Kind" });

            migrationBuilder.CreateIndex(
                name: "IX_FilingAttachments_ContentId",
                table: "FilingAttachments",
                column: "ContentId");

            migrationBuilder.CreateIndex(
                name: "IX_FilingAttachments_FilingId",
                table: "FilingAttachments",
                column: "FilingId");

            migrationBuilder.CreateIndex(
                name: "IX_FilingEvents_FilingId_Sequence",
                table: "FilingEvents",
                columns: new[] { "FilingId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Filings_ApplicantUserId_State",
                table: "Filings",
                columns: new[] { "ApplicantUserId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Filings_InstitutionId_State",
                table: "Filings",
                columns: new[] { "InstitutionId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Filings_Number",
                table: "Filings",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Filings_OfficeId_State",
                table: "Filings",
                columns: new[] { "OfficeId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_CreatedUtc",
                table: "Notifications",
                columns: new[] { "UserId", "CreatedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Announcements");

            migrationBuilder.DropTable(
                name: "Counters");

            migrationBuilder.DropTable(
                name: "FilingAttachments");

            migrationBuilder.DropTable(
                name: "FilingEvents");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "StoredFiles");

            migrationBuilder.DropTable(
                name: "Filings");

            migrationBuilder.DropIndex(
                name: "IX_Institutions_OfficeId_NameKey",
                table: "Institutions");

            migrationBuilder.DropColumn(
                name: "PromisedDecisionWorkingDays",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "CertificateNumber",
                table: "Institutions");

            migrationBuilder.DropColumn(
                name: "CertificateValidUntil",
                table: "Institutions");

            migrationBuilder.DropColumn(
                name: "NameKey",
                table: "Institutions");

            migrationBuilder.AlterColumn<string>(
                name: "RegionCode",
                table: "Offices",
                type: "nchar(6)",
                fixedLength: true,
                maxLength: 6,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)");

            migrationBuilder.AlterColumn<string>(
                name: "NameZh",
                table: "Offices",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)");

            migrationBuilder.AlterColumn<string>(
                name: "NameEn",
                table: "Offices",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                oldClrType: typeof(string),
                oldType: "nvarchar(max)");

            migrationBuilder.CreateIndex(
                name: "IX_Offices_ParentOfficeId",
                table: "Offices",
                column: "ParentOfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_Offices_RegionCode",
                table: "Offices",
                column: "RegionCode",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_Offices_Offices_ParentOfficeId",
                table: "Offices",
                column: "ParentOfficeId",
                principalTable: "Offices",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }
    }
}
