using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class WrittenInstruments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AttachmentFileId",
                table: "OutboxMessages",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AttachmentName",
                table: "OutboxMessages",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DocumentPrefix",
                table: "Offices",
                type: "nvarchar(10)",
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ElectronicDeliveryConsentBy",
                table: "Institutions",
                type: "nvarchar(450)",
                maxLength: 450,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ElectronicDeliveryConsentUtc",
                table: "Institutions",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CompetentOffice",
                table: "Filings",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "NonAcceptanceReasons",
                table: "Filings",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "Instruments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    Year = table.Column<int>(type: "int", nullable: false),
                    Serial = table.Column<long>(type: "bigint", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    CheckCode = table.Column<string>(type: "nvarchar(10)", maxLength: 10, nullable: false),
                    FilingId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    InstitutionId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    ApplicantUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true),
                    CertificateId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    Addressee = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    IssuedUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    FileId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Sha256 = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    SignerThumbprint = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    OpenedUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    OpenedByUserId = table.Column<string>(type: "nvarchar(450)", maxLength: 450, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Instruments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Instruments_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Instruments_StoredFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_ApplicantUserId_IssuedUtc",
                table: "Instruments",
                columns: new[] { "ApplicantUserId", "IssuedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_CheckCode",
                table: "Instruments",
                column: "CheckCode",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_FileId",
                table: "Instruments",
                column: "FileId");

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_FilingId",
                table: "Instruments",
                column: "FilingId");

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_InstitutionId_IssuedUtc",
                table: "Instruments",
                columns: new[] { "InstitutionId", "IssuedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_OfficeId_IssuedUtc",
                table: "Instruments",
                columns: new[] { "OfficeId", "IssuedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_OfficeId_Kind_Year_Serial",
                table: "Instruments",
                columns: new[] { "OfficeId", "Kind", "Year", "Serial" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Instruments_Sha256",
                table: "Instruments",
                column: "Sha256");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "Instruments");

            migrationBuilder.DropColumn(
                name: "AttachmentFileId",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "AttachmentName",
                table: "OutboxMessages");

            migrationBuilder.DropColumn(
                name: "DocumentPrefix",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "ElectronicDeliveryConsentBy",
                table: "Institutions");

            migrationBuilder.DropColumn(
                name: "ElectronicDeliveryConsentUtc",
                table: "Institutions");

            migrationBuilder.DropColumn(
                name: "CompetentOffice",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "NonAcceptanceReasons",
                table: "Filings");
        }
    }
}
