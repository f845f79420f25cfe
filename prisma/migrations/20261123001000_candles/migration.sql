-- Candle store (market data, issue 5). Prices and volumes are DOUBLE PRECISION: every consumer works on
-- Float64Array columns, exchange decimals (<= 15 significant digits) round-trip exactly through float8,
-- and reads stay fast (fixed 8 bytes, binary COPY) where NUMERIC would need per-value string parsing.

-- CreateTable
CREATE TABLE "CandleSeries" (
    "id" SERIAL NOT NULL,
    "exchange" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "timeframe" TEXT NOT NULL,
    "firstOpenTime" BIGINT,
    "lastOpenTime" BIGINT,
    "candleCount" INTEGER NOT NULL DEFAULT 0,
    "gapCount" INTEGER NOT NULL DEFAULT 0,
    "missingCount" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CandleSeries_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Candle" (
    "seriesId" INTEGER NOT NULL,
    "openTime" BIGINT NOT NULL,
    "open" DOUBLE PRECISION NOT NULL,
    "high" DOUBLE PRECISION NOT NULL,
    "low" DOUBLE PRECISION NOT NULL,
    "close" DOUBLE PRECISION NOT NULL,
    "volume" DOUBLE PRECISION NOT NULL,

    CONSTRAINT "Candle_pkey" PRIMARY KEY ("seriesId","openTime")
);

-- CreateIndex
CREATE UNIQUE INDEX "CandleSeries_exchange_symbol_timeframe_key" ON "CandleSeries"("exchange", "symbol", "timeframe");

-- AddForeignKey
ALTER TABLE "Candle" ADD CONSTRAINT "Candle_seriesId_fkey" FOREIGN KEY ("seriesId") REFERENCES "CandleSeries"("id") ON DELETE CASCADE ON UPDATE CASCADE;
