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
    [Migration("20261130224017_DraftsAndOfficeTelephone")]
    public partial class DraftsAndOfficeTelephone : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
        }
    }
}
