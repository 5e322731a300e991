using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityBridge.Web.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class MatchListsCurrentThrough : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.InsertData(
                table: "DataVersions",
                columns: new[] { "Id", "Value" },
                values: new object[] { 2, 0L });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "DataVersions",
                keyColumn: "Id",
                keyValue: 2);
        }
    }
}
