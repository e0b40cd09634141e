//! The plain lookup tables: error codes, alert codes, transaction types, and the
//! `(code, description)` tables behind the open enums.

include!(concat!(env!("OUT_DIR"), "/codes_tables.rs"));

/// The description of an `ErrorCode` returned by the gateway (`0` = "Transaction correctly
/// processed"), or `None` for a code missing from the documentation.
pub fn error_description(code: u32) -> Option<&'static str> {
    lookup(ERROR_CODES, code)
}

/// The description of an alert code (the `2000`–`2004` fraud-prevention alerts).
pub fn alert_description(code: u32) -> Option<&'static str> {
    lookup(ALERT_CODES, code)
}

fn lookup(table: &'static [(u32, &'static str)], code: u32) -> Option<&'static str> {
    table
        .binary_search_by_key(&code, |&(c, _)| c)
        .ok()
        .map(|i| table[i].1)
}

/// The `TransactionType` value the gateway returns for an operation (`"callPagamS2S"` →
/// `"PAGAM"`, `"Encrypt"` → `"ENCRYPT"`). The operation name is matched ignoring ASCII case, as
/// the documented names mix `call…` and `Call…`.
pub fn transaction_type_of(operation: &str) -> Option<&'static str> {
    TRANSACTION_TYPES
        .iter()
        .find(|[op, _]| op.eq_ignore_ascii_case(operation))
        .map(|&[_, ty]| ty)
}

/// The second column of the row of `table` whose first column is `code`.
pub(crate) fn describe<const N: usize>(
    table: &'static [[&'static str; N]],
    code: &str,
) -> Option<&'static str> {
    table.iter().find(|row| row[0] == code).map(|row| row[1])
}
