using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AgencyFilings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AgencyCertificateValidityYears",
                table: "Offices",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgencyBaseAddress",
                table: "Filings",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgencyBaseCategory",
                table: "Filings",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgencyBaseEstablishingDocument",
                table: "Filings",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgencyBaseFunctions",
                table: "Filings",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgencyBaseName",
                table: "Filings",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgencyBasePersonInCharge",
                table: "Filings",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgencyBasePersonInChargeIdNumber",
                table: "Filings",
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgencyBaseSecondName",
                table: "Filings",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AgencyId",
                table: "Filings",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgencyProposedAddress",
                table: "Filings",
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgencyProposedCategory",
                table: "Filings",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgencyProposedEstablishingDocument",
                table: "Filings",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgencyProposedFunctions",
                table: "Filings",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgencyProposedName",
                table: "Filings",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgencyProposedPersonInCharge",
                table: "Filings",
                type: "nvarchar(50)",
                maxLength: 50,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgencyProposedPersonInChargeIdNumber",
                table: "Filings",
                type: "nvarchar(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AgencyProposedSecondName",
                table: "Filings",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "CollectedOn",
                table: "Filings",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OldOrganisationCode",
                table: "Filings",
                type: "nvarchar(9)",
                maxLength: 9,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ReissueCause",
                table: "Filings",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AgencyId",
                table: "AspNetUsers",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AgencyCertificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Number = table.Column<string>(type: "nvarchar(20)", maxLength: 20, nullable: false),
                    OfficeId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    AgencyId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Code = table.Column<string>(type: "nchar(18)", fixedLength: true, maxLength: 18, nullable: false),
                    PrintedName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    PrintedSecondName = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: true),
                    PrintedCategory = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    PrintedEstablishingDocument = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    PrintedFunctions = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: false),
                    PrintedAddress = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    PrintedPersonInCharge = table.Column<string>(type: "nvarchar(50)", maxLength: 50, nullable: false),
                    PrintedPersonInChargeIdNumber = table.Column<string>(type: "nvarchar(30)", maxLength: 30, nullable: false),
                    OfficeNameZh = table.Column<string>(type: "nvarchar(100)", maxLength: 100, nullable: false),
                    Reason = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    Status = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: false),
                    PredecessorId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    SuccessorId = table.Column<Guid>(type: "uniqueidentifier", nullable: true),
                    VoidReason = table.Column<string>(type: "nvarchar(32)", maxLength: 32, nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Token = table.Column<string>(type: "nvarchar(1024)", maxLength: 1024, nullable: false),
                    TokenSha256 = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    KeyId = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    QrUrl = table.Column<string>(type: "nvarchar(1500)", maxLength: 1500, nullable: false),
                    OriginalPdfId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    OriginalSha256 = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    DuplicatePdfId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    DuplicateSha256 = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AgencyCertificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AgencyCertificates_Agencies_AgencyId",
                        column: x => x.AgencyId,
                        principalTable: "Agencies",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgencyCertificates_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgencyCertificates_StoredFiles_DuplicatePdfId",
                        column: x => x.DuplicatePdfId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AgencyCertificates_StoredFiles_OriginalPdfId",
                        column: x => x.OriginalPdfId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Filings_AgencyId_State",
                table: "Filings",
                columns: new[] { "AgencyId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_AgencyId",
                table: "AspNetUsers",
                column: "AgencyId");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyCertificates_AgencyId_Status",
                table: "AgencyCertificates",
                columns: new[] { "AgencyId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_AgencyCertificates_DuplicatePdfId",
                table: "AgencyCertificates",
                column: "DuplicatePdfId");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyCertificates_Number",
                table: "AgencyCertificates",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AgencyCertificates_OfficeId",
                table: "AgencyCertificates",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyCertificates_OriginalPdfId",
                table: "AgencyCertificates",
                column: "OriginalPdfId");

            migrationBuilder.CreateIndex(
                name: "IX_AgencyCertificates_TokenSha256",
                table: "AgencyCertificates",
                column: "TokenSha256",
                unique: true);

            migrationBuilder.AddForeignKey(
                name: "FK_AspNetUsers_Agencies_AgencyId",
                table: "AspNetUsers",
                column: "AgencyId",
                principalTable: "Agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);

            migrationBuilder.AddForeignKey(
                name: "FK_Filings_Agencies_AgencyId",
                table: "Filings",
                column: "AgencyId",
                principalTable: "Agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_AspNetUsers_Agencies_AgencyId",
                table: "AspNetUsers");

            migrationBuilder.DropForeignKey(
                name: "FK_Filings_Agencies_AgencyId",
                table: "Filings");

            migrationBuilder.DropTable(
                name: "AgencyCertificates");

            migrationBuilder.DropIndex(
                name: "IX_Filings_AgencyId_State",
                table: "Filings");

            migrationBuilder.DropIndex(
                name: "IX_AspNetUsers_AgencyId",
                table: "AspNetUsers");

            migrationBuilder.DropColumn(
                name: "AgencyCertificateValidityYears",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "AgencyBaseAddress",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "AgencyBaseCategory",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "AgencyBaseEstablishingDocument",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "AgencyBaseFunctions",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "AgencyBaseName",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "AgencyBasePersonInCharge",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "AgencyBasePersonInChargeIdNumber",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "AgencyBaseSecondName",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "AgencyId",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "AgencyProposedAddress",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "AgencyProposedCategory",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "AgencyProposedEstablishingDocument",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "AgencyProposedFunctions",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "AgencyProposedName",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "AgencyProposedPersonInCharge",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "AgencyProposedPersonInChargeIdNumber",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "AgencyProposedSecondName",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "CollectedOn",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "OldOrganisationCode",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "ReissueCause",
                table: "Filings");

            migrationBuilder.DropColumn(
                name: "AgencyId",
                table: "AspNetUsers");
        }
    }
}
