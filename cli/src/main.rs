//! `gestpay`: JSON on one side, the gateway's XML on the other, through the sans-IO core.
//!
//! Exit codes: 0 success; 1 input/output error; 2 usage; 3 invalid input (request, JSON,
//! callback); 4 malformed or unexpected response; 5 SOAP fault (`parse` prints the whole fault
//! as JSON on stdout); 6 unknown code.

mod demo;

use std::io::{Read, Write};
use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};
use gestpay::codes::{PaymentType, alert_description, error_description};
use gestpay::dynamic::{OPERATION_NAMES, Operation};
use gestpay::payment_page::{Callback, payment_page_url};
use gestpay::{Environment, Error, SoapVersion};
use serde_json::{Value, json};

#[derive(Parser)]
#[command(
    name = "gestpay",
    version,
    about = "Build and parse Axerve (Gestpay) gateway messages, and run a local gateway for tests (sandbox)"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Read a JSON request and print its SOAP envelope (or, with --http, the whole HTTP call).
    Build {
        /// The operation, as the gateway spells it (`Encrypt`, `callReadTrxS2S`, …).
        operation: String,
        /// Where the request goes: `test`, `production` (exact, lower case), or an http(s) base
        /// URL without query or fragment (`http://127.0.0.1:8080`).
        #[arg(long, default_value = "test")]
        env: String,
        /// The SOAP version: `1.1` or `1.2`.
        #[arg(long, default_value = "1.1")]
        soap: String,
        /// Print `{method, url, headers, body}` as JSON instead of the bare envelope.
        #[arg(long)]
        http: bool,
        /// Skip the documented rules (mandatory fields, lengths, formats): build what the
        /// gateway would refuse, for tests. The JSON input contract and the XML rules (escaping,
        /// characters XML cannot carry) still apply.
        #[arg(long)]
        no_validate: bool,
        /// Read the JSON from this file instead of standard input.
        #[arg(long)]
        input: Option<PathBuf>,
    },
    /// Read a response body (an envelope, or any part of it) and print the typed result as JSON.
    Parse {
        /// The operation whose response this is.
        operation: String,
        /// Read the body from this file instead of standard input.
        #[arg(long)]
        input: Option<PathBuf>,
        /// The HTTP status the body came with: the body is then read strictly, as an HTTP
        /// response (a whole envelope; 500 carries a fault; other statuses are errors).
        #[arg(long)]
        status: Option<u16>,
        /// The Content-Type the body came with (with --status); its `charset` names the
        /// body's charset.
        #[arg(long, requires = "status")]
        content_type: Option<String>,
        /// Print `{"soapVersion": "1.1" | "1.2" | null, "result": …}` (or `"fault": …` for a
        /// SOAP fault) instead of the bare result: the SOAP version of the envelope (null for
        /// a document without one, e.g. a bare payload).
        #[arg(long)]
        with_envelope_info: bool,
    },
    /// Print the payment page URL for a shop login and an encrypted string.
    Url {
        /// The shop login (`a`).
        #[arg(long)]
        shop_login: String,
        /// The CryptDecryptString returned by Encrypt (`b`).
        #[arg(long)]
        encrypted: String,
        /// Pre-select a payment method (`paymentType`).
        #[arg(long)]
        payment_type: Option<String>,
        /// `test`, `production` (exact, lower case), or an http(s) base URL.
        #[arg(long, default_value = "test")]
        env: String,
    },
    /// Parse the gateway's callback (a URL or a query string) into shopLogin and the encrypted string.
    Callback {
        /// `https://shop.example/ok?a=…&b=…` or `a=…&b=…`.
        url_or_query: String,
    },
    /// Describe a gateway error code (and, with --alert, an alert code).
    ErrorCode {
        /// The numeric code.
        code: u32,
        /// Look the code up in the alert table instead.
        #[arg(long)]
        alert: bool,
    },
    /// List the operations.
    Operations,
    /// Run the local gateway emulator until stopped (Ctrl-C). The first line printed is its
    /// base URL alone (`http://127.0.0.1:PORT`), for scripts started with `--port 0`.
    Sandbox(SandboxArgs),
    /// Run the whole Amazon Pay flow against an emulator started in-process.
    Demo {
        /// Also print each request's headers and envelope (secrets masked) and each answer.
        #[arg(long, short)]
        verbose: bool,
    },
    /// Print the JSON Schema of every message type and the operations table (the source of the
    /// bindings' type stubs).
    Schema,
}

