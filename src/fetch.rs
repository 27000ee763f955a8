//! Fetching an update source on the web (`keuzehulp update --from https://…`). This is the
//! only code in Keuzehulp that uses the network, and only that command calls it.
//!
//! What is fetched is held in memory, never more than a stated number of bytes, and handed
//! to the same checks as a pack read from a folder. Only `https://` is used, except for this
//! computer itself (`http://127.0.0.1`, `[::1]`, `localhost`), where there is no network to
//! protect and tests run a server. Redirects are followed by hand, at most
//! [`MAX_REDIRECTS`], each checked by the same rule, so an https source can never send
//! Keuzehulp to plain http. Every failure is an [`Error::Unreachable`] or [`Error::Fetch`]
//! naming the address.

use std::net::IpAddr;
use std::time::{Duration, Instant};

use ureq::http::Uri;
use ureq::tls::{RootCerts, TlsConfig};

use crate::error::{Error, Result};

/// Seconds to wait (a decimal number) for a connection and for the answer to start, instead
/// of the defaults; a whole file may take twice as long. For a slow line, and for tests.
pub const TIMEOUT_ENV: &str = "KEUZEHULP_HTTP_TIMEOUT";

/// How long to wait for a connection.
const CONNECT: Duration = Duration::from_secs(10);
/// How long to wait for the server to start answering.
const ANSWER: Duration = Duration::from_secs(20);
/// How long one file may take in all: a 32 MB pack over a 5 Mbit/s line takes about 50 s.
const WHOLE_FILE: Duration = Duration::from_secs(90);
/// How long a whole update may take, every file together, so that a hundred slow files
/// cannot keep it going for hours.
const OVERALL: Duration = Duration::from_secs(600);

/// Seconds a whole update may take (a decimal number), instead of [`OVERALL`]'s ten minutes.
pub const DEADLINE_ENV: &str = "KEUZEHULP_UPDATE_TIMEOUT";

/// Redirects followed before giving up.
pub const MAX_REDIRECTS: usize = 5;

/// Whether `source` is a web address (`scheme://…`) rather than a folder. Any scheme
/// counts, so that `ftp://` is refused by name instead of looked for as a folder; a drive
/// letter (`C://`) does not.
pub fn is_web(source: &str) -> bool {
    source.split_once("://").is_some_and(|(scheme, _)| {
        scheme.len() >= 2
            && scheme.starts_with(|c: char| c.is_ascii_alphabetic())
            && scheme.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'))
    })
}

/// What a fetch found.
#[derive(Debug)]
pub enum Fetched {
    /// The body (at most the limit asked for).
    Found(Vec<u8>),
    /// The server says there is no such file (404 or 410).
    NotFound,
}

/// A folder on the web: the address that `index.json` and the packs are under.
#[derive(Debug)]
pub struct WebSource {
    /// The folder's address without a trailing `/`, query or fragment.
    base: String,
    /// Whether the source is this computer itself (plain http allowed, no proxy).
    loopback: bool,
    /// Checks certificates with the system's verifier and certificate store.
    agent: ureq::Agent,
    /// Checks them against Mozilla's roots built into the program: used once the system
    /// turns out to have no certificate store at all (a bare Linux without ca-certificates).
    built_in_roots: ureq::Agent,
    /// Whether the system had no certificate store, so `built_in_roots` is used.
    no_system_store: std::cell::Cell<bool>,
    timeouts: Timeouts,
    /// When the whole update must be done (see [`OVERALL`]).
    deadline: Instant,
}

#[derive(Debug, Clone, Copy)]
struct Timeouts {
    connect: Duration,
    answer: Duration,
    whole: Duration,
    overall: Duration,
}

