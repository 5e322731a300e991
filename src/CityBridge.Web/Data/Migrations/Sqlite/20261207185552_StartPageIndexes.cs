using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityBridge.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class StartPageIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Projects_CityId",
                table: "Projects");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_CityId_Id_IsPublished",
                table: "Projects",
                columns: new[] { "CityId", "Id", "IsPublished" });

            migrationBuilder.CreateIndex(
                name: "IX_Matches_ProjectId_Rank",
                table: "Matches",
                columns: new[] { "ProjectId", "Rank" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Projects_CityId_Id_IsPublished",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Matches_ProjectId_Rank",
                table: "Matches");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_CityId",
                table: "Projects",
                column: "CityId");
        }
    }
}
