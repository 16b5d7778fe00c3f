"""Section titles and code labels of the summary in Spanish and English.

This layer must not import Flask, so it carries its own small dictionary rather than the
Babel catalog. The kind labels match the app's catalog (shared/web/labels.py, es catalog).
"""

from __future__ import annotations

from datetime import date, datetime

_EN: dict[str, str] = {
    "summary": "Workshop summary",
    "prepared_for": "Prepared for",
    "draft_notice": "DRAFT: the workshop is still running; this summary may change.",
    "draft": "DRAFT",
    "final": "Final",
    "status": "Status",
    "contents": "Contents",
    "workshop": "The workshop",
    "title": "Title",
    "date": "Date",
    "facilitator": "Facilitator",
    "generated_at": "Generated",
    "charter": "Charter",
    "sensitivity_default": "Default sensitivity",
    "attribution_mode": "Attribution",
    "reveal_conditions": "Reveal conditions",
    "may_leave_room": "What may leave the room",
    "retention": "Retention",
    "participants": "Participants",
    "company": "Company",
    "people": "People",
    "names_withheld": "names withheld",
    "topics": "Contributions by topic",
    "contributions": "Contributions",
    "contributions_per_topic": "Contributions per topic",
    "themes": "Themes",
    "members": "members",
    "votes": "Vote results",
    "votes_unit": "votes",
    "not_attributed": "not attributed",
    "sealed": "(sealed)",
    "overlaps_combinations": "Overlaps and combinations",
    "overlaps": "Overlaps and shared needs",
    "combinations": "Combinations",
    "network": "Overlap and combination network",
    "companies": "Companies",
    "provider": "Provider",
    "receiver": "Receiver",
    "score": "Score",
    "explanation": "Explanation",
    "restricted": "touches a restricted area",
    "confirmed": "confirmed",
    "proposed": "proposed",
    "plans": "Action plans",
    "plan": "Plan",
    "objective": "Objective",
    "plan_status": "Sign-off",
    "plan_draft": "draft, not signed yet",
    "plan_signed": "signed by every party",
    "plan_changed": "changed, awaiting approval",
    "version": "version",
    "seeks": "Seeks",
    "gives": "Gives",
    "follow_up": "How and when progress is reported",
    "limits": "Limits of the exchange",
    "third_parties": "Rules towards third parties",
    "milestone": "milestone",
    "overdue": "overdue",
    "parties": "Parties",
    "step": "Step",
    "owner": "Owner",
    "due": "Due",
    "resources": "Resources",
    "needed": "needed",
    "evaluation_ledger": "Evaluation and ledger",
    "evaluations": "Closing evaluation",
    "rating": "Usefulness (0–5)",
    "benefits": "Benefits achieved",
    "networking_before": "Networking before",
    "benchmarking_before": "Benchmarking before",
    "yes": "yes",
    "no": "no",
    "ledger": "Give and receive ledger",
    "ledger_balance": "Ledger balance (given − received)",
    "given": "Given",
    "received": "Received",
    "balance": "Balance",
    "ledger_pairs": "Between pairs",
    "giver": "Giver",
    "count": "Count",
    "verification": "Verification",
    "tree_size": "Audit log entries",
    "root_hash": "Root hash",
    "how_to_verify": "How to verify",
    "none": "None.",
    "page": "Page",
    "of": "of",
    "legend_overlap": "overlap",
    "legend_combination": "combination (provider » receiver)",
    "legend_restricted": "restricted",
    "legend_confirmed": "thick: confirmed",
    "chart_more": "{shown} of {total} shown",
}

