//! The recovery key: 160 random bits shown once, in groups a person can write down and read back.

use hkdf::Hkdf;
use rand::RngCore;
use sha2::Sha256;
use zeroize::Zeroizing;

/// Crockford's base32: no I, L, O, U, so what is written down reads back unambiguously.
const ALPHABET: &[u8; 32] = b"0123456789ABCDEFGHJKMNPQRSTVWXYZ";
const BYTES: usize = 20;
const CHARS: usize = BYTES * 8 / 5;

/// A recovery key: 160 random bits that unwrap the recovery slot. Zeroed when dropped.
pub struct RecoveryKey(Zeroizing<[u8; BYTES]>);

impl RecoveryKey {
    /// A fresh random key from the operating system's random source, to be shown once.
    pub fn generate() -> Self {
        let mut bytes = Zeroizing::new([0u8; BYTES]);
        rand::rngs::OsRng.fill_bytes(bytes.as_mut());
        Self(bytes)
    }

    /// Eight groups of four characters: `7K3M-Q9XD-…`.
    pub fn display(&self) -> Zeroizing<String> {
        let mut chars = Vec::with_capacity(CHARS);
        let mut buffer: u32 = 0;
        let mut bits = 0;
        for byte in self.0.iter() {
            buffer = (buffer << 8) | u32::from(*byte);
            bits += 8;
            while bits >= 5 {
                bits -= 5;
                chars.push(ALPHABET[((buffer >> bits) & 31) as usize] as char);
            }
        }
        let groups: Vec<String> = chars.chunks(4).map(|g| g.iter().collect()).collect();
        Zeroizing::new(groups.join("-"))
    }

    /// Reads a typed key back: case, spaces and dashes don't matter; O/I/L read as 0/1/1.
    pub fn parse(text: &str) -> Option<Self> {
        let mut bytes = Zeroizing::new([0u8; BYTES]);
        let mut buffer: u32 = 0;
        let mut bits = 0;
        let mut count = 0;
        let mut out = 0;
        for c in text.chars() {
            if c == '-' || c.is_whitespace() {
                continue;
            }
            let c = match c.to_ascii_uppercase() {
                'O' => '0',
                'I' | 'L' => '1',
                other => other,
            };
            let value = ALPHABET.iter().position(|a| *a as char == c)? as u32;
            count += 1;
            if count > CHARS {
                return None;
            }
            buffer = (buffer << 5) | value;
            bits += 5;
            if bits >= 8 {
                bits -= 8;
                bytes[out] = ((buffer >> bits) & 0xff) as u8;
                out += 1;
            }
        }
        (count == CHARS).then_some(Self(bytes))
    }

    /// A high-entropy secret needs no slow KDF: HKDF binds it to the slot's salt.
    pub(crate) fn kek(&self, salt: &[u8]) -> Zeroizing<[u8; 32]> {
        let hk = Hkdf::<Sha256>::new(Some(salt), self.0.as_ref());
        let mut out = Zeroizing::new([0u8; 32]);
        hk.expand(b"kernteam recovery slot v1", out.as_mut())
            .expect("32 bytes is a valid HKDF-SHA256 length");
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn display_is_eight_groups_of_four_and_parses_back() {
        let key = RecoveryKey::generate();
        let shown = key.display();
        let groups: Vec<&str> = shown.split('-').collect();
        assert_eq!(groups.len(), 8, "{}", shown.as_str());
        assert!(groups.iter().all(|g| g.len() == 4));
        let typed = shown.to_lowercase().replace('-', " ");
        let parsed = RecoveryKey::parse(&typed).expect("typed back in lower case with spaces");
        assert_eq!(parsed.0.as_ref(), key.0.as_ref());
    }

    #[test]
    fn confusable_letters_are_read_as_digits() {
        let key = RecoveryKey::parse("0000-1111-0000-1111-0000-1111-0000-1111").expect("digits");
        let confusable =
            RecoveryKey::parse("OOOO-IIII-oooo-LLLL-0000-1111-0000-1111").expect("letters");
        assert_eq!(key.0.as_ref(), confusable.0.as_ref());
    }

    #[test]
    fn wrong_length_or_characters_are_refused() {
        assert!(RecoveryKey::parse("ABCD-EFGH").is_none());
        assert!(RecoveryKey::parse("UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU-UUUU").is_none());
        assert!(RecoveryKey::parse(&"A".repeat(33)).is_none());
    }
}
