using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Occupancy.Server.Data.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PairedDoorId",
                table: "Doors",
                type: "TEXT",
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
