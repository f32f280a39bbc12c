//! The person at the laptop comes first. While the app serves her (a command runs, or ran a
//! moment ago), a backup on its own thread gives way at its next step: on two cores its page
//! copying, hashing and checking otherwise slow an item switch in a live meeting by half
//! (measured: the switch shares caches and memory with the backup, not only a core).
//! It never waits long: a backup still finishes while the app is in constant use.

use std::cell::Cell;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicU64, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

static SERVING: AtomicUsize = AtomicUsize::new(0);
/// When the last command ended, in microseconds since `EPOCH` (0: none yet).
static LAST_SERVED: AtomicU64 = AtomicU64::new(0);
static EPOCH: OnceLock<Instant> = OnceLock::new();

thread_local! {
    /// Commands this thread serves now: work a command does itself (a restore, a migration's
    /// backup at unlock) never waits for itself.
    static SERVING_HERE: Cell<usize> = const { Cell::new(0) };
}

/// A user interface reacts to a command with the next one within a few milliseconds (a switch,
/// then the live view read again): the backup waits that long after the last one ends.
const QUIET: Duration = Duration::from_millis(5);
/// The longest a backup step waits, so it finishes while the app is in constant use.
const LONGEST_WAIT: Duration = Duration::from_millis(40);
const NAP: Duration = Duration::from_micros(500);

fn micros_since_epoch() -> u64 {
    let epoch = *EPOCH.get_or_init(Instant::now);
    u64::try_from(epoch.elapsed().as_micros()).unwrap_or(u64::MAX)
}

/// Held while the app serves a command (the shell holds one around every command).
#[must_use = "serving lasts as long as the value is held"]
pub struct Serving(());

/// Marks the app as serving its user until the value is dropped.
pub fn serving() -> Serving {
    SERVING_HERE.with(|n| n.set(n.get() + 1));
    SERVING.fetch_add(1, Ordering::SeqCst);
    Serving(())
}

impl Drop for Serving {
    fn drop(&mut self) {
        LAST_SERVED.store(micros_since_epoch().max(1), Ordering::SeqCst);
        SERVING.fetch_sub(1, Ordering::SeqCst);
        SERVING_HERE.with(|n| n.set(n.get().saturating_sub(1)));
    }
}

fn busy() -> bool {
    if SERVING.load(Ordering::SeqCst) > 0 {
        return true;
    }
    let last = LAST_SERVED.load(Ordering::SeqCst);
    let quiet = u64::try_from(QUIET.as_micros()).unwrap_or(u64::MAX);
    last != 0 && micros_since_epoch().saturating_sub(last) < quiet
}

/// Called by background work between its steps: waits while the app serves its user, at most
/// `LONGEST_WAIT`.
pub(crate) fn give_way() {
    if SERVING_HERE.with(Cell::get) > 0 {
        return;
    }
    let started = Instant::now();
    while busy() && started.elapsed() < LONGEST_WAIT {
        std::thread::sleep(NAP);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn background_work_waits_for_a_command_and_never_for_long() {
        let held = serving();
        // The command's own work does not wait for itself.
        let t = Instant::now();
        give_way();
        assert!(t.elapsed() < LONGEST_WAIT, "{:?}", t.elapsed());
        let waited = std::thread::spawn(|| {
            let t = Instant::now();
            give_way();
            t.elapsed()
        })
        .join()
        .expect("background thread");
        assert!(waited >= LONGEST_WAIT, "{waited:?}");
        assert!(waited < LONGEST_WAIT * 5, "{waited:?}");
        drop(held);
        // Just after a command it still waits a little, then not at all.
        std::thread::sleep(QUIET * 2);
        let t = Instant::now();
        give_way();
        assert!(t.elapsed() < QUIET, "{:?}", t.elapsed());
    }
}
