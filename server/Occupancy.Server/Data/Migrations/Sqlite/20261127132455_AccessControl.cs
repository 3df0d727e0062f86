using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Occupancy.Server.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class AccessControl : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Lockdown",
                table: "Spaces",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Mode",
                table: "Doors",
                type: "TEXT",
                nullable: false,
                defaultValue: "normal");

            migrationBuilder.CreateTable(
                name: "AccessDailyCounts",
                columns: table => new
                {
                    SpaceId = table.Column<string>(type: "TEXT", nullable: false),
                    Day = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    DoorId = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessDailyCounts", x => new { x.SpaceId, x.Day, x.DoorId, x.Kind, x.Reason });
                });

            migrationBuilder.CreateTable(
                name: "AccessLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    SpaceId = table.Column<string>(type: "TEXT", nullable: false),
                    EventId = table.Column<string>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", nullable: false),
                    DoorId = table.Column<string>(type: "TEXT", nullable: false),
                    Granted = table.Column<bool>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", nullable: false),
                    MemberPseudonym = table.Column<string>(type: "TEXT", nullable: false),
                    MemberId = table.Column<Guid>(type: "TEXT", nullable: true),
                    TimestampMs = table.Column<long>(type: "INTEGER", nullable: false),
                    ReceivedMs = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AccessSequence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false),
                    Value = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessSequence", x => x.Id);
                });

            migrationBuilder.InsertData(
                table: "AccessSequence",
                columns: new[] { "Id", "Value" },
                values: new object[] { 1, 0L });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_MemberId_TimestampMs",
                table: "AccessLog",
                columns: new[] { "MemberId", "TimestampMs" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_SpaceId_EventId",
                table: "AccessLog",
                columns: new[] { "SpaceId", "EventId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_SpaceId_TimestampMs",
                table: "AccessLog",
                columns: new[] { "SpaceId", "TimestampMs" });

            migrationBuilder.CreateIndex(
                name: "IX_AccessLog_TimestampMs",
                table: "AccessLog",
                column: "TimestampMs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AccessDailyCounts");

            migrationBuilder.DropTable(
                name: "AccessLog");

            migrationBuilder.DropTable(
                name: "AccessSequence");

            migrationBuilder.DropColumn(
                name: "Lockdown",
                table: "Spaces");

            migrationBuilder.DropColumn(
                name: "Mode",
                table: "Doors");
        }
    }
}