impl WebSource {
    /// A source at `address`: the folder, or the address of its file `index` (such as
    /// `…/index.json`), which means that folder. Refuses anything but https, or http to this
    /// computer.
    pub fn new(address: &str, index: &str) -> Result<Self> {
        let shown = redact(address);
        let uri: Uri = address.parse().map_err(|_| Error::InvalidInput {
            field: "--from".into(),
            message: format!("{shown:?} is geen geldig webadres; schrijf het als https://server/map"),
        })?;
        let loopback = uri.host().is_some_and(is_loopback);
        allowed(&uri, loopback).map_err(|reason| Error::Fetch { url: address.to_string(), reason })?;
        if uri.query().is_some() {
            return Err(Error::InvalidInput {
                field: "--from".into(),
                message: format!("{shown:?}: geef het adres van de map met index.json, zonder ?…"),
            });
        }
        let (scheme, authority) = match (uri.scheme_str(), uri.authority()) {
            (Some(scheme), Some(authority)) => (scheme.to_ascii_lowercase(), authority.as_str()),
            _ => {
                return Err(Error::InvalidInput {
                    field: "--from".into(),
                    message: format!("{shown:?} is geen volledig webadres; schrijf het als https://server/map"),
                });
            }
        };
        let path = uri.path();
        let path = path.strip_suffix(index).filter(|p| p.ends_with('/')).unwrap_or(path);
        let base = format!("{scheme}://{authority}{}", path.trim_end_matches('/'));
        let timeouts = timeouts_from_env()?;
        let agent = |roots: RootCerts| -> ureq::Agent {
            ureq::Agent::config_builder()
                .tls_config(TlsConfig::builder().root_certs(roots).build())
                // Statuses and redirects are handled here, with Dutch messages and the http rule.
                .http_status_as_error(false)
                .max_redirects(0)
                .timeout_connect(Some(timeouts.connect))
                .timeout_recv_response(Some(timeouts.answer))
                .timeout_global(Some(timeouts.whole))
                .user_agent(format!("Keuzehulp/{}", env!("CARGO_PKG_VERSION")))
                // A proxy from HTTPS_PROXY/ALL_PROXY (and NO_PROXY) as usual; never for this
                // computer itself.
                .proxy(if loopback { None } else { ureq::Proxy::try_from_env() })
                .build()
                .into()
        };
        Ok(WebSource {
            base,
            loopback,
            // The system's verifier: a company network that inspects TLS with its own root
            // certificate, installed on the computer, is trusted as the browser trusts it.
            agent: agent(RootCerts::PlatformVerifier),
            built_in_roots: agent(RootCerts::WebPki),
            no_system_store: std::cell::Cell::new(false),
            timeouts,
            deadline: Instant::now() + timeouts.overall,
        })
    }

    /// The folder's address, as messages name it.
    pub fn base(&self) -> &str {
        &self.base
    }

    /// The address of the file `name` in the folder (`name` is a plain file name; every byte
    /// outside the unreserved set is percent-encoded).
    pub fn url_of(&self, name: &str) -> String {
        let mut url = format!("{}/", self.base);
        for byte in name.bytes() {
            if byte.is_ascii_alphanumeric() || matches!(byte, b'-' | b'.' | b'_' | b'~') {
                url.push(char::from(byte));
            } else {
                url.push_str(&format!("%{byte:02X}"));
            }
        }
        url
    }

