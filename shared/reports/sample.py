"""Sample summary documents: a realistic small one in Spanish or English (tests, README image)
and a large generated one (benchmark). Both are plain data: no database, no disclosure."""

from __future__ import annotations

import random
from datetime import UTC, date, datetime, timedelta
from typing import Any

from shared.reports.document import (
    ActionPlan,
    AuditFooter,
    Charter,
    Combination,
    Contribution,
    Evaluation,
    LedgerPair,
    LedgerRow,
    Meta,
    Overlap,
    Participant,
    PlanStep,
    Resource,
    SummaryDocument,
    Theme,
    Topic,
    VoteResult,
)

_START = datetime(2026, 3, 14, 9, 30, tzinfo=UTC)
_ROOT = "9f2c4e1ab37d5c08e6f1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7"

_TEXT: dict[str, dict[str, Any]] = {
    "es": {
        "title": "Economía circular en la industria agroalimentaria",
        "objective": "Detectar solapes y sumatorios entre empresas y acordar un plan de acción "
        "que beneficie a ambas partes.",
        "facilitator": "Begoña Muñoz Ibáñez",
        "attribution": "Chatham House: se puede usar la información, sin atribuirla",
        "reveal": [
            "Una empresa ve las aportaciones de un tema solo después de aportar a ese tema.",
            "Las aportaciones sensibles se revelan con el visto bueno de su autora.",
        ],
        "leave": [
            "Ideas y buenas prácticas sin nombres (TLP:GREEN).",
            "Nunca cifras de costes ni nombres de clientes (TLP:RED).",
        ],
        "retention": "12 meses; después se borra todo salvo el registro de auditoría.",
        "verify": "Descargue el registro con «tertulia audit export» y compruebe que su hash "
        "raíz coincide con el de este pie; cada entrada incluye su prueba de inclusión.",
        "topics": [
            (
                "Buenas prácticas de aprovechamiento",
                [
                    (
                        "good_practice",
                        "Vendemos el suero de la quesería a una granja porcina: "
                        "ahorro de 18.000 € al año y ningún vertido.",
                        "Quesería Peñalba",
                    ),
                    (
                        "result",
                        "En dos años redujimos la merma un 23 % gracias a la "
                        "planificación semanal con la cooperativa.",
                        None,
                    ),
                    (
                        "idea",
                        "¿Y si compartimos un camión frigorífico para la ruta del "
                        "norte? ¡Llenaríamos la carga los martes!",
                        "Cooperativa La Cigüeña",
                    ),
                    ("good_practice", None, None),
                ],
                [("Subproductos como materia prima", 3), ("Logística compartida", 2)],
                [("Camión frigorífico compartido", 7), ("Bolsa de subproductos", 5)],
            ),
            (
                "Barreras y fracasos",
                [
                    (
                        "bad_practice",
                        "Probamos envases “compostables” sin certificar y el "
                        "cliente los rechazó: aprendimos a pedir la norma EN 13432.",
                        None,
                    ),
                    (
                        "barrier",
                        "La normativa de subproductos animales frenó el acuerdo; la "
                        "superamos con un gestor autorizado.",
                        "Conservas Ñora",
                    ),
                ],
                [],
                [],
            ),
            ("Modelo de negocio", [], [], []),
        ],
        "overlaps": [
            (
                ("Quesería Peñalba", "Lácteos Úbeda"),
                0.82,
                "Ambas venden queso curado al canal HORECA de Castilla y León.",
                True,
                True,
            ),
            (
                ("Conservas Ñora", "Cooperativa La Cigüeña"),
                0.41,
                "Las dos compran pimiento en la misma comarca.",
                False,
                False,
            ),
        ],
        "combinations": [
            (
                "Quesería Peñalba",
                "Granja Ibérica Sáez",
                0.9,
                "El suero de una es pienso para la otra.",
                False,
                True,
            ),
            (
                "Cooperativa La Cigüeña",
                "Conservas Ñora",
                0.67,
                "Frío compartido en la ruta del norte.",
                False,
                False,
            ),
        ],
        "plan": "Ruta frigorífica compartida entre la cooperativa y la conservera",
        "steps": [
            (
                "Inventario de rutas y horarios",
                "Cooperativa La Cigüeña",
                "Íñigo Sáez",
                date(2026, 4, 1),
                "done",
                [("Hoja de rutas", "Cooperativa La Cigüeña")],
            ),
            (
                "Presupuesto del camión (máx. 60.000 €)",
                "Conservas Ñora",
                "Lucía Núñez",
                date(2026, 4, 20),
                "in_progress",
                [("Tres ofertas de leasing", None)],
            ),
            (
                "Prueba piloto de cuatro semanas",
                "Cooperativa La Cigüeña",
                None,
                date(2026, 6, 1),
                "planned",
                [("Conductor", "Conservas Ñora"), ("Sensores de temperatura", None)],
            ),
        ],
        "benefits": "Un cliente nuevo y una ruta compartida; ¡repetiremos!",
    },
    "en": {
        "title": "Circular economy in the agri-food industry",
        "objective": "Find overlaps and combinations between companies and agree an action "
        "plan that benefits both sides.",
        "facilitator": "Begoña Muñoz Ibáñez",
        "attribution": "Chatham House: information may be used, not attributed",
        "reveal": [
            "A company sees a topic's contributions only after contributing to it.",
            "Sensitive contributions are revealed with their author's consent.",
        ],
        "leave": [
            "Ideas and good practices without names (TLP:GREEN).",
            "Never cost figures or client names (TLP:RED).",
        ],
        "retention": "12 months; then everything but the audit log is deleted.",
        "verify": "Export the log with “tertulia audit export” and check that its root hash "
        "matches this footer; every entry carries its inclusion proof.",
        "topics": [
            (
                "Good practices in reuse",
                [
                    (
                        "good_practice",
                        "We sell the dairy's whey to a pig farm: €18,000 saved "
                        "a year and no discharge.",
                        "Quesería Peñalba",
                    ),
                    (
                        "result",
                        "In two years waste fell by 23% thanks to weekly planning "
                        "with the cooperative.",
                        None,
                    ),
                    (
                        "idea",
                        "What if we share a refrigerated lorry on the northern route? "
                        "We'd fill it on Tuesdays!",
                        "Cooperativa La Cigüeña",
                    ),
                    ("good_practice", None, None),
                ],
                [("By-products as raw material", 3), ("Shared logistics", 2)],
                [("Shared refrigerated lorry", 7), ("By-product exchange", 5)],
            ),
            (
                "Barriers and failures",
                [
                    (
                        "bad_practice",
                        "We tried “compostable” packaging without certification "
                        "and the client rejected it: now we ask for EN 13432.",
                        None,
                    ),
                    (
                        "barrier",
                        "Animal by-product rules stalled the deal; an authorised "
                        "handler got us past it.",
                        "Conservas Ñora",
                    ),
                ],
                [],
                [],
            ),
            ("Business model", [], [], []),
        ],
        "overlaps": [
            (
                ("Quesería Peñalba", "Lácteos Úbeda"),
                0.82,
                "Both sell cured cheese to the hospitality channel in Castilla y León.",
                True,
                True,
            ),
            (
                ("Conservas Ñora", "Cooperativa La Cigüeña"),
                0.41,
                "Both buy peppers in the same district.",
                False,
                False,
            ),
        ],
        "combinations": [
            (
                "Quesería Peñalba",
                "Granja Ibérica Sáez",
                0.9,
                "One's whey is the other's feed.",
                False,
                True,
            ),
            (
                "Cooperativa La Cigüeña",
                "Conservas Ñora",
                0.67,
                "Shared cold chain on the northern route.",
                False,
                False,
            ),
        ],
        "plan": "Shared refrigerated route between the cooperative and the cannery",
        "steps": [
            (
                "Inventory of routes and schedules",
                "Cooperativa La Cigüeña",
                "Íñigo Sáez",
                date(2026, 4, 1),
                "done",
                [("Route sheet", "Cooperativa La Cigüeña")],
            ),
            (
                "Lorry budget (max. €60,000)",
                "Conservas Ñora",
                "Lucía Núñez",
                date(2026, 4, 20),
                "in_progress",
                [("Three leasing offers", None)],
            ),
            (
                "Four-week pilot",
                "Cooperativa La Cigüeña",
                None,
                date(2026, 6, 1),
                "planned",
                [("Driver", "Conservas Ñora"), ("Temperature sensors", None)],
            ),
        ],
        "benefits": "A new client and a shared route; we'll do it again!",
    },
}

