//! The server-to-server notification: the gateway calls the shop's URL with `a` and `b` once a
//! payment has an outcome, whatever the buyer's browser does. Sent from a background task with
//! a short timeout; a failure is logged on stderr and changes nothing else.

use std::time::Duration;

use gestpay::payment_page::Callback;

use crate::Config;

/// How long the shop has to answer the notification.
const TIMEOUT: Duration = Duration::from_secs(5);

/// `url` with the callback's `a` and `b` appended to its query.
pub(crate) fn with_callback(url: &str, callback: &Callback) -> String {
    let separator = if url.contains('?') { '&' } else { '?' };
    format!("{url}{separator}{}", callback.to_query())
}

/// Sends the notification, if the configuration has a notification URL. Must be called from
/// inside the emulator's runtime (every handler is).
pub(crate) fn send(config: &Config, callback: &Callback) {
    let Some(base) = config.notify_url.as_deref() else {
        return;
    };
    let url = with_callback(base, callback);
    let Ok(runtime) = tokio::runtime::Handle::try_current() else {
        eprintln!("gestpay-emulator: notification to {base} not sent: no runtime");
        return;
    };
    runtime.spawn_blocking(move || {
        let agent: ureq::Agent = ureq::Agent::config_builder()
            .timeout_global(Some(TIMEOUT))
            .http_status_as_error(false)
            .max_redirects(0)
            .build()
            .into();
        match agent.get(&url).call() {
            Ok(response) if response.status().is_success() => {}
            Ok(response) => eprintln!(
                "gestpay-emulator: notification {url} answered HTTP {}",
                response.status().as_u16()
            ),
            Err(e) => eprintln!("gestpay-emulator: notification {url} failed: {e}"),
        }
    });
}