    /// Fetches `url` into memory, at most `limit` bytes: a larger body is refused as soon as
    /// it is announced or, without an announcement, once `limit` is passed; nothing beyond
    /// is read. `what` names the file in messages ("de index", "het pakket").
    pub fn get(&self, url: &str, limit: u64, what: &str) -> Result<Fetched> {
        let mut current = url.to_string();
        for _ in 0..=MAX_REDIRECTS {
            let fail = |reason: String| Error::Fetch { url: current.clone(), reason };
            let uri: Uri = current.parse().map_err(|_| fail("dit is geen geldig webadres".into()))?;
            allowed(&uri, self.loopback).map_err(fail)?;
            let left = self.deadline.saturating_duration_since(Instant::now());
            if left.is_zero() {
                return Err(fail(self.past_deadline()));
            }
            let mut response = self.call(&uri, left).map_err(|e| self.error(&current, e, false))?;
            let status = response.status().as_u16();
            match status {
                200 => {}
                301 | 302 | 303 | 307 | 308 => {
                    let location =
                        response.headers().get("location").and_then(|v| v.to_str().ok()).ok_or_else(|| {
                            fail(format!("de server stuurt door (status {status}) maar zegt niet waarheen"))
                        })?;
                    let next = resolve(&uri, location).ok_or_else(|| {
                        fail(format!("de server stuurt door naar {location:?}, geen geldig webadres"))
                    })?;
                    if let Ok(next_uri) = next.parse::<Uri>()
                        && let Err(reason) = allowed(&next_uri, self.loopback)
                    {
                        return Err(fail(format!(
                            "de server stuurt door naar {next}, en die doorverwijzing wordt niet gevolgd: {reason}"
                        )));
                    }
                    current = next;
                    continue;
                }
                404 | 410 => return Ok(Fetched::NotFound),
                _ => return Err(fail(status_reason(status))),
            }
            let announced = response.body().content_length();
            if let Some(size) = announced.filter(|size| *size > limit) {
                return Err(fail(too_big(what, Some(size), limit)));
            }
            let html = response.body().mime_type().is_some_and(|m| m.to_ascii_lowercase().contains("html"));
            let bytes = response.body_mut().with_config().limit(limit).read_to_vec().map_err(|e| match e {
                ureq::Error::BodyExceedsLimit(_) => fail(too_big(what, None, limit)),
                other => self.error(&current, other, true),
            })?;
            let starts_like_html = bytes.iter().find(|b| !b.is_ascii_whitespace()) == Some(&b'<');
            if html || starts_like_html {
                return Err(fail(format!(
                    "de server gaf een webpagina (HTML) in plaats van {what}. Controleer het adres; misschien is het een inlogpagina of een foutmelding"
                )));
            }
            return Ok(Fetched::Found(bytes));
        }
        Err(Error::Fetch {
            url: url.to_string(),
            reason: format!("meer dan {MAX_REDIRECTS} doorverwijzingen achter elkaar"),
        })
    }

    /// GETs `uri` with the system's certificate check, or with the built-in roots when the
    /// system has no certificate store (found at the first call, then remembered).
    /// No file takes longer than `left`, the time the whole update has left.
    fn call(&self, uri: &Uri, left: Duration) -> std::result::Result<ureq::http::Response<ureq::Body>, ureq::Error> {
        let whole = Some(self.timeouts.whole.min(left));
        if !self.no_system_store.get() {
            match self.agent.get(uri).config().timeout_global(whole).build().call() {
                Err(err) if no_system_store(&err) => self.no_system_store.set(true),
                other => return other,
            }
        }
        self.built_in_roots.get(uri).config().timeout_global(whole).build().call()
    }

    /// Why the update stopped: its time in all ran out.
    fn past_deadline(&self) -> String {
        format!(
            "de update duurde in totaal langer dan {}, het hoogste voor één update; de bron is te traag of stokt. Probeer het later opnieuw",
            seconds(self.timeouts.overall)
        )
    }

