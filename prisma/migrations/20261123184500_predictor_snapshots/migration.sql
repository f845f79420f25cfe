-- CreateTable
CREATE TABLE "PredictorSnapshot" (
    "deploymentId" TEXT NOT NULL,
    "nodeId" TEXT NOT NULL,
    "symbol" TEXT NOT NULL,
    "lastCandleAt" TIMESTAMP(3) NOT NULL,
    "snapshot" BYTEA NOT NULL,
    "bytes" INTEGER NOT NULL,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PredictorSnapshot_pkey" PRIMARY KEY ("deploymentId","nodeId","symbol")
);

-- AddForeignKey
ALTER TABLE "PredictorSnapshot" ADD CONSTRAINT "PredictorSnapshot_deploymentId_fkey" FOREIGN KEY ("deploymentId") REFERENCES "Deployment"("id") ON DELETE CASCADE ON UPDATE CASCADE;
