//! A local Axerve (Gestpay) gateway, in memory: what stripe-mock is to Stripe.
//!
//! It serves WsCryptDecrypt and WsS2S at the real paths (SOAP 1.1 and 1.2, WSDLs at `?wsdl`),
//! the payment page (`/pagam/pagam.aspx`) with an emulated Amazon Pay login, address and wallet
//! choice, and keeps transactions with real state: Encrypt → payment page → result; settle,
//! delete, refund and read change and report state and events; billing-agreement tokens charge
//! recurring payments. Every request is parsed and every answer built with the `gestpay` core's
//! symmetric types.
//!
//! ```no_run
//! let gateway = gestpay_emulator::spawn(gestpay_emulator::Config::default()).unwrap();
//! let env = gestpay::Environment::Custom(gateway.base_url());
//! // … point the shop at `env` …
//! gateway.shutdown();
//! ```
#![forbid(unsafe_code)]
#![deny(missing_docs)]

mod cryptdecrypt;
mod pages;
mod s2s;
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

/// How the emulator behaves.
#[derive(Debug, Clone, Default)]
pub struct Config {
    /// Where the payment page sends the buyer back (the positive and negative response URLs),
    /// with `a` and `b`. Without one, the emulator's own `/merchant/response` page shows them.
    pub merchant_url: Option<String>,
    /// When set, every call must carry this `apikey`, otherwise it gets error 1142.
    pub api_key: Option<String>,
    /// The emulated Amazon account.
    pub amazon: AmazonProfile,
    /// Authorise and settle at once (the default M.O.T.O. profile); when false, payments stay
    /// authorised until callSettleS2S.
    pub separate_settlement: bool,
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

/// Serves on `listener` until the future is dropped.
pub async fn serve(listener: tokio::net::TcpListener, config: Config) -> std::io::Result<()> {
    axum::serve(listener, router(config)).await
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
                let server = axum::serve(listener, router(config)).with_graceful_shutdown(async {
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
