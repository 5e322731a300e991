using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityBridge.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DurableRematchAndOneActiveRun : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "RematchJobs",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    State = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Owner = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LeaseUntilMs = table.Column<long>(type: "INTEGER", nullable: false),
                    StopRequested = table.Column<bool>(type: "INTEGER", nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    Phase = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Done = table.Column<int>(type: "INTEGER", nullable: false),
                    Total = table.Column<int>(type: "INTEGER", nullable: false),
                    ResumeAfterProjectId = table.Column<int>(type: "INTEGER", nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    CreatedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    StartedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    FinishedAt = table.Column<DateTimeOffset>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RematchJobs", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SchedulingJobs_OneActiveRunPerEvent",
                table: "SchedulingJobs",
                column: "EventId",
                unique: true,
                filter: "\"State\" IN ('queued', 'running', 'stopping')");

            migrationBuilder.CreateIndex(
                name: "IX_RematchJobs_OneQueued",
                table: "RematchJobs",
                column: "State",
                unique: true,
                filter: "\"State\" = 'queued'");

            migrationBuilder.CreateIndex(
                name: "IX_RematchJobs_State_LeaseUntilMs",
                table: "RematchJobs",
                columns: new[] { "State", "LeaseUntilMs" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "RematchJobs");

            migrationBuilder.DropIndex(
                name: "IX_SchedulingJobs_OneActiveRunPerEvent",
                table: "SchedulingJobs");
        }
    }
}
