//! PDF that looks typeset, laid out by Typst (as a library, no network and no system fonts):
//! `pdf/template.typ` receives the document as JSON and the fonts come from `assets/fonts`.
//! `encrypt` adds the standard security handler with AES-256 (PDF 2.0, revision 6), which
//! every current PDF reader opens after the password.

use std::sync::LazyLock;

use rand09::RngCore;
use typst::diag::{FileError, FileResult};
use typst::foundations::{Bytes, Datetime, Duration};
use typst::syntax::{FileId, RootedPath, Source, VirtualPath, VirtualRoot};
use typst::text::{Font, FontBook};
use typst::utils::LazyHash;
use typst::{Library, LibraryExt, World};
use typst_layout::PagedDocument;

use crate::document::Document;

/// Why a PDF could not be made; the text is for logs and tests, never shown with pupil data.
#[derive(Debug, thiserror::Error)]
pub enum PdfError {
    /// Typst could not lay out the document or write the PDF; holds Typst's messages.
    #[error("typesetting failed: {0}")]
    Typeset(String),
    /// Protecting the PDF with the password (AES-256) failed; holds the cause.
    #[error("PDF encryption failed: {0}")]
    Encrypt(String),
}

const TEMPLATE: &str = include_str!("pdf/template.typ");
const FONT_FILES: [&[u8]; 4] = [
    include_bytes!("../../../../assets/fonts/Inter-Regular.otf"),
    include_bytes!("../../../../assets/fonts/Inter-Italic.otf"),
    include_bytes!("../../../../assets/fonts/Inter-SemiBold.otf"),
    include_bytes!("../../../../assets/fonts/Inter-Bold.otf"),
];

/// What every export shares: the standard library, the fonts and their book. Parsed once.
struct Typesetting {
    library: LazyHash<Library>,
    book: LazyHash<FontBook>,
    fonts: Vec<Font>,
}

static TYPESETTING: LazyLock<Typesetting> = LazyLock::new(|| {
    let fonts: Vec<Font> = FONT_FILES
        .iter()
        .flat_map(|data| Font::iter(Bytes::new(*data)))
        .collect();
    Typesetting {
        library: LazyHash::new(Library::default()),
        book: LazyHash::new(FontBook::from_fonts(&fonts)),
        fonts,
    }
});

fn file_id(path: &str) -> FileId {
    let vpath = VirtualPath::new(path).unwrap_or_else(|_| unreachable!("fixed paths are valid"));
    FileId::new(RootedPath::new(VirtualRoot::Project, vpath))
}

/// One document's world: the template as the main file and the document as `/document.json`.
/// Nothing else can be read — no files from disk, no packages.
struct ExportWorld {
    main: Source,
    data: Bytes,
    data_id: FileId,
}

impl World for ExportWorld {
    fn library(&self) -> &LazyHash<Library> {
        &TYPESETTING.library
    }

    fn book(&self) -> &LazyHash<FontBook> {
        &TYPESETTING.book
    }

    fn main(&self) -> FileId {
        self.main.id()
    }

    fn source(&self, id: FileId) -> FileResult<Source> {
        if id == self.main.id() {
            Ok(self.main.clone())
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn file(&self, id: FileId) -> FileResult<Bytes> {
        if id == self.data_id {
            Ok(self.data.clone())
        } else if id == self.main.id() {
            Ok(Bytes::from_string(self.main.clone()))
        } else {
            Err(FileError::AccessDenied)
        }
    }

    fn font(&self, index: usize) -> Option<Font> {
        TYPESETTING.fonts.get(index).cloned()
    }

    fn today(&self, _offset: Option<Duration>) -> Option<Datetime> {
        None
    }
}

/// The document as a PDF file (not encrypted).
pub fn render(doc: &Document) -> Result<Vec<u8>, PdfError> {
    let data = serde_json::json!({
        "title": doc.title,
        "subtitle": doc.subtitle,
        "school": doc.school,
        "team": doc.team,
        "status": doc.status,
        "made_on": doc.made_on,
        "footer": doc.footer(),
        "sections": doc.sections,
    });
    let world = ExportWorld {
        main: Source::new(file_id("/export.typ"), TEMPLATE.to_owned()),
        data: Bytes::new(data.to_string().into_bytes()),
        data_id: file_id("/document.json"),
    };
    let typeset: PagedDocument = typst::compile(&world)
        .output
        .map_err(|errors| PdfError::Typeset(describe(&errors)))?;
    let options = typst_pdf::PdfOptions {
        creator: typst::foundations::Smart::Custom(Some("Kernteam".to_owned())),
        ..Default::default()
    };
    let pdf =
        typst_pdf::pdf(&typeset, &options).map_err(|errors| PdfError::Typeset(describe(&errors)));
    // Typst memoises layouts across compilations; an export is seldom repeated, so keep only
    // what the last few used and the app's memory stays flat over a day of exports.
    typst::comemo::evict(4);
    pdf
}

fn describe(errors: &[typst::diag::SourceDiagnostic]) -> String {
    errors
        .iter()
        .map(|e| e.message.to_string())
        .collect::<Vec<_>>()
        .join("; ")
}

/// The PDF under a password: AES-256 (V 5, R 6). Readers open it with the password and show
/// nothing without it; the owner password is random and never shown, so the recipient gets
/// the document with every permission but cannot remove the protection.
pub fn encrypt(pdf: &[u8], password: &str) -> Result<Vec<u8>, PdfError> {
    use lopdf::encryption::crypt_filters::{Aes256CryptFilter, CryptFilter};
    use lopdf::encryption::{EncryptionState, EncryptionVersion, Permissions};
    use std::collections::BTreeMap;
    use std::sync::Arc;

    let fail = |e: &dyn std::fmt::Display| PdfError::Encrypt(e.to_string());
    let mut document = lopdf::Document::load_mem(pdf).map_err(|e| fail(&e))?;
    let mut rng = rand09::rng();
    let mut key = [0u8; 32];
    rng.fill_bytes(&mut key);
    let mut owner = [0u8; 24];
    rng.fill_bytes(&mut owner);
    let owner: String = owner.iter().map(|b| format!("{b:02x}")).collect();
    let filter: Arc<dyn CryptFilter> = Arc::new(Aes256CryptFilter);
    let version = EncryptionVersion::V5 {
        encrypt_metadata: true,
        crypt_filters: BTreeMap::from([(b"StdCF".to_vec(), filter)]),
        file_encryption_key: &key,
        stream_filter: b"StdCF".to_vec(),
        string_filter: b"StdCF".to_vec(),
        owner_password: &owner,
        user_password: password,
        permissions: Permissions::all(),
    };
    let state = EncryptionState::try_from(version).map_err(|e| fail(&e))?;
    document.encrypt(&state).map_err(|e| fail(&e))?;
    let mut out = Vec::with_capacity(pdf.len() + 1024);
    document.save_to(&mut out).map_err(|e| fail(&e))?;
    Ok(out)
}