#[derive(clap::Args)]
struct SandboxArgs {
    /// The port (0: any free port, printed on the first line).
    #[arg(long, default_value_t = 8480)]
    port: u16,
    /// The address to listen on.
    #[arg(long, default_value = "127.0.0.1")]
    host: std::net::IpAddr,
    /// Where the payment page sends the buyer back with `a` and `b`, unless --success-url or
    /// --failure-url says otherwise (default: the emulator's own /merchant/response page).
    #[arg(long, value_parser = http_url)]
    merchant_url: Option<String>,
    /// The positive response URL (after OK, or a pending XX).
    #[arg(long, value_parser = http_url)]
    success_url: Option<String>,
    /// The negative response URL (after KO: declined, abandoned).
    #[arg(long, value_parser = http_url)]
    failure_url: Option<String>,
    /// The server-to-server URL that receives `a` and `b` (a GET) once a payment has an outcome.
    #[arg(long, value_parser = http_url)]
    notify_url: Option<String>,
    /// Require this apikey on every call (error 1169 otherwise). Also read from the environment,
    /// which a process listing does not show.
    #[arg(long, env = "GESTPAY_SANDBOX_API_KEY", hide_env_values = true)]
    api_key: Option<String>,
    /// A shop login the gateway knows (repeatable; error 1131 for any other). Default: any.
    #[arg(long = "shop-login")]
    shop_logins: Vec<String>,
    /// A caller address allowed to call the web services (repeatable; error 1142 for any
    /// other). Default: any.
    #[arg(long = "allowed-ip")]
    allowed_ips: Vec<std::net::IpAddr>,
    /// Keep payments authorised until callSettleS2S (M.O.T.O. with separate settlement).
    #[arg(long)]
    separate_settlement: bool,
    /// How long a request whose shopTransactionId starts with `SLOW-` waits, in seconds.
    #[arg(long, default_value_t = 5.0)]
    slow_seconds: f64,
    /// The Amazon Pay OrderReferenceStatus/State reported by callReadTrxS2S: Draft, Open,
    /// Suspended, Canceled or Closed.
    #[arg(long, default_value = "Open", value_parser = order_state)]
    amazon_order_state: String,
    /// Stop when standard input ends: a test harness that started the sandbox with a pipe as
    /// its stdin stops it by exiting, even when it is killed (gestpay.testing, gestpay/testing).
    #[arg(long)]
    stop_on_stdin_eof: bool,
}

/// `--amazon-order-state`: a state the core documents (`OrderReferenceState::KNOWN`).
fn order_state(text: &str) -> Result<String, String> {
    use gestpay::s2s::OrderReferenceState;
    if OrderReferenceState::from(text).is_known() {
        return Ok(text.to_string());
    }
    let known: Vec<&str> = OrderReferenceState::KNOWN
        .iter()
        .map(OrderReferenceState::as_str)
        .collect();
    Err(format!("expected one of {}", known.join(", ")))
}

/// A response or notification URL: absolute http(s), with a host.
fn http_url(text: &str) -> Result<String, String> {
    let uri: ureq::http::Uri = text.parse().map_err(|_| "not a URL".to_string())?;
    match (uri.scheme_str(), uri.host()) {
        (Some("http" | "https"), Some(host)) if !host.is_empty() => Ok(text.to_string()),
        _ => Err("expected an absolute http:// or https:// URL with a host".to_string()),
    }
}

