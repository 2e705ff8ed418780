-- CreateTable
CREATE TABLE "OrganizationBranding" (
    "id" TEXT NOT NULL DEFAULT 'org',
    "displayName" TEXT,
    "signInMessage" TEXT,
    "primaryColor" TEXT,
    "accentColor" TEXT,
    "logoKey" TEXT,
    "logoType" TEXT,
    "logoSize" INTEGER,
    "logoSha256" TEXT,
    "updatedById" TEXT,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OrganizationBranding_pkey" PRIMARY KEY ("id")
);

-- AddForeignKey
ALTER TABLE "OrganizationBranding" ADD CONSTRAINT "OrganizationBranding_updatedById_fkey" FOREIGN KEY ("updatedById") REFERENCES "User"("id") ON DELETE SET NULL ON UPDATE CASCADE;
