using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Occupancy.Server.Data.Migrations.PostgreSql
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
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "Mode",
                table: "Doors",
                type: "text",
                nullable: false,
                defaultValue: "normal");

            migrationBuilder.CreateTable(
                name: "AccessDailyCounts",
                columns: table => new
                {
                    SpaceId = table.Column<string>(type: "text", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    DoorId = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessDailyCounts", x => new { x.SpaceId, x.Day, x.DoorId, x.Kind, x.Reason });
                });

            migrationBuilder.CreateTable(
                name: "AccessLog",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    SpaceId = table.Column<string>(type: "text", nullable: false),
                    EventId = table.Column<string>(type: "text", nullable: false),
                    Kind = table.Column<string>(type: "text", nullable: false),
                    DoorId = table.Column<string>(type: "text", nullable: false),
                    Granted = table.Column<bool>(type: "boolean", nullable: false),
                    Reason = table.Column<string>(type: "text", nullable: false),
                    MemberPseudonym = table.Column<string>(type: "text", nullable: false),
                    MemberId = table.Column<Guid>(type: "uuid", nullable: true),
                    TimestampMs = table.Column<long>(type: "bigint", nullable: false),
                    ReceivedMs = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AccessLog", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AccessSequence",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false),
                    Value = table.Column<long>(type: "bigint", nullable: false)
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
