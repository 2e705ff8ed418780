-- CreateEnum
CREATE TYPE "ThemeChoice" AS ENUM ('SYSTEM', 'LIGHT', 'DARK', 'CONTRAST');

-- AlterTable
ALTER TABLE "User" ADD COLUMN     "theme" "ThemeChoice" NOT NULL DEFAULT 'SYSTEM';
