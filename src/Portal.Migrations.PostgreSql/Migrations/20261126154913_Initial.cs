using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace Portal.Migrations.PostgreSql.Migrations
{
    /// <inheritdoc />
    public partial class Initial : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ApiClients",
                columns: table => new
                {
                    ClientId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Scopes = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    Disabled = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiClients", x => x.ClientId);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoles",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    NormalizedName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AuditEntries",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ActorId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Action = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    RecordType = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false, collation: "C"),
                    RecordId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: true),
                    Address = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: true, collation: "C"),
                    Detail = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    PreviousHash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Hash = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AuditEntries", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "CalendarDays",
                columns: table => new
                {
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    NameZh = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "C"),
                    NameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CalendarDays", x => x.Date);
                });

            migrationBuilder.CreateTable(
                name: "Counters",
                columns: table => new
                {
                    Key = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Value = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Counters", x => x.Key);
                });

            migrationBuilder.CreateTable(
                name: "DataProtectionKeys",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    FriendlyName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Xml = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DataProtectionKeys", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "FeedEvents",
                columns: table => new
                {
                    Sequence = table.Column<long>(type: "bigint", nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character varying(18)", maxLength: 18, nullable: false, collation: "C"),
                    OccurredUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Data = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FeedEvents", x => x.Sequence);
                });

            migrationBuilder.CreateTable(
                name: "FundingSources",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    NameZh = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "C"),
                    NameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    SortOrder = table.Column<int>(type: "integer", nullable: false),
                    IsActive = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FundingSources", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "IssuedCodes",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false, collation: "C"),
                    Body = table.Column<string>(type: "character(8)", fixedLength: true, maxLength: 8, nullable: false, collation: "C"),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    IssuedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_IssuedCodes", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "JobLeases",
                columns: table => new
                {
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Holder = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    LeaseUntilUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_JobLeases", x => x.Name);
                });

            migrationBuilder.CreateTable(
                name: "Notifications",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false, collation: "C"),
                    TitleZh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    TitleEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    BodyZh = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false, collation: "C"),
                    BodyEn = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: false, collation: "C"),
                    Link = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: true, collation: "C"),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ReadUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Notifications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Offices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    NameZh = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    NameEn = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    RegionCode = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ParentOfficeId = table.Column<Guid>(type: "uuid", nullable: true),
                    PromisedDecisionWorkingDays = table.Column<int>(type: "integer", nullable: true),
                    ReportWindowOpensMonth = table.Column<int>(type: "integer", nullable: false),
                    ReportWindowOpensDay = table.Column<int>(type: "integer", nullable: false),
                    ReportWindowClosesMonth = table.Column<int>(type: "integer", nullable: false),
                    ReportWindowClosesDay = table.Column<int>(type: "integer", nullable: false),
                    Telephone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Offices", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OpenDataFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    Format = table.Column<string>(type: "character varying(8)", maxLength: 8, nullable: false, collation: "C"),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Rows = table.Column<int>(type: "integer", nullable: false),
                    Sha256 = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    Length = table.Column<long>(type: "bigint", nullable: false),
                    Complete = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenDataFiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OpenIddictApplications",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ApplicationType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C"),
                    ClientId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    ClientSecret = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ClientType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C"),
                    ConcurrencyToken = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C"),
                    ConsentType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C"),
                    DisplayName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    DisplayNames = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    JsonWebKeySet = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Permissions = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PostLogoutRedirectUris = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Properties = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    RedirectUris = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Requirements = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Settings = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenIddictApplications", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OpenIddictScopes",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ConcurrencyToken = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C"),
                    Description = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Descriptions = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    DisplayName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    DisplayNames = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    Properties = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Resources = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenIddictScopes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "OutboxMessages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    To = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    Subject = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    Body = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Kind = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "C"),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    SentUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Attempts = table.Column<int>(type: "integer", nullable: false),
                    LastError = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboxMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "Regions",
                columns: table => new
                {
                    Code = table.Column<string>(type: "character(6)", fixedLength: true, maxLength: 6, nullable: false, collation: "C"),
                    NameZh = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "C"),
                    NameEn = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Regions", x => x.Code);
                });

            migrationBuilder.CreateTable(
                name: "ReportReminders",
                columns: table => new
                {
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    DaysBefore = table.Column<int>(type: "integer", nullable: false),
                    SentUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportReminders", x => new { x.InstitutionId, x.Year, x.DaysBefore });
                });

            migrationBuilder.CreateTable(
                name: "SpotChecks",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Percentage = table.Column<long>(type: "bigint", nullable: false),
                    Seed = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    PopulationSize = table.Column<int>(type: "integer", nullable: false),
                    DrawnBy = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    DrawnUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ClosedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpotChecks", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "StoredFiles",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Content = table.Column<byte[]>(type: "bytea", nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false, collation: "C"),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StoredFiles", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "UserSessions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    UserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false, collation: "C"),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    EndedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    EndReason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_UserSessions", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "AspNetRoleClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    RoleId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ClaimType = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ClaimValue = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetRoleClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetRoleClaims_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "ImportRuns",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    FileName = table.Column<string>(type: "character varying(260)", maxLength: 260, nullable: false, collation: "C"),
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    ErrorsFileId = table.Column<Guid>(type: "uuid", nullable: true),
                    Encoding = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false, collation: "C"),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    CreatedBy = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: false, collation: "C"),
                    TotalRows = table.Column<int>(type: "integer", nullable: false),
                    ErrorCount = table.Column<int>(type: "integer", nullable: false),
                    AlreadyPresent = table.Column<int>(type: "integer", nullable: false),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    ProcessedRows = table.Column<int>(type: "integer", nullable: false),
                    Inserted = table.Column<int>(type: "integer", nullable: false),
                    Skipped = table.Column<int>(type: "integer", nullable: false),
                    UpdatedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    Elapsed = table.Column<TimeSpan>(type: "interval", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRuns", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ImportRuns_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Institutions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false, collation: "C"),
                    LegacyCertificateNumber = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true, collation: "C"),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    RegisteredOn = table.Column<DateOnly>(type: "date", nullable: false),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    SecondName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    Domicile = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    PurposeAndScope = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    LegalRepresentative = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "C"),
                    LegalRepresentativeIdNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false, collation: "C"),
                    FundingSourceCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    StartupCapital = table.Column<long>(type: "bigint", nullable: false),
                    Sponsor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    NameKey = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    CertificateNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true, collation: "C"),
                    CertificateValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    CurrentVersion = table.Column<int>(type: "integer", nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "uuid", nullable: false),
                    HoldCorrectBy = table.Column<DateOnly>(type: "date", nullable: true),
                    SearchGrams = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    SearchNames = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Institutions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Institutions_FundingSources_FundingSourceCode",
                        column: x => x.FundingSourceCode,
                        principalTable: "FundingSources",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Institutions_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "OpenDataChunks",
                columns: table => new
                {
                    FileId = table.Column<Guid>(type: "uuid", nullable: false),
                    Index = table.Column<int>(type: "integer", nullable: false),
                    Bytes = table.Column<byte[]>(type: "bytea", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenDataChunks", x => new { x.FileId, x.Index });
                    table.ForeignKey(
                        name: "FK_OpenDataChunks_OpenDataFiles_FileId",
                        column: x => x.FileId,
                        principalTable: "OpenDataFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpenIddictAuthorizations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ApplicationId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ConcurrencyToken = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C"),
                    CreationDate = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Properties = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Scopes = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Status = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C"),
                    Subject = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true, collation: "C"),
                    Type = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenIddictAuthorizations", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpenIddictAuthorizations_OpenIddictApplications_Application~",
                        column: x => x.ApplicationId,
                        principalTable: "OpenIddictApplications",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "ImportRunInstitutions",
                columns: table => new
                {
                    ImportRunId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ImportRunInstitutions", x => new { x.ImportRunId, x.InstitutionId });
                    table.ForeignKey(
                        name: "FK_ImportRunInstitutions_ImportRuns_ImportRunId",
                        column: x => x.ImportRunId,
                        principalTable: "ImportRuns",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AbnormalList",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    ListedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RemovedOn = table.Column<DateOnly>(type: "date", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AbnormalList", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AbnormalList_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Announcements",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: true),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    TitleZh = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    TitleEn = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    BodyZh = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false, collation: "C"),
                    BodyEn = table.Column<string>(type: "character varying(6000)", maxLength: 6000, nullable: false, collation: "C"),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    PublishedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Announcements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Announcements_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Announcements_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AnnualReports",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    PreviousVersionId = table.Column<Guid>(type: "uuid", nullable: true),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    BusinessActivities = table.Column<string>(type: "character varying(4000)", maxLength: 4000, nullable: false, collation: "C"),
                    NetAssetsStart = table.Column<long>(type: "bigint", nullable: true),
                    NetAssetsEnd = table.Column<long>(type: "bigint", nullable: true),
                    Income = table.Column<long>(type: "bigint", nullable: true),
                    Expenditure = table.Column<long>(type: "bigint", nullable: true),
                    ChangeCompliance = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    Performance = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    Litigation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    Complaints = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    Donations = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    OtherMatters = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    Licences = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    StaffOnRoll = table.Column<int>(type: "integer", nullable: true),
                    ConfirmerName = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C"),
                    ConfirmerPost = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C"),
                    ConfirmedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    Late = table.Column<bool>(type: "boolean", nullable: false),
                    PublishedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ReturnReasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C"),
                    FlaggedForOnSiteCheck = table.Column<bool>(type: "boolean", nullable: false),
                    FlagNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C"),
                    ConfidentialSections = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false, collation: "C"),
                    ConcurrencyToken = table.Column<Guid>(type: "uuid", nullable: false),
                    UnreadInput = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AnnualReports", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AnnualReports_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AnnualReports_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ApiClientInstitutions",
                columns: table => new
                {
                    ClientId = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false, collation: "C"),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ApiClientInstitutions", x => new { x.ClientId, x.InstitutionId });
                    table.ForeignKey(
                        name: "FK_ApiClientInstitutions_ApiClients_ClientId",
                        column: x => x.ClientId,
                        principalTable: "ApiClients",
                        principalColumn: "ClientId",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ApiClientInstitutions_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUsers",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    DisplayName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: true),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    IsDemo = table.Column<bool>(type: "boolean", nullable: false),
                    ReminderEmailsOptOut = table.Column<bool>(type: "boolean", nullable: false),
                    LastTwoFactorStep = table.Column<long>(type: "bigint", nullable: true),
                    UserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    NormalizedUserName = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    Email = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    NormalizedEmail = table.Column<string>(type: "character varying(256)", maxLength: 256, nullable: true, collation: "C"),
                    EmailConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    PasswordHash = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    SecurityStamp = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ConcurrencyStamp = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PhoneNumber = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    PhoneNumberConfirmed = table.Column<bool>(type: "boolean", nullable: false),
                    TwoFactorEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    LockoutEnd = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    LockoutEnabled = table.Column<bool>(type: "boolean", nullable: false),
                    AccessFailedCount = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUsers", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_AspNetUsers_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Certificates",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false, collation: "C"),
                    PrintedName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    PrintedSecondName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    PrintedDomicile = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    PrintedPurposeAndScope = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    PrintedLegalRepresentative = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "C"),
                    PrintedLegalRepresentativeIdNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false, collation: "C"),
                    PrintedFundingSourceCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    PrintedStartupCapital = table.Column<long>(type: "bigint", nullable: false),
                    PrintedSponsor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    OfficeNameZh = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    Reason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    IssuedOn = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidFrom = table.Column<DateOnly>(type: "date", nullable: false),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: false),
                    Status = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    PredecessorId = table.Column<Guid>(type: "uuid", nullable: true),
                    SuccessorId = table.Column<Guid>(type: "uuid", nullable: true),
                    VoidReason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    EndedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    VoidNote = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true, collation: "C"),
                    Token = table.Column<string>(type: "character varying(1024)", maxLength: 1024, nullable: false, collation: "C"),
                    TokenSha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false, collation: "C"),
                    KeyId = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false, collation: "C"),
                    QrUrl = table.Column<string>(type: "character varying(1500)", maxLength: 1500, nullable: false, collation: "C"),
                    OriginalPdfId = table.Column<Guid>(type: "uuid", nullable: false),
                    OriginalSha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false, collation: "C"),
                    DuplicatePdfId = table.Column<Guid>(type: "uuid", nullable: false),
                    DuplicateSha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false, collation: "C"),
                    Notified60DaysBefore = table.Column<bool>(type: "boolean", nullable: false),
                    Notified30DaysBefore = table.Column<bool>(type: "boolean", nullable: false),
                    ConcurrencyToken = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Certificates", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Certificates_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Certificates_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Certificates_StoredFiles_DuplicatePdfId",
                        column: x => x.DuplicatePdfId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Certificates_StoredFiles_OriginalPdfId",
                        column: x => x.OriginalPdfId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "EnforcementActions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Reasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    TakenOn = table.Column<DateOnly>(type: "date", nullable: false),
                    CorrectBy = table.Column<DateOnly>(type: "date", nullable: true),
                    ConsentDocumentId = table.Column<Guid>(type: "uuid", nullable: true),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_EnforcementActions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_EnforcementActions_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_EnforcementActions_StoredFiles_ConsentDocumentId",
                        column: x => x.ConsentDocumentId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "Filings",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false, collation: "C"),
                    OfficeId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    State = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: true),
                    ApplicantUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false, collation: "C"),
                    CreatedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    SubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    FirstSubmittedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    AcceptedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    DecidedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    ClockStoppedOn = table.Column<DateOnly>(type: "date", nullable: true),
                    StoppedDays = table.Column<int>(type: "integer", nullable: false),
                    BaseName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    BaseSecondName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    BaseDomicile = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    BasePurposeAndScope = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C"),
                    BaseLegalRepresentative = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C"),
                    BaseLegalRepresentativeIdNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true, collation: "C"),
                    BaseFundingSourceCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true, collation: "C"),
                    BaseStartupCapital = table.Column<long>(type: "bigint", nullable: true),
                    BaseSponsor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    ProposedName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    ProposedSecondName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    ProposedDomicile = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true, collation: "C"),
                    ProposedPurposeAndScope = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C"),
                    ProposedLegalRepresentative = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C"),
                    ProposedLegalRepresentativeIdNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true, collation: "C"),
                    ProposedFundingSourceCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true, collation: "C"),
                    ProposedStartupCapital = table.Column<long>(type: "bigint", nullable: true),
                    ProposedSponsor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    ApprovalDocumentNumber = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C"),
                    ApprovalDocumentDate = table.Column<DateOnly>(type: "date", nullable: true),
                    StaffingQuota = table.Column<int>(type: "integer", nullable: true),
                    PlannedMoveDate = table.Column<DateOnly>(type: "date", nullable: true),
                    FiledBeforeMove = table.Column<bool>(type: "boolean", nullable: true),
                    DeregistrationReason = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Explanation = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C"),
                    DraftInput = table.Column<string>(type: "character varying(100000)", maxLength: 100000, nullable: true, collation: "C"),
                    ReturnChecklist = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false, collation: "C"),
                    ReturnNote = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C"),
                    RefusalReasons = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C"),
                    ConcurrencyToken = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_Filings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_Filings_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_Filings_Offices_OfficeId",
                        column: x => x.OfficeId,
                        principalTable: "Offices",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "InstitutionVersions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<int>(type: "integer", nullable: false),
                    Name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    SecondName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    Domicile = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false, collation: "C"),
                    PurposeAndScope = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false, collation: "C"),
                    LegalRepresentative = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "C"),
                    LegalRepresentativeIdNumber = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false, collation: "C"),
                    FundingSourceCode = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false, collation: "C"),
                    StartupCapital = table.Column<long>(type: "bigint", nullable: false),
                    Sponsor = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    EffectiveOn = table.Column<DateOnly>(type: "date", nullable: false),
                    RecordedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_InstitutionVersions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_InstitutionVersions_FundingSources_FundingSourceCode",
                        column: x => x.FundingSourceCode,
                        principalTable: "FundingSources",
                        principalColumn: "Code",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_InstitutionVersions_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "SpotCheckItems",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    SpotCheckId = table.Column<Guid>(type: "uuid", nullable: false),
                    InstitutionId = table.Column<Guid>(type: "uuid", nullable: false),
                    Code = table.Column<string>(type: "character(18)", fixedLength: true, maxLength: 18, nullable: false, collation: "C"),
                    DrawOrder = table.Column<int>(type: "integer", nullable: false),
                    Result = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Note = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SpotCheckItems", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SpotCheckItems_Institutions_InstitutionId",
                        column: x => x.InstitutionId,
                        principalTable: "Institutions",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "FK_SpotCheckItems_SpotChecks_SpotCheckId",
                        column: x => x.SpotCheckId,
                        principalTable: "SpotChecks",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OpenIddictTokens",
                columns: table => new
                {
                    Id = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ApplicationId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    AuthorizationId = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ConcurrencyToken = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C"),
                    CreationDate = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ExpirationDate = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    Payload = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    Properties = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    RedemptionDate = table.Column<DateTime>(type: "timestamp without time zone", nullable: true),
                    ReferenceId = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: true, collation: "C"),
                    Status = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: true, collation: "C"),
                    Subject = table.Column<string>(type: "character varying(400)", maxLength: 400, nullable: true, collation: "C"),
                    Type = table.Column<string>(type: "character varying(150)", maxLength: 150, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OpenIddictTokens", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OpenIddictTokens_OpenIddictApplications_ApplicationId",
                        column: x => x.ApplicationId,
                        principalTable: "OpenIddictApplications",
                        principalColumn: "Id");
                    table.ForeignKey(
                        name: "FK_OpenIddictTokens_OpenIddictAuthorizations_AuthorizationId",
                        column: x => x.AuthorizationId,
                        principalTable: "OpenIddictAuthorizations",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "ReportAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false, collation: "C"),
                    ContentType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "C"),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false, collation: "C"),
                    ContentId = table.Column<Guid>(type: "uuid", nullable: false),
                    UploadedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportAttachments_AnnualReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "AnnualReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ReportAttachments_StoredFiles_ContentId",
                        column: x => x.ContentId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "ReportEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    ReportId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ActorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false, collation: "C"),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    From = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    To = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ReportEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ReportEvents_AnnualReports_ReportId",
                        column: x => x.ReportId,
                        principalTable: "AnnualReports",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserClaims",
                columns: table => new
                {
                    Id = table.Column<int>(type: "integer", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityByDefaultColumn),
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ClaimType = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    ClaimValue = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserClaims", x => x.Id);
                    table.ForeignKey(
                        name: "FK_AspNetUserClaims_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserLogins",
                columns: table => new
                {
                    LoginProvider = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ProviderKey = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    ProviderDisplayName = table.Column<string>(type: "text", nullable: true, collation: "C"),
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserLogins", x => new { x.LoginProvider, x.ProviderKey });
                    table.ForeignKey(
                        name: "FK_AspNetUserLogins_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserRoles",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    RoleId = table.Column<string>(type: "text", nullable: false, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserRoles", x => new { x.UserId, x.RoleId });
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetRoles_RoleId",
                        column: x => x.RoleId,
                        principalTable: "AspNetRoles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_AspNetUserRoles_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "AspNetUserTokens",
                columns: table => new
                {
                    UserId = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    LoginProvider = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Name = table.Column<string>(type: "text", nullable: false, collation: "C"),
                    Value = table.Column<string>(type: "text", nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AspNetUserTokens", x => new { x.UserId, x.LoginProvider, x.Name });
                    table.ForeignKey(
                        name: "FK_AspNetUserTokens_AspNetUsers_UserId",
                        column: x => x.UserId,
                        principalTable: "AspNetUsers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "FilingAttachments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FilingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    FileName = table.Column<string>(type: "character varying(120)", maxLength: 120, nullable: false, collation: "C"),
                    ContentType = table.Column<string>(type: "character varying(50)", maxLength: 50, nullable: false, collation: "C"),
                    Size = table.Column<long>(type: "bigint", nullable: false),
                    Sha256 = table.Column<string>(type: "character(64)", fixedLength: true, maxLength: 64, nullable: false, collation: "C"),
                    ContentId = table.Column<Guid>(type: "uuid", nullable: false),
                    UploadedBy = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false, collation: "C"),
                    UploadedUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FilingAttachments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FilingAttachments_Filings_FilingId",
                        column: x => x.FilingId,
                        principalTable: "Filings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_FilingAttachments_StoredFiles_ContentId",
                        column: x => x.ContentId,
                        principalTable: "StoredFiles",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "FilingEvents",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    FilingId = table.Column<Guid>(type: "uuid", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "timestamp without time zone", nullable: false),
                    ActorUserId = table.Column<string>(type: "character varying(450)", maxLength: 450, nullable: false, collation: "C"),
                    ActorName = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false, collation: "C"),
                    ActorRole = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    From = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    To = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    Action = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    Note = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true, collation: "C")
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_FilingEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_FilingEvents_Filings_FilingId",
                        column: x => x.FilingId,
                        principalTable: "Filings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AbnormalList_InstitutionId_Year",
                table: "AbnormalList",
                columns: new[] { "InstitutionId", "Year" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_InstitutionId",
                table: "Announcements",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_Kind_PublishedOn_PublishedUtc",
                table: "Announcements",
                columns: new[] { "Kind", "PublishedOn", "PublishedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_OfficeId",
                table: "Announcements",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_Announcements_PublishedOn_PublishedUtc",
                table: "Announcements",
                columns: new[] { "PublishedOn", "PublishedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_InstitutionId_Year_Version",
                table: "AnnualReports",
                columns: new[] { "InstitutionId", "Year", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_OfficeId_Year_State",
                table: "AnnualReports",
                columns: new[] { "OfficeId", "Year", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_AnnualReports_Year_State_PublishedOn_Id",
                table: "AnnualReports",
                columns: new[] { "Year", "State", "PublishedOn", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_ApiClientInstitutions_InstitutionId",
                table: "ApiClientInstitutions",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetRoleClaims_RoleId",
                table: "AspNetRoleClaims",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "RoleNameIndex",
                table: "AspNetRoles",
                column: "NormalizedName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserClaims_UserId",
                table: "AspNetUserClaims",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserLogins_UserId",
                table: "AspNetUserLogins",
                column: "UserId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUserRoles_RoleId",
                table: "AspNetUserRoles",
                column: "RoleId");

            migrationBuilder.CreateIndex(
                name: "EmailIndex",
                table: "AspNetUsers",
                column: "NormalizedEmail");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_InstitutionId",
                table: "AspNetUsers",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_AspNetUsers_OfficeId",
                table: "AspNetUsers",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "UserNameIndex",
                table: "AspNetUsers",
                column: "NormalizedUserName",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_AuditEntries_OfficeId_Sequence",
                table: "AuditEntries",
                columns: new[] { "OfficeId", "Sequence" });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_DuplicatePdfId",
                table: "Certificates",
                column: "DuplicatePdfId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_InstitutionId_Status",
                table: "Certificates",
                columns: new[] { "InstitutionId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Number",
                table: "Certificates",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_OfficeId",
                table: "Certificates",
                column: "OfficeId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_OriginalPdfId",
                table: "Certificates",
                column: "OriginalPdfId");

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_Status_ValidUntil",
                table: "Certificates",
                columns: new[] { "Status", "ValidUntil" });

            migrationBuilder.CreateIndex(
                name: "IX_Certificates_TokenSha256",
                table: "Certificates",
                column: "TokenSha256",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementActions_ConsentDocumentId",
                table: "EnforcementActions",
                column: "ConsentDocumentId");

            migrationBuilder.CreateIndex(
                name: "IX_EnforcementActions_InstitutionId_CreatedUtc",
                table: "EnforcementActions",
                columns: new[] { "InstitutionId", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_FeedEvents_InstitutionId",
                table: "FeedEvents",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_FilingAttachments_ContentId",
                table: "FilingAttachments",
                column: "ContentId");

            migrationBuilder.CreateIndex(
                name: "IX_FilingAttachments_FilingId",
                table: "FilingAttachments",
                column: "FilingId");

            migrationBuilder.CreateIndex(
                name: "IX_FilingEvents_FilingId_Sequence",
                table: "FilingEvents",
                columns: new[] { "FilingId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Filings_ApplicantUserId_State",
                table: "Filings",
                columns: new[] { "ApplicantUserId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Filings_InstitutionId_State",
                table: "Filings",
                columns: new[] { "InstitutionId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_Filings_Number",
                table: "Filings",
                column: "Number",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Filings_OfficeId_State",
                table: "Filings",
                columns: new[] { "OfficeId", "State" });

            migrationBuilder.CreateIndex(
                name: "IX_ImportRunInstitutions_InstitutionId",
                table: "ImportRunInstitutions",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_ImportRuns_OfficeId_CreatedUtc",
                table: "ImportRuns",
                columns: new[] { "OfficeId", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_Institutions_Code",
                table: "Institutions",
                column: "Code",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Institutions_FundingSourceCode",
                table: "Institutions",
                column: "FundingSourceCode");

            migrationBuilder.CreateIndex(
                name: "IX_Institutions_LegacyCertificateNumber",
                table: "Institutions",
                column: "LegacyCertificateNumber");

            migrationBuilder.CreateIndex(
                name: "IX_Institutions_Name",
                table: "Institutions",
                column: "Name");

            migrationBuilder.CreateIndex(
                name: "IX_Institutions_OfficeId_NameKey",
                table: "Institutions",
                columns: new[] { "OfficeId", "NameKey" });

            migrationBuilder.CreateIndex(
                name: "IX_Institutions_OfficeId_Status",
                table: "Institutions",
                columns: new[] { "OfficeId", "Status" });

            migrationBuilder.CreateIndex(
                name: "IX_Institutions_Status_NameKey_Code",
                table: "Institutions",
                columns: new[] { "Status", "NameKey", "Code" });

            migrationBuilder.CreateIndex(
                name: "IX_InstitutionVersions_FundingSourceCode",
                table: "InstitutionVersions",
                column: "FundingSourceCode");

            migrationBuilder.CreateIndex(
                name: "IX_InstitutionVersions_InstitutionId_Number",
                table: "InstitutionVersions",
                columns: new[] { "InstitutionId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_IssuedCodes_Body",
                table: "IssuedCodes",
                column: "Body",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_Notifications_UserId_CreatedUtc",
                table: "Notifications",
                columns: new[] { "UserId", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OpenDataFiles_Day_Format",
                table: "OpenDataFiles",
                columns: new[] { "Day", "Format" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OpenIddictApplications_ClientId",
                table: "OpenIddictApplications",
                column: "ClientId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OpenIddictAuthorizations_ApplicationId_Status_Subject_Type",
                table: "OpenIddictAuthorizations",
                columns: new[] { "ApplicationId", "Status", "Subject", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_OpenIddictScopes_Name",
                table: "OpenIddictScopes",
                column: "Name",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OpenIddictTokens_ApplicationId_Status_Subject_Type",
                table: "OpenIddictTokens",
                columns: new[] { "ApplicationId", "Status", "Subject", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_OpenIddictTokens_AuthorizationId",
                table: "OpenIddictTokens",
                column: "AuthorizationId");

            migrationBuilder.CreateIndex(
                name: "IX_OpenIddictTokens_ReferenceId",
                table: "OpenIddictTokens",
                column: "ReferenceId",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_OutboxMessages_SentUtc_CreatedUtc",
                table: "OutboxMessages",
                columns: new[] { "SentUtc", "CreatedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ReportAttachments_ContentId",
                table: "ReportAttachments",
                column: "ContentId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportAttachments_ReportId",
                table: "ReportAttachments",
                column: "ReportId");

            migrationBuilder.CreateIndex(
                name: "IX_ReportEvents_ReportId_Sequence",
                table: "ReportEvents",
                columns: new[] { "ReportId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SpotCheckItems_InstitutionId",
                table: "SpotCheckItems",
                column: "InstitutionId");

            migrationBuilder.CreateIndex(
                name: "IX_SpotCheckItems_SpotCheckId",
                table: "SpotCheckItems",
                column: "SpotCheckId");

            migrationBuilder.CreateIndex(
                name: "IX_SpotChecks_OfficeId_Year",
                table: "SpotChecks",
                columns: new[] { "OfficeId", "Year" });

            migrationBuilder.CreateIndex(
                name: "IX_UserSessions_CreatedUtc",
                table: "UserSessions",
                column: "CreatedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_UserSessions_UserId_EndedUtc",
                table: "UserSessions",
                columns: new[] { "UserId", "EndedUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AbnormalList");

            migrationBuilder.DropTable(
                name: "Announcements");

            migrationBuilder.DropTable(
                name: "ApiClientInstitutions");

            migrationBuilder.DropTable(
                name: "AspNetRoleClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserClaims");

            migrationBuilder.DropTable(
                name: "AspNetUserLogins");

            migrationBuilder.DropTable(
                name: "AspNetUserRoles");

            migrationBuilder.DropTable(
                name: "AspNetUserTokens");

            migrationBuilder.DropTable(
                name: "AuditEntries");

            migrationBuilder.DropTable(
                name: "CalendarDays");

            migrationBuilder.DropTable(
                name: "Certificates");

            migrationBuilder.DropTable(
                name: "Counters");

            migrationBuilder.DropTable(
                name: "DataProtectionKeys");

            migrationBuilder.DropTable(
                name: "EnforcementActions");

            migrationBuilder.DropTable(
                name: "FeedEvents");

            migrationBuilder.DropTable(
                name: "FilingAttachments");

            migrationBuilder.DropTable(
                name: "FilingEvents");

            migrationBuilder.DropTable(
                name: "ImportRunInstitutions");

            migrationBuilder.DropTable(
                name: "InstitutionVersions");

            migrationBuilder.DropTable(
                name: "IssuedCodes");

            migrationBuilder.DropTable(
                name: "JobLeases");

            migrationBuilder.DropTable(
                name: "Notifications");

            migrationBuilder.DropTable(
                name: "OpenDataChunks");

            migrationBuilder.DropTable(
                name: "OpenIddictScopes");

            migrationBuilder.DropTable(
                name: "OpenIddictTokens");

            migrationBuilder.DropTable(
                name: "OutboxMessages");

            migrationBuilder.DropTable(
                name: "Regions");

            migrationBuilder.DropTable(
                name: "ReportAttachments");

            migrationBuilder.DropTable(
                name: "ReportEvents");

            migrationBuilder.DropTable(
                name: "ReportReminders");

            migrationBuilder.DropTable(
                name: "SpotCheckItems");

            migrationBuilder.DropTable(
                name: "UserSessions");

            migrationBuilder.DropTable(
                name: "ApiClients");

            migrationBuilder.DropTable(
                name: "AspNetRoles");

            migrationBuilder.DropTable(
                name: "AspNetUsers");

            migrationBuilder.DropTable(
                name: "Filings");

            migrationBuilder.DropTable(
                name: "ImportRuns");

            migrationBuilder.DropTable(
                name: "OpenDataFiles");

            migrationBuilder.DropTable(
                name: "OpenIddictAuthorizations");

            migrationBuilder.DropTable(
                name: "StoredFiles");

            migrationBuilder.DropTable(
                name: "AnnualReports");

            migrationBuilder.DropTable(
                name: "SpotChecks");

            migrationBuilder.DropTable(
                name: "OpenIddictApplications");

            migrationBuilder.DropTable(
                name: "Institutions");

            migrationBuilder.DropTable(
                name: "FundingSources");

            migrationBuilder.DropTable(
                name: "Offices");
        }
    }
}
