using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Occupancy.Server.Data.Migrations.PostgreSql
{
    /// <inheritdoc />
    public partial class DoorPairs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Direction",
                table: "Doors",
                type: "character varying(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PairedDoorId",
                table: "Doors",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Direction",
                table: "Doors");

            migrationBuilder.DropColumn(
                name: "PairedDoorId",
                table: "Doors");
        }
    }
}
