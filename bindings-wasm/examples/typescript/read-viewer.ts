// The read-only module (`gestpay-wasm/read`, under 300 KB) in a typed page: the same functions
// and types as `gestpay-wasm` for what it has (results, addresses, outcomes, the payment page
// URL, code tables). What needs the builders (buildRequest, parseResponse, the client, …) is
// not exported, so using it here fails to compile.
import read, {
  GestpayError,
  amazonAddresses,
  errorDescription,
  isOk,
  parseCallback,
  parseResult,
  paymentPageUrl,
  type AmazonAddresses,
  type Callback,
  type DecryptResult,
} from 'gestpay-wasm/read';

/** The outcome of the callback page: the gateway's `a` and `b`, then the decrypted result. */
export function callbackOf(search: string): Callback {
  return parseCallback(search);
}

export function outcome(xml: string): string {
  try {
    const result: DecryptResult = parseResult('Decrypt', xml);
    if (isOk(result)) return `paid: ${result.shopTransactionId ?? '?'}`;
    const code = result.errorCode;
    return `declined: ${code === undefined ? '' : (errorDescription(code) ?? code)}`;
  } catch (err) {
    if (err instanceof GestpayError) return `${err.code}: ${err.message}`;
    throw err;
  }
}

export function shipTo(xml: string): AmazonAddresses | null {
  return amazonAddresses(read.parseResult('callReadTrxS2S', xml));
}

export const payHere: string = paymentPageUrl('9000001', 'CRYPTED', { env: 'test' });
