//! A local Axerve (Gestpay) gateway, in memory: what stripe-mock is to Stripe.
//!
//! It serves WsCryptDecrypt and WsS2S at the real paths (SOAP 1.1 and 1.2, WSDLs at `?wsdl`),
//! the payment page (`/pagam/pagam.aspx`) with an emulated Amazon Pay login, address and wallet
//! choice, and keeps transactions with real state: Encrypt → payment page → result; settle,
//! delete, refund and read change and report state and events; billing-agreement tokens charge
//! recurring payments. Every request is parsed and every answer built with the `gestpay` core's
//! symmetric types.
//!
//! It checks callers like the gateway (shop login, caller address, apikey: errors 1131, 1142,
//! 1169), sends the buyer to the positive or negative response URL and notifies the shop's
//! server-to-server URL, and plays deterministic failure scenarios chosen by the
//! shopTransactionId (`KO-`, `XX-`, `FAULT-`, `SLOW-`) or the amount (`.13`): see
//! docs/emulator.md. A pending (`XX`) payment is resolved with
//! `POST /emulator/transactions/{BankTransactionID}/resolve?result=OK` (or `KO`).
//!
//! ```no_run
//! let gateway = gestpay_emulator::spawn(gestpay_emulator::Config::default()).unwrap();
//! let env = gestpay::Environment::Custom(gateway.base_url());
//! // … point the shop at `env` …
//! gateway.shutdown();
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod auth;
mod control;
mod cryptdecrypt;
mod notify;
mod pages;
mod s2s;
mod scenario;
mod soap;
mod state;

/// A card number the emulated issuer always declines (error 74).
pub const DECLINED_CARD: &str = pages::DECLINED_CARD;

use std::net::SocketAddr;
use std::sync::{Arc, Mutex, MutexGuard};

use gestpay::s2s::AmazonAddress;

/// One of the buyer's addresses in the emulated Amazon account.
pub type Address = AmazonAddress;

/// The Amazon account the emulated buyer logs into.
#[derive(Debug, Clone)]
pub struct AmazonProfile {
    /// The buyer's name.
    pub name: String,
    /// The buyer's e-mail.
    pub email: String,
    /// The buyer's phone.
    pub phone: Option<String>,
    /// Saved shipping addresses (the first is preselected).
    pub shipping_addresses: Vec<Address>,
    /// Saved payment methods: a label and the billing address of each.
    pub cards: Vec<(String, Address)>,
    /// The `OrderReferenceStatus/State` reported by callReadTrxS2S (`Open`, `Closed` …).
    pub order_state: String,
}

fn address(
    name: &str,
    line1: &str,
    city: &str,
    region: &str,
    postal: &str,
    country: &str,
    phone: &str,
) -> Address {
    Address {
        name: Some(name.into()),
        address_line1: Some(line1.into()),
        city: Some(city.into()),
        state_or_region: Some(region.into()),
        postal_code: Some(postal.into()),
        country_code: Some(country.into()),
        phone: Some(phone.into()),
        ..Address::default()
    }
}

impl Default for AmazonProfile {
    fn default() -> Self {
        AmazonProfile {
            name: "Marco Rossi".into(),
            email: "marco.rossi@example.it".into(),
            phone: Some("+39 06 1234567".into()),
            shipping_addresses: vec![
                address(
                    "Marco Rossi",
                    "via Gobetti 15",
                    "Roma",
                    "RM",
                    "00185",
                    "IT",
                    "+39 06 1234567",
                ),
                address(
                    "Marco Rossi",
                    "Corso Buenos Aires 40",
                    "Milano",
                    "MI",
                    "20124",
                    "IT",
                    "+39 02 7654321",
                ),
            ],
            cards: vec![
                (
                    "Visa ending in 1111".into(),
                    Address {
                        address_line2: Some("Meininger Strasse 58".into()),
                        ..address(
                            "Liam Barker",
                            "c/o Barker GmbH",
                            "Berlin",
                            "BE",
                            "10823",
                            "DE",
                            "+49 30 1234567",
                        )
                    },
                ),
                (
                    "Mastercard ending in 4444".into(),
                    address(
                        "Marco Rossi",
                        "via Gobetti 15",
                        "Roma",
                        "RM",
                        "00185",
                        "IT",
                        "+39 06 1234567",
                    ),
                ),
            ],
            order_state: "Open".into(),
        }
    }
}

