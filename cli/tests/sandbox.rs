//! `gestpay sandbox`'s start-up contract, through the built binary: the base URL alone on the
//! first line, `--stop-on-stdin-eof` (how the testing helpers make sure a killed test process
//! leaves no gateway behind), the apikey from the environment, and flags refused up front.

use std::io::{BufRead, BufReader, Read, Write};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

const BIN: &str = env!("CARGO_BIN_EXE_gestpay");

fn wait_exit(
    child: &mut std::process::Child,
    within: Duration,
) -> Option<std::process::ExitStatus> {
    let start = Instant::now();
    while start.elapsed() < within {
        if let Ok(Some(status)) = child.try_wait() {
            return Some(status);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    None
}

#[test]
fn stops_when_stdin_ends_and_takes_the_apikey_from_the_environment() {
    let mut child = Command::new(BIN)
        .args(["sandbox", "--port", "0", "--stop-on-stdin-eof"])
        .env("GESTPAY_SANDBOX_API_KEY", "key-from-env")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("spawn gestpay sandbox");
    let mut first = String::new();
    BufReader::new(child.stdout.take().expect("stdout"))
        .read_line(&mut first)
        .expect("first line");
    let base = first.trim();
    assert!(base.starts_with("http://127.0.0.1:"), "{first:?}");

    // A call without the apikey of the environment is refused with 1169.
    let call = Command::new(BIN)
        .args(["build", "Encrypt", "--env", base])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .and_then(|mut c| {
            c.stdin
                .take()
                .expect("stdin")
                .write_all(br#"{"shopLogin":"9000001","uicCode":"EUR","amount":"1.00","shopTransactionId":"A"}"#)?;
            c.wait_with_output()
        })
        .expect("build Encrypt");
    let envelope = String::from_utf8(call.stdout).expect("utf-8");
    let address = base.trim_start_matches("http://");
    let mut stream = std::net::TcpStream::connect(address).expect("connect");
    write!(
        stream,
        "POST /gestpay/GestPayWS/WsCryptDecrypt.asmx HTTP/1.1\r\nHost: {address}\r\nContent-Type: text/xml; charset=utf-8\r\nSOAPAction: \"https://ecomm.sella.it/Encrypt\"\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{envelope}",
        envelope.len()
    )
    .expect("send");
    let mut answer = String::new();
    stream.read_to_string(&mut answer).expect("answer");
    assert!(answer.contains("<ErrorCode>1169</ErrorCode>"), "{answer}");

    assert!(
        wait_exit(&mut child, Duration::from_millis(300)).is_none(),
        "stopped before stdin ended"
    );
    drop(child.stdin.take()); // the harness is gone
    let status =
        wait_exit(&mut child, Duration::from_secs(10)).expect("still running after stdin ended");
    assert!(status.success(), "{status}");
}

#[test]
fn refuses_bad_urls_and_order_states_before_starting() {
    for args in [
        ["--merchant-url", "not a url"],
        ["--notify-url", "ftp://example.com/x"],
        ["--success-url", "/relative/path"],
        ["--amazon-order-state", "Bogus"],
    ] {
        let out = Command::new(BIN)
            .args(["sandbox", "--port", "0"])
            .args(args)
            .output()
            .expect("run");
        assert_eq!(out.status.code(), Some(2), "{args:?}");
        assert!(out.stdout.is_empty(), "{args:?} printed a URL");
        assert!(
            String::from_utf8_lossy(&out.stderr).contains(args[0]),
            "{args:?}"
        );
    }
}