impl SandboxArgs {
    fn config(self) -> Result<gestpay_emulator::Config, Exit> {
        let slow_delay = std::time::Duration::try_from_secs_f64(self.slow_seconds)
            .map_err(|e| Exit(2, format!("--slow-seconds: {e}")))?;
        let amazon = gestpay_emulator::AmazonProfile {
            order_state: self.amazon_order_state,
            ..gestpay_emulator::AmazonProfile::default()
        };
        Ok(gestpay_emulator::Config {
            merchant_url: self.merchant_url,
            success_url: self.success_url,
            failure_url: self.failure_url,
            notify_url: self.notify_url,
            api_key: self.api_key,
            shop_logins: self.shop_logins,
            allowed_ips: self.allowed_ips,
            amazon,
            separate_settlement: self.separate_settlement,
            slow_delay,
        })
    }
}

fn sandbox(args: SandboxArgs) -> Result<(), Exit> {
    let addr = std::net::SocketAddr::new(args.host, args.port);
    let stop_on_stdin_eof = args.stop_on_stdin_eof;
    let running = gestpay_emulator::spawn_on(addr, args.config()?)
        .map_err(|e| Exit(1, format!("cannot start the emulator: {e}")))?;
    let base = running.base_url();
    // The banner is written without `println!`: a test harness that reads the first line and
    // closes the pipe must not make the server die of a broken pipe.
    let banner = format!(
        "{base}\ngestpay emulator listening on {base}\n\
         \x20 WsCryptDecrypt  {base}/gestpay/GestPayWS/WsCryptDecrypt.asmx (?wsdl)\n\
         \x20 WsS2S           {base}/gestpay/gestpayws/WSs2s.asmx (?wsdl)\n\
         \x20 payment page    {base}/pagam/pagam.aspx\n\
         \x20 resolve an XX   POST {base}/emulator/transactions/{{BankTransactionID}}/resolve?result=OK\n\
         Pass {base} as the environment (env). Scenarios: docs/emulator.md. Stop with Ctrl-C.\n"
    );
    let mut out = std::io::stdout().lock();
    let _ = out.write_all(banner.as_bytes()).and_then(|()| out.flush());
    drop(out);
    if stop_on_stdin_eof {
        // Read (and drop) whatever comes until the writer is gone; then the process ends and
        // the server thread with it.
        let _ = std::io::copy(&mut std::io::stdin().lock(), &mut std::io::sink());
        return Ok(());
    }
    loop {
        std::thread::park();
    }
}

/// `--env`: exactly `test`, `production`, or a base URL, as the core reads it
/// (`Environment::parse`; `invalid_env`, exit 3, otherwise).
fn environment(name: &str) -> Result<Environment, Exit> {
    Environment::parse(name).map_err(gestpay_error)
}

fn read_input(path: Option<&PathBuf>) -> std::io::Result<Vec<u8>> {
    match path {
        Some(p) => std::fs::read(p),
        None => {
            let mut buf = Vec::new();
            std::io::stdin().read_to_end(&mut buf)?;
            Ok(buf)
        }
    }
}

/// An error for stderr and its exit code.
struct Exit(u8, String);

fn gestpay_error(e: Error) -> Exit {
    let code = match &e {
        _ if e.code() == "unknown_operation" => 2,
        Error::InvalidRequest { .. } => 3,
        Error::Fault(_) => 5,
        _ => 4,
    };
    // Every message ends with the stable error code, for scripts.
    let mut message = e.to_string();
    let tag = format!("[{}]", e.code());
    if !message.contains(&tag) {
        message = format!("{message} {tag}");
    }
    Exit(code, message)
}

fn operation(name: &str) -> Result<Operation, Exit> {
    Operation::from_name(name).map_err(gestpay_error)
}

/// The JSON text of the input: UTF-8 (a leading byte-order mark is fine), else `invalid_json`.
fn json_text(raw: &[u8]) -> Result<&str, Exit> {
    std::str::from_utf8(raw).map_err(|_| {
        gestpay_error(Error::InvalidRequest {
            code: gestpay::ErrorCode::InvalidJson,
            field: "request".to_owned(),
            message: "the input is not UTF-8".to_owned(),
        })
    })
}

fn print_json(value: &Value) -> Result<(), Exit> {
    let text = serde_json::to_string_pretty(value).map_err(|e| Exit(1, e.to_string()))?;
    println!("{text}");
    Ok(())
}

