// gestpay-wasm in a browser application, in TypeScript (checked by `tsc --strict` in CI, against
// the declarations of the built package): results typed per operation, normalised addresses,
// errors as classes, the payment page URL built client-side. The same code compiles against the
// npm package `gestpay`: only the import's name differs.
import gestpay, {
  DeclinedError,
  GestpayError,
  MalformedResponseError,
  SoapFaultError,
  amazonAddresses,
  assertOk,
  parseResult,
  paymentPageUrl,
  type Address,
  type CallReadTrxS2SResult,
  type Operation,
} from 'gestpay-wasm';

/** What the back-office page shows for a callReadTrxS2S answer. */
export interface Shipment {
  state: string | undefined;
  shipTo: Address | undefined;
  billTo: Address | undefined;
  problem: string | null;
}

export function readShipment(xml: string): Shipment {
  const result: CallReadTrxS2SResult = parseResult('callReadTrxS2S', xml);
  const addresses = amazonAddresses(result);
  return {
    state: result.transactionState,
    shipTo: addresses?.shipping,
    billTo: addresses?.billing,
    problem: problemOf(result),
  };
}

/** `null` when the result passes the success check (`assertOk`: OK only), else why not: a KO's
 * error, or `pending` (XX), `no_result`, `unknown_result`. Ship only on `null`. */
function problemOf(result: CallReadTrxS2SResult): string | null {
  try {
    assertOk(result);
    return null;
  } catch (err) {
    if (err instanceof DeclinedError) return `${err.errorCode ?? '?'}: ${err.knownDescription ?? err.description ?? ''}`;
    if (err instanceof GestpayError) return err.code;
    throw err;
  }
}

/** One line of an address, for a label. */
export const oneLine = (a: Address): string =>
  [a.name, a.addressLine1, a.addressLine2, [a.postalCode, a.city].filter(Boolean).join(' '), a.countryCode]
    .filter((part): part is string => typeof part === 'string' && part.length > 0)
    .join(', ');

/** Renders a pasted document into an element, or the error that refused it. */
export function render(target: HTMLElement, operation: Operation, xml: string): void {
  try {
    const result = gestpay.parseResult(operation, xml);
    target.textContent = JSON.stringify(result, null, 2);
  } catch (err) {
    if (err instanceof SoapFaultError) target.textContent = `SOAP fault ${err.faultCode}: ${err.reason}`;
    else if (err instanceof MalformedResponseError) target.textContent = `not a ${operation} result: ${err.code}`;
    else if (err instanceof GestpayError) target.textContent = `${err.code} (${err.field ?? 'no field'})`;
    else throw err;
  }
}

/** The storefront builds the payment page URL itself from an Encrypt result of its server. */
export function checkoutUrl(cryptDecryptString: string): string {
  return paymentPageUrl('GESPAY65987', cryptDecryptString, { env: 'test', paymentType: 'AMAZONPAY' });
}

// The declarations are precise, not `any`:
// @ts-expect-error: an Encrypt result has no bankTransactionId
export const wrong = (xml: string) => parseResult('Encrypt', xml).bankTransactionId;
// @ts-expect-error: operations are the exact wire names
export const misspelt = (xml: string) => parseResult('callReadTrxs2s', xml);
// @ts-expect-error: a request has the shape of its operation (shopLogin is text)
export const incomplete = () => gestpay.buildRequest('Encrypt', { shopLogin: 9000001 });