_COMPANIES = (
    ("Quesería Peñalba", ("Ana Peñalba", "José Ortí")),
    ("Cooperativa La Cigüeña", ("Íñigo Sáez",)),
    ("Conservas Ñora", ("Lucía Núñez", "Martín Güell")),
    ("Lácteos Úbeda", None),
    ("Granja Ibérica Sáez", ("Raúl Sáez",)),
)


def sample_document(language: str = "es", status: str = "final") -> SummaryDocument:
    """A small, realistic facilitator's summary with accents, a sealed placeholder, an
    unattributed contribution, an empty topic, themes, votes, plans and the ledger."""
    text = _TEXT[language]
    topics = []
    minute = 0
    for title, items, themes, votes in text["topics"]:
        contributions = []
        for kind, body, who in items:
            minute += 7
            contributions.append(Contribution(kind, body, who, _START + timedelta(minutes=minute)))
        topics.append(
            Topic(
                title,
                tuple(contributions),
                tuple(Theme(t, n) for t, n in themes),
                tuple(VoteResult(v, n) for v, n in votes),
            )
        )
    steps = tuple(
        PlanStep(t, owner, person, due, status_code, tuple(Resource(r, p) for r, p in res))
        for t, owner, person, due, status_code, res in text["steps"]
    )
    return SummaryDocument(
        meta=Meta(
            title=text["title"],
            objective=text["objective"],
            date=date(2026, 3, 14),
            language=language,  # type: ignore[arg-type]
            facilitator=text["facilitator"],
            status=status,  # type: ignore[arg-type]
            generated_at=datetime(2026, 3, 14, 18, 5, tzinfo=UTC),
            viewer_label="Facilitador/a" if language == "es" else "Facilitator",
        ),
        charter=Charter(
            sensitivity_default="TLP:AMBER",
            attribution_mode=text["attribution"],
            reveal_conditions=tuple(text["reveal"]),
            may_leave_room=tuple(text["leave"]),
            retention=text["retention"],
        ),
        participants=tuple(Participant(c, p) for c, p in _COMPANIES),
        topics=tuple(topics),
        overlaps=tuple(Overlap(*o) for o in text["overlaps"]),
        combinations=tuple(Combination(*c) for c in text["combinations"]),
        plans=(ActionPlan(text["plan"], ("Cooperativa La Cigüeña", "Conservas Ñora"), steps),),
        evaluations=(
            Evaluation("Quesería Peñalba", 5, text["benefits"], True, False),
            Evaluation("Cooperativa La Cigüeña", 4, None, False, False),
            Evaluation("Lácteos Úbeda", None, None, None, None),
        ),
        ledger=(
            LedgerRow("Quesería Peñalba", 4, 2),
            LedgerRow("Cooperativa La Cigüeña", 3, 3),
            LedgerRow("Conservas Ñora", 1, 4),
            LedgerRow("Lácteos Úbeda", 0, 1),
            LedgerRow("Granja Ibérica Sáez", 2, 0),
        ),
        ledger_pairs=(
            LedgerPair("Quesería Peñalba", "Granja Ibérica Sáez", 2),
            LedgerPair("Cooperativa La Cigüeña", "Conservas Ñora", 3),
            LedgerPair("Conservas Ñora", "Cooperativa La Cigüeña", 1),
        ),
        audit=AuditFooter(tree_size=57, root_hash=_ROOT, how_to_verify=text["verify"]),
    )


