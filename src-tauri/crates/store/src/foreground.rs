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
/// When the commands now running began, in microseconds since `EPOCH`.
static SERVING_SINCE: AtomicU64 = AtomicU64::new(0);
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
/// A command running longer than this is either long anyway (an export) or waiting for the
/// backup itself (a checkpoint waits for the snapshot's read transaction): the backup goes on.
const LONG_COMMAND: Duration = Duration::from_millis(50);

fn micros_since_epoch() -> u64 {
    let epoch = *EPOCH.get_or_init(Instant::now);
    u64::try_from(epoch.elapsed().as_micros()).unwrap_or(u64::MAX)
}

/// Held while the app serves a command (the shell holds one around every command). Not `Send`:
/// it is dropped on the thread that serves, whose own work never waits for itself.
#[must_use = "serving lasts as long as the value is held"]
pub struct Serving(std::marker::PhantomData<*const ()>);

/// Marks the app as serving its user until the value is dropped.
pub fn serving() -> Serving {
    SERVING_HERE.with(|n| n.set(n.get() + 1));
    if SERVING.fetch_add(1, Ordering::SeqCst) == 0 {
        SERVING_SINCE.store(micros_since_epoch(), Ordering::SeqCst);
    }
    Serving(std::marker::PhantomData)
}

impl Drop for Serving {
    fn drop(&mut self) {
        LAST_SERVED.store(micros_since_epoch().max(1), Ordering::SeqCst);
        SERVING.fetch_sub(1, Ordering::SeqCst);
        SERVING_HERE.with(|n| n.set(n.get().saturating_sub(1)));
    }
}

fn micros(d: Duration) -> u64 {
    u64::try_from(d.as_micros()).unwrap_or(u64::MAX)
}

fn busy() -> bool {
    let now = micros_since_epoch();
    if SERVING.load(Ordering::SeqCst) > 0 {
        return now.saturating_sub(SERVING_SINCE.load(Ordering::SeqCst)) < micros(LONG_COMMAND);
    }
    let last = LAST_SERVED.load(Ordering::SeqCst);
    last != 0 && now.saturating_sub(last) < micros(QUIET)
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

/// The marker is one per process: tests that serve take turns.
#[cfg(test)]
pub(crate) static TESTS_SERVING: std::sync::Mutex<()> = std::sync::Mutex::new(());

#[cfg(test)]
mod tests {
    use super::*;

    /// How long background work on a thread of its own gives way, as a backup's does.
    fn waited_on_another_thread() -> Duration {
        std::thread::spawn(|| {
            let t = Instant::now();
            give_way();
            t.elapsed()
        })
        .join()
        .expect("background thread")
    }

    #[test]
    fn background_work_waits_for_a_command_and_never_for_long() {
        let _turn = TESTS_SERVING.lock().unwrap_or_else(|p| p.into_inner());
        let held = serving();
        // The command's own work does not wait for itself.
        let t = Instant::now();
        give_way();
        assert!(t.elapsed() < LONGEST_WAIT, "{:?}", t.elapsed());
        let waited = waited_on_another_thread();
        // A short command is waited for, at most `LONGEST_WAIT` (sleeps may overshoot).
        assert!(waited >= LONGEST_WAIT, "{waited:?}");
        assert!(waited < LONGEST_WAIT * 5, "{waited:?}");
        // A long one (here past `LONG_COMMAND`) may be waiting for the backup: no more waits.
        std::thread::sleep(LONG_COMMAND);
        let waited = waited_on_another_thread();
        assert!(waited < LONGEST_WAIT, "{waited:?}");
        drop(held);
        // Just after a command it still waits a little, then not at all.
        std::thread::sleep(QUIET * 2);
        let t = Instant::now();
        give_way();
        assert!(t.elapsed() < QUIET, "{:?}", t.elapsed());
    }
}
