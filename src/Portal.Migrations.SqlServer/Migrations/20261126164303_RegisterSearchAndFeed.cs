using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class RegisterSearchAndFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchGrams",
                table: "Institutions",
                type: "nvarchar(max)",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchNames",
                table: "Institutions",
                type: "nvarchar(2000)",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FeedEvents",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "nvarchar(40)", maxLength: 40, nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uniqueidentifier", nullable: false),
                    Code = table.Column<string>(type: "nvarchar(18)", maxLength: 18, nullable: false),
                    OccurredUtc = table.Column<DateTime>(type: "datetime2", nullable: false),
                    Data = table.Column<string>(type: "nvarchar(max)", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedEvents", x => x.Sequence);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeedEvents_InstitutionId",
                table: "FeedEvents",
                column: "InstitutionId");

            // The SQL Server equivalent of SQLite's FTS5 indexes (ADR 0003): a full-text index over the gram
            // column with the neutral word breaker, so each two-character token is a full-text word. The
            // search then ANDs the query's grams and confirms the substring with LIKE on SearchNames.
            // Full-text DDL cannot run inside a transaction; servers without the feature skip it and the
            // search falls back to LIKE (correct, but slower on a large register).
            migrationBuilder.Sql("""
                IF FULLTEXTSERVICEPROPERTY('IsFullTextInstalled') = 1 AND NOT EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = 'PortalSearch')
                    EXEC(N'CREATE FULLTEXT CATALOG PortalSearch');
                """, suppressTransaction: true);
            migrationBuilder.Sql("""
                IF FULLTEXTSERVICEPROPERTY('IsFullTextInstalled') = 1 AND NOT EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID('Institutions'))
                    EXEC(N'CREATE FULLTEXT INDEX ON Institutions (SearchGrams LANGUAGE 0) KEY INDEX PK_Institutions ON PortalSearch WITH CHANGE_TRACKING AUTO, STOPLIST = OFF');
                """, suppressTransaction: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("""
                IF EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID('Institutions'))
                    EXEC(N'DROP FULLTEXT INDEX ON Institutions');
                """, suppressTransaction: true);
            migrationBuilder.DropTable(
                name: "FeedEvents");

            migrationBuilder.DropColumn(
                name: "SearchGrams",
                table: "Institutions");

            migrationBuilder.DropColumn(
                name: "SearchNames",
                table: "Institutions");
        }
    }
}