_ES: dict[str, str] = {
    "summary": "Resumen del taller",
    "prepared_for": "Preparado para",
    "draft_notice": "BORRADOR: el taller sigue en curso; este resumen puede cambiar.",
    "draft": "BORRADOR",
    "final": "Definitivo",
    "status": "Estado",
    "contents": "Índice",
    "workshop": "El taller",
    "title": "Título",
    "objective": "Objetivo",
    "date": "Fecha",
    "facilitator": "Facilitador/a",
    "generated_at": "Generado",
    "charter": "Reglas del taller",
    "sensitivity_default": "Sensibilidad por defecto",
    "attribution_mode": "Atribución",
    "reveal_conditions": "Condiciones para revelar",
    "may_leave_room": "Qué puede salir de la sala",
    "retention": "Conservación",
    "participants": "Participantes",
    "company": "Empresa",
    "people": "Personas",
    "names_withheld": "nombres reservados",
    "topics": "Aportaciones por tema",
    "contributions": "Aportaciones",
    "contributions_per_topic": "Aportaciones por tema",
    "themes": "Temas comunes",
    "members": "miembros",
    "votes": "Resultados de la votación",
    "votes_unit": "votos",
    "not_attributed": "sin atribución",
    "sealed": "(sellada)",
    "overlaps_combinations": "Solapes y sumatorios",
    "overlaps": "Solapes y necesidades compartidas",
    "combinations": "Sumatorios",
    "network": "Red de solapes y sumatorios",
    "companies": "Empresas",
    "provider": "Aporta",
    "receiver": "Recibe",
    "score": "Puntuación",
    "explanation": "Explicación",
    "restricted": "afecta a un área restringida",
    "confirmed": "confirmado",
    "proposed": "propuesto",
    "plans": "Planes de acción",
    "plan": "Plan",
    "plan_status": "Firma",
    "plan_draft": "borrador, sin firmar",
    "plan_signed": "firmado por todas las partes",
    "plan_changed": "modificado, pendiente de aprobación",
    "version": "versión",
    "seeks": "Busca",
    "gives": "Aporta",
    "follow_up": "Cómo y cuándo se informa del avance",
    "limits": "Límites del intercambio",
    "third_parties": "Reglas frente a terceros",
    "milestone": "hito",
    "overdue": "vencido",
    "parties": "Partes",
    "step": "Paso",
    "owner": "Responsable",
    "due": "Fecha límite",
    "resources": "Recursos",
    "needed": "necesario",
    "evaluation_ledger": "Evaluación y balance",
    "evaluations": "Evaluación final",
    "rating": "Utilidad (0–5)",
    "benefits": "Beneficios obtenidos",
    "networking_before": "Networking previo",
    "benchmarking_before": "Benchmarking previo",
    "yes": "sí",
    "no": "no",
    "ledger": "El debe y el haber",
    "ledger_balance": "Balance (dado − recibido)",
    "given": "Dado",
    "received": "Recibido",
    "balance": "Balance",
    "ledger_pairs": "Entre pares",
    "giver": "Da",
    "count": "Cantidad",
    "verification": "Verificación",
    "tree_size": "Entradas del registro de auditoría",
    "root_hash": "Hash raíz",
    "how_to_verify": "Cómo verificarlo",
    "none": "Ninguno.",
    "page": "Página",
    "of": "de",
    "legend_overlap": "solape",
    "legend_combination": "sumatorio (aporta » recibe)",
    "legend_restricted": "restringido",
    "legend_confirmed": "grueso: confirmado",
    "chart_more": "se muestran {shown} de {total}",
}

LABELS: dict[str, dict[str, str]] = {"en": _EN, "es": _ES}

KIND_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "good_practice": "Good practice",
        "bad_practice": "Bad practice or failure",
        "barrier": "Barrier and how it was overcome",
        "result": "Result over time",
        "idea": "Idea",
    },
    "es": {
        "good_practice": "Buena práctica",
        "bad_practice": "Mala práctica o fracaso",
        "barrier": "Barrera y forma de superarla",
        "result": "Resultado obtenido en el tiempo",
        "idea": "Idea",
    },
}

STEP_STATUS_LABELS: dict[str, dict[str, str]] = {
    "en": {
        "not_started": "not started",
        "planned": "planned",
        "in_progress": "in progress",
        "done": "done",
        "blocked": "blocked",
        "cancelled": "cancelled",
    },
    "es": {
        "not_started": "sin empezar",
        "planned": "previsto",
        "in_progress": "en curso",
        "done": "hecho",
        "blocked": "bloqueado",
        "cancelled": "cancelado",
    },
}

_MONTHS = {
    "es": [
        "enero",
        "febrero",
        "marzo",
        "abril",
        "mayo",
        "junio",
        "julio",
        "agosto",
        "septiembre",
        "octubre",
        "noviembre",
        "diciembre",
    ],
    "en": [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ],
}


def label(language: str, key: str) -> str:
    """A section title or label; English when the language is unknown."""
    return LABELS.get(language, _EN).get(key) or _EN[key]


def kind_label(language: str, kind: str) -> str:
    table = KIND_LABELS.get(language, KIND_LABELS["en"])
    return table.get(kind, kind)


def status_label(language: str, status: str) -> str:
    table = STEP_STATUS_LABELS.get(language, STEP_STATUS_LABELS["en"])
    return table.get(status, status)


def long_date(language: str, value: date | None) -> str:
    """14 de marzo de 2026 / 14 March 2026; empty when there is no date."""
    if value is None:
        return ""
    if language == "es":
        return f"{value.day} de {_MONTHS['es'][value.month - 1]} de {value.year}"
    return f"{value.day} {_MONTHS['en'][value.month - 1]} {value.year}"


def timestamp(value: datetime) -> str:
    """A compact, language-neutral timestamp: 2026-03-14 10:05 (UTC offset when known)."""
    text = value.strftime("%Y-%m-%d %H:%M")
    offset = value.strftime("%z")
    if offset in ("+0000", "-0000"):
        return text + " UTC"
    return f"{text} {offset}".rstrip()


def yes_no(language: str, value: bool | None) -> str:
    if value is None:
        return "—"
    return label(language, "yes" if value else "no")
