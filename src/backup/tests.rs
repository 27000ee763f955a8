//! Unit tests of backup names and the rolling schedule.

use super::schedule::to_prune;
use super::*;

fn backup(created_at: &str, kind: Kind) -> Backup {
    let name = Name { created_at: created_at.to_string(), kind, seq: 1 };
    Backup {
        path: PathBuf::from(name.file()),
        file: name.file(),
        created_at: created_at.to_string(),
        kind: kind.into(),
        size: 1,
    }
}

/// `n` daily backups, one a day at 09:00, ending on `last` (YYYY-MM-DD), newest first.
fn dailies(last: &str, n: i32) -> Vec<Backup> {
    let last = time::date::parse(last).expect("date");
    (0..n)
        .map(|i| {
            let day = last.checked_sub(jiff::Span::new().days(i)).expect("date");
            backup(&format!("{day}T09:00:00Z"), Kind::Dagelijks)
        })
        .collect()
}

fn dates(backups: &[Backup]) -> Vec<String> {
    backups.iter().map(|b| b.created_at[..10].to_string()).collect()
}

#[test]
fn names_round_trip_and_other_files_are_not_backups() {
    let name = Name { created_at: "2026-11-22T13:05:00Z".into(), kind: Kind::VoorMigratie, seq: 1 };
    assert_eq!(name.file(), "keuzehulp-2026-11-22T13-05-00Z-voor-migratie.sqlite3");
    assert_eq!(Name::parse(&name.file()), Some(name.clone()));
    let second = Name { seq: 2, ..name };
    assert_eq!(second.file(), "keuzehulp-2026-11-22T13-05-00Z-voor-migratie-2.sqlite3");
    assert_eq!(Name::parse(&second.file()), Some(second));
    for other in [
        "keuzehulp.sqlite3",
        "keuzehulp-2026-11-22T13-05-00Z-later.sqlite3",
        "keuzehulp-2026-13-22T13-05-00Z-handmatig.sqlite3",
        "keuzehulp-2026-02-30T13-05-00Z-handmatig.sqlite3",
        "keuzehulp-2026-11-22T13-05-00Z-handmatig-.sqlite3",
        "keuzehulp-2026-11-22T13-05-00Z-handmatig-x.sqlite3",
        "keuzehulp-2026-11-22T13-05-00Z-handmatig.sqlite3-wal",
        ".keuzehulp-handmatig-1-2.tmp",
    ] {
        assert_eq!(Name::parse(other), None, "{other}");
    }
}

#[test]
fn backups_of_one_iso_week_share_it() {
    // Sunday 2026-11-22 and Monday 2026-11-23 are in different ISO weeks; Monday to
    // Sunday share one, also across a new year (2026-12-28 .. 2027-01-03 is 2026-W53).
    let week = |d: &str| time::iso_week(time::date::parse(d).expect("date"));
    assert_ne!(week("2026-11-22"), week("2026-11-23"));
    assert_eq!(week("2026-11-23"), week("2026-11-29"));
    assert_eq!(week("2026-12-28"), week("2027-01-03"));
    assert_ne!(week("2027-01-03"), week("2027-01-04"));
}

#[test]
fn pruning_keeps_seven_days_and_four_older_weeks() {
    // Forty daily backups up to Sunday 2026-11-22.
    let all = dailies("2026-11-22", 40);
    let gone = to_prune(&all);
    let kept: Vec<Backup> = all.iter().filter(|b| !gone.contains(b)).cloned().collect();
    assert_eq!(
        dates(&kept),
        [
            // The seven newest: Monday 16 to Sunday 22 November (one whole week).
            "2026-11-22",
            "2026-11-21",
            "2026-11-20",
            "2026-11-19",
            "2026-11-18",
            "2026-11-17",
            "2026-11-16",
            // The newest of each of the four weeks before: the Sundays.
            "2026-11-15",
            "2026-11-08",
            "2026-11-01",
            "2026-10-25",
        ]
    );
    assert_eq!(gone.len(), 40 - 11);
    // Applying the schedule again removes nothing more.
    assert!(to_prune(&kept).is_empty());
}

