using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityBridge.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DirectorySearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Solutions",
                type: "TEXT",
                maxLength: 4000,
                nullable: true,
                computedColumnSql: "lower(\"Name\" || char(10) || coalesce(\"Description\", ''))",
                stored: false);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Organizations",
                type: "TEXT",
                maxLength: 4000,
                nullable: true,
                computedColumnSql: "lower(\"Name\" || char(10) || coalesce(\"Description\", ''))",
                stored: false);

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_CountryCode",
                table: "Organizations",
                column: "CountryCode");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Organizations_CountryCode",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Solutions");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Organizations");
        }
    }
}
