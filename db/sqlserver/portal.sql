IF OBJECT_ID(N'[__EFMigrationsHistory]') IS NULL
BEGIN
    CREATE TABLE [__EFMigrationsHistory] (
        [MigrationId] nvarchar(150) NOT NULL,
        [ProductVersion] nvarchar(32) NOT NULL,
        CONSTRAINT [PK___EFMigrationsHistory] PRIMARY KEY ([MigrationId])
    );
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoles] (
        [Id] nvarchar(450) NOT NULL,
        [Name] nvarchar(256) NULL,
        [NormalizedName] nvarchar(256) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [CalendarDays] (
        [Date] date NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [NameZh] nvarchar(50) NOT NULL,
        [NameEn] nvarchar(100) NOT NULL,
        CONSTRAINT [PK_CalendarDays] PRIMARY KEY ([Date])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [Counters] (
        [Key] nvarchar(100) NOT NULL,
        [Value] bigint NOT NULL,
        CONSTRAINT [PK_Counters] PRIMARY KEY ([Key])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [DataProtectionKeys] (
        [Id] int NOT NULL IDENTITY,
        [FriendlyName] nvarchar(max) NULL,
        [Xml] nvarchar(max) NULL,
        CONSTRAINT [PK_DataProtectionKeys] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [FundingSources] (
        [Code] nvarchar(20) NOT NULL,
        [NameZh] nvarchar(50) NOT NULL,
        [NameEn] nvarchar(100) NOT NULL,
        [SortOrder] int NOT NULL,
        [IsActive] bit NOT NULL,
        CONSTRAINT [PK_FundingSources] PRIMARY KEY ([Code])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [IssuedCodes] (
        [Code] nchar(18) NOT NULL,
        [Body] nchar(8) NOT NULL,
        [OfficeId] uniqueidentifier NOT NULL,
        [IssuedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_IssuedCodes] PRIMARY KEY ([Code])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [JobLeases] (
        [Name] nvarchar(100) NOT NULL,
        [Holder] nvarchar(100) NULL,
        [LeaseUntilUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_JobLeases] PRIMARY KEY ([Name])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [Notifications] (
        [Id] uniqueidentifier NOT NULL,
        [UserId] nvarchar(450) NOT NULL,
        [TitleZh] nvarchar(200) NOT NULL,
        [TitleEn] nvarchar(300) NOT NULL,
        [BodyZh] nvarchar(4000) NOT NULL,
        [BodyEn] nvarchar(max) NOT NULL,
        [Link] nvarchar(300) NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [ReadUtc] datetime2 NULL,
        CONSTRAINT [PK_Notifications] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [Offices] (
        [Id] uniqueidentifier NOT NULL,
        [NameZh] nvarchar(max) NOT NULL,
        [NameEn] nvarchar(max) NOT NULL,
        [RegionCode] nvarchar(max) NOT NULL,
        [ParentOfficeId] uniqueidentifier NULL,
        [PromisedDecisionWorkingDays] int NULL,
        [ReportWindowOpensMonth] int NOT NULL,
        [ReportWindowOpensDay] int NOT NULL,
        [ReportWindowClosesMonth] int NOT NULL,
        [ReportWindowClosesDay] int NOT NULL,
        CONSTRAINT [PK_Offices] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [OpenIddictApplications] (
        [Id] nvarchar(450) NOT NULL,
        [ApplicationType] nvarchar(50) NULL,
        [ClientId] nvarchar(100) NULL,
        [ClientSecret] nvarchar(max) NULL,
        [ClientType] nvarchar(50) NULL,
        [ConcurrencyToken] nvarchar(50) NULL,
        [ConsentType] nvarchar(50) NULL,
        [DisplayName] nvarchar(max) NULL,
        [DisplayNames] nvarchar(max) NULL,
        [JsonWebKeySet] nvarchar(max) NULL,
        [Permissions] nvarchar(max) NULL,
        [PostLogoutRedirectUris] nvarchar(max) NULL,
        [Properties] nvarchar(max) NULL,
        [RedirectUris] nvarchar(max) NULL,
        [Requirements] nvarchar(max) NULL,
        [Settings] nvarchar(max) NULL,
        CONSTRAINT [PK_OpenIddictApplications] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [OpenIddictScopes] (
        [Id] nvarchar(450) NOT NULL,
        [ConcurrencyToken] nvarchar(50) NULL,
        [Description] nvarchar(max) NULL,
        [Descriptions] nvarchar(max) NULL,
        [DisplayName] nvarchar(max) NULL,
        [DisplayNames] nvarchar(max) NULL,
        [Name] nvarchar(200) NULL,
        [Properties] nvarchar(max) NULL,
        [Resources] nvarchar(max) NULL,
        CONSTRAINT [PK_OpenIddictScopes] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [OutboxMessages] (
        [Id] uniqueidentifier NOT NULL,
        [To] nvarchar(256) NOT NULL,
        [Subject] nvarchar(300) NOT NULL,
        [Body] nvarchar(max) NOT NULL,
        [Kind] nvarchar(50) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [SentUtc] datetime2 NULL,
        [Attempts] int NOT NULL,
        [LastError] nvarchar(1000) NULL,
        CONSTRAINT [PK_OutboxMessages] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [Regions] (
        [Code] nchar(6) NOT NULL,
        [NameZh] nvarchar(50) NOT NULL,
        [NameEn] nvarchar(100) NOT NULL,
        CONSTRAINT [PK_Regions] PRIMARY KEY ([Code])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [ReportReminders] (
        [InstitutionId] uniqueidentifier NOT NULL,
        [Year] int NOT NULL,
        [DaysBefore] int NOT NULL,
        [SentUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_ReportReminders] PRIMARY KEY ([InstitutionId], [Year], [DaysBefore])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [SpotChecks] (
        [Id] uniqueidentifier NOT NULL,
        [OfficeId] uniqueidentifier NOT NULL,
        [Year] int NOT NULL,
        [Percentage] bigint NOT NULL,
        [Seed] nvarchar(20) NOT NULL,
        [PopulationSize] int NOT NULL,
        [DrawnBy] nvarchar(100) NOT NULL,
        [DrawnUtc] datetime2 NOT NULL,
        [ClosedOn] date NULL,
        CONSTRAINT [PK_SpotChecks] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [StoredFiles] (
        [Id] uniqueidentifier NOT NULL,
        [Content] varbinary(max) NOT NULL,
        [Sha256] nchar(64) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_StoredFiles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [AspNetRoleClaims] (
        [Id] int NOT NULL IDENTITY,
        [RoleId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetRoleClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetRoleClaims_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [Institutions] (
        [Id] uniqueidentifier NOT NULL,
        [OfficeId] uniqueidentifier NOT NULL,
        [Code] nchar(18) NOT NULL,
        [LegacyCertificateNumber] nvarchar(20) NULL,
        [Status] nvarchar(32) NOT NULL,
        [RegisteredOn] date NOT NULL,
        [EndedOn] date NULL,
        [Name] nvarchar(100) NOT NULL,
        [SecondName] nvarchar(100) NULL,
        [Domicile] nvarchar(200) NOT NULL,
        [PurposeAndScope] nvarchar(2000) NOT NULL,
        [LegalRepresentative] nvarchar(50) NOT NULL,
        [LegalRepresentativeIdNumber] nvarchar(30) NOT NULL,
        [FundingSourceCode] nvarchar(20) NOT NULL,
        [StartupCapital] bigint NOT NULL,
        [Sponsor] nvarchar(100) NOT NULL,
        [NameKey] nvarchar(100) NOT NULL,
        [CertificateNumber] nvarchar(40) NULL,
        [CertificateValidUntil] date NULL,
        [CurrentVersion] int NOT NULL,
        [ConcurrencyToken] uniqueidentifier NOT NULL,
        [HoldCorrectBy] date NULL,
        CONSTRAINT [PK_Institutions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Institutions_FundingSources_FundingSourceCode] FOREIGN KEY ([FundingSourceCode]) REFERENCES [FundingSources] ([Code]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Institutions_Offices_OfficeId] FOREIGN KEY ([OfficeId]) REFERENCES [Offices] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [OpenIddictAuthorizations] (
        [Id] nvarchar(450) NOT NULL,
        [ApplicationId] nvarchar(450) NULL,
        [ConcurrencyToken] nvarchar(50) NULL,
        [CreationDate] datetime2 NULL,
        [Properties] nvarchar(max) NULL,
        [Scopes] nvarchar(max) NULL,
        [Status] nvarchar(50) NULL,
        [Subject] nvarchar(400) NULL,
        [Type] nvarchar(50) NULL,
        CONSTRAINT [PK_OpenIddictAuthorizations] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OpenIddictAuthorizations_OpenIddictApplications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [OpenIddictApplications] ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [AbnormalList] (
        [Id] uniqueidentifier NOT NULL,
        [InstitutionId] uniqueidentifier NOT NULL,
        [OfficeId] uniqueidentifier NOT NULL,
        [Year] int NOT NULL,
        [ListedOn] date NOT NULL,
        [RemovedOn] date NULL,
        CONSTRAINT [PK_AbnormalList] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AbnormalList_Institutions_InstitutionId] FOREIGN KEY ([InstitutionId]) REFERENCES [Institutions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [Announcements] (
        [Id] uniqueidentifier NOT NULL,
        [OfficeId] uniqueidentifier NOT NULL,
        [InstitutionId] uniqueidentifier NULL,
        [Kind] nvarchar(32) NOT NULL,
        [TitleZh] nvarchar(200) NOT NULL,
        [TitleEn] nvarchar(300) NOT NULL,
        [BodyZh] nvarchar(4000) NOT NULL,
        [BodyEn] nvarchar(max) NOT NULL,
        [PublishedOn] date NOT NULL,
        [PublishedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_Announcements] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Announcements_Institutions_InstitutionId] FOREIGN KEY ([InstitutionId]) REFERENCES [Institutions] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Announcements_Offices_OfficeId] FOREIGN KEY ([OfficeId]) REFERENCES [Offices] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [AnnualReports] (
        [Id] uniqueidentifier NOT NULL,
        [InstitutionId] uniqueidentifier NOT NULL,
        [OfficeId] uniqueidentifier NOT NULL,
        [Year] int NOT NULL,
        [Version] int NOT NULL,
        [PreviousVersionId] uniqueidentifier NULL,
        [State] nvarchar(32) NOT NULL,
        [BusinessActivities] nvarchar(4000) NOT NULL,
        [NetAssetsStart] bigint NULL,
        [NetAssetsEnd] bigint NULL,
        [Income] bigint NULL,
        [Expenditure] bigint NULL,
        [ChangeCompliance] nvarchar(2000) NOT NULL,
        [Performance] nvarchar(2000) NOT NULL,
        [Litigation] nvarchar(2000) NOT NULL,
        [Complaints] nvarchar(2000) NOT NULL,
        [Donations] nvarchar(2000) NOT NULL,
        [OtherMatters] nvarchar(2000) NOT NULL,
        [Licences] nvarchar(2000) NOT NULL,
        [StaffOnRoll] int NULL,
        [ConfirmerName] nvarchar(50) NULL,
        [ConfirmerPost] nvarchar(50) NULL,
        [ConfirmedOn] date NULL,
        [SubmittedOn] date NULL,
        [Late] bit NOT NULL,
        [PublishedOn] date NULL,
        [ReturnReasons] nvarchar(2000) NULL,
        [FlaggedForOnSiteCheck] bit NOT NULL,
        [FlagNote] nvarchar(1000) NULL,
        [ConfidentialSections] nvarchar(300) NOT NULL,
        [ConcurrencyToken] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AnnualReports] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AnnualReports_Institutions_InstitutionId] FOREIGN KEY ([InstitutionId]) REFERENCES [Institutions] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_AnnualReports_Offices_OfficeId] FOREIGN KEY ([OfficeId]) REFERENCES [Offices] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [AspNetUsers] (
        [Id] nvarchar(450) NOT NULL,
        [DisplayName] nvarchar(100) NOT NULL,
        [InstitutionId] uniqueidentifier NULL,
        [OfficeId] uniqueidentifier NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [IsDemo] bit NOT NULL,
        [ReminderEmailsOptOut] bit NOT NULL,
        [UserName] nvarchar(256) NULL,
        [NormalizedUserName] nvarchar(256) NULL,
        [Email] nvarchar(256) NULL,
        [NormalizedEmail] nvarchar(256) NULL,
        [EmailConfirmed] bit NOT NULL,
        [PasswordHash] nvarchar(max) NULL,
        [SecurityStamp] nvarchar(max) NULL,
        [ConcurrencyStamp] nvarchar(max) NULL,
        [PhoneNumber] nvarchar(max) NULL,
        [PhoneNumberConfirmed] bit NOT NULL,
        [TwoFactorEnabled] bit NOT NULL,
        [LockoutEnd] datetimeoffset NULL,
        [LockoutEnabled] bit NOT NULL,
        [AccessFailedCount] int NOT NULL,
        CONSTRAINT [PK_AspNetUsers] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUsers_Institutions_InstitutionId] FOREIGN KEY ([InstitutionId]) REFERENCES [Institutions] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_AspNetUsers_Offices_OfficeId] FOREIGN KEY ([OfficeId]) REFERENCES [Offices] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [Certificates] (
        [Id] uniqueidentifier NOT NULL,
        [Number] nvarchar(20) NOT NULL,
        [OfficeId] uniqueidentifier NOT NULL,
        [InstitutionId] uniqueidentifier NOT NULL,
        [Code] nchar(18) NOT NULL,
        [PrintedName] nvarchar(100) NOT NULL,
        [PrintedSecondName] nvarchar(100) NULL,
        [PrintedDomicile] nvarchar(200) NOT NULL,
        [PrintedPurposeAndScope] nvarchar(2000) NOT NULL,
        [PrintedLegalRepresentative] nvarchar(50) NOT NULL,
        [PrintedLegalRepresentativeIdNumber] nvarchar(30) NOT NULL,
        [PrintedFundingSourceCode] nvarchar(20) NOT NULL,
        [PrintedStartupCapital] bigint NOT NULL,
        [PrintedSponsor] nvarchar(100) NOT NULL,
        [OfficeNameZh] nvarchar(100) NOT NULL,
        [Reason] nvarchar(32) NOT NULL,
        [IssuedOn] date NOT NULL,
        [ValidFrom] date NOT NULL,
        [ValidUntil] date NOT NULL,
        [Status] nvarchar(32) NOT NULL,
        [PredecessorId] uniqueidentifier NULL,
        [SuccessorId] uniqueidentifier NULL,
        [VoidReason] nvarchar(32) NULL,
        [EndedOn] date NULL,
        [VoidNote] nvarchar(500) NULL,
        [Token] nvarchar(1024) NOT NULL,
        [TokenSha256] nchar(64) NOT NULL,
        [KeyId] nvarchar(40) NOT NULL,
        [QrUrl] nvarchar(1500) NOT NULL,
        [OriginalPdfId] uniqueidentifier NOT NULL,
        [OriginalSha256] nchar(64) NOT NULL,
        [DuplicatePdfId] uniqueidentifier NOT NULL,
        [DuplicateSha256] nchar(64) NOT NULL,
        [Notified60DaysBefore] bit NOT NULL,
        [Notified30DaysBefore] bit NOT NULL,
        [ConcurrencyToken] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Certificates] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Certificates_Institutions_InstitutionId] FOREIGN KEY ([InstitutionId]) REFERENCES [Institutions] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Certificates_Offices_OfficeId] FOREIGN KEY ([OfficeId]) REFERENCES [Offices] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Certificates_StoredFiles_DuplicatePdfId] FOREIGN KEY ([DuplicatePdfId]) REFERENCES [StoredFiles] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Certificates_StoredFiles_OriginalPdfId] FOREIGN KEY ([OriginalPdfId]) REFERENCES [StoredFiles] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [EnforcementActions] (
        [Id] uniqueidentifier NOT NULL,
        [InstitutionId] uniqueidentifier NOT NULL,
        [OfficeId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [Reasons] nvarchar(2000) NOT NULL,
        [TakenOn] date NOT NULL,
        [CorrectBy] date NULL,
        [ConsentDocumentId] uniqueidentifier NULL,
        [ActorName] nvarchar(100) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_EnforcementActions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_EnforcementActions_Institutions_InstitutionId] FOREIGN KEY ([InstitutionId]) REFERENCES [Institutions] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_EnforcementActions_StoredFiles_ConsentDocumentId] FOREIGN KEY ([ConsentDocumentId]) REFERENCES [StoredFiles] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [Filings] (
        [Id] uniqueidentifier NOT NULL,
        [Number] nvarchar(30) NOT NULL,
        [OfficeId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [State] nvarchar(32) NOT NULL,
        [InstitutionId] uniqueidentifier NULL,
        [ApplicantUserId] nvarchar(450) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [SubmittedOn] date NULL,
        [FirstSubmittedOn] date NULL,
        [AcceptedOn] date NULL,
        [DecidedOn] date NULL,
        [ClockStoppedOn] date NULL,
        [StoppedDays] int NOT NULL,
        [BaseName] nvarchar(100) NULL,
        [BaseSecondName] nvarchar(100) NULL,
        [BaseDomicile] nvarchar(200) NULL,
        [BasePurposeAndScope] nvarchar(2000) NULL,
        [BaseLegalRepresentative] nvarchar(50) NULL,
        [BaseLegalRepresentativeIdNumber] nvarchar(30) NULL,
        [BaseFundingSourceCode] nvarchar(20) NULL,
        [BaseStartupCapital] bigint NULL,
        [BaseSponsor] nvarchar(100) NULL,
        [ProposedName] nvarchar(100) NULL,
        [ProposedSecondName] nvarchar(100) NULL,
        [ProposedDomicile] nvarchar(200) NULL,
        [ProposedPurposeAndScope] nvarchar(2000) NULL,
        [ProposedLegalRepresentative] nvarchar(50) NULL,
        [ProposedLegalRepresentativeIdNumber] nvarchar(30) NULL,
        [ProposedFundingSourceCode] nvarchar(20) NULL,
        [ProposedStartupCapital] bigint NULL,
        [ProposedSponsor] nvarchar(100) NULL,
        [ApprovalDocumentNumber] nvarchar(50) NULL,
        [ApprovalDocumentDate] date NULL,
        [StaffingQuota] int NULL,
        [PlannedMoveDate] date NULL,
        [FiledBeforeMove] bit NULL,
        [DeregistrationReason] nvarchar(32) NULL,
        [Explanation] nvarchar(2000) NULL,
        [ReturnChecklist] nvarchar(1000) NOT NULL,
        [ReturnNote] nvarchar(2000) NULL,
        [RefusalReasons] nvarchar(2000) NULL,
        [ConcurrencyToken] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Filings] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Filings_Institutions_InstitutionId] FOREIGN KEY ([InstitutionId]) REFERENCES [Institutions] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Filings_Offices_OfficeId] FOREIGN KEY ([OfficeId]) REFERENCES [Offices] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [InstitutionVersions] (
        [Id] uniqueidentifier NOT NULL,
        [InstitutionId] uniqueidentifier NOT NULL,
        [Number] int NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [SecondName] nvarchar(100) NULL,
        [Domicile] nvarchar(200) NOT NULL,
        [PurposeAndScope] nvarchar(2000) NOT NULL,
        [LegalRepresentative] nvarchar(50) NOT NULL,
        [LegalRepresentativeIdNumber] nvarchar(30) NOT NULL,
        [FundingSourceCode] nvarchar(20) NOT NULL,
        [StartupCapital] bigint NOT NULL,
        [Sponsor] nvarchar(100) NOT NULL,
        [EffectiveOn] date NOT NULL,
        [RecordedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_InstitutionVersions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_InstitutionVersions_FundingSources_FundingSourceCode] FOREIGN KEY ([FundingSourceCode]) REFERENCES [FundingSources] ([Code]) ON DELETE NO ACTION,
        CONSTRAINT [FK_InstitutionVersions_Institutions_InstitutionId] FOREIGN KEY ([InstitutionId]) REFERENCES [Institutions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [SpotCheckItems] (
        [Id] uniqueidentifier NOT NULL,
        [SpotCheckId] uniqueidentifier NOT NULL,
        [InstitutionId] uniqueidentifier NOT NULL,
        [Code] nchar(18) NOT NULL,
        [DrawOrder] int NOT NULL,
        [Result] nvarchar(32) NOT NULL,
        [Note] nvarchar(1000) NULL,
        CONSTRAINT [PK_SpotCheckItems] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_SpotCheckItems_Institutions_InstitutionId] FOREIGN KEY ([InstitutionId]) REFERENCES [Institutions] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_SpotCheckItems_SpotChecks_SpotCheckId] FOREIGN KEY ([SpotCheckId]) REFERENCES [SpotChecks] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [OpenIddictTokens] (
        [Id] nvarchar(450) NOT NULL,
        [ApplicationId] nvarchar(450) NULL,
        [AuthorizationId] nvarchar(450) NULL,
        [ConcurrencyToken] nvarchar(50) NULL,
        [CreationDate] datetime2 NULL,
        [ExpirationDate] datetime2 NULL,
        [Payload] nvarchar(max) NULL,
        [Properties] nvarchar(max) NULL,
        [RedemptionDate] datetime2 NULL,
        [ReferenceId] nvarchar(100) NULL,
        [Status] nvarchar(50) NULL,
        [Subject] nvarchar(400) NULL,
        [Type] nvarchar(150) NULL,
        CONSTRAINT [PK_OpenIddictTokens] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_OpenIddictTokens_OpenIddictApplications_ApplicationId] FOREIGN KEY ([ApplicationId]) REFERENCES [OpenIddictApplications] ([Id]),
        CONSTRAINT [FK_OpenIddictTokens_OpenIddictAuthorizations_AuthorizationId] FOREIGN KEY ([AuthorizationId]) REFERENCES [OpenIddictAuthorizations] ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [ReportAttachments] (
        [Id] uniqueidentifier NOT NULL,
        [ReportId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [FileName] nvarchar(120) NOT NULL,
        [ContentType] nvarchar(50) NOT NULL,
        [Size] bigint NOT NULL,
        [Sha256] nchar(64) NOT NULL,
        [ContentId] uniqueidentifier NOT NULL,
        [UploadedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_ReportAttachments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ReportAttachments_AnnualReports_ReportId] FOREIGN KEY ([ReportId]) REFERENCES [AnnualReports] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_ReportAttachments_StoredFiles_ContentId] FOREIGN KEY ([ContentId]) REFERENCES [StoredFiles] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [ReportEvents] (
        [Id] uniqueidentifier NOT NULL,
        [ReportId] uniqueidentifier NOT NULL,
        [Sequence] int NOT NULL,
        [AtUtc] datetime2 NOT NULL,
        [ActorUserId] nvarchar(450) NOT NULL,
        [ActorName] nvarchar(100) NOT NULL,
        [From] nvarchar(32) NULL,
        [To] nvarchar(32) NOT NULL,
        [Action] nvarchar(32) NULL,
        [Note] nvarchar(2000) NULL,
        CONSTRAINT [PK_ReportEvents] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ReportEvents_AnnualReports_ReportId] FOREIGN KEY ([ReportId]) REFERENCES [AnnualReports] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserClaims] (
        [Id] int NOT NULL IDENTITY,
        [UserId] nvarchar(450) NOT NULL,
        [ClaimType] nvarchar(max) NULL,
        [ClaimValue] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserClaims] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AspNetUserClaims_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserLogins] (
        [LoginProvider] nvarchar(450) NOT NULL,
        [ProviderKey] nvarchar(450) NOT NULL,
        [ProviderDisplayName] nvarchar(max) NULL,
        [UserId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserLogins] PRIMARY KEY ([LoginProvider], [ProviderKey]),
        CONSTRAINT [FK_AspNetUserLogins_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserRoles] (
        [UserId] nvarchar(450) NOT NULL,
        [RoleId] nvarchar(450) NOT NULL,
        CONSTRAINT [PK_AspNetUserRoles] PRIMARY KEY ([UserId], [RoleId]),
        CONSTRAINT [FK_AspNetUserRoles_AspNetRoles_RoleId] FOREIGN KEY ([RoleId]) REFERENCES [AspNetRoles] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_AspNetUserRoles_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [AspNetUserTokens] (
        [UserId] nvarchar(450) NOT NULL,
        [LoginProvider] nvarchar(450) NOT NULL,
        [Name] nvarchar(450) NOT NULL,
        [Value] nvarchar(max) NULL,
        CONSTRAINT [PK_AspNetUserTokens] PRIMARY KEY ([UserId], [LoginProvider], [Name]),
        CONSTRAINT [FK_AspNetUserTokens_AspNetUsers_UserId] FOREIGN KEY ([UserId]) REFERENCES [AspNetUsers] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [FilingAttachments] (
        [Id] uniqueidentifier NOT NULL,
        [FilingId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [FileName] nvarchar(120) NOT NULL,
        [ContentType] nvarchar(50) NOT NULL,
        [Size] bigint NOT NULL,
        [Sha256] nchar(64) NOT NULL,
        [ContentId] uniqueidentifier NOT NULL,
        [UploadedBy] nvarchar(450) NOT NULL,
        [UploadedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_FilingAttachments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_FilingAttachments_Filings_FilingId] FOREIGN KEY ([FilingId]) REFERENCES [Filings] ([Id]) ON DELETE CASCADE,
        CONSTRAINT [FK_FilingAttachments_StoredFiles_ContentId] FOREIGN KEY ([ContentId]) REFERENCES [StoredFiles] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE TABLE [FilingEvents] (
        [Id] uniqueidentifier NOT NULL,
        [FilingId] uniqueidentifier NOT NULL,
        [Sequence] int NOT NULL,
        [AtUtc] datetime2 NOT NULL,
        [ActorUserId] nvarchar(450) NOT NULL,
        [ActorName] nvarchar(100) NOT NULL,
        [ActorRole] nvarchar(32) NOT NULL,
        [From] nvarchar(32) NULL,
        [To] nvarchar(32) NOT NULL,
        [Action] nvarchar(32) NULL,
        [Note] nvarchar(2000) NULL,
        CONSTRAINT [PK_FilingEvents] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_FilingEvents_Filings_FilingId] FOREIGN KEY ([FilingId]) REFERENCES [Filings] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_AbnormalList_InstitutionId_Year] ON [AbnormalList] ([InstitutionId], [Year]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_Announcements_InstitutionId] ON [Announcements] ([InstitutionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_Announcements_OfficeId] ON [Announcements] ([OfficeId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_Announcements_PublishedOn_Kind] ON [Announcements] ([PublishedOn], [Kind]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_AnnualReports_InstitutionId_Year_Version] ON [AnnualReports] ([InstitutionId], [Year], [Version]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_AnnualReports_OfficeId_Year_State] ON [AnnualReports] ([OfficeId], [Year], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetRoleClaims_RoleId] ON [AspNetRoleClaims] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [RoleNameIndex] ON [AspNetRoles] ([NormalizedName]) WHERE [NormalizedName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserClaims_UserId] ON [AspNetUserClaims] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserLogins_UserId] ON [AspNetUserLogins] ([UserId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUserRoles_RoleId] ON [AspNetUserRoles] ([RoleId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [EmailIndex] ON [AspNetUsers] ([NormalizedEmail]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUsers_InstitutionId] ON [AspNetUsers] ([InstitutionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_AspNetUsers_OfficeId] ON [AspNetUsers] ([OfficeId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [UserNameIndex] ON [AspNetUsers] ([NormalizedUserName]) WHERE [NormalizedUserName] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_Certificates_DuplicatePdfId] ON [Certificates] ([DuplicatePdfId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_Certificates_InstitutionId_Status] ON [Certificates] ([InstitutionId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Certificates_Number] ON [Certificates] ([Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_Certificates_OfficeId] ON [Certificates] ([OfficeId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_Certificates_OriginalPdfId] ON [Certificates] ([OriginalPdfId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_Certificates_Status_ValidUntil] ON [Certificates] ([Status], [ValidUntil]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Certificates_TokenSha256] ON [Certificates] ([TokenSha256]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_EnforcementActions_ConsentDocumentId] ON [EnforcementActions] ([ConsentDocumentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_EnforcementActions_InstitutionId_CreatedUtc] ON [EnforcementActions] ([InstitutionId], [CreatedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_FilingAttachments_ContentId] ON [FilingAttachments] ([ContentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_FilingAttachments_FilingId] ON [FilingAttachments] ([FilingId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_FilingEvents_FilingId_Sequence] ON [FilingEvents] ([FilingId], [Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_Filings_ApplicantUserId_State] ON [Filings] ([ApplicantUserId], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_Filings_InstitutionId_State] ON [Filings] ([InstitutionId], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Filings_Number] ON [Filings] ([Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_Filings_OfficeId_State] ON [Filings] ([OfficeId], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Institutions_Code] ON [Institutions] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_Institutions_FundingSourceCode] ON [Institutions] ([FundingSourceCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_Institutions_LegacyCertificateNumber] ON [Institutions] ([LegacyCertificateNumber]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_Institutions_Name] ON [Institutions] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_Institutions_OfficeId_NameKey] ON [Institutions] ([OfficeId], [NameKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_Institutions_OfficeId_Status] ON [Institutions] ([OfficeId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_InstitutionVersions_FundingSourceCode] ON [InstitutionVersions] ([FundingSourceCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_InstitutionVersions_InstitutionId_Number] ON [InstitutionVersions] ([InstitutionId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_IssuedCodes_Body] ON [IssuedCodes] ([Body]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_Notifications_UserId_CreatedUtc] ON [Notifications] ([UserId], [CreatedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_OpenIddictApplications_ClientId] ON [OpenIddictApplications] ([ClientId]) WHERE [ClientId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_OpenIddictAuthorizations_ApplicationId_Status_Subject_Type] ON [OpenIddictAuthorizations] ([ApplicationId], [Status], [Subject], [Type]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_OpenIddictScopes_Name] ON [OpenIddictScopes] ([Name]) WHERE [Name] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_OpenIddictTokens_ApplicationId_Status_Subject_Type] ON [OpenIddictTokens] ([ApplicationId], [Status], [Subject], [Type]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_OpenIddictTokens_AuthorizationId] ON [OpenIddictTokens] ([AuthorizationId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    EXEC(N'CREATE UNIQUE INDEX [IX_OpenIddictTokens_ReferenceId] ON [OpenIddictTokens] ([ReferenceId]) WHERE [ReferenceId] IS NOT NULL');
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_OutboxMessages_SentUtc_CreatedUtc] ON [OutboxMessages] ([SentUtc], [CreatedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_ReportAttachments_ContentId] ON [ReportAttachments] ([ContentId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_ReportAttachments_ReportId] ON [ReportAttachments] ([ReportId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ReportEvents_ReportId_Sequence] ON [ReportEvents] ([ReportId], [Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_SpotCheckItems_InstitutionId] ON [SpotCheckItems] ([InstitutionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_SpotCheckItems_SpotCheckId] ON [SpotCheckItems] ([SpotCheckId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    CREATE INDEX [IX_SpotChecks_OfficeId_Year] ON [SpotChecks] ([OfficeId], [Year]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126154916_Initial'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126154916_Initial', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126164303_RegisterSearchAndFeed'
)
BEGIN
    ALTER TABLE [Institutions] ADD [SearchGrams] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126164303_RegisterSearchAndFeed'
)
BEGIN
    ALTER TABLE [Institutions] ADD [SearchNames] nvarchar(2000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126164303_RegisterSearchAndFeed'
)
BEGIN
    CREATE TABLE [FeedEvents] (
        [Sequence] bigint NOT NULL,
        [Kind] nvarchar(40) NOT NULL,
        [InstitutionId] uniqueidentifier NOT NULL,
        [Code] nvarchar(18) NOT NULL,
        [OccurredUtc] datetime2 NOT NULL,
        [Data] nvarchar(max) NOT NULL,
        CONSTRAINT [PK_FeedEvents] PRIMARY KEY ([Sequence])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126164303_RegisterSearchAndFeed'
)
BEGIN
    CREATE INDEX [IX_FeedEvents_InstitutionId] ON [FeedEvents] ([InstitutionId]);
END;

COMMIT;
GO

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126164303_RegisterSearchAndFeed'
)
BEGIN
    IF FULLTEXTSERVICEPROPERTY('IsFullTextInstalled') = 1 AND NOT EXISTS (SELECT 1 FROM sys.fulltext_catalogs WHERE name = 'PortalSearch')
        EXEC(N'CREATE FULLTEXT CATALOG PortalSearch');
END;
GO

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126164303_RegisterSearchAndFeed'
)
BEGIN
    IF FULLTEXTSERVICEPROPERTY('IsFullTextInstalled') = 1 AND NOT EXISTS (SELECT 1 FROM sys.fulltext_indexes WHERE object_id = OBJECT_ID('Institutions'))
        EXEC(N'CREATE FULLTEXT INDEX ON Institutions (SearchGrams LANGUAGE 0) KEY INDEX PK_Institutions ON PortalSearch WITH CHANGE_TRACKING AUTO, STOPLIST = OFF');
END;
GO

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126164303_RegisterSearchAndFeed'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126164303_RegisterSearchAndFeed', N'10.0.15');
END;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126165012_ApiClients'
)
BEGIN
    CREATE TABLE [ApiClients] (
        [ClientId] nvarchar(64) NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [Scopes] nvarchar(200) NOT NULL,
        [Disabled] bit NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        CONSTRAINT [PK_ApiClients] PRIMARY KEY ([ClientId])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126165012_ApiClients'
)
BEGIN
    CREATE TABLE [ApiClientInstitutions] (
        [ClientId] nvarchar(64) NOT NULL,
        [InstitutionId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_ApiClientInstitutions] PRIMARY KEY ([ClientId], [InstitutionId]),
        CONSTRAINT [FK_ApiClientInstitutions_ApiClients_ClientId] FOREIGN KEY ([ClientId]) REFERENCES [ApiClients] ([ClientId]) ON DELETE CASCADE,
        CONSTRAINT [FK_ApiClientInstitutions_Institutions_InstitutionId] FOREIGN KEY ([InstitutionId]) REFERENCES [Institutions] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126165012_ApiClients'
)
BEGIN
    CREATE INDEX [IX_ApiClientInstitutions_InstitutionId] ON [ApiClientInstitutions] ([InstitutionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126165012_ApiClients'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126165012_ApiClients', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126165646_OpenDataFiles'
)
BEGIN
    CREATE TABLE [OpenDataFiles] (
        [Id] uniqueidentifier NOT NULL,
        [Day] date NOT NULL,
        [Format] nvarchar(8) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [Rows] int NOT NULL,
        [Sha256] nvarchar(64) NOT NULL,
        [Length] bigint NOT NULL,
        [Gzip] varbinary(max) NOT NULL,
        CONSTRAINT [PK_OpenDataFiles] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126165646_OpenDataFiles'
)
BEGIN
    CREATE UNIQUE INDEX [IX_OpenDataFiles_Day_Format] ON [OpenDataFiles] ([Day], [Format]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126165646_OpenDataFiles'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126165646_OpenDataFiles', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126171816_RegisterImport'
)
BEGIN
    CREATE TABLE [ImportRuns] (
        [Id] uniqueidentifier NOT NULL,
        [OfficeId] uniqueidentifier NOT NULL,
        [FileName] nvarchar(260) NOT NULL,
        [FileId] uniqueidentifier NOT NULL,
        [ErrorsFileId] uniqueidentifier NULL,
        [Encoding] nvarchar(16) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [CreatedBy] nvarchar(256) NOT NULL,
        [TotalRows] int NOT NULL,
        [ErrorCount] int NOT NULL,
        [AlreadyPresent] int NOT NULL,
        [State] nvarchar(32) NOT NULL,
        [ProcessedRows] int NOT NULL,
        [Inserted] int NOT NULL,
        [Skipped] int NOT NULL,
        [UpdatedUtc] datetime2 NOT NULL,
        [Elapsed] time NOT NULL,
        CONSTRAINT [PK_ImportRuns] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ImportRuns_Offices_OfficeId] FOREIGN KEY ([OfficeId]) REFERENCES [Offices] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126171816_RegisterImport'
)
BEGIN
    CREATE TABLE [ImportRunInstitutions] (
        [ImportRunId] uniqueidentifier NOT NULL,
        [InstitutionId] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_ImportRunInstitutions] PRIMARY KEY ([ImportRunId], [InstitutionId]),
        CONSTRAINT [FK_ImportRunInstitutions_ImportRuns_ImportRunId] FOREIGN KEY ([ImportRunId]) REFERENCES [ImportRuns] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126171816_RegisterImport'
)
BEGIN
    CREATE INDEX [IX_ImportRunInstitutions_InstitutionId] ON [ImportRunInstitutions] ([InstitutionId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126171816_RegisterImport'
)
BEGIN
    CREATE INDEX [IX_ImportRuns_OfficeId_CreatedUtc] ON [ImportRuns] ([OfficeId], [CreatedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126171816_RegisterImport'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126171816_RegisterImport', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126174844_AuditLog'
)
BEGIN
    CREATE TABLE [AuditEntries] (
        [Sequence] bigint NOT NULL,
        [AtUtc] datetime2 NOT NULL,
        [ActorId] nvarchar(64) NULL,
        [ActorName] nvarchar(100) NOT NULL,
        [Action] nvarchar(64) NOT NULL,
        [RecordType] nvarchar(32) NOT NULL,
        [RecordId] nvarchar(64) NOT NULL,
        [OfficeId] uniqueidentifier NULL,
        [Address] nvarchar(64) NULL,
        [Detail] nvarchar(500) NULL,
        [PreviousHash] nvarchar(64) NOT NULL,
        [Hash] nvarchar(64) NOT NULL,
        CONSTRAINT [PK_AuditEntries] PRIMARY KEY ([Sequence])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126174844_AuditLog'
)
BEGIN
    CREATE INDEX [IX_AuditEntries_OfficeId_Sequence] ON [AuditEntries] ([OfficeId], [Sequence]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126174844_AuditLog'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126174844_AuditLog', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126175523_TwoFactorSteps'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [LastTwoFactorStep] bigint NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261126175523_TwoFactorSteps'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261126175523_TwoFactorSteps', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130190513_ServerSideSessions'
)
BEGIN
    CREATE TABLE [UserSessions] (
        [Id] uniqueidentifier NOT NULL,
        [UserId] nvarchar(450) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        [EndedUtc] datetime2 NULL,
        [EndReason] nvarchar(32) NULL,
        CONSTRAINT [PK_UserSessions] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130190513_ServerSideSessions'
)
BEGIN
    CREATE INDEX [IX_UserSessions_CreatedUtc] ON [UserSessions] ([CreatedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130190513_ServerSideSessions'
)
BEGIN
    CREATE INDEX [IX_UserSessions_UserId_EndedUtc] ON [UserSessions] ([UserId], [EndedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130190513_ServerSideSessions'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130190513_ServerSideSessions', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130214720_PublicReadPaths'
)
BEGIN
    DROP INDEX [IX_Announcements_PublishedOn_Kind] ON [Announcements];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130214720_PublicReadPaths'
)
BEGIN
    DECLARE @var nvarchar(max);
    SELECT @var = QUOTENAME([d].[name])
    FROM [sys].[default_constraints] [d]
    INNER JOIN [sys].[columns] [c] ON [d].[parent_column_id] = [c].[column_id] AND [d].[parent_object_id] = [c].[object_id]
    WHERE ([d].[parent_object_id] = OBJECT_ID(N'[OpenDataFiles]') AND [c].[name] = N'Gzip');
    IF @var IS NOT NULL EXEC(N'ALTER TABLE [OpenDataFiles] DROP CONSTRAINT ' + @var + ';');
    ALTER TABLE [OpenDataFiles] DROP COLUMN [Gzip];
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130214720_PublicReadPaths'
)
BEGIN
    ALTER TABLE [OpenDataFiles] ADD [Complete] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130214720_PublicReadPaths'
)
BEGIN
    CREATE TABLE [OpenDataChunks] (
        [FileId] uniqueidentifier NOT NULL,
        [Index] int NOT NULL,
        [Bytes] varbinary(max) NOT NULL,
        CONSTRAINT [PK_OpenDataChunks] PRIMARY KEY ([FileId], [Index]),
        CONSTRAINT [FK_OpenDataChunks_OpenDataFiles_FileId] FOREIGN KEY ([FileId]) REFERENCES [OpenDataFiles] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130214720_PublicReadPaths'
)
BEGIN
    CREATE INDEX [IX_Institutions_Status_NameKey_Code] ON [Institutions] ([Status], [NameKey], [Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130214720_PublicReadPaths'
)
BEGIN
    CREATE INDEX [IX_AnnualReports_Year_State_PublishedOn_Id] ON [AnnualReports] ([Year], [State], [PublishedOn], [Id]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130214720_PublicReadPaths'
)
BEGIN
    CREATE INDEX [IX_Announcements_Kind_PublishedOn_PublishedUtc] ON [Announcements] ([Kind], [PublishedOn], [PublishedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130214720_PublicReadPaths'
)
BEGIN
    CREATE INDEX [IX_Announcements_PublishedOn_PublishedUtc] ON [Announcements] ([PublishedOn], [PublishedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130214720_PublicReadPaths'
)
BEGIN
    CREATE INDEX [IX_Institutions_FundingSourceCode_NameKey] ON [Institutions] ([FundingSourceCode], [NameKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130214720_PublicReadPaths'
)
BEGIN
    CREATE INDEX [IX_Institutions_Sponsor_NameKey] ON [Institutions] ([Sponsor], [NameKey]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130214720_PublicReadPaths'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130214720_PublicReadPaths', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130224024_DraftsAndOfficeTelephone'
)
BEGIN
    ALTER TABLE [Offices] ADD [Telephone] nvarchar(40) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130224024_DraftsAndOfficeTelephone'
)
BEGIN
    ALTER TABLE [Filings] ADD [DraftInput] nvarchar(max) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130224024_DraftsAndOfficeTelephone'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130224024_DraftsAndOfficeTelephone', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130235918_ReportUnreadInput'
)
BEGIN
    ALTER TABLE [AnnualReports] ADD [UnreadInput] nvarchar(2000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261130235918_ReportUnreadInput'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261130235918_ReportUnreadInput', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201053455_WrittenInstruments'
)
BEGIN
    ALTER TABLE [OutboxMessages] ADD [AttachmentFileId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201053455_WrittenInstruments'
)
BEGIN
    ALTER TABLE [OutboxMessages] ADD [AttachmentName] nvarchar(200) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201053455_WrittenInstruments'
)
BEGIN
    ALTER TABLE [Offices] ADD [DocumentPrefix] nvarchar(10) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201053455_WrittenInstruments'
)
BEGIN
    ALTER TABLE [Institutions] ADD [ElectronicDeliveryConsentBy] nvarchar(450) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201053455_WrittenInstruments'
)
BEGIN
    ALTER TABLE [Institutions] ADD [ElectronicDeliveryConsentUtc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201053455_WrittenInstruments'
)
BEGIN
    ALTER TABLE [Filings] ADD [CompetentOffice] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201053455_WrittenInstruments'
)
BEGIN
    ALTER TABLE [Filings] ADD [NonAcceptanceReasons] nvarchar(200) NOT NULL DEFAULT N'';
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201053455_WrittenInstruments'
)
BEGIN
    CREATE TABLE [Instruments] (
        [Id] uniqueidentifier NOT NULL,
        [OfficeId] uniqueidentifier NOT NULL,
        [Kind] nvarchar(32) NOT NULL,
        [Year] int NOT NULL,
        [Serial] bigint NOT NULL,
        [Number] nvarchar(40) NOT NULL,
        [CheckCode] nvarchar(10) NOT NULL,
        [FilingId] uniqueidentifier NULL,
        [InstitutionId] uniqueidentifier NULL,
        [ApplicantUserId] nvarchar(450) NULL,
        [CertificateId] uniqueidentifier NULL,
        [Addressee] nvarchar(200) NOT NULL,
        [IssuedOn] date NOT NULL,
        [IssuedUtc] datetime2 NOT NULL,
        [FileId] uniqueidentifier NOT NULL,
        [Sha256] nchar(64) NOT NULL,
        [SignerThumbprint] nvarchar(64) NOT NULL,
        [OpenedUtc] datetime2 NULL,
        [OpenedByUserId] nvarchar(450) NULL,
        CONSTRAINT [PK_Instruments] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Instruments_Offices_OfficeId] FOREIGN KEY ([OfficeId]) REFERENCES [Offices] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_Instruments_StoredFiles_FileId] FOREIGN KEY ([FileId]) REFERENCES [StoredFiles] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201053455_WrittenInstruments'
)
BEGIN
    CREATE INDEX [IX_Instruments_ApplicantUserId_IssuedUtc] ON [Instruments] ([ApplicantUserId], [IssuedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201053455_WrittenInstruments'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Instruments_CheckCode] ON [Instruments] ([CheckCode]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201053455_WrittenInstruments'
)
BEGIN
    CREATE INDEX [IX_Instruments_FileId] ON [Instruments] ([FileId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201053455_WrittenInstruments'
)
BEGIN
    CREATE INDEX [IX_Instruments_FilingId] ON [Instruments] ([FilingId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201053455_WrittenInstruments'
)
BEGIN
    CREATE INDEX [IX_Instruments_InstitutionId_IssuedUtc] ON [Instruments] ([InstitutionId], [IssuedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201053455_WrittenInstruments'
)
BEGIN
    CREATE INDEX [IX_Instruments_OfficeId_IssuedUtc] ON [Instruments] ([OfficeId], [IssuedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201053455_WrittenInstruments'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Instruments_OfficeId_Kind_Year_Serial] ON [Instruments] ([OfficeId], [Kind], [Year], [Serial]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201053455_WrittenInstruments'
)
BEGIN
    CREATE INDEX [IX_Instruments_Sha256] ON [Instruments] ([Sha256]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201053455_WrittenInstruments'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201053455_WrittenInstruments', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201071430_Agencies'
)
BEGIN
    CREATE TABLE [Agencies] (
        [Id] uniqueidentifier NOT NULL,
        [OfficeId] uniqueidentifier NOT NULL,
        [Code] nchar(18) NOT NULL,
        [Status] nvarchar(32) NOT NULL,
        [RegisteredOn] date NOT NULL,
        [CancelledOn] date NULL,
        [Name] nvarchar(100) NOT NULL,
        [SecondName] nvarchar(100) NULL,
        [Category] nvarchar(32) NOT NULL,
        [EstablishingDocument] nvarchar(100) NOT NULL,
        [Functions] nvarchar(2000) NOT NULL,
        [Address] nvarchar(200) NOT NULL,
        [PersonInCharge] nvarchar(50) NOT NULL,
        [PersonInChargeIdNumber] nvarchar(30) NOT NULL,
        [ConcurrencyToken] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_Agencies] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_Agencies_Offices_OfficeId] FOREIGN KEY ([OfficeId]) REFERENCES [Offices] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201071430_Agencies'
)
BEGIN
    CREATE TABLE [AgencyVersions] (
        [Id] uniqueidentifier NOT NULL,
        [AgencyId] uniqueidentifier NOT NULL,
        [Number] int NOT NULL,
        [EffectiveOn] date NOT NULL,
        [RecordedUtc] datetime2 NOT NULL,
        [Name] nvarchar(100) NOT NULL,
        [SecondName] nvarchar(100) NULL,
        [Category] nvarchar(32) NOT NULL,
        [EstablishingDocument] nvarchar(100) NOT NULL,
        [Functions] nvarchar(2000) NOT NULL,
        [Address] nvarchar(200) NOT NULL,
        [PersonInCharge] nvarchar(50) NOT NULL,
        [PersonInChargeIdNumber] nvarchar(30) NOT NULL,
        CONSTRAINT [PK_AgencyVersions] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AgencyVersions_Agencies_AgencyId] FOREIGN KEY ([AgencyId]) REFERENCES [Agencies] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201071430_Agencies'
)
BEGIN
    CREATE UNIQUE INDEX [IX_Agencies_Code] ON [Agencies] ([Code]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201071430_Agencies'
)
BEGIN
    CREATE INDEX [IX_Agencies_Name] ON [Agencies] ([Name]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201071430_Agencies'
)
BEGIN
    CREATE INDEX [IX_Agencies_OfficeId_Status] ON [Agencies] ([OfficeId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201071430_Agencies'
)
BEGIN
    CREATE UNIQUE INDEX [IX_AgencyVersions_AgencyId_Number] ON [AgencyVersions] ([AgencyId], [Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201071430_Agencies'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201071430_Agencies', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    ALTER TABLE [Offices] ADD [AgencyCertificateValidityYears] int NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    ALTER TABLE [Filings] ADD [AgencyBaseAddress] nvarchar(200) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    ALTER TABLE [Filings] ADD [AgencyBaseCategory] nvarchar(32) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    ALTER TABLE [Filings] ADD [AgencyBaseEstablishingDocument] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    ALTER TABLE [Filings] ADD [AgencyBaseFunctions] nvarchar(2000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    ALTER TABLE [Filings] ADD [AgencyBaseName] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    ALTER TABLE [Filings] ADD [AgencyBasePersonInCharge] nvarchar(50) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    ALTER TABLE [Filings] ADD [AgencyBasePersonInChargeIdNumber] nvarchar(30) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    ALTER TABLE [Filings] ADD [AgencyBaseSecondName] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    ALTER TABLE [Filings] ADD [AgencyId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    ALTER TABLE [Filings] ADD [AgencyProposedAddress] nvarchar(200) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    ALTER TABLE [Filings] ADD [AgencyProposedCategory] nvarchar(32) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    ALTER TABLE [Filings] ADD [AgencyProposedEstablishingDocument] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    ALTER TABLE [Filings] ADD [AgencyProposedFunctions] nvarchar(2000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    ALTER TABLE [Filings] ADD [AgencyProposedName] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    ALTER TABLE [Filings] ADD [AgencyProposedPersonInCharge] nvarchar(50) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    ALTER TABLE [Filings] ADD [AgencyProposedPersonInChargeIdNumber] nvarchar(30) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    ALTER TABLE [Filings] ADD [AgencyProposedSecondName] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    ALTER TABLE [Filings] ADD [CollectedOn] date NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    ALTER TABLE [Filings] ADD [OldOrganisationCode] nvarchar(9) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    ALTER TABLE [Filings] ADD [ReissueCause] nvarchar(32) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD [AgencyId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    CREATE TABLE [AgencyCertificates] (
        [Id] uniqueidentifier NOT NULL,
        [Number] nvarchar(20) NOT NULL,
        [OfficeId] uniqueidentifier NOT NULL,
        [AgencyId] uniqueidentifier NOT NULL,
        [Code] nchar(18) NOT NULL,
        [PrintedName] nvarchar(100) NOT NULL,
        [PrintedSecondName] nvarchar(100) NULL,
        [PrintedCategory] nvarchar(32) NOT NULL,
        [PrintedEstablishingDocument] nvarchar(100) NOT NULL,
        [PrintedFunctions] nvarchar(2000) NOT NULL,
        [PrintedAddress] nvarchar(200) NOT NULL,
        [PrintedPersonInCharge] nvarchar(50) NOT NULL,
        [PrintedPersonInChargeIdNumber] nvarchar(30) NOT NULL,
        [OfficeNameZh] nvarchar(100) NOT NULL,
        [Reason] nvarchar(32) NOT NULL,
        [IssuedOn] date NOT NULL,
        [ValidUntil] date NULL,
        [Status] nvarchar(32) NOT NULL,
        [PredecessorId] uniqueidentifier NULL,
        [SuccessorId] uniqueidentifier NULL,
        [VoidReason] nvarchar(32) NULL,
        [EndedOn] date NULL,
        [Token] nvarchar(1024) NOT NULL,
        [TokenSha256] nchar(64) NOT NULL,
        [KeyId] nvarchar(40) NOT NULL,
        [QrUrl] nvarchar(1500) NOT NULL,
        [OriginalPdfId] uniqueidentifier NOT NULL,
        [OriginalSha256] nchar(64) NOT NULL,
        [DuplicatePdfId] uniqueidentifier NOT NULL,
        [DuplicateSha256] nchar(64) NOT NULL,
        [ConcurrencyToken] uniqueidentifier NOT NULL,
        CONSTRAINT [PK_AgencyCertificates] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_AgencyCertificates_Agencies_AgencyId] FOREIGN KEY ([AgencyId]) REFERENCES [Agencies] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_AgencyCertificates_Offices_OfficeId] FOREIGN KEY ([OfficeId]) REFERENCES [Offices] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_AgencyCertificates_StoredFiles_DuplicatePdfId] FOREIGN KEY ([DuplicatePdfId]) REFERENCES [StoredFiles] ([Id]) ON DELETE NO ACTION,
        CONSTRAINT [FK_AgencyCertificates_StoredFiles_OriginalPdfId] FOREIGN KEY ([OriginalPdfId]) REFERENCES [StoredFiles] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    CREATE INDEX [IX_Filings_AgencyId_State] ON [Filings] ([AgencyId], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    CREATE INDEX [IX_AspNetUsers_AgencyId] ON [AspNetUsers] ([AgencyId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    CREATE INDEX [IX_AgencyCertificates_AgencyId_Status] ON [AgencyCertificates] ([AgencyId], [Status]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    CREATE INDEX [IX_AgencyCertificates_DuplicatePdfId] ON [AgencyCertificates] ([DuplicatePdfId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    CREATE UNIQUE INDEX [IX_AgencyCertificates_Number] ON [AgencyCertificates] ([Number]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    CREATE INDEX [IX_AgencyCertificates_OfficeId] ON [AgencyCertificates] ([OfficeId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    CREATE INDEX [IX_AgencyCertificates_OriginalPdfId] ON [AgencyCertificates] ([OriginalPdfId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    CREATE UNIQUE INDEX [IX_AgencyCertificates_TokenSha256] ON [AgencyCertificates] ([TokenSha256]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    ALTER TABLE [AspNetUsers] ADD CONSTRAINT [FK_AspNetUsers_Agencies_AgencyId] FOREIGN KEY ([AgencyId]) REFERENCES [Agencies] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    ALTER TABLE [Filings] ADD CONSTRAINT [FK_Filings_Agencies_AgencyId] FOREIGN KEY ([AgencyId]) REFERENCES [Agencies] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201105826_AgencyFilings'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201105826_AgencyFilings', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201111530_AgencyAnnouncements'
)
BEGIN
    ALTER TABLE [Announcements] ADD [AgencyId] uniqueidentifier NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201111530_AgencyAnnouncements'
)
BEGIN
    CREATE INDEX [IX_Announcements_AgencyId] ON [Announcements] ([AgencyId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201111530_AgencyAnnouncements'
)
BEGIN
    ALTER TABLE [Announcements] ADD CONSTRAINT [FK_Announcements_Agencies_AgencyId] FOREIGN KEY ([AgencyId]) REFERENCES [Agencies] ([Id]) ON DELETE NO ACTION;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201111530_AgencyAnnouncements'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201111530_AgencyAnnouncements', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201113359_AgencyPaperCertificates'
)
BEGIN
    ALTER TABLE [Agencies] ADD [PaperCertificateNumber] nvarchar(20) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201113359_AgencyPaperCertificates'
)
BEGIN
    ALTER TABLE [Agencies] ADD [PaperCertificateValidUntil] date NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201113359_AgencyPaperCertificates'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201113359_AgencyPaperCertificates', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181012_OfficeServiceDesk'
)
BEGIN
    ALTER TABLE [Offices] ADD [DeskAddressEn] nvarchar(200) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181012_OfficeServiceDesk'
)
BEGIN
    ALTER TABLE [Offices] ADD [DeskAddressZh] nvarchar(200) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181012_OfficeServiceDesk'
)
BEGIN
    ALTER TABLE [Offices] ADD [DeskHoursEn] nvarchar(200) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181012_OfficeServiceDesk'
)
BEGIN
    ALTER TABLE [Offices] ADD [DeskHoursZh] nvarchar(200) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181012_OfficeServiceDesk'
)
BEGIN
    ALTER TABLE [Offices] ADD [DeskNotesEn] nvarchar(1000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181012_OfficeServiceDesk'
)
BEGIN
    ALTER TABLE [Offices] ADD [DeskNotesZh] nvarchar(1000) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201181012_OfficeServiceDesk'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201181012_OfficeServiceDesk', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201235912_AssignmentNotesChasing'
)
BEGIN
    ALTER TABLE [Filings] ADD [AssignedUtc] datetime2 NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201235912_AssignmentNotesChasing'
)
BEGIN
    ALTER TABLE [Filings] ADD [AssigneeName] nvarchar(100) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201235912_AssignmentNotesChasing'
)
BEGIN
    ALTER TABLE [Filings] ADD [AssigneeUserId] nvarchar(450) NULL;
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201235912_AssignmentNotesChasing'
)
BEGIN
    CREATE TABLE [FilingNotes] (
        [Id] uniqueidentifier NOT NULL,
        [FilingId] uniqueidentifier NOT NULL,
        [OfficeId] uniqueidentifier NOT NULL,
        [AuthorUserId] nvarchar(450) NOT NULL,
        [AuthorName] nvarchar(100) NOT NULL,
        [Text] nvarchar(2000) NOT NULL,
        [CreatedUtc] datetime2 NOT NULL,
        CONSTRAINT [PK_FilingNotes] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_FilingNotes_Filings_FilingId] FOREIGN KEY ([FilingId]) REFERENCES [Filings] ([Id]) ON DELETE CASCADE
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201235912_AssignmentNotesChasing'
)
BEGIN
    CREATE TABLE [ReportChases] (
        [Id] uniqueidentifier NOT NULL,
        [InstitutionId] uniqueidentifier NOT NULL,
        [OfficeId] uniqueidentifier NOT NULL,
        [Year] int NOT NULL,
        [SentUtc] datetime2 NOT NULL,
        [ByUserId] nvarchar(450) NOT NULL,
        [ByName] nvarchar(100) NOT NULL,
        CONSTRAINT [PK_ReportChases] PRIMARY KEY ([Id])
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201235912_AssignmentNotesChasing'
)
BEGIN
    CREATE INDEX [IX_Notifications_UserId_ReadUtc] ON [Notifications] ([UserId], [ReadUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201235912_AssignmentNotesChasing'
)
BEGIN
    CREATE INDEX [IX_Filings_OfficeId_AssigneeUserId_State] ON [Filings] ([OfficeId], [AssigneeUserId], [State]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201235912_AssignmentNotesChasing'
)
BEGIN
    CREATE INDEX [IX_FilingNotes_FilingId_CreatedUtc] ON [FilingNotes] ([FilingId], [CreatedUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201235912_AssignmentNotesChasing'
)
BEGIN
    CREATE INDEX [IX_ReportChases_InstitutionId_SentUtc] ON [ReportChases] ([InstitutionId], [SentUtc]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201235912_AssignmentNotesChasing'
)
BEGIN
    CREATE INDEX [IX_ReportChases_OfficeId_Year] ON [ReportChases] ([OfficeId], [Year]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261201235912_AssignmentNotesChasing'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261201235912_AssignmentNotesChasing', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202001323_ServiceRatings'
)
BEGIN
    CREATE TABLE [ServiceRatings] (
        [Id] uniqueidentifier NOT NULL,
        [OfficeId] uniqueidentifier NOT NULL,
        [Service] nvarchar(32) NOT NULL,
        [SubjectId] uniqueidentifier NOT NULL,
        [SubjectNumber] nvarchar(30) NOT NULL,
        [FilingKind] nvarchar(32) NULL,
        [InstitutionId] uniqueidentifier NULL,
        [RaterUserId] nvarchar(450) NOT NULL,
        [Level] nvarchar(32) NOT NULL,
        [GuideClarity] nvarchar(32) NULL,
        [Speed] nvarchar(32) NULL,
        [StaffAttitude] nvarchar(32) NULL,
        [Comment] nvarchar(500) NULL,
        [RatedUtc] datetime2 NOT NULL,
        [RatedOn] date NOT NULL,
        [FollowUp] nvarchar(32) NOT NULL,
        [FollowUpDueOn] date NULL,
        [ContactedOn] date NULL,
        [Finding] nvarchar(1000) NULL,
        [Rectification] nvarchar(1000) NULL,
        [AnsweredByName] nvarchar(100) NULL,
        [AnsweredOn] date NULL,
        [AnsweredOnTime] bit NULL,
        [Resolved] bit NULL,
        [FeedbackComment] nvarchar(500) NULL,
        [FeedbackUtc] datetime2 NULL,
        [Appeal] nvarchar(32) NOT NULL,
        [AppealReason] nvarchar(1000) NULL,
        [AppealedByName] nvarchar(100) NULL,
        [AppealedUtc] datetime2 NULL,
        [AppealDecision] nvarchar(1000) NULL,
        [AppealDecidedByName] nvarchar(100) NULL,
        [AppealDecidedUtc] datetime2 NULL,
        CONSTRAINT [PK_ServiceRatings] PRIMARY KEY ([Id]),
        CONSTRAINT [FK_ServiceRatings_Offices_OfficeId] FOREIGN KEY ([OfficeId]) REFERENCES [Offices] ([Id]) ON DELETE NO ACTION
    );
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202001323_ServiceRatings'
)
BEGIN
    CREATE INDEX [IX_ServiceRatings_Appeal_OfficeId] ON [ServiceRatings] ([Appeal], [OfficeId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202001323_ServiceRatings'
)
BEGIN
    CREATE INDEX [IX_ServiceRatings_OfficeId_FollowUp_FollowUpDueOn] ON [ServiceRatings] ([OfficeId], [FollowUp], [FollowUpDueOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202001323_ServiceRatings'
)
BEGIN
    CREATE INDEX [IX_ServiceRatings_OfficeId_RatedOn] ON [ServiceRatings] ([OfficeId], [RatedOn]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202001323_ServiceRatings'
)
BEGIN
    CREATE UNIQUE INDEX [IX_ServiceRatings_Service_SubjectId] ON [ServiceRatings] ([Service], [SubjectId]);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202001323_ServiceRatings'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202001323_ServiceRatings', N'10.0.15');
END;

COMMIT;
GO

BEGIN TRANSACTION;
IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202041616_AgencyCertificateReminders'
)
BEGIN
    ALTER TABLE [AgencyCertificates] ADD [Notified30DaysBefore] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202041616_AgencyCertificateReminders'
)
BEGIN
    ALTER TABLE [AgencyCertificates] ADD [Notified60DaysBefore] bit NOT NULL DEFAULT CAST(0 AS bit);
END;

IF NOT EXISTS (
    SELECT * FROM [__EFMigrationsHistory]
    WHERE [MigrationId] = N'20261202041616_AgencyCertificateReminders'
)
BEGIN
    INSERT INTO [__EFMigrationsHistory] ([MigrationId], [ProductVersion])
    VALUES (N'20261202041616_AgencyCertificateReminders', N'10.0.15');
END;

COMMIT;
GO

