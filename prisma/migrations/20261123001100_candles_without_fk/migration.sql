-- The per-row foreign key check made bulk candle merges about twice as slow; the candle store is the only
-- writer and deletes a series' candles itself, so the constraint goes.

-- DropForeignKey
ALTER TABLE "Candle" DROP CONSTRAINT "Candle_seriesId_fkey";
