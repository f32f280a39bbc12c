#!/usr/bin/env python3
"""Reads a DOCX the way an independent tool does, for Kernteam's tests.

usage: read_docx.py FILE [PASSWORD]
With a password the file is first decrypted by msoffcrypto-tool (ECMA-376 agile); then
python-docx reads it. Prints the paragraphs, the table cells, the header and the footer, one
per line; exits 3 when the password is wrong or missing for an encrypted file.
"""
import io
import sys

import docx
import msoffcrypto


def main() -> int:
    path = sys.argv[1]
    password = sys.argv[2] if len(sys.argv) > 2 else None
    with open(path, "rb") as f:
        data = f.read()
    office = msoffcrypto.OfficeFile(io.BytesIO(data))
    if office.is_encrypted():
        if password is None:
            print("encrypted, no password", file=sys.stderr)
            return 3
        try:
            office.load_key(password=password)
            out = io.BytesIO()
            office.decrypt(out)
        except Exception as e:  # wrong password: msoffcrypto raises its own errors
            print(f"cannot decrypt: {e}", file=sys.stderr)
            return 3
        data = out.getvalue()
    document = docx.Document(io.BytesIO(data))
    for p in document.paragraphs:
        print(f"[{p.style.name}] {p.text}")
    for table in document.tables:
        for row in table.rows:
            print("| " + " | ".join(c.text for c in row.cells) + " |")
    section = document.sections[0]
    print("HEADER: " + " ".join(p.text for p in section.header.paragraphs))
    print("FOOTER: " + " ".join(p.text for p in section.footer.paragraphs))
    print(f"PAGE: {section.page_width.mm:.0f} x {section.page_height.mm:.0f} mm")
    return 0


if __name__ == "__main__":
    sys.exit(main())