fn run(cli: Cli) -> Result<(), Exit> {
    match cli.command {
        Command::Build {
            operation: op,
            env,
            soap,
            http,
            no_validate,
            input,
        } => {
            let op = operation(&op)?;
            let raw = read_input(input.as_ref()).map_err(|e| Exit(1, e.to_string()))?;
            let request = op
                .request_from_json(json_text(&raw)?)
                .map_err(gestpay_error)?;
            let env = environment(&env)?;
            let soap = SoapVersion::parse(&soap).map_err(gestpay_error)?;
            let call = if no_validate {
                request.to_http_unchecked(&env, soap)
            } else {
                request.to_http(&env, soap)
            }
            .map_err(gestpay_error)?;
            let body = String::from_utf8_lossy(&call.body).into_owned();
            if http {
                let headers: serde_json::Map<String, Value> = call
                    .headers
                    .iter()
                    .map(|(k, v)| (k.clone(), Value::String(v.clone())))
                    .collect();
                print_json(
                    &json!({ "method": call.method, "url": call.url, "headers": headers, "body": body }),
                )
            } else {
                println!("{body}");
                Ok(())
            }
        }
        Command::Parse {
            operation: op,
            input,
            status,
            content_type,
            with_envelope_info,
        } => {
            let op = operation(&op)?;
            let body = read_input(input.as_ref()).map_err(|e| Exit(1, e.to_string()))?;
            let http = status.map(|s| (s, content_type.as_deref()));
            match op.parse_result(&body, http) {
                Ok(result) if with_envelope_info => {
                    let version = gestpay::soap::envelope_version(
                        &body,
                        content_type.as_deref(),
                        gestpay::xml::Limits::default(),
                    )
                    .ok()
                    .flatten();
                    print_json(&json!({ "soapVersion": version, "result": result.to_json_value() }))
                }
                Ok(result) => {
                    println!("{}", result.to_json_text(true));
                    Ok(())
                }
                // A fault is an answer too: printed whole on stdout, for scripts, with exit 5
                // and the usual message on stderr.
                Err(Error::Fault(fault)) => {
                    let value = serde_json::to_value(&fault).unwrap_or(Value::Null);
                    print_json(&if with_envelope_info {
                        json!({ "soapVersion": fault.version, "fault": value })
                    } else {
                        value
                    })?;
                    Err(gestpay_error(Error::Fault(fault)))
                }
                Err(e) => Err(gestpay_error(e)),
            }
        }
        Command::Url {
            shop_login,
            encrypted,
            payment_type,
            env,
        } => {
            let pt = payment_type.map(PaymentType::new);
            let url = payment_page_url(&environment(&env)?, &shop_login, &encrypted, pt.as_ref())
                .map_err(gestpay_error)?;
            println!("{url}");
            Ok(())
        }
        Command::Callback { url_or_query } => {
            let cb = Callback::parse(&url_or_query).map_err(gestpay_error)?;
            print_json(
                &json!({ "shopLogin": cb.shop_login, "encryptedString": cb.encrypted_string }),
            )
        }
        Command::ErrorCode { code, alert } => {
            let found = if alert {
                alert_description(code)
            } else {
                error_description(code)
            };
            match found {
                Some(text) => {
                    println!("{code}: {text}");
                    Ok(())
                }
                None => Err(Exit(
                    6,
                    format!(
                        "{code} is not a documented {} code",
                        if alert { "alert" } else { "error" }
                    ),
                )),
            }
        }
        Command::Sandbox(args) => sandbox(args),
        Command::Schema => print_json(&gestpay::schema::catalog().to_value()),
        Command::Demo { verbose } => {
            demo::run(verbose).map_err(|e| Exit(4, format!("demo failed: {e}")))
        }
        Command::Operations => {
            for op in OPERATION_NAMES {
                println!("{op}");
            }
            Ok(())
        }
    }
}

fn main() -> ExitCode {
    match run(Cli::parse()) {
        Ok(()) => ExitCode::SUCCESS,
        Err(Exit(code, message)) => {
            let _ = writeln!(std::io::stderr(), "gestpay: {message}");
            ExitCode::from(code)
        }
    }
}