/// How the emulator behaves. Every field has a default (see [`Config::default`]): accept any
/// shop, any caller and no apikey, send the buyer back to the emulator's own merchant page.
#[derive(Debug, Clone)]
pub struct Config {
    /// Where the payment page sends the buyer back with `a` and `b`, when the more specific
    /// [`success_url`](Config::success_url) or [`failure_url`](Config::failure_url) is not set.
    /// Without any, the emulator's own `/merchant/response` page shows `a` and `b`.
    pub merchant_url: Option<String>,
    /// The positive response URL: where the buyer goes after an `OK` (or a pending `XX`).
    pub success_url: Option<String>,
    /// The negative response URL: where the buyer goes after a `KO` (declined, abandoned).
    pub failure_url: Option<String>,
    /// The server-to-server notification URL: after the payment page (and when a pending
    /// payment is resolved) the emulator sends it a `GET` with `a` and `b`, from a background
    /// task; failures are logged on stderr.
    pub notify_url: Option<String>,
    /// When set, every call must carry this `apikey`, otherwise it gets error 1169.
    pub api_key: Option<String>,
    /// The shop logins the gateway knows; any other gets error 1131. Empty: accept any.
    pub shop_logins: Vec<String>,
    /// The caller addresses allowed to call the web services; any other gets error 1142.
    /// Empty: accept any.
    pub allowed_ips: Vec<std::net::IpAddr>,
    /// The emulated Amazon account.
    pub amazon: AmazonProfile,
    /// Authorise and settle at once (the default M.O.T.O. profile); when false, payments stay
    /// authorised until callSettleS2S.
    pub separate_settlement: bool,
    /// How long a `SLOW-` request waits before its answer (default 5 s).
    pub slow_delay: std::time::Duration,
}

impl Default for Config {
    fn default() -> Self {
        Config {
            merchant_url: None,
            success_url: None,
            failure_url: None,
            notify_url: None,
            api_key: None,
            shop_logins: Vec::new(),
            allowed_ips: Vec::new(),
            amazon: AmazonProfile::default(),
            separate_settlement: false,
            slow_delay: std::time::Duration::from_secs(5),
        }
    }
}

impl Config {
    /// Where the buyer goes after a payment: the success or failure URL, else the merchant URL,
    /// else the emulator's own `/merchant/response` page.
    pub fn response_url(&self, positive: bool) -> &str {
        let specific = if positive {
            &self.success_url
        } else {
            &self.failure_url
        };
        specific
            .as_deref()
            .or(self.merchant_url.as_deref())
            .unwrap_or("/merchant/response")
    }
}

/// The shared state behind every handler.
#[derive(Debug, Clone)]
pub(crate) struct App {
    config: Arc<Config>,
    state: Arc<Mutex<state::State>>,
}

impl App {
    pub(crate) fn config(&self) -> &Config {
        &self.config
    }

    /// The state, even if a previous handler panicked while holding it (the data stays usable).
    pub(crate) fn state(&self) -> MutexGuard<'_, state::State> {
        self.state
            .lock()
            .unwrap_or_else(|poisoned| poisoned.into_inner())
    }
}

/// The axum router serving everything.
pub fn router(config: Config) -> axum::Router {
    let app = App {
        config: Arc::new(config),
        state: Arc::default(),
    };
    axum::Router::new().fallback(soap::dispatch).with_state(app)
}

/// Serves on `listener` until the future is dropped. Callers' addresses are known (for
/// [`Config::allowed_ips`]); a server built from [`router`] without connect info treats every
/// caller as unknown.
pub async fn serve(listener: tokio::net::TcpListener, config: Config) -> std::io::Result<()> {
    axum::serve(
        listener,
        router(config).into_make_service_with_connect_info::<SocketAddr>(),
    )
    .await
}

/// A gateway running on a background thread, on a loopback port.
#[derive(Debug)]
pub struct Running {
    addr: SocketAddr,
    stop: Option<tokio::sync::oneshot::Sender<()>>,
    thread: Option<std::thread::JoinHandle<()>>,
}

impl Running {
    /// The address it listens on.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }

    /// `http://127.0.0.1:PORT`, to use as `Environment::Custom`.
    pub fn base_url(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Stops the server and waits for its thread.
    pub fn shutdown(mut self) {
        self.stop_now();
    }

    fn stop_now(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for Running {
    fn drop(&mut self) {
        self.stop_now();
    }
}

/// Starts the emulator on `127.0.0.1` with an ephemeral port, on its own thread and runtime.
pub fn spawn(config: Config) -> std::io::Result<Running> {
    spawn_on(
        "127.0.0.1:0".parse().map_err(std::io::Error::other)?,
        config,
    )
}

/// Starts the emulator on `addr` (port 0: an ephemeral one), on its own thread and runtime.
pub fn spawn_on(addr: SocketAddr, config: Config) -> std::io::Result<Running> {
    let runtime = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()?;
    let listener = runtime.block_on(tokio::net::TcpListener::bind(addr))?;
    let addr = listener.local_addr()?;
    let (stop, stopped) = tokio::sync::oneshot::channel::<()>();
    let thread = std::thread::Builder::new()
        .name("gestpay-emulator".into())
        .spawn(move || {
            runtime.block_on(async move {
                let service = router(config).into_make_service_with_connect_info::<SocketAddr>();
                let server = axum::serve(listener, service).with_graceful_shutdown(async {
                    let _ = stopped.await;
                });
                let _ = server.await;
            });
        })?;
    Ok(Running {
        addr,
        stop: Some(stop),
        thread: Some(thread),
    })
}
