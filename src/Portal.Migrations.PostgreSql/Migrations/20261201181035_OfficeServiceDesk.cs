using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Portal.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class OfficeServiceDesk : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DeskAddressEn",
                table: "Offices",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "DeskAddressZh",
                table: "Offices",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "DeskHoursEn",
                table: "Offices",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "DeskHoursZh",
                table: "Offices",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "DeskNotesEn",
                table: "Offices",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                collation: "C");

            migrationBuilder.AddColumn<string>(
                name: "DeskNotesZh",
                table: "Offices",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true,
                collation: "C");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "DeskAddressEn",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "DeskAddressZh",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "DeskHoursEn",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "DeskHoursZh",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "DeskNotesEn",
                table: "Offices");

            migrationBuilder.DropColumn(
                name: "DeskNotesZh",
                table: "Offices");
        }
    }
}
