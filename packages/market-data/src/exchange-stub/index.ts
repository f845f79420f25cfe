export { ExchangeStub, startExchangeStub } from "./exchange-stub.ts";
export type {
  Balance,
  OrderStatus,
  StubMarket,
  StubOptions,
  StubOrder,
  StubRequestLog,
  StubTrade,
} from "./types.ts";
