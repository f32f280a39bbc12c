//! The data key: 256 random bits, never derived from anything a person can guess.

use rand::RngCore;
use zeroize::{Zeroize, Zeroizing};

/// The raw SQLCipher key. Zeroed when dropped, so locking really forgets it.
pub struct DataKey(Zeroizing<[u8; 32]>);

impl DataKey {
    /// A fresh key of 256 bits from the operating system's random source.
    pub fn generate() -> Self {
        let mut bytes = Zeroizing::new([0u8; 32]);
        rand::rngs::OsRng.fill_bytes(bytes.as_mut());
        Self(bytes)
    }

    /// Takes a key (e.g. just unwrapped from a slot); the copy passed in is zeroed.
    pub fn from_bytes(bytes: [u8; 32]) -> Self {
        let mut key = Zeroizing::new([0u8; 32]);
        key.copy_from_slice(&bytes);
        let mut bytes = bytes;
        bytes.zeroize();
        Self(key)
    }

    /// A second copy of the key (zeroed when dropped too), for a backup running on a thread of
    /// its own.
    pub(crate) fn duplicate(&self) -> Self {
        Self(Zeroizing::new(*self.0))
    }

    /// The raw 32 key bytes, borrowed from the buffer that is zeroed when the key is dropped.
    pub fn as_bytes(&self) -> &[u8; 32] {
        &self.0
    }

    /// The `PRAGMA key` literal: a raw key in SQLCipher's blob syntax, so no KDF runs at open.
    pub(crate) fn pragma_literal(&self) -> Zeroizing<String> {
        use std::fmt::Write as _;
        // Written in place into one buffer sized up front: no intermediate hex string and no
        // reallocation leaves a copy of the key behind in freed memory.
        let mut literal = Zeroizing::new(String::with_capacity(4 + 2 * self.0.len() + 2));
        literal.push_str("\"x'");
        for byte in self.0.iter() {
            let _ = write!(literal, "{byte:02x}");
        }
        literal.push_str("'\"");
        literal
    }
}

impl std::fmt::Debug for DataKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("DataKey(…)")
    }
}
