using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CityBridge.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class SchedulingJobs : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SchedulingJobs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    EventId = table.Column<int>(type: "integer", nullable: false),
                    TimeLimitSeconds = table.Column<double>(type: "double precision", nullable: false),
                    AllowMoves = table.Column<bool>(type: "boolean", nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Owner = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    LeaseUntilMs = table.Column<long>(type: "bigint", nullable: false),
                    StopRequested = table.Column<bool>(type: "boolean", nullable: false),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    BestWeight = table.Column<long>(type: "bigint", nullable: false),
                    UpperBound = table.Column<long>(type: "bigint", nullable: false),
                    Gap = table.Column<double>(type: "double precision", nullable: false),
                    Seconds = table.Column<double>(type: "double precision", nullable: false),
                    Message = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SchedulingJobs", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SchedulingJobs_Events_EventId",
                        column: x => x.EventId,
                        principalTable: "Events",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SchedulingJobs_EventId",
                table: "SchedulingJobs",
                column: "EventId");

            migrationBuilder.CreateIndex(
                name: "IX_SchedulingJobs_State_LeaseUntilMs",
                table: "SchedulingJobs",
                columns: new[] { "State", "LeaseUntilMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SchedulingJobs");
        }
    }
}
