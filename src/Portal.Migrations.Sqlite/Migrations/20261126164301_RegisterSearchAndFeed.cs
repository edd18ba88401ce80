using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.Sqlite.Migrations
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
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchNames",
                table: "Institutions",
                type: "TEXT",
                maxLength: 2000,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "FeedEvents",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "INTEGER", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 40, nullable: false),
                    InstitutionId = table.Column<Guid>(type: "TEXT", nullable: false),
                    Code = table.Column<string>(type: "TEXT", maxLength: 18, nullable: false),
                    OccurredUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Data = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedEvents", x => x.Sequence);
                });

            migrationBuilder.CreateIndex(
                name: "IX_FeedEvents_InstitutionId",
                table: "FeedEvents",
                column: "InstitutionId");

            // The register's name index (ADR 0003). Triggers keep it in step in the same transaction as the
            // write; Key gives each institution a stable integer rowid (the table's own rowid could be
            // renumbered by VACUUM, its key is a GUID).
            migrationBuilder.Sql("CREATE TABLE InstitutionSearchKeys (Key INTEGER PRIMARY KEY, InstitutionId TEXT NOT NULL UNIQUE);");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE InstitutionNamesFts USING fts5(names, tokenize = 'trigram');");
            migrationBuilder.Sql("CREATE VIRTUAL TABLE InstitutionGramsFts USING fts5(grams, tokenize = 'unicode61', prefix = '1', detail = 'none');");
            foreach (var (name, when) in new[] { ("Institutions_search_insert", "AFTER INSERT ON Institutions"), ("Institutions_search_update", "AFTER UPDATE OF SearchNames, SearchGrams ON Institutions") })
            {
                migrationBuilder.Sql($"""
                    CREATE TRIGGER {name} {when} WHEN new.SearchNames IS NOT NULL BEGIN
                      INSERT OR IGNORE INTO InstitutionSearchKeys (InstitutionId) VALUES (new.Id);
                      DELETE FROM InstitutionNamesFts WHERE rowid = (SELECT Key FROM InstitutionSearchKeys WHERE InstitutionId = new.Id);
                      DELETE FROM InstitutionGramsFts WHERE rowid = (SELECT Key FROM InstitutionSearchKeys WHERE InstitutionId = new.Id);
                      INSERT INTO InstitutionNamesFts (rowid, names) SELECT Key, new.SearchNames FROM InstitutionSearchKeys WHERE InstitutionId = new.Id;
                      INSERT INTO InstitutionGramsFts (rowid, grams) SELECT Key, new.SearchGrams FROM InstitutionSearchKeys WHERE InstitutionId = new.Id;
                    END;
                    """);
            }

            migrationBuilder.Sql("""
                CREATE TRIGGER Institutions_search_delete AFTER DELETE ON Institutions BEGIN
                  DELETE FROM InstitutionNamesFts WHERE rowid = (SELECT Key FROM InstitutionSearchKeys WHERE InstitutionId = old.Id);
                  DELETE FROM InstitutionGramsFts WHERE rowid = (SELECT Key FROM InstitutionSearchKeys WHERE InstitutionId = old.Id);
                  DELETE FROM InstitutionSearchKeys WHERE InstitutionId = old.Id;
                END;
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            foreach (var trigger in new[] { "Institutions_search_insert", "Institutions_search_update", "Institutions_search_delete" })
            {
                migrationBuilder.Sql($"DROP TRIGGER IF EXISTS {trigger};");
            }

            migrationBuilder.Sql("DROP TABLE IF EXISTS InstitutionNamesFts;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS InstitutionGramsFts;");
            migrationBuilder.Sql("DROP TABLE IF EXISTS InstitutionSearchKeys;");

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
