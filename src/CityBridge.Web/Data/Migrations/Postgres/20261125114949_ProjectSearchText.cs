using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityBridge.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class ProjectSearchText : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Projects_Description_Trigram",
                table: "Projects");

            migrationBuilder.DropIndex(
                name: "IX_Projects_Title_Trigram",
                table: "Projects");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Projects",
                type: "text",
                maxLength: 4000,
                nullable: true,
                computedColumnSql: "lower(\"Title\" || chr(10) || coalesce(\"Description\", ''))",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_Projects_SearchText_Trigram",
                table: "Projects",
                column: "SearchText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            // Statistics for the new column at once, so the planner estimates searches on it from the first query.
            migrationBuilder.Sql("ANALYZE \"Projects\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Projects_SearchText_Trigram",
                table: "Projects");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Projects");

            migrationBuilder.CreateIndex(
                name: "IX_Projects_Description_Trigram",
                table: "Projects",
                column: "Description")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Projects_Title_Trigram",
                table: "Projects",
                column: "Title")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }
    }
}
