"""A draft from a result speaks of the parties as they know each other: every way a
company's name can come through a quoted item is replaced by its label."""

from __future__ import annotations

from shared.services.naming import renamed_in_text

LABELS = {
    "Alfa": "Empresa A",
    "Alfa Foods": "Empresa B",
    "Quesería Campo de Calatrava": "Empresa C",
    "Hodder Valley Flour Mill": "Company D",
}


def test_a_name_is_replaced_in_any_case_longest_name_first() -> None:
    assert (
        renamed_in_text("Alfa Foods y Alfa; ALFA FOODS", LABELS)
        == "Empresa B y Empresa A; Empresa B"
    )


def test_a_name_typed_without_its_accents_or_with_others_is_replaced() -> None:
    assert renamed_in_text("Queseria campo de calatrava vende queso", LABELS) == (
        "Empresa C vende queso"
    )
    # Decomposed accents (a combining mark after the letter) go with the name.
    decomposed = "Quese\u0301ri\u0301a Campo de Calatrava\u0301, socia"
    assert renamed_in_text(decomposed, LABELS) == "Empresa C, socia"


def test_a_quote_cut_short_inside_a_name_does_not_keep_its_beginning() -> None:
    text = "“Harina para Hodder Val…” y “maquila para Quesería Cam…”"
    assert renamed_in_text(text, LABELS) == "“Harina para Company D…” y “maquila para Empresa C…”"
    # The longer name wins where a shorter one would match only part of the cut.
    assert renamed_in_text("“socios de Alfa Fo…”", LABELS) == "“socios de Empresa B…”"


def test_words_that_only_look_like_a_name_stay() -> None:
    text = "Alfalfa y avena para Alf… (ALFAX)"
    assert renamed_in_text(text, LABELS) == text
    assert renamed_in_text("Conservas Alfa", {"Alfa": "Alfa"}) == "Conservas Alfa"


def test_a_mark_after_a_name_or_other_spaces_inside_it_do_not_hide_it() -> None:
    assert renamed_in_text("Alfa™ ofrece", LABELS) == "Empresa A™ ofrece"
    assert renamed_in_text("Alfa  Foods y Alfa\u00a0Foods", LABELS) == "Empresa B y Empresa B"
    assert renamed_in_text("Łódź Foods / Lodz foods", {"Łódź Foods": "F"}) == "F / F"


def test_a_cut_that_could_begin_two_names_keeps_neither_and_typed_dots_are_no_cut() -> None:
    labels = {"Hodder Valley": "Company D", "Hodder Mill": "Company E", "Harinas del Sur": "H"}
    assert renamed_in_text("“made by Hodde…”", labels) == "“made by …”"
    assert renamed_in_text("Vendemos harina...", labels) == "Vendemos harina..."


def test_a_name_with_no_letters_left_is_ignored_rather_than_breaking_the_draft() -> None:
    assert renamed_in_text("Fin.", {"\u0301": "Empresa G", "Alfa": "Empresa A"}) == "Fin."
