//! A merchant and a buyer for the emulator tests: the emulator on an ephemeral loopback port,
//! requests built and results parsed by the core, moved over real HTTP with ureq.
#![allow(dead_code, unreachable_pub, clippy::unwrap_used, clippy::panic)]

use std::time::Duration;

use gestpay::cryptdecrypt::{Decrypt, DecryptResult, Encrypt, EncryptResult};
use gestpay::payment_page::{Callback, payment_page_url};
use gestpay::{Environment, Request, Response, SoapVersion};
use gestpay_emulator::{Config, Running};
use ureq::Agent;

pub const SHOP: &str = "GESPAY65987";
pub const V11: SoapVersion = SoapVersion::Soap11;
pub const V12: SoapVersion = SoapVersion::Soap12;

/// An HTTP exchange's answer.
#[derive(Debug)]
pub struct Reply {
    pub status: u16,
    pub content_type: Option<String>,
    pub location: Option<String>,
    pub body: Vec<u8>,
}

impl Reply {
    pub fn text(&self) -> String {
        String::from_utf8_lossy(&self.body).into_owned()
    }
}

pub struct Gateway {
    pub running: Running,
    pub env: Environment,
    pub agent: Agent,
}

pub fn agent(timeout: Duration) -> Agent {
    Agent::config_builder()
        .max_redirects(0)
        .http_status_as_error(false)
        .timeout_global(Some(timeout))
        .build()
        .into()
}

fn reply(mut resp: ureq::http::Response<ureq::Body>) -> Reply {
    let header = |name: &str| {
        resp.headers()
            .get(name)
            .and_then(|v| v.to_str().ok())
            .map(str::to_owned)
    };
    let (content_type, location) = (header("content-type"), header("location"));
    Reply {
        status: resp.status().as_u16(),
        content_type,
        location,
        body: resp.body_mut().read_to_vec().unwrap(),
    }
}

impl Gateway {
    pub fn start(config: Config) -> Gateway {
        let running = gestpay_emulator::spawn(config).unwrap();
        let env = Environment::Custom(running.base_url());
        Gateway {
            running,
            env,
            agent: agent(Duration::from_secs(20)),
        }
    }

    pub fn default() -> Gateway {
        Gateway::start(Config::default())
    }

    pub fn base(&self) -> String {
        self.running.base_url()
    }

    /// POSTs raw bytes with the given headers.
    pub fn post_raw(&self, path: &str, headers: &[(&str, &str)], body: &[u8]) -> Reply {
        self.post_raw_with(&self.agent, path, headers, body)
            .unwrap()
    }

    pub fn post_raw_with(
        &self,
        agent: &Agent,
        path: &str,
        headers: &[(&str, &str)],
        body: &[u8],
    ) -> Result<Reply, ureq::Error> {
        let url = if path.starts_with("http") {
            path.to_owned()
        } else {
            format!("{}{path}", self.base())
        };
        let mut req = agent.post(&url);
        for (k, v) in headers {
            req = req.header(*k, *v);
        }
        req.send(body).map(reply)
    }

    /// Sends a request built by the core, returning the raw answer.
    pub fn exchange<R: Request>(&self, req: &R, version: SoapVersion) -> Reply {
        self.exchange_with(&self.agent, req, version).unwrap()
    }

    pub fn exchange_with<R: Request>(
        &self,
        agent: &Agent,
        req: &R,
        version: SoapVersion,
    ) -> Result<Reply, ureq::Error> {
        let call = req.to_http(&self.env, version).unwrap();
        let headers: Vec<(&str, &str)> = call
            .headers
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        self.post_raw_with(agent, &call.url, &headers, &call.body)
    }

    /// Sends a request and parses its result (a fault or a malformed answer is an `Err`).
    pub fn try_call<R: Request>(
        &self,
        req: &R,
        version: SoapVersion,
    ) -> gestpay::Result<R::Response> {
        let r = self.exchange(req, version);
        let answer = R::Response::from_http(r.status, r.content_type.as_deref(), &r.body);
        if let Ok(_) | Err(gestpay::Error::Fault(_)) = &answer {
            let expected = match version {
                V11 => "text/xml",
                V12 => "application/soap+xml",
            };
            let ct = r.content_type.as_deref().unwrap_or("");
            assert!(
                ct.starts_with(expected),
                "content type {ct} for {version:?}"
            );
        }
        answer
    }

