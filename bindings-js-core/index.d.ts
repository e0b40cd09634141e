// Type declarations of `gestpay` (hand-written; the message types in types/messages.d.ts are
// generated from the core's JSON Schema). No `any`: every input and output shape is declared.

import type {
  Address,
  AmazonAddress,
  AmazonAddresses,
  Amount,
  AuthenticationLevel,
  BillingAddress,
  Callback,
  Currency,
  DecryptResult,
  EventType,
  GestPayS2S,
  Operation,
  PaymentType,
  Requests,
  Results,
  RiskResponseCode,
  Service,
  ShippingAddress,
  ShippingDetails,
  SoapFault,
  SoapVersion,
  FaultCode,
  FaultReason,
  XmlElement,
  TransactionResult,
  TransactionState,
  CoreErrorCode,
} from './types/messages';

export * from './types/messages';

// --- environments, options, HTTP messages ---------------------------------------------------

/**
 * Where requests go: the gateway's test (`sandbox.gestpay.net`) or production hosts, or a base
 * URL such as a local emulator (`http://127.0.0.1:8480`), as a string or `{ custom: url }`.
 * Default: `'test'`.
 */
export type Environment =
  | 'test'
  | 'production'
  | `http://${string}`
  | `https://${string}`
  | { readonly custom: string };

/** Parser bounds; the defaults (16 MiB, depth 64, 1 MiB of text) admit real responses. */
export interface Limits {
  /** Largest accepted document, in bytes. */
  maxDocumentBytes?: number;
  /** Deepest accepted element nesting, the root counting as 1. */
  maxDepth?: number;
  /** Largest accepted text of one element, in bytes. */
  maxTextBytes?: number;
}

export interface BuildOptions {
  /** Default `'test'`. */
  env?: Environment;
  /** Default `'1.1'`, what every official sample uses. */
  soap?: SoapVersion;
  /** Check the documented rules first (default `true`); `false` sends whatever was given. */
  validate?: boolean;
}

export interface ParseOptions {
  limits?: Limits;
}

export interface SoapOptions {
  /** Default `'1.1'`. */
  soap?: SoapVersion;
}

/** A document: text, or its UTF-8 bytes. */
export type Body = string | Uint8Array | ArrayBuffer | ArrayBufferView;

/** What came back over HTTP. */
export interface ResponseInput {
  status: number;
  /** The `Content-Type` header, when there is one. */
  contentType?: string | null;
  body: Body;
}

/**
 * A request to send, as built: `fetch(request.url, request)` sends it. `util.inspect` shows the
 * body's size only (it holds the API key and any card data); JSON and property access give it.
 */
export declare class HttpRequest {
  constructor(method: 'POST', url: string, headers: Record<string, string>, body: string);
  /** Always `POST`. */
  method: 'POST';
  /** The endpoint of the operation's service. */
  url: string;
  /** `Content-Type`, and `SOAPAction` for SOAP 1.1. */
  headers: Record<string, string>;
  /** The SOAP envelope, UTF-8 text. */
  body: string;
}

/** A response as the gateway sends it (the gateway's side: tests, emulators). */
export declare class HttpResponse {
  constructor(status: number, headers: Record<string, string>, body: string);
  /** 200 for a result, 500 for a SOAP fault. */
  status: number;
  /** `Content-Type`. */
  headers: Record<string, string>;
  /** The SOAP envelope, UTF-8 text. */
  body: string;
}

// --- operations and messages ------------------------------------------------------------------

/** One operation of the gateway. */
export interface OperationInfo {
  /** The exact wire name. */
  readonly name: Operation;
  readonly service: Service;
  /** The SOAPAction. */
  readonly action: string;
  /** The endpoint's path. */
  readonly path: string;
}

// --- parsed messages --------------------------------------------------------------------------

/**
 * Base class of every parsed message. A parsed message is a view on the value the native side
 * holds: its fields are read-only getters that convert a field when it is first read (nested
 * messages are views on the same value, lists frozen arrays). `toJSON()` gives the whole value
 * as plain data in the core's JSON shape (what `JSON.stringify` writes, and what to spread,
 * clone or compare); `util.inspect` shows that data with secrets redacted.
 */
export declare abstract class Message {
  toJSON(): unknown;
}

/** A parsed message whose data is `T`: `T`'s fields as read-only getters, and `toJSON(): T`. */
export type View<T> = { readonly [K in keyof T]: Viewed<T[K]> } & { toJSON(): T } & Message;

