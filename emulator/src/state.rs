//! The emulator's memory: payments waiting on the payment page, transactions with their
//! history, tokens. All of it lost when the process stops, by design.

use gestpay::Text;
use std::collections::HashMap;

use gestpay::Amount;
use gestpay::codes::{Currency, EventType, PaymentType, TransactionResult, TransactionState};
use gestpay::cryptdecrypt::Encrypt;
use gestpay::custom_info::CustomInfo;

/// One entry of a transaction's history (`Events/event`).
#[derive(Debug, Clone)]
pub(crate) struct EventRecord {
    pub(crate) kind: EventType,
    pub(crate) amount_minor: u64,
    pub(crate) date: Text,
    pub(crate) id: Text,
}

/// What the buyer chose on the emulated Amazon pages.
#[derive(Debug, Clone)]
pub(crate) struct AmazonOrder {
    pub(crate) order_reference_id: Text,
    pub(crate) shipping_index: usize,
    pub(crate) card_index: usize,
    pub(crate) billing_agreement: bool,
}

/// How a payment ended (or has not ended yet).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Verdict {
    /// Authorised.
    Ok,
    /// Declined, with the gateway's error code.
    Ko(u32),
    /// `XX`: waiting for an asynchronous outcome.
    Pending,
}

impl Verdict {
    /// `TransactionResult` on the wire.
    pub(crate) fn result(self) -> TransactionResult {
        match self {
            Verdict::Ok => TransactionResult::Ok,
            Verdict::Ko(_) => TransactionResult::Ko,
            Verdict::Pending => TransactionResult::Pending,
        }
    }

    /// `ErrorCode` on the wire (0 unless declined).
    pub(crate) fn error_code(self) -> u32 {
        match self {
            Verdict::Ko(code) => code,
            Verdict::Ok | Verdict::Pending => 0,
        }
    }

    /// `ErrorDescription` on the wire.
    pub(crate) fn description(self) -> Text {
        match self {
            Verdict::Ok => "Transazione correttamente effettuata".into(),
            Verdict::Ko(code) => gestpay::codes::error_description(code).unwrap_or("").into(),
            Verdict::Pending => "Transazione in attesa di esito".into(),
        }
    }
}

/// What a new payment (payment page or callPagamS2S) carries.
#[derive(Debug, Clone)]
pub(crate) struct NewPayment {
    pub(crate) shop_login: Text,
    pub(crate) shop_transaction_id: Text,
    pub(crate) currency: Currency,
    /// The amount to authorise (0 for an Amazon Pay agreement without a first charge).
    pub(crate) amount_minor: u64,
    pub(crate) payment_type: PaymentType,
    pub(crate) buyer_name: Option<Text>,
    pub(crate) buyer_email: Option<Text>,
    pub(crate) custom_info: Option<CustomInfo>,
    pub(crate) token: Option<Text>,
    pub(crate) amazon: Option<AmazonOrder>,
    pub(crate) verdict: Verdict,
}

/// A transaction the gateway knows.
#[derive(Debug, Clone)]
pub(crate) struct Transaction {
    pub(crate) shop_login: Text,
    pub(crate) shop_transaction_id: Text,
    pub(crate) bank_transaction_id: Text,
    pub(crate) currency: Currency,
    pub(crate) authorized_minor: u64,
    pub(crate) settled_minor: u64,
    pub(crate) refunded_minor: u64,
    pub(crate) state: TransactionState,
    pub(crate) verdict: Verdict,
    pub(crate) authorization_code: Text,
    pub(crate) payment_type: PaymentType,
    pub(crate) buyer_name: Option<Text>,
    pub(crate) buyer_email: Option<Text>,
    pub(crate) custom_info: Option<CustomInfo>,
    pub(crate) token: Option<Text>,
    pub(crate) events: Vec<EventRecord>,
    pub(crate) amazon: Option<AmazonOrder>,
}

impl Transaction {
    pub(crate) fn amount(&self) -> Amount {
        Amount::from_minor(self.authorized_minor, self.currency)
    }

    /// True when authorised (not declined, not pending).
    pub(crate) fn is_ok(&self) -> bool {
        self.verdict == Verdict::Ok
    }
}