_WORDS = (
    "proveedor",
    "cliente",
    "coste",
    "mercado",
    "logística",
    "envase",
    "frío",
    "ruta",
    "piloto",
    "acuerdo",
    "cooperativa",
    "subproducto",
    "certificación",
    "ahorro",
    "energía",
    "agua",
    "formación",
    "exportación",
    "canal",
    "márgenes",
    "digitalización",
    "trazabilidad",
    "residuo",
    "compostaje",
    "calidad",
    "plazo",
    "inversión",
    "señalización",
)


def _two(rng: random.Random, names: list[str]) -> tuple[str, str]:
    first, second = rng.sample(names, 2)
    return first, second


def large_document(
    companies: int = 100,
    contributions: int = 3000,
    topics: int = 30,
    plans: int = 40,
    language: str = "es",
    seed: int = 7,
) -> SummaryDocument:
    """A generated facilitator's summary of a large workshop (the benchmark's input)."""
    rng = random.Random(seed)
    names = [f"Empresa {i + 1:03d} Núñez y Cía." for i in range(companies)]
    kinds = ("good_practice", "bad_practice", "barrier", "result", "idea")

    def sentence(n: int) -> str:
        words = [rng.choice(_WORDS) for _ in range(n)]
        return " ".join(words).capitalize() + rng.choice((".", "; ¿y ahora?", ": ¡hecho!"))

    topic_list = []
    per_topic = [contributions // topics] * topics
    for i in range(contributions - sum(per_topic)):
        per_topic[i] += 1
    minute = 0
    for t in range(topics):
        items = []
        for _ in range(per_topic[t]):
            minute += 1
            sealed = rng.random() < 0.05
            items.append(
                Contribution(
                    rng.choice(kinds),
                    None if sealed else sentence(rng.randint(12, 40)),
                    None if rng.random() < 0.3 else rng.choice(names),
                    _START + timedelta(minutes=minute),
                )
            )
        topic_list.append(
            Topic(
                f"Tema {t + 1}: {sentence(4)}",
                tuple(items),
                tuple(Theme(sentence(3), rng.randint(2, 9)) for _ in range(3)),
                tuple(VoteResult(sentence(3), rng.randint(0, 40)) for _ in range(3)),
            )
        )
    overlaps = tuple(
        Overlap(
            tuple(rng.sample(names, 2)),
            round(rng.random(), 2),
            sentence(10),
            rng.random() < 0.1,
            rng.random() < 0.3,
        )
        for _ in range(150)
    )
    combos = tuple(
        Combination(
            *_two(rng, names),
            round(rng.random(), 2),
            sentence(10),
            rng.random() < 0.1,
            rng.random() < 0.3,
        )
        for _ in range(150)
    )
    statuses = ("planned", "in_progress", "done", "blocked")
    plan_list = []
    for _ in range(plans):
        parties = tuple(rng.sample(names, 2))
        steps = tuple(
            PlanStep(
                sentence(6),
                rng.choice(parties),
                rng.choice((None, "Lucía Núñez", "Íñigo Sáez")),
                date(2026, 4, 1) + timedelta(days=rng.randint(0, 300)),
                rng.choice(statuses),
                tuple(Resource(sentence(2), rng.choice((None, *parties))) for _ in range(2)),
            )
            for _ in range(rng.randint(3, 8))
        )
        plan_list.append(ActionPlan(sentence(8), parties, steps))
    ledger = tuple(LedgerRow(n, rng.randint(0, 60), rng.randint(0, 60)) for n in names)
    pairs = tuple(LedgerPair(*_two(rng, names), rng.randint(1, 9)) for _ in range(companies * 3))
    base = sample_document(language)
    return SummaryDocument(
        meta=Meta(
            title=f"Taller grande: {companies} empresas",
            objective=base.meta.objective,
            date=base.meta.date,
            language=base.meta.language,
            facilitator=base.meta.facilitator,
            status="draft",
            generated_at=base.meta.generated_at,
            viewer_label=base.meta.viewer_label,
        ),
        charter=base.charter,
        participants=tuple(Participant(n, ("Persona Uno", "Persona Dos")) for n in names),
        topics=tuple(topic_list),
        overlaps=overlaps,
        combinations=combos,
        plans=tuple(plan_list),
        evaluations=tuple(
            Evaluation(n, rng.randint(1, 5), sentence(8), rng.random() < 0.5, None) for n in names
        ),
        ledger=ledger,
        ledger_pairs=pairs,
        audit=base.audit,
    )
