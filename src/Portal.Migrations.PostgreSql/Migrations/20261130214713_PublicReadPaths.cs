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
    [Migration("20261130214713_PublicReadPaths")]
    public partial class PublicReadPaths : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Browse by sponsor or funding source in name order; the columns belong to the owned current version, so the model cannot declare these.
            migrationBuilder.Sql("CREATE INDEX \"IX_Institutions_FundingSourceCode_NameKey\" ON \"Institutions\" (\"FundingSourceCode\", \"NameKey\");");
            migrationBuilder.Sql("CREATE INDEX \"IX_Institutions_Sponsor_NameKey\" ON \"Institutions\" (\"Sponsor\", \"NameKey\");");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Institutions_FundingSourceCode_NameKey\";");
            migrationBuilder.Sql("DROP INDEX IF EXISTS \"IX_Institutions_Sponsor_NameKey\";");
        }
    }
}