/// A payment registered by Encrypt, waiting for the buyer on the payment page.
#[derive(Debug, Clone)]
pub(crate) struct PendingPayment {
    pub(crate) request: Encrypt,
}

/// A billing-agreement or card token.
#[derive(Debug, Clone)]
pub(crate) struct TokenRecord {
    pub(crate) shop_login: Text,
    pub(crate) payment_type: PaymentType,
    pub(crate) amazon: Option<AmazonOrder>,
    pub(crate) buyer_name: Option<Text>,
    pub(crate) buyer_email: Option<Text>,
    pub(crate) expiry_month: Text,
    pub(crate) expiry_year: Text,
}

/// Everything in memory.
#[derive(Debug, Default)]
pub(crate) struct State {
    counter: u64,
    /// Encrypt's CryptDecryptString → the payment waiting for the buyer.
    pub(crate) pending: HashMap<Text, PendingPayment>,
    /// The `b` sent to the merchant's URLs → the transaction it reports.
    pub(crate) results: HashMap<Text, Text>,
    /// BankTransactionID → transaction.
    pub(crate) transactions: HashMap<Text, Transaction>,
    /// Token value → what it charges.
    pub(crate) tokens: HashMap<Text, TokenRecord>,
}

impl State {
    fn next(&mut self) -> u64 {
        self.counter += 1;
        self.counter
    }

    /// An opaque string like the gateway's encrypted strings (unguessable is not the point
    /// here; distinct and stable within a run is).
    pub(crate) fn opaque(&mut self) -> Text {
        let n = self.next();
        format!("{:016X}{:016X}", mix(n), mix(n ^ 0xA5A5_A5A5)).into()
    }

    /// A new BankTransactionID.
    pub(crate) fn bank_id(&mut self) -> Text {
        gestpay::compact_str::format_compact!("{}", 7_000_000 + self.next())
    }

    /// A six-digit authorisation code (leading zeros are kept: it is text).
    pub(crate) fn authorization_code(&mut self) -> Text {
        format!("{:06}", mix(self.next()) % 1_000_000).into()
    }

    /// An Amazon Order Reference Id, in Amazon's format (`S02-0319513-4657042`).
    pub(crate) fn amazon_order_reference(&mut self) -> Text {
        let n = mix(self.next());
        format!("S02-{:07}-{:07}", n % 10_000_000, (n >> 24) % 10_000_000).into()
    }

    /// An Amazon billing agreement id used as the recurring token.
    pub(crate) fn billing_agreement_token(&mut self) -> Text {
        let n = mix(self.next());
        format!("B02-{:07}-{:07}", n % 10_000_000, (n >> 24) % 10_000_000).into()
    }

    /// An event id.
    pub(crate) fn event_id(&mut self) -> Text {
        gestpay::compact_str::format_compact!("{}", 900_000 + self.next())
    }

    /// Records a new payment; authorised ones get their AUT (and, without separate settlement,
    /// MOV) events. Returns the BankTransactionID.
    pub(crate) fn record(&mut self, p: NewPayment, separate_settlement: bool) -> Text {
        let bank = self.bank_id();
        let authorization_code = self.authorization_code();
        let mut t = Transaction {
            shop_login: p.shop_login,
            shop_transaction_id: p.shop_transaction_id,
            bank_transaction_id: bank.clone(),
            currency: p.currency,
            authorized_minor: p.amount_minor,
            settled_minor: 0,
            refunded_minor: 0,
            state: TransactionState::Aut,
            verdict: p.verdict,
            authorization_code,
            payment_type: p.payment_type,
            buyer_name: p.buyer_name,
            buyer_email: p.buyer_email,
            custom_info: p.custom_info,
            token: p.token,
            events: Vec::new(),
            amazon: p.amazon,
        };
        if t.is_ok() {
            self.authorise(&mut t, separate_settlement);
        }
        self.transactions.insert(bank.clone(), t);
        bank
    }

