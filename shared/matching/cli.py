"""`tertulia match FILE [--format json|text] [--language en|es]`: the engine from the
command line. JSON carries explanations in both languages (``explanations``);
``--language`` chooses the one in ``explanation`` and in the text listing: by default the
language most of the companies gave (English on a tie), English for ``explanation`` in
JSON unless asked.

Exit codes: 0 results printed; 2 the file is missing, unreadable or malformed (the message
on stderr names the company and the field).
"""

from __future__ import annotations

import argparse
import json
import sys
from collections.abc import Sequence

from .engine import match
from .profiles import CompanyProfile, ProfileFormatError, load_profiles

EXIT_OK = 0
EXIT_INPUT = 2


def build_parser(prog: str = "tertulia match") -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=prog,
        description="Find overlaps, combinations and shared needs between company profiles.",
    )
    parser.add_argument("file", help="profiles file (.json or .csv, import format)")
    parser.add_argument(
        "--format", choices=("json", "text"), default="json", help="output format (default json)"
    )
    parser.add_argument(
        "--language",
        choices=("en", "es"),
        default=None,
        help="language of the explanations (default: the text listing in the companies' "
        "own language, the JSON 'explanation' in English)",
    )
    return parser


def _companies_language(profiles: Sequence[CompanyProfile]) -> str:
    spanish = sum(1 for p in profiles if p.language == "es")
    return "es" if spanish > len(profiles) - spanish else "en"


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command; returns the exit code (never calls sys.exit itself)."""
    args = build_parser().parse_args(list(argv) if argv is not None else None)
    try:
        profiles = load_profiles(args.file)
    except FileNotFoundError:
        print(f"error: no such file: {args.file}", file=sys.stderr)
        return EXIT_INPUT
    except IsADirectoryError:
        print(f"error: {args.file} is a folder, not a profiles file", file=sys.stderr)
        return EXIT_INPUT
    except PermissionError:
        print(f"error: cannot read {args.file} (permission denied)", file=sys.stderr)
        return EXIT_INPUT
    except ProfileFormatError as exc:
        print(f"error: {args.file}: {exc}", file=sys.stderr)
        return EXIT_INPUT
    result = match(profiles)
    if args.format == "text":
        sys.stdout.write(result.to_text(args.language or _companies_language(profiles)))
    else:
        answer = result.to_json_dict(args.language or "en")
        json.dump(answer, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
    return EXIT_OK