    /// A ureq error as one of ours, in Dutch, naming `url`; `answered` tells whether the
    /// server had started to answer (an I/O error before that means it was not reached).
    fn error(&self, url: &str, err: ureq::Error, answered: bool) -> Error {
        let unreachable = |reason: String| Error::Unreachable { url: url.to_string(), reason };
        let fetch = |reason: String| Error::Fetch { url: url.to_string(), reason };
        let detail = |e: &dyn std::fmt::Display| crate::error::printable(&e.to_string());
        let too_slow = || {
            fetch(format!(
                "het bestand kwam niet binnen {} binnen; de verbinding is te traag of de server stokt",
                seconds(self.timeouts.whole)
            ))
        };
        match err {
            ureq::Error::Timeout(_) if Instant::now() >= self.deadline => fetch(self.past_deadline()),
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut && Instant::now() >= self.deadline => {
                fetch(self.past_deadline())
            }
            ureq::Error::Timeout(ureq::Timeout::Connect | ureq::Timeout::Resolve) => {
                unreachable(format!("geen verbinding binnen {}", seconds(self.timeouts.connect)))
            }
            ureq::Error::Timeout(ureq::Timeout::RecvResponse | ureq::Timeout::SendRequest) => {
                fetch(format!("de server gaf binnen {} geen antwoord", seconds(self.timeouts.answer)))
            }
            ureq::Error::Timeout(_) => too_slow(),
            ureq::Error::HostNotFound => unreachable("de server is onbekend, of er is geen netwerk".into()),
            ureq::Error::Tls(_) | ureq::Error::Rustls(_) | ureq::Error::Pem(_) | ureq::Error::TlsRequired => {
                unreachable(format!(
                    "de beveiligde verbinding (https) kwam niet tot stand ({}){TLS_HINT}",
                    detail(&err)
                ))
            }
            // rustls reports a failed handshake or a refused certificate as invalid data.
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::InvalidData && url.starts_with("https") => {
                unreachable(format!("de beveiligde verbinding (https) kwam niet tot stand ({}){TLS_HINT}", detail(&io)))
            }
            ureq::Error::Io(io) if io.kind() == std::io::ErrorKind::TimedOut => too_slow(),
            ureq::Error::Io(io) if !answered => unreachable(format!("geen verbinding ({})", detail(&io))),
            ureq::Error::Io(io) => fetch(format!("de verbinding brak af ({})", detail(&io))),
            ureq::Error::ConnectionFailed | ureq::Error::ConnectProxyFailed(_) | ureq::Error::InvalidProxyUrl => {
                unreachable(format!("geen verbinding ({})", detail(&err)))
            }
            other => fetch(format!("de server antwoordde niet volgens HTTP ({})", detail(&other))),
        }
    }
}

/// Whether `err` says the system has no certificate store to check with (the platform
/// verifier found no root certificates; only possible on Linux and other Unix systems).
fn no_system_store(err: &ureq::Error) -> bool {
    matches!(err, ureq::Error::Rustls(_)) && err.to_string().contains("No CA certificates were loaded from the system")
}

/// What a person can do about a failed TLS connection.
const TLS_HINT: &str =
    "; het certificaat van de server wordt niet vertrouwd door deze computer, of het is geen https-server";

/// `url` for messages and output: a user name and password in it (`https://naam:geheim@…`)
/// are shown as `***`, so credentials never reach a screen, a log or a terminal.
pub fn redact(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else { return url.to_string() };
    let end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(end);
    match authority.rfind('@') {
        Some(at) => format!("{scheme}://***@{}{tail}", &authority[at + 1..]),
        None => url.to_string(),
    }
}

/// Whether `uri` may be fetched: https, or http to this computer itself when the source is.
fn allowed(uri: &Uri, source_is_loopback: bool) -> std::result::Result<(), String> {
    match uri.scheme_str().map(str::to_ascii_lowercase).as_deref() {
        Some("https") => Ok(()),
        Some("http") if source_is_loopback && uri.host().is_some_and(is_loopback) => Ok(()),
        Some("http") => Err(
            "dat is een onbeveiligd adres (http). Keuzehulp haalt updates alleen over https; http alleen van deze computer zelf (127.0.0.1, ::1, localhost)"
                .into(),
        ),
        _ => Err("alleen https-adressen (https://…) of een map kunnen een bron van updates zijn".into()),
    }
}

/// Whether `host` is this computer itself.
fn is_loopback(host: &str) -> bool {
    let bare = host.trim_start_matches('[').trim_end_matches(']');
    bare.eq_ignore_ascii_case("localhost") || bare.parse::<IpAddr>().is_ok_and(|ip| ip.is_loopback())
}