/**
 * A field of a view: text, numbers and flags as they are, nested messages views, lists frozen
 * arrays (typed as arrays, so that a view is assignable to its data's type, `T`: a push throws).
 */
export type Viewed<V> = V extends string | number | boolean | null | undefined
  ? V
  : V extends readonly (infer I)[]
    ? Viewed<I>[]
    : View<V>;

/** A message to build: plain data, or a parsed message (its value is used as it is). */
export type Input<T> = T | View<T>;

/** The 19 operations: Encrypt, Decrypt and the 17 of WsS2S. */
export declare const operations: readonly OperationInfo[];

/** True when `name` is the exact wire name of an operation. */
export declare function isOperation(name: unknown): name is Operation;

/** The HTTP call of a request: validated, then built for `env` in `soap`. */
export declare function buildRequest<Op extends Operation>(
  operation: Op,
  request: Input<Requests[Op]>,
  options?: BuildOptions,
): HttpRequest;

/** Checks a request against the documented rules (throws `InvalidRequestError`). */
export declare function validateRequest<Op extends Operation>(operation: Op, request: Input<Requests[Op]>): void;

/**
 * Parses what the gateway answered: status 200 with the result envelope. A SOAP fault throws
 * `SoapFaultError`, anything else `MalformedResponseError`. A business KO is a result: see
 * `assertOk`.
 */
export declare function parseResponse<Op extends Operation>(
  operation: Op,
  response: ResponseInput,
  options?: ParseOptions,
): View<Results[Op]>;

/**
 * Parses a result given as an envelope, the Response or Result element, or the bare payload
 * (`<GestPayS2S>…`): what the docs show and what a back office stores.
 */
export declare function parseResult<Op extends Operation>(
  operation: Op,
  body: Body,
  options?: ParseOptions,
): View<Results[Op]>;

/** Parses a request (the gateway's side): an envelope or the bare wrapper element. */
export declare function parseRequest<Op extends Operation>(operation: Op, body: Body): View<Requests[Op]>;

/** The HTTP response (status 200) the gateway sends for a result. */
export declare function buildResponse<Op extends Operation>(
  operation: Op,
  result: Input<Results[Op]>,
  options?: SoapOptions,
): HttpResponse;

/**
 * A SOAP fault to build (the shape of `SoapFault`); `version` defaults to the `soap` option.
 * SOAP 1.1 has no place for `subcodes`, `otherReasons` and `node`. `httpStatus` is the
 * response's status (default 500); `codeLocal` and the subcodes' `local` are ignored.
 */
export interface FaultInput extends Partial<Omit<SoapFault, 'code' | 'reason'>> {
  code: string;
  reason: string;
}

/** The HTTP response (status 500) of a SOAP fault, as ASMX sends it. */
export declare function buildFault(fault: FaultInput, options?: SoapOptions): HttpResponse;

/** The SOAP fault in a whole envelope (throws when it holds none). */
export declare function parseFault(body: Body, options?: ParseOptions): View<SoapFault>;

/** What a request envelope is, without parsing its fields. */
export interface RequestInfo {
  soap: SoapVersion;
  /** Absent when the wrapper is in no namespace. */
  service?: Service;
  /** The wrapper's local name. */
  operation: string;
}

/** Identifies the operation of a request envelope (for a server that dispatches). */
export declare function identifyRequest(body: Body, options?: ParseOptions): RequestInfo;

// --- outcome ----------------------------------------------------------------------------------

/** The members every result carries about its business outcome. */
export interface Outcome {
  transactionResult?: TransactionResult;
  errorCode?: number;
  errorDescription?: string;
  /** `TransactionErrorCode` (callCheckCartaS2S, CallRequestTokenS2S): the outcome when
   * `errorCode` is absent (`errorCode` wins when both came). */
  transactionErrorCode?: number;
  /** `TransactionErrorDescription`, beside `transactionErrorCode`. */
  transactionErrorDescription?: string;
}

/** Any result type. */
export type AnyResult = Results[Operation];

/** A business KO, as a value. */
export interface Declined {
  /** `ErrorCode`, or `TransactionErrorCode` when only it came (`ErrorCode` wins when both did). */
  errorCode: number | null;
  /** `ErrorDescription` as sent (often Italian). */
  description: string | null;
  /** The English description from the documented error table. */
  knownDescription: string | null;
}

