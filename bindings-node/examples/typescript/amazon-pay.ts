// The Amazon Pay flow in TypeScript (checked by `tsc --strict` in CI): requests and results
// are typed per operation, open code sets complete in the editor, errors are classes.
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

const env: Environment = (process.env.GESTPAY_ENV as Environment | undefined) ?? 'test';
const gateway = new GestpayClient({ env, timeoutMs: 15_000 });
const shopLogin = process.env.GESTPAY_SHOP_LOGIN ?? 'GESPAY65987';
const apiKey = process.env.GESTPAY_API_KEY;

/** Step 1: register the payment and get the payment page URL to redirect the buyer to. */
export async function checkout(orderId: string, amount: string): Promise<string> {
  const request: Encrypt = {
    shopLogin,
    uicCode: 'EUR',
    amount,
    shopTransactionId: orderId,
    paymentTypes: ['AMAZONPAY'],
    amazonPayBillingAgreementDescription: 'paynowandrecurring',
    languageId: 1,
    ...(apiKey ? { apiKey } : {}),
  };
  const encrypted = assertOk(await gateway.encrypt(request));
  return gateway.paymentPageUrl(shopLogin, encrypted.cryptDecryptString ?? '');
}

export interface Shipment {
  order: string | undefined;
  token: string | undefined;
  shipTo: Address | undefined;
  billTo: Address | undefined;
}

/**
 * Steps 3 and 4: the callback URL the buyer came back with → the addresses to ship to.
 * `assertOk` passes only OK: a XX throws `PendingError` (not paid yet: do not ship, and do not
 * let the buyer pay again), a KO `DeclinedError`, no or an unknown result
 * `MalformedResponseError` (`no_result`, `unknown_result`).
 */
export async function onCallback(url: string): Promise<Shipment> {
  const { encryptedString } = parseCallback(url);
  const result = assertOk(await gateway.decrypt({ shopLogin, cryptedString: encryptedString, ...(apiKey ? { apiKey } : {}) }));
  const read = assertOk(await gateway.callReadTrxS2S({ shopLogin, bankTransactionId: result.bankTransactionId }));
  const amazon = amazonAddresses(read);
  return { order: result.shopTransactionId, token: result.token, shipTo: amazon?.shipping, billTo: amazon?.billing };
}

export async function main(): Promise<void> {
  try {
    console.log(await checkout('ORD-42', '49.90'));
  } catch (err) {
    if (err instanceof PendingError) console.error('pending: wait for the notification', err.result);
    else if (err instanceof DeclinedError) console.error('declined', err.errorCode, err.knownDescription);
    else if (err instanceof SoapFaultError) console.error('fault', err.faultCode, err.reason);
    else if (err instanceof TransportError) console.error('transport', err.code, err.url);
    else throw err;
  }
}
