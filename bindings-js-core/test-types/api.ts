// Type tests of the public declarations: what must compile, and (`@ts-expect-error`) what must
// not. Checked with `tsc -p test-types` (strict, no DOM, no @types/node). They import the shared
// declarations (../index.d.ts, ../index.d.mts) by path; the napi TypeScript example
// (bindings-node/examples/typescript) checks them through the built package `gestpay`.
import {
  amazonAddresses,
  assertOk,
  buildFault,
  buildRequest,
  buildResponse,
  codeTable,
  currency,
  declined,
  GestpayClient,
  GestpayError,
  InvalidRequestError,
  Message,
  normalizeAddress,
  operations,
  parseCallback,
  parseRequest,
  parseResponse,
  parseResult,
  paymentPageUrl,
  SoapFaultError,
  amountFromMinor,
  errorDescription,
  isOperation,
  type View,
  type Address,
  type AmazonAddresses,
  type CallReadTrxS2SResult,
  type DecryptResult,
  type Encrypt,
  type EncryptResult,
  type GestPayS2S,
  type HttpRequest,
  type Operation,
  type Requests,
  type Results,
  type TransactionResult,
} from '../index.js';

// Requests are typed per operation.
const encrypt: Encrypt = {
  shopLogin: '9000001',
  uicCode: 'EUR',
  amount: '49.90',
  shopTransactionId: 'ORD-42',
  paymentTypes: ['AMAZONPAY'],
  amazonPayBillingAgreementDescription: 'paynowandrecurring',
  customInfo: [{ key: 'STORE', value: 'ROMA' }],
  languageId: 1,
};
const call: HttpRequest = buildRequest('Encrypt', encrypt, { env: 'test', soap: '1.1' });
const url: string = call.url;
const body: string = call.body;
const contentType: string | undefined = call.headers['Content-Type'];
buildRequest('callReadTrxS2S', { shopLogin: '9000001', bankTransactionId: '123' }, { env: 'http://127.0.0.1:8480' });
buildRequest('Decrypt', { shopLogin: '9000001', cryptedString: 'XYZ' }, { env: { custom: 'https://proxy.example' } });
buildRequest('callRenounce', {});

// @ts-expect-error: the operation names are the exact wire names
buildRequest('encrypt', encrypt);
// @ts-expect-error: Decrypt has no uicCode (members are checked per operation)
buildRequest('Decrypt', { shopLogin: '9000001', uicCode: 'EUR' });
// @ts-expect-error: amounts are strings, never numbers
buildRequest('Encrypt', { ...encrypt, amount: 49.9 });
// @ts-expect-error: unknown environment name
buildRequest('Encrypt', encrypt, { env: 'staging' });
// @ts-expect-error: SOAP versions are '1.1' and '1.2'
buildRequest('Encrypt', encrypt, { soap: '1.0' });
// @ts-expect-error: callRenounce takes no field at all
buildRequest('callRenounce', { shopLogin: 'x' });

// Results are typed per operation: views whose data (toJSON) is the result type.
const encrypted: View<EncryptResult> = parseResponse('Encrypt', { status: 200, contentType: 'text/xml', body: '<x/>' });
const cds: string | undefined = encrypted.cryptDecryptString;
const read: View<CallReadTrxS2SResult> = parseResponse('callReadTrxS2S', { status: 200, body: new Uint8Array(0) });
const readToo: View<GestPayS2S> = read;
const data: GestPayS2S = read.toJSON();
const isMessage: boolean = read instanceof Message && data.transactionResult === readToo.transactionResult;
// @ts-expect-error: a view is read-only
read.transactionResult = 'OK';
// A view is assignable to its data's type (its fields are those of the data).
const asData: GestPayS2S = read;
const result: TransactionResult | undefined = readToo.transactionResult;
if (result === 'OK' || result === 'KO' || result === 'XX' || result === 'something new') {
  // open code sets accept unknown values
}
const decrypted: View<DecryptResult> = parseResult('Decrypt', '<GestPayCryptDecrypt/>');
const errorCode: number | undefined = decrypted.errorCode;
// @ts-expect-error: the result of Encrypt has no bankTransactionId
encrypted.bankTransactionId;
// @ts-expect-error: a status is a number
parseResponse('Encrypt', { status: '200', body: '' });
// @ts-expect-error: a body is text or bytes
parseResponse('Encrypt', { status: 200, body: 42 });

