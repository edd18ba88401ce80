using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class PublicReadPaths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Announcements_PublishedOn_Kind",
                table: "Announcements");

            migrationBuilder.DropColumn(
                name: "Gzip",
                table: "OpenDataFiles");

            migrationBuilder.AddColumn<bool>(
                name: "Complete",
                table: "OpenDataFiles",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "OpenDataChunks",
                columns: table => new
                {
                    FileId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Index = table.Column<int>(type: "int", nullable: false),
                    Bytes = table.Column<byte[]>(type: "varbinary(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenDataChunks", x => new { x.FileId, x.Index });
                    table.ForeignKey(
                        name: "FK_OpenDataChunks_OpenDataFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "OpenDataFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Institutions_Status_NameKey_Code",
                table: "Institutions",
                columns: new[] { "Status", "NameKey", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_Year_State_PublishedOn_Id",
                table: "AnnualReports",
                columns: new[] { "Year", "State", "PublishedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_Kind_PublishedOn_PublishedUtc",
                table: "Announcements",
                columns: new[] { "Kind", "PublishedOn", "PublishedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_PublishedOn_PublishedUtc",
                table: "Announcements",
                columns: new[] { "PublishedOn", "PublishedUtc" });

            // Indexes over an owned type's column and the owner's (EF Core models an index on one entity type
            // only): public browsing filtered by funding source or sponsor, read in name order.
            migrationBuilder.Sql("CREATE INDEX [IX_Institutions_FundingSourceCode_NameKey] ON [Institutions] ([FundingSourceCode], [NameKey]);");
            migrationBuilder.Sql("CREATE INDEX [IX_Institutions_Sponsor_NameKey] ON [Institutions] ([Sponsor], [NameKey]);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX [IX_Institutions_FundingSourceCode_NameKey] ON [Institutions];");
            migrationBuilder.Sql("DROP INDEX [IX_Institutions_Sponsor_NameKey] ON [Institutions];");

            migrationBuilder.DropTable(
                name: "OpenDataChunks");

            migrationBuilder.DropIndex(
                name: "IX_Institutions_Status_NameKey_Code",
                table: "Institutions");

            migrationBuilder.DropIndex(
                name: "IX_AnnualReports_Year_State_PublishedOn_Id",
                table: "AnnualReports");

            migrationBuilder.DropIndex(
                name: "IX_Announcements_Kind_PublishedOn_PublishedUtc",
                table: "Announcements");

            migrationBuilder.DropIndex(
                name: "IX_Announcements_PublishedOn_PublishedUtc",
                table: "Announcements");

            migrationBuilder.DropColumn(
                name: "Complete",
                table: "OpenDataFiles");

            migrationBuilder.AddColumn<byte[]>(
                name: "Gzip",
                table: "OpenDataFiles",
                type: "varbinary(max)",
                nullable: false,
                defaultValue: new byte[0]);

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_PublishedOn_Kind",
                table: "Announcements",
                columns: new[] { "PublishedOn", "Kind" });
        }
    }
}
