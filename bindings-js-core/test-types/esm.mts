// The ES module entry's declarations (index.d.mts) are the same, named and default.
import gestpay, { buildRequest, parseResponse, type EncryptResult, type View } from '../index.mjs';

const call = buildRequest('Encrypt', { shopLogin: '9000001', uicCode: 'EUR', amount: '1.00', shopTransactionId: 'A' });
const same = gestpay.buildRequest('Decrypt', { shopLogin: '9000001', cryptedString: 'X' });
const result: View<EncryptResult> = parseResponse('Encrypt', { status: 200, body: call.body });
// @ts-expect-error: typed per operation through the default export too
gestpay.parseResponse('Encrypt', { status: 200, body: same.body }).bankTransactionId;

export { result };
