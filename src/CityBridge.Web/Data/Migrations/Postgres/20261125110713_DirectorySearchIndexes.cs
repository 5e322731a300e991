using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CityBridge.Web.Data.Migrations.Postgres
{
    /// <inheritdoc />
    public partial class DirectorySearchIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Solutions_Description_Trigram",
                table: "Solutions");

            migrationBuilder.DropIndex(
                name: "IX_Solutions_Name_Trigram",
                table: "Solutions");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_Description_Trigram",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_Name_Trigram",
                table: "Organizations");

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Solutions",
                type: "text",
                maxLength: 4000,
                nullable: true,
                computedColumnSql: "lower(\"Name\" || chr(10) || coalesce(\"Description\", ''))",
                stored: true);

            migrationBuilder.AddColumn<string>(
                name: "SearchText",
                table: "Organizations",
                type: "text",
                maxLength: 4000,
                nullable: true,
                computedColumnSql: "lower(\"Name\" || chr(10) || coalesce(\"Description\", ''))",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "IX_Solutions_SearchText_Trigram",
                table: "Solutions",
                column: "SearchText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Solutions_Sectors",
                table: "Solutions",
                column: "Sectors")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_CountryCode",
                table: "Organizations",
                column: "CountryCode");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_ExperienceCountries",
                table: "Organizations",
                column: "ExperienceCountries")
                .Annotation("Npgsql:IndexMethod", "gin");

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_SearchText_Trigram",
                table: "Organizations",
                column: "SearchText")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Sectors",
                table: "Organizations",
                column: "Sectors")
                .Annotation("Npgsql:IndexMethod", "gin");

            // Statistics for the new column at once, so the planner estimates searches on it from the first query.
            migrationBuilder.Sql("ANALYZE \"Organizations\";");
            migrationBuilder.Sql("ANALYZE \"Solutions\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Solutions_SearchText_Trigram",
                table: "Solutions");

            migrationBuilder.DropIndex(
                name: "IX_Solutions_Sectors",
                table: "Solutions");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_CountryCode",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_ExperienceCountries",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_SearchText_Trigram",
                table: "Organizations");

            migrationBuilder.DropIndex(
                name: "IX_Organizations_Sectors",
                table: "Organizations");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Solutions");

            migrationBuilder.DropColumn(
                name: "SearchText",
                table: "Organizations");

            migrationBuilder.CreateIndex(
                name: "IX_Solutions_Description_Trigram",
                table: "Solutions",
                column: "Description")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Solutions_Name_Trigram",
                table: "Solutions",
                column: "Name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Description_Trigram",
                table: "Organizations",
                column: "Description")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });

            migrationBuilder.CreateIndex(
                name: "IX_Organizations_Name_Trigram",
                table: "Organizations",
                column: "Name")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:IndexOperators", new[] { "gin_trgm_ops" });
        }
    }
}
