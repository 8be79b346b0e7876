#!/usr/bin/env python3
"""Fail when a source or template with translatable strings is missing from po/POTFILES.in,
or when POTFILES.in names a file that no longer exists."""
import pathlib
import re
import sys

top = pathlib.Path(sys.argv[1])
listed = set()
for line in (top / "po" / "POTFILES.in").read_text(encoding="utf-8").splitlines():
    line = line.strip()
    if line and not line.startswith("#"):
        listed.add(line)

marker_c = re.compile(r'\b(?:N?_|C_|NC_|g_dngettext|ngettext)\s*\(\s*"')
marker_ui = re.compile(r'translatable="yes"')
found = set()
for path in list((top / "src").rglob("*.c")) + list((top / "src").rglob("*.h")):
    if marker_c.search(path.read_text(encoding="utf-8", errors="replace")):
        found.add(str(path.relative_to(top)))
for path in (top / "ui").rglob("*.ui"):
    if marker_ui.search(path.read_text(encoding="utf-8", errors="replace")):
        found.add(str(path.relative_to(top)))

status = 0
for name in sorted(found - listed):
    print(f"po/POTFILES.in: missing {name}, which has translatable strings")
    status = 1
for name in sorted(listed):
    if not (top / name).exists():
        print(f"po/POTFILES.in: lists {name}, which does not exist")
        status = 1
sys.exit(status)
