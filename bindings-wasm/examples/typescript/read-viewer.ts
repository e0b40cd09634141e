// The read-only module (`gestpay-wasm/read`, under 300 KB) in a typed page: the same functions
// and types as `gestpay-wasm` for what it has (results, addresses, outcomes, the payment page
// URL, code tables). What needs the builders (buildRequest, parseResponse, the client, …) is
// not exported, so using it here fails to compile.
import read, {
  DeclinedError,
  GestpayError,
  PendingError,
  amazonAddresses,
  assertOk,
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

/** The success check, `assertOk`: only OK is paid; XX is pending (do not ship, do not let the
 * buyer pay again); KO declined; no or an unknown TransactionResult an error. */
export function outcome(xml: string): string {
  try {
    const result: DecryptResult = assertOk(parseResult('Decrypt', xml));
    return `paid: ${result.shopTransactionId ?? '?'}`;
  } catch (err) {
    if (err instanceof PendingError) return 'pending: the outcome is notified later';
    if (err instanceof DeclinedError) return `declined: ${err.knownDescription ?? err.description ?? err.errorCode ?? ''}`;
    if (err instanceof GestpayError) return `${err.code}: ${err.message}`;
    throw err;
  }
}

export function shipTo(xml: string): AmazonAddresses | null {
  return amazonAddresses(read.parseResult('callReadTrxS2S', xml));
}

export const payHere: string = paymentPageUrl('9000001', 'CRYPTED', { env: 'test' });