/** `transactionResult` is `OK`. */
export declare function isOk(result: Outcome): boolean;
/** `transactionResult` is `XX`: pending (asynchronous methods); do not ship yet. */
export declare function isPending(result: Outcome): boolean;
/** `transactionResult` is `KO`. */
export declare function isDeclined(result: Outcome): boolean;
/** The KO as a value, or `null` when the result is not `KO`. */
export declare function declined(result: Outcome): Declined | null;
/**
 * The success check: the result itself only when `transactionResult` is `OK`, the one answer
 * an order may be shipped on. Otherwise it throws: `KO` → `DeclinedError` (`declined`), `XX` →
 * `PendingError` (`pending`), a missing or empty `transactionResult` → `MalformedResponseError`
 * `no_result`, any other value → `MalformedResponseError` `unknown_result` (field
 * `TransactionResult`). The core's `Outcome::ensure_ok`. (It used to throw on `KO` only.)
 */
export declare function assertOk<R extends Outcome>(result: R): R;

// --- payment page and callback ----------------------------------------------------------------

export interface PaymentPageOptions {
  env?: Environment;
  /** Pre-selects a method the way the REST API's links do. */
  paymentType?: PaymentType;
}

/** `pagam.aspx?a=<shopLogin>&b=<cryptDecryptString>`: where the buyer pays. */
export declare function paymentPageUrl(
  shopLogin: string,
  cryptDecryptString: string,
  options?: PaymentPageOptions,
): string;

/** `pagam3d.aspx?a=<shopLogin>&b=<vbvRisp>&c=<returnUrl>`: 3-D Secure (error 8006). */
export declare function threeDsPageUrl(
  shopLogin: string,
  vbvRisp: string,
  returnUrl: string,
  options?: { env?: Environment },
): string;

/** The base URLs of an environment. */
export interface Endpoints {
  /** Where WsCryptDecrypt and WsS2S live. */
  soapBase: string;
  /** Where the payment page and the 3-D Secure page live. */
  pagesBase: string;
}

export declare function endpoints(env?: Environment): Endpoints;

/** A `URL` (or anything with its `href`). */
export interface UrlLike {
  readonly href: string;
  readonly searchParams: object;
}

/**
 * Where the callback's `a` and `b` are: a URL (string or `URL`), a path with a query, a query
 * string, `URLSearchParams` or any iterable of pairs, or a framework's query object
 * (`req.query`).
 */
export type CallbackInput =
  | string
  | UrlLike
  | Iterable<readonly [string, string]>
  // A framework's query object (Express's `req.query` is typed wider than strings): its `a` and
  // `b` are checked when read (`invalid_callback`).
  | { readonly [key: string]: unknown };

/** The callback the gateway makes to the merchant's URLs; Decrypt its `encryptedString`. */
export declare function parseCallback(input: CallbackInput): View<Callback>;

/** The query string the gateway sends for a callback (`a=…&b=…`). */
export declare function callbackQuery(callback: Input<Callback>): string;

// --- addresses --------------------------------------------------------------------------------

/**
 * The Amazon Pay shipping and billing addresses (normalised) and the buyer of a callReadTrxS2S
 * result, computed by the core on the parsed value; `null` when it holds no
 * `orderReferenceDetails`. Plain data (a stored result's JSON) is read first, except in
 * `gestpay-wasm/read`, which reads parsed results only.
 */
export declare function amazonAddresses(result: Input<GestPayS2S>): View<AmazonAddresses> | null;

/** The models an `Address` can be normalised from. */
export interface AddressSources {
  /** Amazon's `Address` type (`physicalDestination`, `physicalAddress`). */
  amazon: AmazonAddress;
  /** `OrderDetails/ShippingAddress`. */
  shippingAddress: ShippingAddress;
  /** `OrderDetails/BillingAddress`. */
  billingAddress: BillingAddress;
  /** PayPal's `shippingDetails`. */
  shippingDetails: ShippingDetails;
}

/** One normalised address: trimmed parts, empty ones left out. */
export declare function normalizeAddress<K extends keyof AddressSources>(
  kind: K,
  value: Input<AddressSources[K]>,
): View<Address>;

// --- code tables and amounts ------------------------------------------------------------------

