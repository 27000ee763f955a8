//! Backup benchmarks on a store of 200 dossiers (each with 10 notes, a shortlist of 5 and 3
//! plan items): making a backup (VACUUM INTO, sync, integrity check, rename, prune),
//! restoring one, and opening the store (which runs `PRAGMA quick_check` first), and the
//! process claim's share of that opening.
//!
//! `cargo bench --bench backup` runs criterion; `cargo bench --bench backup -- --percentiles`
//! prints median and p99 of each and exits.

use std::hint::black_box;
use std::path::Path;
use std::time::{Duration, Instant};

use criterion::Criterion;
use keuzehulp::Keuzehulp;
use keuzehulp::dossier::{PlanChange, VisitInfo};

const DOSSIERS: usize = 200;

/// A data directory holding 200 full dossiers.
fn store_with_dossiers() -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tmp");
    let mut app = Keuzehulp::open(dir.path()).expect("open");
    let ids: Vec<String> = app.interventions().expect("records").iter().map(|r| r.id.clone()).collect();
    for d in 0..DOSSIERS {
        let info = VisitInfo {
            org: format!("Organisatie {d}"),
            sector: Some("zorg-vvt".into()),
            department: Some(format!("Afdeling {}", d % 7)),
            visit_date: Some("2026-11-20".into()),
            contact_name: Some("J. de Vries".into()),
            contact_role: Some("teamleider".into()),
            ..VisitInfo::default()
        };
        let id = app.dossier_new(&info).expect("new");
        for n in 0..10 {
            let text = format!(
                "Notitie {n} bij bezoek {d}: het team noemt werkdruk, roosterdruk en weinig regelruimte; \
                 de leidinggevende wil eerst met het team in gesprek voordat er iets wordt gekozen."
            );
            app.dossier_note(&id, &text).expect("note");
        }
        for s in 0..5 {
            let intervention = &ids[(d * 5 + s) % ids.len()];
            app.dossier_shortlist(&id, intervention, Some("past bij de vraag van het team")).expect("shortlist");
        }
        for p in 0..3 {
            let change = PlanChange {
                intervention_id: Some(ids[(d * 3 + p) % ids.len()].clone()),
                what: Some(format!("Actie {p}")),
                who: Some("Teamleider".into()),
                start_date: Some("2026-12-01".into()),
                evaluation_date: Some("2027-03-01".into()),
                evaluation_method: Some("Teamgesprek".into()),
                ..PlanChange::default()
            };
            app.dossier_plan(&id, &change).expect("plan");
        }
    }
    dir
}

fn percentile(sorted: &[Duration], p: f64) -> Duration {
    sorted[((sorted.len() as f64 - 1.0) * p).round() as usize]
}

fn time(runs: usize, mut f: impl FnMut()) -> (Duration, Duration) {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed()
        })
        .collect();
    times.sort();
    (percentile(&times, 0.5), percentile(&times, 0.99))
}

fn db_size(dir: &Path) -> u64 {
    std::fs::metadata(dir.join(keuzehulp::DB_FILE)).map_or(0, |m| m.len())
}

fn print_percentiles() {
    let start = Instant::now();
    let dir = store_with_dossiers();
    println!(
        "store with {DOSSIERS} dossiers built in {:.1?}; database {} kB",
        start.elapsed(),
        db_size(dir.path()) / 1000
    );
    let app = Keuzehulp::open(dir.path()).expect("open");
    let made = app.backup_create().expect("backup");
    println!("backup file: {} kB", made.size / 1000);
    println!("{:<44} {:>10} {:>10}", "operation (30 runs)", "median", "p99");
    let (p50, p99) = time(30, || {
        black_box(app.backup_create().expect("backup"));
    });
    println!("{:<44} {:>10.1?} {:>10.1?}", "backup create (VACUUM INTO + check + prune)", p50, p99);
    drop(app);
    let (p50, p99) = time(30, || {
        black_box(Keuzehulp::open(dir.path()).expect("open"));
    });
    println!("{:<44} {:>10.1?} {:>10.1?}", "Keuzehulp::open (incl. quick_check)", p50, p99);
    // The process claim's part of that opening (src/claim.rs), by the same calls: open the
    // lock file, take it exclusively for a moment (is this process alone?), look for a WAL
    // beside the database (none after a clean close), let go, take it shared.
    let claim = dir.path().join("keuzehulp.in-gebruik");
    let wal = dir.path().join(format!("{}-wal", keuzehulp::DB_FILE));
    let (p50, p99) = time(1000, || {
        let file = std::fs::OpenOptions::new()
            .create(true)
            .truncate(false)
            .read(true)
            .write(true)
            .open(&claim)
            .expect("the lock file");
        file.try_lock().expect("alone");
        black_box(std::fs::read(&wal).is_ok());
        file.unlock().expect("let go");
        file.try_lock_shared().expect("shared");
        drop(black_box(file));
    });
    println!("{:<44} {:>10.1?} {:>10.1?}", "the process claim at opening (1000 runs)", p50, p99);
    // The schedule keeps ten manual backups: restore the newest, not the first one made.
    let newest = keuzehulp::Session::new(Ok(dir.path().to_path_buf()), None).backups().expect("list").remove(0);
    assert_eq!(newest.kind, keuzehulp::BackupKind::Handmatig);
    let (p50, p99) = time(30, || {
        black_box(keuzehulp::Session::new(Ok(dir.path().to_path_buf()), None).restore(&newest.path).expect("restore"));
    });
    println!("{:<44} {:>10.1?} {:>10.1?}", "restore (incl. voor-herstel backup)", p50, p99);
    print_encryption_overhead(dir.path());
}

fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).expect("mkdir");
    for entry in std::fs::read_dir(from).expect("read dir").filter_map(|e| e.ok()) {
        if entry.path().is_file() {
            std::fs::copy(entry.path(), to.join(entry.file_name())).expect("copy");
        }
    }
}

/// The same 200 dossiers plain and encrypted: opening one dossier and saving a note in an
/// open store (what the window does), and opening the store itself (once per start; with
/// encryption this derives the key from the passphrase).
fn print_encryption_overhead(plain: &Path) {
    const PASS: &str = "correct paard batterij";
    let encrypted = tempfile::tempdir().expect("tmp");
    copy_dir(plain, encrypted.path());
    Keuzehulp::open(encrypted.path()).expect("open").set_encryption(Some(PASS)).expect("encrypt");
    println!(
        "\nencryption overhead (SQLCipher), 200 runs each       plain median / p99     encrypted median / p99   overhead (median)"
    );
    let cases: [(&str, Option<&str>, &Path); 2] = [("plain", None, plain), ("encrypted", Some(PASS), encrypted.path())];
    let mut rows: Vec<(&str, Vec<(Duration, Duration)>)> = vec![
        ("open one dossier (200 in the store)", vec![]),
        ("save a note (committed, fsync)", vec![]),
        ("open the store", vec![]),
    ];
    for (_, key, dir) in cases {
        let mut app = Keuzehulp::open_with_passphrase(dir, key).expect("open");
        let ids: Vec<String> = app.dossiers(None).expect("list").into_iter().map(|d| d.id).collect();
        let mut n = 0;
        rows[0].1.push(time(200, || {
            n += 1;
            black_box(app.dossier(&ids[n % ids.len()]).expect("dossier"));
        }));
        rows[1].1.push(time(200, || {
            n += 1;
            black_box(app.dossier_note(&ids[n % ids.len()], "Nog een notitie na het gesprek").expect("note"));
        }));
        drop(app);
        rows[2].1.push(time(20, || {
            black_box(Keuzehulp::open_with_passphrase(dir, key).expect("open"));
        }));
    }
    for (name, t) in rows {
        let overhead = (t[1].0.as_secs_f64() / t[0].0.as_secs_f64() - 1.0) * 100.0;
        println!(
            "{name:<52} {:>9.2?} / {:>9.2?}    {:>9.2?} / {:>9.2?}    {overhead:+.0}%",
            t[0].0, t[0].1, t[1].0, t[1].1
        );
    }
}

fn benches(c: &mut Criterion) {
    let dir = store_with_dossiers();
    let mut group = c.benchmark_group("backup");
    group.sample_size(20);
    {
        let app = Keuzehulp::open(dir.path()).expect("open");
        group.bench_function("create-200-dossiers", |b| b.iter(|| black_box(app.backup_create().expect("backup"))));
    }
    group.bench_function("open-200-dossiers", |b| b.iter(|| black_box(Keuzehulp::open(dir.path()).expect("open"))));
    let made = Keuzehulp::open(dir.path()).expect("open").backup_create().expect("backup");
    group.bench_function("restore-200-dossiers", |b| {
        b.iter(|| {
            black_box(keuzehulp::Session::new(Ok(dir.path().to_path_buf()), None).restore(&made.path).expect("restore"))
        })
    });
    group.finish();
}

fn main() {
    if std::env::args().any(|a| a == "--percentiles") {
        print_percentiles();
        return;
    }
    let mut c = Criterion::default().configure_from_args();
    benches(&mut c);
    c.final_summary();
}
