//! Unit tests of the store.

use super::*;

#[test]
fn the_debug_output_of_an_encrypted_store_shows_no_passphrase() {
    let dir = tempfile::tempdir().expect("dir");
    let pass = "paardenbloem-zeven";
    let conn = crate::crypt::create_encrypted(&dir.path().join(DB_FILE), pass).expect("create");
    conn.execute_batch("CREATE TABLE leeg (x)").expect("write a first page");
    drop(conn);
    std::fs::write(dir.path().join(crate::crypt::MARKER), "").expect("marker");
    let store = Store::open(dir.path(), Some(pass), Clock::system(), || false)
        .and_then(Unmigrated::migrate)
        .expect("opens with the passphrase");
    assert_eq!(store.key(), Some(pass), "the store has it for the calls that need it");
    let shown = format!("{store:?}");
    assert!(!shown.contains(pass) && !shown.contains("paard"), "{shown}");
}
