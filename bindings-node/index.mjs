// ES module entry of `gestpay`: the same objects as the CommonJS entry (one instance of the
// native addon and of every class, so `instanceof` works across `import` and `require`).
import { createRequire } from 'node:module';

const gestpay = createRequire(import.meta.url)('./index.js');

export const {
  operations,
  isOperation,
  buildRequest,
  validateRequest,
  parseResponse,
  parseResult,
  parseRequest,
  buildResponse,
  buildFault,
  parseFault,
  identifyRequest,
  isOk,
  isPending,
  isDeclined,
  declined,
  assertOk,
  paymentPageUrl,
  threeDsPageUrl,
  endpoints,
  parseCallback,
  callbackQuery,
  amazonAddresses,
  normalizeAddress,
  currencies,
  currency,
  languages,
  paymentTypes,
  errorCodes,
  alertCodes,
  codeTable,
  errorDescription,
  alertDescription,
  transactionTypeOf,
  amountFromMinor,
  amountToMinor,
  HttpRequest,
  HttpResponse,
  GestpayError,
  InvalidRequestError,
  MalformedResponseError,
  SoapFaultError,
  DeclinedError,
  TransportError,
  GestpayClient,
} = gestpay;

export default gestpay;
