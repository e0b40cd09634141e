// The success check's types: assertOk keeps the result's type; its errors are classes with
// the codes of the core's Outcome::ensure_ok.
import {
  DeclinedError,
  GestpayError,
  MalformedResponseError,
  PendingError,
  assertOk,
  parseResult,
  type DecryptResult,
  type View,
  type ErrorCode,
} from '../index.js';

const decrypted: View<DecryptResult> = assertOk(parseResult('Decrypt', '<GestPayCryptDecrypt/>'));
export const paid: string | undefined = decrypted.shopTransactionId;

export function why(err: unknown): string {
  if (err instanceof PendingError) {
    const code: 'pending' = err.code;
    const errorCode: number | null = err.errorCode;
    return `${code} ${errorCode ?? ''} ${err.result.transactionResult ?? ''}`;
  }
  if (err instanceof DeclinedError) return `${err.code} ${err.knownDescription ?? ''}`;
  if (err instanceof MalformedResponseError) return err.code;
  if (err instanceof GestpayError) return err.code;
  return 'not ours';
}

export const codes: ErrorCode[] = ['pending', 'no_result', 'unknown_result', 'declined'];

// @ts-expect-error: a PendingError is not a DeclinedError
export const notDeclined: DeclinedError = new PendingError('x', { result: {} });
