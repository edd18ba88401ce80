using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AssignmentNotesChasing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "AssignedUtc",
                table: "Filings",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssigneeName",
                table: "Filings",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssigneeUserId",
                table: "Filings",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FilingNotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    FilingId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AuthorUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    AuthorName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FilingNotes", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FilingNotes_Filings_FilingId",
                        column: x => x.FilingId,
                        principalTable: "Filings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ReportChases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    SentUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    ByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: false),
                    ByName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportChases", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_ReadUtc",
                table: "Notifications",
                columns: new[] { "UserId", "ReadUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Filings_OfficeId_AssigneeUserId_State",
                table: "Filings",
                columns: new[] { "OfficeId", "AssigneeUserId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_FilingNotes_FilingId_CreatedUtc",
                table: "FilingNotes",
                columns: new[] { "FilingId", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportChases_InstitutionId_SentUtc",
                table: "ReportChases",
                columns: new[] { "InstitutionId", "SentUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportChases_OfficeId_Year",
                table: "ReportChases",
                columns: new[] { "OfficeId", "Year" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "FilingNotes");

            migrationBuilder.DropTable(
                name: "ReportChases");

            migrationBuilder.DropIndex(
                name: "IX_Notifications_UserId_ReadUtc",
                table: "Notifications");

            migrationBuilder.DropIndex(
                name: "IX_Filings_OfficeId_AssigneeUserId_State",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "AssignedUtc",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "AssigneeName",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "AssigneeUserId",
                table: "Filings");
        }
    }
}