export interface CurrencyInfo {
  /** The gateway's UIC code (`uicCode` on the wire). */
  readonly uicCode: number;
  readonly isoAlpha?: string;
  readonly isoNumeric?: number;
  readonly description?: string;
  /** Decimals of the minor unit (0 for JPY). */
  readonly exponent: number;
  /** In the gateway's table: an unknown UIC code (`currency(999)`) is still a currency. */
  readonly known: boolean;
}

export interface LanguageInfo {
  /** `languageId`. */
  readonly id: number;
  readonly name?: string;
  readonly iso639_1?: string;
}

export interface PaymentTypeInfo {
  readonly code: PaymentType;
  readonly description?: string;
  /** Its status in the documentation (`listed`, `removed-2021`, …). */
  readonly status?: string;
}

export interface CodeInfo<C> {
  readonly code: C;
  readonly description?: string;
}

/** The small open code sets and their value types. */
export interface CodeTables {
  transactionResult: TransactionResult;
  transactionState: TransactionState;
  eventType: EventType;
  riskResponseCode: RiskResponseCode;
  authenticationLevel: AuthenticationLevel;
  transDetailsType: string;
}

export declare function currencies(): readonly CurrencyInfo[];
/** The currency with this ISO code or UIC code (an unknown UIC code has `known` false), or `null` for an unknown ISO code. */
export declare function currency(code: Currency | number): CurrencyInfo | null;
export declare function languages(): readonly LanguageInfo[];
export declare function paymentTypes(): readonly PaymentTypeInfo[];
/** The documented `ErrorCode` table. */
export declare function errorCodes(): readonly CodeInfo<number>[];
/** The documented `AlertCode` table. */
export declare function alertCodes(): readonly CodeInfo<number>[];
export declare function codeTable<K extends keyof CodeTables>(name: K): readonly CodeInfo<CodeTables[K]>[];
/** The English description of an `ErrorCode`, or `null` for an undocumented code. */
export declare function errorDescription(code: number): string | null;
/** The English description of an `AlertCode`, or `null`. */
export declare function alertDescription(code: number): string | null;
/** The `TransactionType` the gateway returns for an operation (`callPagamS2S` → `PAGAM`). */
export declare function transactionTypeOf(operation: Operation | (string & {})): string | null;
/** Minor units as the amount text of a currency (`4990`, EUR → `'49.90'`): never a float. */
export declare function amountFromMinor(minor: number | bigint, currency: Currency | number): Amount;
/** An amount text in minor units of a currency (`'49.90'`, EUR → `4990`). */
export declare function amountToMinor(amount: Amount, currency: Currency | number): number;
/**
 * A deep copy of a request, result or any plain value with every non-empty secret (apikey, card
 * number, expiry, CVV, PARes, tokens) replaced by `'[redacted]'`: what to hand to a JSON
 * logger (`JSON.stringify` of the value itself gives the wire values, by design).
 */
export declare function redacted<T>(value: T): T;

// --- errors -----------------------------------------------------------------------------------

/** The stable codes: the core's (`CoreErrorCode`, generated from it), then this package's own. */
export type ErrorCode = CoreErrorCode | 'timeout' | 'network' | 'aborted' | 'internal' | (string & {});

/** Who is at fault. */
export type Party = 'caller' | 'remote' | 'business';

export interface ErrorDetails {
  code: ErrorCode;
  field?: string | null;
  party?: Party;
  cause?: unknown;
}

/** Every error of this package. */
export declare class GestpayError extends Error {
  constructor(message: string, details: ErrorDetails);
  /** Stable machine-readable code. */
  readonly code: ErrorCode;
  /** The field concerned: a wire path (`OrderDetails/CustomerDetail/FirstName`), or for `invalid_type` the JSON path of the input (`orderDetails.productDetails[0].price`). */
  readonly field: string | null;
  readonly party: Party;
}

/** The request is invalid: nothing was sent. */
export declare class InvalidRequestError extends GestpayError {}

/** What came back is not a usable answer to the operation called. */
export declare class MalformedResponseError extends GestpayError {}

