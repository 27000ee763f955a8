//! `update --from URL`: against a small HTTP/1.1 server on 127.0.0.1 that each test starts
//! in a thread, answering as a real source would, or badly (slowly, with HTML, with far too
//! much, with an error status, with a redirect to plain http). Each refusal names the
//! address and changes nothing.

use std::collections::HashMap;
use std::io::{Read, Write};
use std::net::{TcpListener, TcpStream};
use std::path::Path;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use serde_json::json;

use crate::signing::{keys, sign, write_pack};
use crate::util::Cli;
use crate::util::Run;

/// How the test server answers one path.
#[derive(Clone)]
enum Reply {
    /// 200 with this body and content type.
    File(Vec<u8>, &'static str),
    /// This status, with a short body.
    Status(u16),
    /// 302 to this address.
    Redirect(String),
    /// Reads the request and says nothing.
    Silent,
    /// The headers of a 100 kB file, then one byte every 100 ms.
    Trickle,
    /// Spaces without end (stopped at 3 GB), announcing this length or none.
    Endless(Option<u64>),
}

/// A test server on 127.0.0.1: paths not in its table answer 404.
struct Server {
    port: u16,
    routes: Arc<Mutex<HashMap<String, Reply>>>,
    /// The paths asked for, in order.
    asked: Arc<Mutex<Vec<String>>>,
    /// Bytes of endless bodies written, and whether that writing has stopped.
    sent: Arc<AtomicU64>,
    stopped: Arc<AtomicBool>,
}

impl Server {
    fn start() -> Server {
        let listener = TcpListener::bind("127.0.0.1:0").expect("a free port on 127.0.0.1");
        let port = listener.local_addr().expect("address").port();
        let server = Server {
            port,
            routes: Arc::default(),
            asked: Arc::default(),
            sent: Arc::default(),
            stopped: Arc::default(),
        };
        let (routes, asked, sent, stopped) =
            (server.routes.clone(), server.asked.clone(), server.sent.clone(), server.stopped.clone());
        std::thread::spawn(move || {
            for stream in listener.incoming().flatten() {
                let (routes, asked, sent, stopped) = (routes.clone(), asked.clone(), sent.clone(), stopped.clone());
                std::thread::spawn(move || answer(stream, &routes, &asked, &sent, &stopped));
            }
        });
        server
    }

    /// The address of `path` on this server.
    fn url(&self, path: &str) -> String {
        format!("http://127.0.0.1:{}{path}", self.port)
    }

    fn route(&self, path: &str, reply: Reply) {
        self.routes.lock().expect("routes").insert(path.to_string(), reply);
    }

    /// Serves the file `file` (and its signature, when there is one) at `/map/NAME`.
    fn serve_file(&self, file: &Path) {
        let name = file.file_name().and_then(|n| n.to_str()).expect("a file name");
        self.route(&format!("/map/{name}"), Reply::File(std::fs::read(file).expect("read"), "application/json"));
        let signature = file.with_extension("json.minisig");
        if signature.is_file() {
            let bytes = std::fs::read(&signature).expect("read signature");
            self.route(&format!("/map/{name}.minisig"), Reply::File(bytes, "text/plain"));
        }
    }

    fn index(&self, names: &[&str]) {
        let body = json!({ "format": "keuzehulp-index", "packs": names }).to_string().into_bytes();
        self.route("/map/index.json", Reply::File(body, "application/json"));
    }