const amazon: View<AmazonAddresses> | null = amazonAddresses(read);
const amazonData: AmazonAddresses | null = amazonAddresses(data)?.toJSON() ?? null;
const shipTo: View<Address> | undefined = amazon?.shipping;
const line1: string | undefined = shipTo?.addressLine1;
const normalised: View<Address> = normalizeAddress('amazon', { name: 'Marco Rossi', city: 'Biella' });
// @ts-expect-error: a ShippingAddress has no addressLine1
normalizeAddress('shippingAddress', { addressLine1: 'x' });

// The gateway's side is typed the same way.
const parsedRequest: View<Encrypt> = parseRequest('Encrypt', body);
buildRequest('Encrypt', parsedRequest);
buildResponse('Encrypt', { transactionResult: 'OK', cryptDecryptString: 'ABC' });
buildFault({ code: 'soap:Client', reason: 'Server did not recognize the value of HTTP Header SOAPAction' }, { soap: '1.2' });
// @ts-expect-error: a fault needs a reason
buildFault({ code: 'soap:Client' });

// Outcome helpers keep the result type.
const ok: View<EncryptResult> = assertOk(encrypted);
const ko = declined(read);
if (ko !== null) {
  const code: number | null = ko.errorCode;
  const known: string | null = ko.knownDescription;
}

// Payment page, callback, code tables, amounts.
const page: string = paymentPageUrl('9000001', 'ABC', { env: 'production', paymentType: 'AMAZONPAY' });
const cb = parseCallback('https://shop.example/ok?a=9000001&b=XYZ');
const shopLogin: string = cb.shopLogin;
parseCallback([['a', '9000001'], ['b', 'XYZ']]);
parseCallback({ a: '9000001', b: ['XYZ'] });
// @ts-expect-error: not a callback source
parseCallback(42);
const eur = currency('EUR');
const exponent: number | undefined = eur?.exponent;
const states = codeTable('transactionState');
const price: string = amountFromMinor(4990, 'EUR');
const described: string | null = errorDescription(1142);
// @ts-expect-error: no such code table
codeTable('colours');

// Operation names narrow.
const maybe: string = 'Encrypt';
if (isOperation(maybe)) {
  const op: Operation = maybe;
  const req: Requests[typeof op] | undefined = undefined;
  const res: Results[typeof op] | undefined = undefined;
}
const names: readonly string[] = operations.map((o) => o.name);

// Errors carry code and field.
try {
  buildRequest('Encrypt', encrypt);
} catch (err) {
  if (err instanceof InvalidRequestError) {
    const code: string = err.code;
    const field: string | null = err.field;
  } else if (err instanceof SoapFaultError) {
    const faultCode: string = err.faultCode;
  } else if (err instanceof GestpayError) {
    const party: 'caller' | 'remote' | 'business' = err.party;
  }
}

// The client has one typed method per operation.
async function client(): Promise<void> {
  const gateway = new GestpayClient({ env: 'test', timeoutMs: 5000 });
  const r: EncryptResult = await gateway.encrypt(encrypt);
  const t: CallReadTrxS2SResult = await gateway.callReadTrxS2S({ shopLogin: '9000001', shopTransactionId: 'ORD-42' });
  const d: DecryptResult = await gateway.decryptCallback('a=9000001&b=XYZ', { apiKey: 'k', timeoutMs: 1000 });
  const token = await gateway.callRequestTokenS2S({ shopLogin: '9000001', requestToken: 'MASKEDPAN' });
  const viaCall: EncryptResult = await gateway.call('Encrypt', encrypt);
  // @ts-expect-error: no such method (the wire name is CallRequestTokenS2S → callRequestTokenS2S)
  await gateway.CallRequestTokenS2S({ shopLogin: 'x' });
  // @ts-expect-error: wrong request type for the method
  await gateway.decrypt({ shopLogin: '9000001', amount: '1.00' });
  // Results are read-only views, as parseResponse's.
  const view = await gateway.encrypt(encrypt);
  const plain: EncryptResult = view.toJSON();
  // @ts-expect-error: a view is read-only
  view.cryptDecryptString = 'x';
  // A framework's query object (typed wider than strings, like Express's ParsedQs).
  const query: { [key: string]: undefined | string | string[] | { [key: string]: unknown } } = { a: 'x', b: 'y' };
  await gateway.decryptCallback(query);
  void [r, t, d, token, viaCall, plain];
}

export { call, url, contentType, cds, errorCode, line1, normalised, parsedRequest, ok, page, shopLogin, exponent, states, price, described, names, client };
