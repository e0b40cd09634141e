// The Amazon Pay flow in TypeScript: requests and results are typed per operation, open code
// sets complete in the editor, errors are classes. `local-gateway.ts` runs it against the local
// gateway; `main()` here against the gateway's test host (GESTPAY_ENV, GESTPAY_SHOP_LOGIN,
// GESTPAY_API_KEY).
import {
  DeclinedError,
  GestpayClient,
  PendingError,
  SoapFaultError,
  TransportError,
  amazonAddresses,
  assertOk,
  parseCallback,
  type Address,
  type Encrypt,
  type Environment,
} from 'gestpay';

export interface ShopConfig {
  /** 'test', 'production' or a base URL (the local gateway's `url`). */
  env: Environment;
  shopLogin: string;
  apiKey?: string;
}

export interface Shipment {
  order: string | undefined;
  token: string | undefined;
  shipTo: Address | undefined;
  billTo: Address | undefined;
}

export interface Shop {
  /** Step 1: register the payment and get the payment page URL to redirect the buyer to. */
  checkout(orderId: string, amount: string): Promise<string>;
  /**
   * Steps 3 and 4: the callback URL the buyer came back with → the addresses to ship to.
   * `assertOk` passes only OK: a XX throws `PendingError` (not paid yet: do not ship, and do not
   * let the buyer pay again), a KO `DeclinedError`, no or an unknown result
   * `MalformedResponseError` (`no_result`, `unknown_result`).
   */
  onCallback(url: string): Promise<Shipment>;
}

export function createShop({ env, shopLogin, apiKey }: ShopConfig): Shop {
  const gateway = new GestpayClient({ env, timeoutMs: 15_000 });
  const auth = apiKey ? { apiKey } : {};
  return {
    async checkout(orderId, amount) {
      const request: Encrypt = {
        shopLogin,
        uicCode: 'EUR',
        amount,
        shopTransactionId: orderId,
        paymentTypes: ['AMAZONPAY'],
        amazonPayBillingAgreementDescription: 'paynowandrecurring',
        languageId: 1,
        ...auth,
      };
      const encrypted = assertOk(await gateway.encrypt(request));
      return gateway.paymentPageUrl(shopLogin, encrypted.cryptDecryptString ?? '');
    },
    async onCallback(url) {
      const { encryptedString } = parseCallback(url);
      const result = assertOk(await gateway.decrypt({ shopLogin, cryptedString: encryptedString, ...auth }));
      const read = assertOk(await gateway.callReadTrxS2S({ shopLogin, bankTransactionId: result.bankTransactionId, ...auth }));
      const amazon = amazonAddresses(read);
      return { order: result.shopTransactionId, token: result.token, shipTo: amazon?.shipping, billTo: amazon?.billing };
    },
  };
}

/** What to tell the buyer (and the logs) when the payment did not go through. */
export function explain(err: unknown): string {
  if (err instanceof PendingError) return 'pending: wait for the notification';
  if (err instanceof DeclinedError) return `declined: ${err.errorCode} ${err.knownDescription ?? err.description ?? ''}`;
  if (err instanceof SoapFaultError) return `fault: ${err.faultCode} ${err.reason}`;
  if (err instanceof TransportError) return `transport: ${err.code} ${err.url ?? ''}`;
  throw err;
}

export async function main(): Promise<void> {
  const shop = createShop({
    env: (process.env.GESTPAY_ENV as Environment | undefined) ?? 'test',
    shopLogin: process.env.GESTPAY_SHOP_LOGIN ?? 'GESPAY65987',
    apiKey: process.env.GESTPAY_API_KEY,
  });
  try {
    console.log(await shop.checkout('ORD-42', '49.90'));
  } catch (err) {
    console.error(explain(err));
  }
}
