using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.SqlServer.Migrations
{
    /// <inheritdoc />
    public partial class AgencyAnnouncements : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AgencyId",
                table: "Announcements",
                type: "uniqueidentifier",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_AgencyId",
                table: "Announcements",
                column: "AgencyId");

            migrationBuilder.AddForeignKey(
                name: "FK_Announcements_Agencies_AgencyId",
                table: "Announcements",
                column: "AgencyId",
                principalTable: "Agencies",
                principalColumn: "Id",
                onDelete: ReferentialAction.Restrict);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropForeignKey(
                name: "FK_Announcements_Agencies_AgencyId",
                table: "Announcements");

            migrationBuilder.DropIndex(
                name: "IX_Announcements_AgencyId",
                table: "Announcements");

            migrationBuilder.DropColumn(
                name: "AgencyId",
                table: "Announcements");
        }
    }
}