    fn asked(&self) -> Vec<String> {
        self.asked.lock().expect("asked").clone()
    }
}

fn answer(
    mut stream: TcpStream,
    routes: &Mutex<HashMap<String, Reply>>,
    asked: &Mutex<Vec<String>>,
    sent: &AtomicU64,
    stopped: &AtomicBool,
) {
    let _ = stream.set_read_timeout(Some(Duration::from_secs(10)));
    let mut head = Vec::new();
    let mut buf = [0u8; 4096];
    while !head.windows(4).any(|w| w == b"\r\n\r\n") && head.len() < 65_536 {
        match stream.read(&mut buf) {
            Ok(0) | Err(_) => return,
            Ok(n) => head.extend_from_slice(&buf[..n]),
        }
        // Not HTTP (a TLS handshake): answer in plain HTTP, which a TLS client cannot read.
        if !head[0].is_ascii_uppercase() {
            let _ = stream.write_all(b"HTTP/1.1 400 Bad Request\r\nConnection: close\r\n\r\n");
            return;
        }
    }
    let head = String::from_utf8_lossy(&head);
    let path = head.split(' ').nth(1).unwrap_or("/").to_string();
    asked.lock().expect("asked").push(path.clone());
    let reply = routes.lock().expect("routes").get(&path).cloned();
    let respond = |stream: &mut TcpStream, status: u16, extra: &str, body: &[u8]| {
        let head = format!("HTTP/1.1 {status} X\r\nContent-Length: {}\r\nConnection: close\r\n{extra}\r\n", body.len());
        let _ = stream.write_all(head.as_bytes());
        let _ = stream.write_all(body);
    };
    match reply {
        None => respond(&mut stream, 404, "Content-Type: text/plain\r\n", b"niet gevonden"),
        Some(Reply::File(body, content_type)) => {
            respond(&mut stream, 200, &format!("Content-Type: {content_type}\r\n"), &body);
        }
        Some(Reply::Status(status)) => respond(&mut stream, status, "Content-Type: text/plain\r\n", b"fout"),
        Some(Reply::Redirect(to)) => respond(&mut stream, 302, &format!("Location: {to}\r\n"), b""),
        Some(Reply::Silent) => std::thread::sleep(Duration::from_secs(30)),
        Some(Reply::Trickle) => {
            let _ = stream.write_all(b"HTTP/1.1 200 OK\r\nContent-Length: 100000\r\nConnection: close\r\n\r\n[");
            for _ in 0..300 {
                std::thread::sleep(Duration::from_millis(100));
                if stream.write_all(b" ").is_err() {
                    break;
                }
            }
        }
        Some(Reply::Endless(announce)) => {
            let length = announce.map(|n| format!("Content-Length: {n}\r\n")).unwrap_or_default();
            let head =
                format!("HTTP/1.1 200 OK\r\nContent-Type: application/json\r\n{length}Connection: close\r\n\r\n");
            let _ = stream.write_all(head.as_bytes());
            let chunk = vec![b' '; 65_536];
            while sent.load(Ordering::SeqCst) < 3_000_000_000 {
                if stream.write_all(&chunk).is_err() {
                    break;
                }
                sent.fetch_add(chunk.len() as u64, Ordering::SeqCst);
            }
            stopped.store(true, Ordering::SeqCst);
        }
    }
}

/// Runs `update --from URL` (with `env`), expects a refusal that names `names`, and checks
/// that nothing changed; returns stderr.
fn refused(cli: &Cli, url: &str, env: &[(&str, &str)], names: &str) -> String {
    let before = cli.json(&["catalogue"])["content_hash"].clone();
    let out = cli.cmd().args(["update", "--from", url]).envs(env.iter().copied()).run();
    let err = String::from_utf8(out.stderr).expect("utf-8");
    assert_eq!(out.status.code(), Some(1), "refused, no panic: {err}");
    assert!(err.contains(names), "the message names {names}: {err}");
    assert_eq!(cli.json(&["catalogue"])["content_hash"], before, "nothing changed");
    err
}

#[test]
fn an_update_from_a_web_address_checks_and_imports_like_a_folder() {
    let cli = Cli::new();
    let keys = keys(&cli);
    cli.json(&["trust", "add", keys.join("publisher.pub").to_str().expect("utf-8"), "--name", "Trimbos-instituut"]);
    let signed = write_pack(&cli, "ondertekend.json", "van-het-web");
    sign(&cli, &signed, &keys);
    let unsigned = write_pack(&cli, "eigen.json", "eigen-van-het-web");
    let server = Server::start();
    server.serve_file(&signed);
    server.serve_file(&unsigned);
    server.index(&["ondertekend.json", "eigen.json"]);
    let url = server.url("/map/");

    let hash = cli.json(&["catalogue"])["content_hash"].clone();
    let preview = cli.json(&["update", "--from", &url, "--dry-run"]);
    assert_eq!(preview["packs"][0]["added"], json!(["van-het-web"]));
    assert_eq!(preview["packs"][0]["publisher"], "Trimbos-instituut");
    assert_eq!(preview["packs"][1]["publisher"], "eigen");
    assert_eq!(cli.json(&["catalogue"])["content_hash"], hash, "a dry run changes nothing");
    assert!(cli.cmd().args(["show", "van-het-web"]).run().status.code() == Some(1));

    // The index's own address works too.
    let done = cli.json(&["update", "--from", &server.url("/map/index.json")]);
    assert_eq!(done["packs"][0]["imported"], true);
    assert_eq!(cli.json(&["show", "van-het-web"])["origin"]["name"], "Trimbos-instituut");
    assert_eq!(cli.json(&["show", "eigen-van-het-web"])["origin"]["kind"], "eigen");
    let asked = server.asked();
    for path in ["/map/index.json", "/map/ondertekend.json", "/map/ondertekend.json.minisig", "/map/eigen.json"] {
        assert!(asked.iter().any(|p| p == path), "{path} fetched: {asked:?}");
    }

    // The text output says what came in.
    let out = cli.cmd().args(["update", "--from", &url]).run();
    let text = String::from_utf8_lossy(&out.stdout);
    assert!(text.contains("ondertekend door Trimbos-instituut") && text.contains("1 gelijk"), "{text}");
}

#[test]
fn a_redirect_is_followed_on_this_computer_but_never_to_plain_http_elsewhere() {
    let cli = Cli::new();
    let server = Server::start();
    let pack = write_pack(&cli, "pakket.json", "doorverwezen");
    server.serve_file(&pack);
    server.index(&["pakket.json"]);
    // The folder moved: its index and pack are sent on, the signature is not there (404:
    // unsigned, like a folder without one).
    server.route("/oud/index.json", Reply::Redirect("/map/index.json".into()));
    server.route("/oud/pakket.json", Reply::Redirect(server.url("/map/pakket.json")));
    let done = cli.json(&["update", "--from", &server.url("/oud")]);
    assert_eq!(done["from"], server.url("/oud"));
    assert_eq!(done["packs"][0]["added"], json!(["doorverwezen"]));
    assert_eq!(done["packs"][0]["publisher"], "eigen");

    server.route("/weg/index.json", Reply::Redirect("http://uitgever.example/index.json".into()));
    let err = refused(&cli, &server.url("/weg"), &[], "http://uitgever.example/index.json");
    assert!(err.contains("onbeveiligd adres (http)") && err.contains("niet gevolgd"), "{err}");
    assert!(err.contains(&server.url("/weg/index.json")), "names where it came from: {err}");
}

#[test]
fn plain_http_to_another_computer_is_refused_before_any_connection() {
    let cli = Cli::new();
    let err = refused(&cli, "http://uitgever.example/pakketten", &[], "http://uitgever.example/pakketten");
    assert!(err.contains("onbeveiligd adres (http)") && err.contains("https"), "{err}");
    let err = refused(&cli, "ftp://uitgever.example/pakketten", &[], "ftp://uitgever.example/pakketten");
    assert!(err.contains("alleen https-adressen"), "{err}");
}

#[test]
fn a_source_that_cannot_be_reached_changes_nothing() {
    let cli = Cli::new();
    // A port that was free a moment ago and has nobody listening now.
    let port = TcpListener::bind("127.0.0.1:0").expect("bind").local_addr().expect("address").port();
    let url = format!("http://127.0.0.1:{port}/map");
    let err = refused(&cli, &url, &[], &format!("kan http://127.0.0.1:{port}/map/index.json niet bereiken"));
    assert!(err.contains("Controleer de netwerkverbinding") && err.contains("niets gewijzigd"), "{err}");
}

#[test]
fn https_to_a_server_that_speaks_no_tls_is_refused() {
    let cli = Cli::new();
    let server = Server::start();
    let url = format!("https://127.0.0.1:{}/map", server.port);
    let err = refused(&cli, &url, &[], &format!("{url}/index.json"));
    assert!(err.contains("beveiligde verbinding"), "{err}");
}

#[test]
fn a_slow_source_times_out_and_changes_nothing() {
    let cli = Cli::new();
    let server = Server::start();
    let fast = [("KEUZEHULP_HTTP_TIMEOUT", "1")];
    // No answer at all.
    server.route("/map/index.json", Reply::Silent);
    let err = refused(&cli, &server.url("/map"), &fast, &server.url("/map/index.json"));
    assert!(err.contains("geen antwoord") && err.contains("1 seconde"), "{err}");
    // An answer that starts, then trickles: the whole file must come within the time.
    let pack = write_pack(&cli, "pakket.json", "te-langzaam");
    server.serve_file(&pack);
    server.index(&["pakket.json"]);
    server.route("/map/pakket.json", Reply::Trickle);
    let err = refused(&cli, &server.url("/map"), &fast, &server.url("/map/pakket.json"));
    assert!(err.contains("niet binnen 2 seconden binnen") && err.contains("niets geïmporteerd"), "{err}");
    // A timeout that is not a number is named.
    let out = cli.cmd().args(["update", "--from", &server.url("/map")]).env("KEUZEHULP_HTTP_TIMEOUT", "snel").output();
    assert!(String::from_utf8_lossy(&out.expect("runs").stderr).contains("KEUZEHULP_HTTP_TIMEOUT"));
}

#[test]
fn a_web_page_instead_of_the_index_or_a_pack_is_refused() {
    let cli = Cli::new();
    let server = Server::start();
    let page = b"<!DOCTYPE html><html><body>Inloggen</body></html>".to_vec();
    server.route("/map/index.json", Reply::File(page.clone(), "text/html; charset=utf-8"));
    let err = refused(&cli, &server.url("/map"), &[], &server.url("/map/index.json"));
    assert!(err.contains("webpagina (HTML) in plaats van de index"), "{err}");
    // A page sent as if it were JSON is recognised by its first character.
    server.index(&["pakket.json"]);
    server.route("/map/pakket.json", Reply::File(page, "application/json"));
    let err = refused(&cli, &server.url("/map"), &[], &server.url("/map/pakket.json"));
    assert!(err.contains("webpagina (HTML) in plaats van het pakket"), "{err}");
    // JSON that is not an index is named as such.
    server.route("/map/index.json", Reply::File(b"{\"records\": []}".to_vec(), "application/json"));
    let err = refused(&cli, &server.url("/map"), &[], &server.url("/map/index.json"));
    assert!(err.contains("geen geldige index"), "{err}");
}

#[test]
fn a_huge_body_is_stopped_at_the_limit_without_reading_it() {
    let cli = Cli::new();
    let server = Server::start();
    server.index(&["groot.json"]);
    // Announced as 2 GB: refused before the body is read.
    server.route("/map/groot.json", Reply::Endless(Some(2_000_000_000)));
    let err = refused(&cli, &server.url("/map"), &[], &server.url("/map/groot.json"));
    assert!(err.contains("2000 MB") && err.contains("ten hoogste 32 MB"), "{err}");
    // Not announced: reading stops just past 32 MB.
    let server = Server::start();
    server.index(&["groot.json"]);
    server.route("/map/groot.json", Reply::Endless(None));
    let err = refused(&cli, &server.url("/map"), &[], &server.url("/map/groot.json"));
    assert!(err.contains("groter dan 32 MB") && err.contains("gestopt"), "{err}");
    // The server's writing ends once the client has gone (it would write 3 GB otherwise).
    for _ in 0..300 {
        if server.stopped.load(Ordering::SeqCst) {
            break;
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    assert!(server.stopped.load(Ordering::SeqCst), "the client closed the connection");
    let sent = server.sent.load(Ordering::SeqCst);
    assert!(sent < 100_000_000, "the client stopped reading near the limit, not at {sent} bytes");
    // An index over 1 MB is refused too.
    server.route("/map/index.json", Reply::Endless(None));
    let err = refused(&cli, &server.url("/map"), &[], &server.url("/map/index.json"));
    assert!(err.contains("groter dan 1 MB"), "{err}");
}

#[test]
fn a_changed_byte_in_a_fetched_pack_is_refused_by_its_signature() {
    let cli = Cli::new();
    let keys = keys(&cli);
    cli.json(&["trust", "add", keys.join("publisher.pub").to_str().expect("utf-8"), "--name", "Uitgever"]);
    let pack = write_pack(&cli, "pakket.json", "onderweg-gewijzigd");
    sign(&cli, &pack, &keys);
    let server = Server::start();
    server.serve_file(&pack);
    server.index(&["pakket.json"]);
    let mut bytes = std::fs::read(&pack).expect("read");
    let at = bytes.iter().position(|b| *b == b'P').expect("a capital P in the name");
    bytes[at] = b'Q';
    server.route("/map/pakket.json", Reply::File(bytes, "application/json"));
    let err = refused(&cli, &server.url("/map"), &[], &server.url("/map/pakket.json.minisig"));
    assert!(err.contains("past niet bij dit pakket") && err.contains("niets geïmporteerd"), "{err}");
    assert!(!cli.cmd().args(["show", "onderweg-gewijzigd"]).run().status.success());
}

#[test]
fn a_missing_file_or_an_error_status_is_named() {
    let cli = Cli::new();
    let server = Server::start();
    let err = refused(&cli, &server.url("/leeg"), &[], &server.url("/leeg/index.json"));
    assert!(err.contains("niet gevonden (404)") && err.contains("index"), "{err}");

    // The index names a pack the server does not have: the pack before it is not imported.
    let good = write_pack(&cli, "goed.json", "goed-maar-niet-alleen");
    server.serve_file(&good);
    server.index(&["goed.json", "ontbreekt.json"]);
    let err = refused(&cli, &server.url("/map"), &[], &server.url("/map/ontbreekt.json"));
    assert!(err.contains("niet gevonden (404)"), "{err}");
    assert!(!cli.cmd().args(["show", "goed-maar-niet-alleen"]).run().status.success());

    server.route("/map/index.json", Reply::Status(500));
    let err = refused(&cli, &server.url("/map"), &[], &server.url("/map/index.json"));
    assert!(err.contains("foutcode 500"), "{err}");
    server.route("/map/index.json", Reply::Status(403));
    let err = refused(&cli, &server.url("/map"), &[], &server.url("/map/index.json"));
    assert!(err.contains("foutcode 403") && err.contains("geen toegang"), "{err}");
}
