"""The crypto core and the audit core stay free of web and database frameworks."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_no_flask_or_sqlalchemy_imported() -> None:
    code = (
        "import sys, shared.crypto, shared.audit_log\n"
        "bad = sorted(m for m in sys.modules if m.split('.')[0] in "
        "{'flask', 'flask_socketio', 'sqlalchemy', 'werkzeug'})\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], cwd=ROOT, capture_output=True, text=True, check=True
    )
    assert out.stdout.strip() == ""
