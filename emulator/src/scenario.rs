//! Deterministic test scenarios, chosen by the request itself so that a shop's test suite can
//! exercise every failure without configuring anything (docs/emulator.md lists them):
//!
//! | trigger (shopTransactionId prefix, any case) | effect |
//! | --- | --- |
//! | `FAULT-` | a SOAP fault (`soap:Server`, HTTP 500) instead of any answer |
//! | `SLOW-` | the answer comes after [`Config::slow_delay`](crate::Config::slow_delay) |
//! | `KO-` (or `KO-<code>-`) | the payment is declined with error 74 (or `<code>`) |
//! | `XX-` | the payment stays pending (`XX`) until resolved |
//!
//! An amount ending in `.13` is declined with error 74 too, whatever the id.

use gestpay::Amount;
use gestpay::codes::error_description;
use quick_xml::Reader;
use quick_xml::events::Event;

use crate::state::Verdict;

/// The error code of a declined payment: "Authorization denied".
pub(crate) const DECLINED: u32 = 74;

/// Something that happens to the exchange itself, before any business logic.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Transport {
    /// Answer a SOAP fault (HTTP 500).
    Fault,
    /// Wait before answering.
    Slow,
}

fn has_prefix(id: &str, prefix: &str) -> bool {
    id.get(..prefix.len())
        .is_some_and(|head| head.eq_ignore_ascii_case(prefix))
}

/// The transport scenario a shopTransactionId asks for.
pub(crate) fn transport(shop_transaction_id: &str) -> Option<Transport> {
    if has_prefix(shop_transaction_id, "FAULT-") {
        Some(Transport::Fault)
    } else if has_prefix(shop_transaction_id, "SLOW-") {
        Some(Transport::Slow)
    } else {
        None
    }
}

/// How a payment with this shopTransactionId and amount ends, when nothing else (a declined
/// card, an abandoned page) decides.
pub(crate) fn verdict(shop_transaction_id: &str, amount: Option<&Amount>) -> Verdict {
    if has_prefix(shop_transaction_id, "XX-") {
        return Verdict::Pending;
    }
    if has_prefix(shop_transaction_id, "KO-") {
        let code = shop_transaction_id[3..]
            .split('-')
            .next()
            .and_then(|c| c.parse::<u32>().ok())
            .filter(|c| *c != 0 && error_description(*c).is_some())
            .unwrap_or(DECLINED);
        return Verdict::Ko(code);
    }
    if amount.is_some_and(|a| a.to_string().ends_with(".13")) {
        return Verdict::Ko(DECLINED);
    }
    Verdict::Ok
}

/// The first `shopTransactionId` (or `shopTransID`, as callSettleS2S spells it) of a request
/// envelope, whatever its namespace or prefix; the body has already been checked as XML.
pub(crate) fn shop_transaction_id(body: &[u8]) -> Option<String> {
    let mut reader = Reader::from_reader(body);
    let mut buf = Vec::new();
    let mut inside = false;
    let mut text = String::new();
    loop {
        match reader.read_event_into(&mut buf).ok()? {
            Event::Start(e) => {
                let name = e.local_name();
                let name = name.as_ref();
                inside = name.eq_ignore_ascii_case("shopTransactionId")
                    || name.eq_ignore_ascii_case("shopTransID");
            }
            Event::Text(t) if inside => text.push_str(&t.xml10_content()),
            Event::CData(t) if inside => text.push_str(&t.xml10_content()),
            Event::End(_) if inside => return Some(text),
            Event::Eof => return None,
            _ => {}
        }
        buf.clear();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use gestpay::codes::Currency;

    #[test]
    fn triggers() {
        assert_eq!(transport("FAULT-1"), Some(Transport::Fault));
        assert_eq!(transport("slow-1"), Some(Transport::Slow));
        assert_eq!(transport("ORD-1"), None);
        assert_eq!(verdict("XX-1", None), Verdict::Pending);
        assert_eq!(verdict("KO-1", None), Verdict::Ko(74));
        assert_eq!(verdict("KO-1143-A", None), Verdict::Ko(1143));
        assert_eq!(verdict("KO-999999-A", None), Verdict::Ko(74));
        let amount = Amount::from_minor(1_013, Currency::EUR);
        assert_eq!(verdict("ORD-1", Some(&amount)), Verdict::Ko(74));
        let amount = Amount::from_minor(1_014, Currency::EUR);
        assert_eq!(verdict("ORD-1", Some(&amount)), Verdict::Ok);
    }

    #[test]
    fn finds_the_shop_transaction_id() {
        let body = br#"<s:Envelope xmlns:s="http://schemas.xmlsoap.org/soap/envelope/"><s:Body>
            <callSettleS2S xmlns="https://ecomms2s.sella.it/"><shopLogin>X</shopLogin>
            <shopTransID>SLOW-1</shopTransID></callSettleS2S></s:Body></s:Envelope>"#;
        assert_eq!(shop_transaction_id(body).as_deref(), Some("SLOW-1"));
        assert_eq!(shop_transaction_id(b"<a><b>1</b></a>"), None);
    }
}