/// The address a `Location` header points to, from the address that sent it.
fn resolve(from: &Uri, location: &str) -> Option<String> {
    if is_web(location) {
        return Some(location.to_string());
    }
    let scheme = from.scheme_str()?;
    if let Some(rest) = location.strip_prefix("//") {
        return Some(format!("{scheme}://{rest}"));
    }
    let authority = from.authority()?.as_str();
    if location.starts_with('/') {
        return Some(format!("{scheme}://{authority}{location}"));
    }
    let dir = from.path().rsplit_once('/').map_or("", |(dir, _)| dir);
    Some(format!("{scheme}://{authority}{dir}/{location}"))
}

/// A refusal for a body over `limit`.
fn too_big(what: &str, size: Option<u64>, limit: u64) -> String {
    let limit_mb = limit.div_ceil(1_000_000);
    match size {
        Some(size) => format!(
            "{what} is {} MB; Keuzehulp haalt ten hoogste {limit_mb} MB op en heeft niets gedownload",
            size.div_ceil(1_000_000)
        ),
        None => {
            format!("{what} is groter dan {limit_mb} MB, het hoogste dat Keuzehulp ophaalt; het ophalen is gestopt")
        }
    }
}

/// An HTTP status other than success, a redirect or "not found", in words.
fn status_reason(status: u16) -> String {
    let what = match status {
        401 | 403 => "geen toegang; misschien moet u eerst inloggen, of is het adres niet openbaar",
        429 => "de server is te druk; probeer het later opnieuw",
        500..=599 => "een fout bij de server; probeer het later opnieuw of meld het bij de uitgever",
        _ => "de server weigert het verzoek",
    };
    format!("de server antwoordt met foutcode {status}: {what}")
}

/// `d` in words ("10 seconden", "0,5 seconde").
fn seconds(d: Duration) -> String {
    let s = d.as_secs_f64();
    let n = if s.fract() == 0.0 { format!("{s:.0}") } else { format!("{s:.1}").replace('.', ",") };
    if s == 1.0 { "1 seconde".into() } else { format!("{n} seconden") }
}

/// The timeouts, from [`TIMEOUT_ENV`] when set (every one the same).
fn timeouts_from_env() -> Result<Timeouts> {
    let Ok(text) = std::env::var(TIMEOUT_ENV) else {
        return Ok(Timeouts { connect: CONNECT, answer: ANSWER, whole: WHOLE_FILE, overall: overall_from_env()? });
    };
    let seconds =
        text.trim().replace(',', ".").parse::<f64>().ok().filter(|s| s.is_finite() && *s > 0.0 && *s <= 3600.0);
    let Some(seconds) = seconds else {
        return Err(Error::InvalidInput {
            field: TIMEOUT_ENV.into(),
            message: format!("{text:?} is geen aantal seconden tussen 0 en 3600"),
        });
    };
    // The whole file gets twice as long, so that a source that never answers is named as
    // such rather than as a slow file.
    let d = Duration::from_secs_f64(seconds);
    Ok(Timeouts { connect: d, answer: d, whole: d * 2, overall: overall_from_env()? })
}