/** The gateway answered with a SOAP fault: `fault` holds it whole, the fields are at hand. */
export declare class SoapFaultError extends GestpayError {
  constructor(message: string, fault: SoapFault);
  readonly code: 'soap_fault';
  readonly fault: SoapFault;
  readonly soapVersion: SoapVersion;
  /** `faultcode` / `Code/Value` as written, e.g. `soap:Client`. */
  readonly faultCode: string;
  /** The namespace URI of the code's prefix, where it was read. */
  readonly codeNamespace: string | null;
  /** The local part of the code (`Client`). */
  readonly codeLocal: string | null;
  /** `Code/Subcode/Value`, … (SOAP 1.2), outermost first. */
  readonly subcodes: readonly FaultCode[];
  /** The first subcode's value. */
  readonly subcode: string | null;
  readonly reason: string;
  /** The `xml:lang` of the reason. */
  readonly reasonLang: string | null;
  /** The reason in other languages (SOAP 1.2). */
  readonly otherReasons: readonly FaultReason[];
  /** `faultactor` / `Role`. */
  readonly actor: string | null;
  /** `Node` (SOAP 1.2). */
  readonly node: string | null;
  /** The `detail` / `Detail` element as a tree. */
  readonly detail: XmlElement | null;
  /** The HTTP status the fault came with (null for a bare document). */
  readonly httpStatus: number | null;
}

/** A business KO, thrown only by `assertOk`. */
export declare class DeclinedError extends GestpayError {
  constructor(message: string, details: Declined & { result: Outcome });
  readonly code: 'declined';
  readonly errorCode: number | null;
  readonly description: string | null;
  readonly knownDescription: string | null;
  /** The declined result. */
  readonly result: Outcome;
}

/**
 * A `XX` (pending) result, thrown only by `assertOk`: neither paid nor declined, the final
 * outcome is notified later. Do not ship, and do not let the buyer pay again. Deliberately not a
 * `DeclinedError`.
 */
export declare class PendingError extends GestpayError {
  constructor(message: string, details: Partial<Declined> & { result: Outcome });
  readonly code: 'pending';
  readonly errorCode: number | null;
  readonly description: string | null;
  readonly knownDescription: string | null;
  /** The pending result. */
  readonly result: Outcome;
}

/** The HTTP exchange failed (client only): `timeout`, `aborted` or `network`. */
export declare class TransportError extends GestpayError {
  constructor(message: string, details: ErrorDetails & { url?: string | null });
  readonly url: string | null;
}

// --- transport --------------------------------------------------------------------------------

/** The part of the Fetch API the client uses (the global `fetch` fits). */
export type FetchLike = (
  url: string,
  init: {
    method: string;
    headers: Record<string, string>;
    body: string;
    signal: AbortSignalLike;
    redirect: 'manual';
  },
) => Promise<{
  readonly status: number;
  readonly headers: { get(name: string): string | null };
  arrayBuffer(): Promise<ArrayBuffer>;
}>;

/** An `AbortSignal`. */
export interface AbortSignalLike {
  readonly aborted: boolean;
}

export interface ClientOptions {
  /** Default `'test'`. */
  env?: Environment;
  /** Default `'1.1'`. */
  soap?: SoapVersion;
  /** Bound on each call, in milliseconds (default 30 000). */
  timeoutMs?: number;
  /** Validate requests before sending (default `true`). */
  validate?: boolean;
  limits?: Limits;
  /** Default: the global `fetch`. */
  fetch?: FetchLike;
}

export interface CallOptions {
  /** Cancels the call. */
  signal?: AbortSignalLike;
  /** Overrides the client's timeout for this call. */
  timeoutMs?: number;
}

/** One method per operation, named after it with a lower-case first letter (`encrypt`, `callReadTrxS2S`, `callRequestTokenS2S`). */
export type ClientMethods = {
  [Op in Operation as Uncapitalize<Op>]: (request: Requests[Op], options?: CallOptions) => Promise<View<Results[Op]>>;
};

export interface GestpayClient extends ClientMethods {}

/** A small transport: `fetch`, a timeout per call, no logging. */
export declare class GestpayClient {
  constructor(options?: ClientOptions);
  readonly env: Environment;
  readonly soap: SoapVersion;
  readonly timeoutMs: number;
  readonly validate: boolean;
  readonly limits: Limits | undefined;
  /** Sends one operation and parses its result (a KO is a result: see `assertOk`). */
  call<Op extends Operation>(operation: Op, request: Requests[Op], options?: CallOptions): Promise<View<Results[Op]>>;
  /** Parses the callback the gateway made to your URL and Decrypts it. */
  decryptCallback(input: CallbackInput, options?: CallOptions & { apiKey?: string }): Promise<View<DecryptResult>>;
  /** The payment page URL in this client's environment. */
  paymentPageUrl(shopLogin: string, cryptDecryptString: string, options?: { paymentType?: PaymentType }): string;
}
