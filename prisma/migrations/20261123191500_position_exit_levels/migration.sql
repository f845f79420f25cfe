-- AlterTable
ALTER TABLE "Position" ADD COLUMN     "exitLevels" JSONB;