/// How long the whole update may take, from [`DEADLINE_ENV`] when set.
fn overall_from_env() -> Result<Duration> {
    let Ok(text) = std::env::var(DEADLINE_ENV) else { return Ok(OVERALL) };
    text.trim()
        .replace(',', ".")
        .parse::<f64>()
        .ok()
        .filter(|s| s.is_finite() && *s > 0.0 && *s <= 86_400.0)
        .map(Duration::from_secs_f64)
        .ok_or_else(|| Error::InvalidInput {
            field: DEADLINE_ENV.into(),
            message: format!("{text:?} is geen aantal seconden tussen 0 en 86400"),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn uri(s: &str) -> Uri {
        s.parse().expect("a valid uri in the test")
    }

    #[test]
    fn http_only_for_this_computer() {
        assert!(allowed(&uri("https://uitgever.example/map"), false).is_ok());
        assert!(allowed(&uri("http://127.0.0.1:8080/map"), true).is_ok());
        assert!(allowed(&uri("http://[::1]:8080/map"), true).is_ok());
        assert!(allowed(&uri("http://LocalHost/map"), true).is_ok());
        assert!(allowed(&uri("http://uitgever.example/map"), false).is_err());
        // A redirect from the web to plain http on this computer is refused too.
        assert!(allowed(&uri("http://127.0.0.1/map"), false).is_err());
        assert!(allowed(&uri("ftp://uitgever.example/map"), false).is_err());
    }

    #[test]
    fn web_addresses_and_folders() {
        for web in ["https://a.example/map", "HTTP://127.0.0.1/", "ftp://a.example/map"] {
            assert!(is_web(web), "{web}");
        }
        for folder in ["/media/usb/pakketten", r"C:\Pakketten", "C://Pakketten", r"\\server\deel", "map"] {
            assert!(!is_web(folder), "{folder}");
        }
    }

    #[test]
    fn loopback_hosts() {
        for host in ["127.0.0.1", "127.1.2.3", "[::1]", "::1", "localhost"] {
            assert!(is_loopback(host), "{host}");
        }
        for host in ["10.0.0.1", "localhost.example", "[::2]", "example.org"] {
            assert!(!is_loopback(host), "{host}");
        }
    }

    #[test]
    fn redirects_resolve_against_the_address_that_sent_them() {
        let from = uri("https://a.example/map/index.json");
        assert_eq!(resolve(&from, "https://b.example/x").as_deref(), Some("https://b.example/x"));
        assert_eq!(resolve(&from, "//c.example/y").as_deref(), Some("https://c.example/y"));
        assert_eq!(resolve(&from, "/z/index.json").as_deref(), Some("https://a.example/z/index.json"));
        assert_eq!(resolve(&from, "nieuw.json").as_deref(), Some("https://a.example/map/nieuw.json"));
    }

    #[test]
    fn a_source_names_its_files_percent_encoded() {
        let source = WebSource::new("https://uitgever.example/pakketten/", "index.json").expect("valid");
        assert_eq!(source.base(), "https://uitgever.example/pakketten");
        assert_eq!(source.url_of("pakket 1.json"), "https://uitgever.example/pakketten/pakket%201.json");
        assert_eq!(source.url_of("café?.json"), "https://uitgever.example/pakketten/caf%C3%A9%3F.json");
        let source = WebSource::new("https://uitgever.example/pakketten/index.json", "index.json").expect("valid");
        assert_eq!(source.base(), "https://uitgever.example/pakketten");
        assert!(WebSource::new("http://uitgever.example/pakketten", "index.json").is_err());
        assert!(WebSource::new("https://uitgever.example/p?token=1", "index.json").is_err());
    }

    #[test]
    fn credentials_in_an_address_are_never_shown() {
        assert_eq!(redact("https://jan:geheim@uitgever.example/map"), "https://***@uitgever.example/map");
        assert_eq!(redact("https://token@uitgever.example"), "https://***@uitgever.example");
        assert_eq!(redact("https://uitgever.example/map?x=a@b"), "https://uitgever.example/map?x=a@b");
        assert_eq!(redact("/media/usb/pakketten"), "/media/usb/pakketten");
        let err = WebSource::new("ftp://jan:geheim@uitgever.example/map", "index.json").expect_err("refused");
        assert!(!err.to_string().contains("geheim"), "{err}");
    }

    #[test]
    fn durations_in_words() {
        assert_eq!(seconds(Duration::from_secs(10)), "10 seconden");
        assert_eq!(seconds(Duration::from_secs(1)), "1 seconde");
        assert_eq!(seconds(Duration::from_millis(500)), "0,5 seconden");
    }
}