    /// The events and amounts of an authorisation (and the settlement, when immediate).
    fn authorise(&mut self, t: &mut Transaction, separate_settlement: bool) {
        if t.authorized_minor == 0 {
            return;
        }
        let aut = self.event(EventType::Aut, t.authorized_minor);
        t.events.push(aut);
        if !separate_settlement {
            let mov = self.event(EventType::Mov, t.authorized_minor);
            t.events.push(mov);
            t.settled_minor = t.authorized_minor;
            t.state = TransactionState::Mov;
        }
    }

    /// Gives a pending (`XX`) transaction its final outcome. `None` when there is no such
    /// transaction; `Some(false)` when it is not pending.
    pub(crate) fn resolve(
        &mut self,
        bank: &str,
        verdict: Verdict,
        separate_settlement: bool,
    ) -> Option<bool> {
        let mut t = self.transactions.remove(bank)?;
        let pending = t.verdict == Verdict::Pending && verdict != Verdict::Pending;
        if pending {
            t.verdict = verdict;
            if t.is_ok() {
                self.authorise(&mut t, separate_settlement);
            }
        }
        self.transactions.insert(bank.into(), t);
        Some(pending)
    }

    /// A new event of the history, dated now.
    pub(crate) fn event(&mut self, kind: EventType, amount_minor: u64) -> EventRecord {
        EventRecord {
            kind,
            amount_minor,
            date: now_event_date(),
            id: self.event_id(),
        }
    }

    /// The transaction with this bank id, or the only one with this shop id for the shop.
    pub(crate) fn find(
        &self,
        shop_login: &str,
        bank_id: Option<&str>,
        shop_id: Option<&str>,
    ) -> Lookup {
        if let Some(bank) = bank_id.filter(|b| !b.is_empty()) {
            return match self.transactions.get(bank) {
                Some(t) if t.shop_login == shop_login => Lookup::Found(bank.into()),
                _ => Lookup::NotFound,
            };
        }
        let Some(shop) = shop_id.filter(|s| !s.is_empty()) else {
            return Lookup::NotFound;
        };
        let mut hits = self
            .transactions
            .values()
            .filter(|t| t.shop_login == shop_login && t.shop_transaction_id == shop);
        match (hits.next(), hits.next()) {
            (Some(t), None) => Lookup::Found(t.bank_transaction_id.clone()),
            (Some(_), Some(_)) => Lookup::NotUnique,
            (None, _) => Lookup::NotFound,
        }
    }

    /// True when an Amazon Pay transaction of the shop already uses this shopTransactionId.
    pub(crate) fn amazon_id_taken(&self, shop_login: &str, shop_id: &str) -> bool {
        let amazon = |t: &Transaction| t.payment_type == PaymentType::AMAZONPAY;
        self.transactions
            .values()
            .any(|t| t.shop_login == shop_login && t.shop_transaction_id == shop_id && amazon(t))
            || self.pending.values().any(|p| {
                p.request.shop_login == shop_login
                    && p.request.shop_transaction_id == shop_id
                    && p.request.payment_types.contains(&PaymentType::AMAZONPAY)
            })
    }
}

/// The outcome of looking a transaction up.
#[derive(Debug, PartialEq, Eq)]
pub(crate) enum Lookup {
    Found(Text),
    NotFound,
    NotUnique,
}

/// SplitMix64: spreads a counter into opaque-looking bits.
fn mix(mut z: u64) -> u64 {
    z = z.wrapping_add(0x9E37_79B9_7F4A_7C15);
    z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    z ^ (z >> 31)
}

/// The current time as the gateway writes event dates (`dd/MM/yy HH:mm:ss`, UTC).
pub(crate) fn now_event_date() -> Text {
    let format = time::macros::format_description!(
        "[day]/[month]/[year repr:last_two] [hour]:[minute]:[second]"
    );
    time::OffsetDateTime::now_utc()
        .format(&format)
        .unwrap_or_default()
        .into()
}

/// The current time as Amazon writes timestamps (ISO 8601, UTC).
pub(crate) fn now_iso() -> Text {
    time::OffsetDateTime::now_utc()
        .format(&time::format_description::well_known::Rfc3339)
        .unwrap_or_default()
        .into()
}
