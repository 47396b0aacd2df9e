#!/usr/bin/env python3
"""Validate `jianzheng review --format json` output (a file, or stdin) against docs/review.schema.json."""
import json
import pathlib
import sys

try:
    import jsonschema
except ImportError:  # a fresh machine without it: PyPI is reachable
    import subprocess
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "jsonschema"], check=True)
    import jsonschema

schema = json.loads((pathlib.Path(__file__).resolve().parent.parent / "docs" / "review.schema.json").read_text("utf-8"))
document = json.load(open(sys.argv[1], encoding="utf-8") if len(sys.argv) > 1 else sys.stdin)
jsonschema.Draft202012Validator.check_schema(schema)
errors = sorted(jsonschema.Draft202012Validator(schema).iter_errors(document), key=lambda e: list(e.path))
for error in errors[:20]:
    print(f"{'/'.join(map(str, error.path)) or '<root>'}: {error.message}", file=sys.stderr)
if errors:
    sys.exit(1)
print(f"valid: {len(document['decisions'])} decisions, {len(document['cycles'])} cycles")
