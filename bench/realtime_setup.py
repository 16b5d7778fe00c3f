"""Prepare one workshop with N joined participants for the real-time benchmark.

Run from the repository root:

    python bench/realtime_setup.py --instance /tmp/x --participants 200 --out /tmp/x/tokens.json

Uses the service functions directly (no HTTP): migrations, a facilitator, a workshop,
ceil(N / 3) companies of up to 3 people, one invitation per company, N joins, one open
topic. Writes {"workshop_id", "companies", "topic_phase_id", "tokens": [...]} to --out.
The server started afterwards on the same instance folder reuses its database and its
generated secrets (kek.json, secret_key).
"""

from __future__ import annotations

import argparse
import json
import math
import os
import pathlib
import sys
import time

ROOT = pathlib.Path(__file__).resolve().parent.parent

PER_COMPANY = 3


def setup(instance: pathlib.Path, participants: int) -> dict[str, object]:
    os.environ["TERTULIA_INSTANCE_PATH"] = str(instance)
    from shared.db import Database
    from shared.disclosure import Viewer
    from shared.sealing import EnvelopeSealer
    from shared.services import accounts, agenda, charters, workshops
    from shared.services import participants as participant_service
    from shared.services.deps import cli_deps
    from tertulia.app import load_kek
    from tertulia.config import load_settings
    from tertulia.migrate import upgrade

    settings = load_settings()
    settings.instance_path.mkdir(parents=True, exist_ok=True)
    deps = cli_deps(Database(settings.database_url), EnvelopeSealer(load_kek(settings)))
    upgrade(deps.db)

    person = accounts.create_facilitator(
        deps,
        {
            "email": "bench@example.org",
            "name": "Bench Facilitator",
            "password": "bench-password-123",
            "locale": "en",
        },
    )
    actor = Viewer(facilitator_id=person.id)
    workshop = workshops.create_workshop(
        deps, actor, {"title": "Realtime benchmark", "date": "2030-01-01", "language": "en"}
    )
    company_count = math.ceil(participants / PER_COMPANY)
    invitations = []
    for index in range(company_count):
        company = workshops.add_company(
            deps, actor, workshop.id, {"name": f"Bench company {index}"}
        )
        invitations.append(workshops.issue_invitation(deps, actor, company.id))
    tokens = []
    for index in range(participants):
        invitation = invitations[index // PER_COMPANY]
        joined = participant_service.join(
            deps, invitation.token, {"name": f"Person {index}", "role": "bench", "locale": "en"}
        )
        if index % PER_COMPANY == 0:  # one person accepts the charter for the company
            charters.accept(
                deps,
                Viewer(
                    participant_id=joined.participant_id,
                    company_id=joined.company_id,
                    workshop_id=joined.workshop_id,
                ),
                1,
            )
        tokens.append(joined.token)
    phase = agenda.open_topic(deps, actor, workshop.id, {"template": "market_ideas"})
    deps.db.dispose()
    return {
        "workshop_id": workshop.id,
        "companies": company_count,
        "topic_phase_id": phase.id,
        "tokens": tokens,
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--instance", required=True, type=pathlib.Path)
    parser.add_argument("--participants", required=True, type=int)
    parser.add_argument("--out", required=True, type=pathlib.Path)
    parser.add_argument(
        "--app-root", type=pathlib.Path, default=ROOT, help="the Tertulia checkout to use"
    )
    args = parser.parse_args(argv)
    sys.path.insert(0, str(args.app_root.resolve()))
    if args.participants < 1:
        parser.error("--participants must be at least 1")
    started = time.monotonic()
    result = setup(args.instance.resolve(), args.participants)
    args.out.write_text(json.dumps(result))
    print(
        f"setup: {args.participants} participants in {result['companies']} companies, "
        f"workshop {result['workshop_id']}, {time.monotonic() - started:.1f} s",
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