#[test]
fn a_week_partly_kept_as_daily_is_not_counted_again() {
    // Up to Wednesday 2026-11-25: the seven newest reach back to Thursday 19 November,
    // so that week is represented; the weekly ones are the four weeks before it.
    let all = dailies("2026-11-25", 60);
    let gone = to_prune(&all);
    let kept: Vec<Backup> = all.iter().filter(|b| !gone.contains(b)).cloned().collect();
    assert_eq!(dates(&kept)[7..], ["2026-11-15", "2026-11-08", "2026-11-01", "2026-10-25"].map(String::from));
    assert_eq!(kept.len(), 11);
}

#[test]
fn sparse_use_keeps_backups_however_old() {
    // One change a month: nothing is pruned for being old, only for being beyond the count.
    let all: Vec<Backup> =
        (0..12).map(|m| backup(&format!("2025-{:02}-03T09:00:00Z", 12 - m), Kind::Dagelijks)).collect();
    let gone = to_prune(&all);
    assert_eq!(dates(&gone), ["2025-01-03"], "7 newest + 4 older weeks = 11 of 12");
}

#[test]
fn other_kinds_keep_their_newest_ten_each() {
    let mut all = Vec::new();
    for kind in [Kind::Handmatig, Kind::VoorMigratie, Kind::VoorHerstel] {
        for day in 1..=12 {
            all.push(backup(&format!("2026-10-{day:02}T12:00:00Z"), kind));
        }
    }
    all.extend(dailies("2026-10-12", 3));
    let gone = to_prune(&all);
    assert_eq!(gone.len(), 6);
    for kind in [Kind::Handmatig, Kind::VoorMigratie, Kind::VoorHerstel] {
        let of_kind: Vec<String> =
            gone.iter().filter(|b| b.kind == kind.into()).map(|b| b.created_at.clone()).collect();
        assert_eq!(of_kind, ["2026-10-02T12:00:00Z", "2026-10-01T12:00:00Z"], "{kind:?}");
    }
}

#[test]
fn backups_in_the_same_second_sort_by_sequence() {
    let first = backup("2026-11-22T13:05:00Z", Kind::Handmatig);
    let name = Name { created_at: "2026-11-22T13:05:00Z".into(), kind: Kind::Handmatig, seq: 2 };
    let second = Backup { file: name.file(), path: PathBuf::from(name.file()), ..first.clone() };
    let mut all = vec![first.clone(), second.clone()];
    all.sort_by_key(|b| std::cmp::Reverse(order_key(b)));
    assert_eq!(all, [second, first]);
}

#[test]
fn a_listed_kind_is_the_word_of_its_file_name_or_extern_or_beschadigd() {
    for kind in Kind::ALL {
        let listed = BackupKind::from(kind);
        assert_eq!(listed.as_str(), kind.as_str());
        assert_eq!(listed.made(), Some(kind));
    }
    assert_eq!(BackupKind::Extern.as_str(), "extern");
    assert_eq!(BackupKind::Extern.made(), None);
    assert_eq!(BackupKind::Beschadigd.as_str(), "beschadigd");
    assert_eq!(BackupKind::Beschadigd.made(), None, "never pruned, never counted as a backup made");
    for kind in BackupKind::ALL {
        assert_eq!(serde_json::to_value(kind).ok(), Some(serde_json::json!(kind.as_str())), "{kind:?}");
    }
    // The command line's list pads the kind to a column.
    assert_eq!(format!("{:<13}|", BackupKind::VoorMigratie), "voor-migratie|");
    assert_eq!(format!("{:<13}|", BackupKind::Dagelijks), "dagelijks    |");
}

#[test]
fn a_backup_from_elsewhere_is_never_pruned() {
    let mut all = dailies("2026-11-30", 40);
    let elsewhere = Backup {
        file: "kopie-van-maandag.sqlite3".into(),
        path: PathBuf::from("kopie-van-maandag.sqlite3"),
        kind: BackupKind::Extern,
        ..backup("2026-01-01T09:00:00Z", Kind::Dagelijks)
    };
    all.push(elsewhere.clone());
    let gone = to_prune(&all);
    assert_eq!(gone.len(), 40 - 11);
    assert!(!gone.contains(&elsewhere));
}