    /// Sends a request and parses its result, which must parse.
    pub fn call<R: Request>(&self, req: &R, version: SoapVersion) -> R::Response {
        self.try_call(req, version)
            .unwrap_or_else(|e| panic!("{}: {e}", R::OPERATION.name))
    }

    pub fn get(&self, url: &str) -> Reply {
        let url = if url.starts_with("http") {
            url.to_owned()
        } else {
            format!("{}{url}", self.base())
        };
        reply(self.agent.get(&url).call().unwrap())
    }

    pub fn form(&self, path: &str, pairs: &[(&str, &str)]) -> Reply {
        let url = format!("{}{path}", self.base());
        reply(
            self.agent
                .post(&url)
                .send_form(pairs.iter().copied())
                .unwrap(),
        )
    }

    /// Encrypt, which must succeed: the CryptDecryptString.
    pub fn encrypt(&self, req: &Encrypt) -> String {
        let r: EncryptResult = self.call(req, V11);
        assert!(gestpay::Outcome::is_ok(&r), "Encrypt: {r:?}");
        r.crypt_decrypt_string.unwrap().to_string()
    }

    /// Opens the payment page for an encrypted string; returns the HTML.
    pub fn open_page(&self, encrypted: &str) -> String {
        let url = payment_page_url(&self.env, SHOP, encrypted, None).unwrap();
        let page = self.get(&url);
        assert_eq!(page.status, 200, "{}", page.text());
        page.text()
    }

    /// Pays by card on the page; returns the redirect's Location.
    pub fn pay_by_card(&self, encrypted: &str, card: &str) -> String {
        let html = self.open_page(encrypted);
        assert!(html.contains("by card"), "{html}");
        let r = self.form("/pagam/card/pay", &[("b", encrypted), ("card", card)]);
        assert_eq!(r.status, 303, "{}", r.text());
        r.location.unwrap()
    }

    /// Goes through the Amazon Pay screens (sign in, address, wallet); returns the Location.
    pub fn pay_with_amazon(&self, encrypted: &str, address: &str, card: &str) -> String {
        let html = self.open_page(encrypted);
        assert!(html.contains("Amazon Pay — Sign in"), "{html}");
        let html = self
            .form("/pagam/amazonpay/signin", &[("b", encrypted)])
            .text();
        assert!(html.contains("Choose a shipping address"), "{html}");
        let html = self
            .form(
                "/pagam/amazonpay/address",
                &[("b", encrypted), ("address", address)],
            )
            .text();
        assert!(html.contains("Choose a payment method"), "{html}");
        let r = self.form(
            "/pagam/amazonpay/pay",
            &[("b", encrypted), ("address", address), ("card", card)],
        );
        assert_eq!(r.status, 303, "{}", r.text());
        r.location.unwrap()
    }

    /// Decrypts the `b` of a redirect or notification URL.
    pub fn decrypt(&self, url: &str, version: SoapVersion) -> DecryptResult {
        let cb = Callback::parse(url).unwrap();
        assert_eq!(cb.shop_login, SHOP);
        self.call(&Decrypt::from_callback(&cb), version)
    }
}

/// A stand-in for the shop's notification endpoint: a loopback listener that answers 200 to
/// each GET and hands over its request target (`/notify?a=…&b=…`).
pub fn notification_endpoint() -> (String, std::sync::mpsc::Receiver<String>) {
    use std::io::{BufRead, BufReader, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}/notify", listener.local_addr().unwrap());
    let (tx, rx) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { return };
            let mut reader = BufReader::new(stream.try_clone().unwrap());
            let mut line = String::new();
            let _ = reader.read_line(&mut line);
            // Drain the headers.
            let mut header = String::new();
            while reader.read_line(&mut header).is_ok_and(|n| n > 2) {
                header.clear();
            }
            let _ = stream
                .write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
            let target = line.split_whitespace().nth(1).unwrap_or("").to_owned();
            if tx.send(target).is_err() {
                return;
            }
        }
    });
    (url, rx)
}

/// The next notification (waits at most 20 s, a safety net for a broken emulator).
pub fn next_notification(rx: &std::sync::mpsc::Receiver<String>) -> String {
    rx.recv_timeout(Duration::from_secs(20))
        .expect("no notification arrived")
}
