using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Portal.Infrastructure.Data;

#nullable disable

namespace Portal.Migrations.PostgreSql.Migrations
{
    /// <summary>
    /// Named as in the other providers' histories (ADR 0005). PostgreSQL's history begins with the
    /// schema of its introduction in <c>Initial</c>, so this step holds only what the model cannot declare.
    /// </summary>
    [DbContext(typeof(PortalDbContext))]
    [Migration("20261126164301_RegisterSearchAndFeed")]
    public partial class RegisterSearchAndFeed : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Name search (ADR 0005): trigrams for queries of three characters or more, the two-character
            // grams (with each name's last character) as text-search words for shorter ones.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("CREATE INDEX \"IX_Institutions_SearchNames_trgm\" ON \"Institutions\" USING gin (\"SearchNames\" gin_trgm_ops);");
            migrationBuilder.Sql("CREATE INDEX \"IX_Institutions_SearchGrams_words\" ON \"Institutions\" USING gin (to_tsvector('simple'::regconfig, coalesce(\"SearchGrams\", '')));");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Institutions_SearchGrams_words\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Institutions_SearchNames_trgm\";");
        }
    }
}
