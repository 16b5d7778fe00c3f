from __future__ import annotations

import gc
import json
import random

from shared.matching import CompanyProfile, MatchResult, Settings, match


def profile(name: str, language: str = "en", **fields: tuple[str, ...]) -> CompanyProfile:
    return CompanyProfile(name=name, language=language, **fields)  # type: ignore[arg-type]


def combos(result: MatchResult) -> set[tuple[str, str]]:
    return {(c.provider, c.receiver) for c in result.combinations}


def overlap_pairs(result: MatchResult) -> dict[frozenset[str], bool]:
    return {frozenset(o.companies): o.restricted for o in result.overlaps}


CANNER = profile(
    "Canner",
    activities=("vegetable canning", "canned asparagus"),
    seeks=("reduce the energy cost of sterilisation",),
    restricted=("our asparagus suppliers",),
)
AUDITOR = profile("Auditor", activities=("energy consulting",), offers=("free energy audits",))
BOILERS = profile(
    "Boilers",
    "es",
    activities=("instalación de calderas",),
    offers=("biomass boilers for process heat",),
)
PACKAGING = profile(
    "Envases",
    "es",
    activities=("fabricación de tarros de vidrio",),
    seeks=("nuevos clientes en conservas vegetales",),
)
GROWER = profile("Grower", activities=("growing asparagus",), offers=("fresh asparagus",))
BAKERY = profile("Bakery", activities=("artisan bread",), seeks=("delivery vans",))


def test_need_answered_across_wording() -> None:
    result = match([CANNER, AUDITOR, BOILERS])
    found = combos(result)
    assert ("Auditor", "Canner") in found
    assert ("Boilers", "Canner") in found
    for combo in result.combinations:
        assert combo.need == "reduce the energy cost of sterilisation"
        assert 0.0 < combo.score <= 1.0
        assert combo.explanation and combo.evidence


def test_client_seek_answered_by_activity_across_languages() -> None:
    result = match([CANNER, PACKAGING, BAKERY])
    assert ("Canner", "Envases") in combos(result)
    combo = next(c for c in result.combinations if c.provider == "Canner")
    assert combo.offer in CANNER.activities
    assert "Potential client" in combo.explanation
    assert ("Bakery", "Envases") not in combos(result)


def test_restricted_overlap_is_flagged() -> None:
    result = match([CANNER, GROWER, BAKERY])
    pairs = overlap_pairs(result)
    assert pairs.get(frozenset({"Canner", "Grower"})) is True
    overlap = next(o for o in result.overlaps if set(o.companies) == {"Canner", "Grower"})
    assert any(e.startswith("restricted:") for e in overlap.evidence)
    assert "restricted" in overlap.explanation
    # The explanation does not say whose restricted area it is (disclosure rules).
    assert "our asparagus suppliers" not in overlap.explanation


def test_overlap_without_restriction_is_not_flagged() -> None:
    a = profile("A", "es", activities=("conservas de espárrago",))
    b = profile("B", activities=("asparagus canning",))
    result = match([a, b])
    assert overlap_pairs(result) == {frozenset({"A", "B"}): False}
    assert result.overlaps[0].explanation.startswith("Both work in")


def test_unrelated_companies_do_not_match() -> None:
    result = match([BAKERY, AUDITOR, profile("Textiles", activities=("technical fabrics",))])
    assert result.overlaps == [] and result.combinations == [] and result.shared_needs == []


def test_competitor_is_not_an_answer_to_a_supply_need() -> None:
    a = profile(
        "A", "es", activities=("conservas de espárrago",), seeks=("proveedor de espárrago fresco",)
    )
    b = profile("B", "es", activities=("conservas de espárrago y alcachofa",))
    c = profile("C", "es", offers=("espárrago fresco de proximidad",))
    found = combos(match([a, b, c]))
    assert ("C", "A") in found and ("B", "A") not in found


def test_shared_need_across_languages() -> None:
    a = profile("A", "es", seeks=("misión comercial conjunta a México",), activities=("vino",))
    b = profile("B", "en", seeks=("joint trade mission to Mexico",), activities=("olive oil",))
    c = profile("C", "en", seeks=("forklift drivers",), activities=("warehousing",))
    result = match([a, b, c])
    assert [s.companies for s in result.shared_needs] == [("A", "B")]
    assert "seek the same thing" in result.shared_needs[0].explanation


def test_results_are_deterministic_and_sorted(devset_dir) -> None:  # type: ignore[no-untyped-def]
    from shared.matching import load_profiles

    profiles = load_profiles(devset_dir / "es_conservas_navarra.json")
    first = json.dumps(match(profiles).to_json_dict(), sort_keys=True)
    shuffled = list(profiles)
    random.Random(3).shuffle(shuffled)
    assert json.dumps(match(shuffled).to_json_dict(), sort_keys=True) == first
    result = match(profiles)
    for results in (result.overlaps, result.combinations):
        scores = [r.score for r in results]
        assert scores == sorted(scores, reverse=True)
    assert all(o.companies == tuple(sorted(o.companies)) for o in result.overlaps)


def test_to_json_dict_and_text() -> None:
    result = match([CANNER, GROWER, AUDITOR])
    data = result.to_json_dict()
    assert set(data["overlaps"][0]) >= {"companies", "score", "restricted", "evidence"}
    assert set(data["combinations"][0]) >= {
        "provider",
        "receiver",
        "score",
        "offer",
        "need",
        "evidence",
    }
    text = result.to_text()
    assert "[RESTRICTED]" in text and "Auditor -> Canner" in text


def test_cognates_share_a_key_across_languages() -> None:
    from shared.matching.text import cognate_key, stem

    for es, en in (("logística", "logistics"), ("certificación", "certification")):
        assert cognate_key(stem(es.replace("í", "i").replace("ó", "o"), "es")) == cognate_key(
            stem(en, "en")
        )


def test_aggressive_spanish_stem_does_not_make_a_concept() -> None:
    from shared.matching.features import analyse
    from shared.matching.lexicon import default_lexicon

    item = analyse("fruit shippers with regular volumes", "X", "seek", "en", default_lexicon())
    assert "c:regulation" not in item.features


def test_broad_client_need_answered_by_narrower_activity() -> None:
    dyer = profile(
        "Dyer", "es", activities=("tintura de hilo",), seeks=("nuevos clientes textiles",)
    )
    spinner = profile("Spinner", "es", activities=("hilatura de algodón",))
    assert ("Spinner", "Dyer") in combos(match([dyer, spinner]))


def test_restricted_area_touched_by_a_narrower_activity() -> None:
    juicer = profile("Juicer", activities=("fruit juices",), restricted=("our fruit suppliers",))
    grower = profile("Grower", activities=("peach growing",))
    pairs = overlap_pairs(match([juicer, grower]))
    assert pairs.get(frozenset({"Juicer", "Grower"})) is True


def test_activities_sharing_an_unknown_head_word_overlap() -> None:
    """Words the lexicon does not know ("gaitas") still make an overlap when they are what
    both activities are about (the head), not when one only mentions them as a modifier."""
    makers = profile("Makers", "es", activities=("fabricación de gaitas de concierto",))
    repairers = profile("Repairers", "es", activities=("gaitas antiguas restauradas",))
    haulier = profile("Haulier", "es", activities=("transporte de gaitas",))
    pairs = overlap_pairs(match([makers, repairers, haulier]))
    assert frozenset({"Makers", "Repairers"}) in pairs
    assert frozenset({"Makers", "Haulier"}) not in pairs
    assert frozenset({"Haulier", "Repairers"}) not in pairs


def test_head_word_is_first_in_spanish_and_last_before_a_preposition_in_english() -> None:
    from shared.matching.features import analyse
    from shared.matching.lexicon import default_lexicon

    lexicon = default_lexicon()

    def core(text: str, language: str) -> set[str]:
        return set(analyse(text, "A", "activity", language, lexicon).core)

    assert core("fabricación de muebles de cocina", "es") == {"c:furniture"}
    assert core("smoked salmon production", "en") == {"c:salmon"}
    assert core("rental of olive harvesting machinery", "en") == {"c:leasing"}
    assert core("heat pumps for hotels", "en") == {"c:heat_pump"}


def test_unknown_words_of_one_family_are_related() -> None:
    from shared.matching.features import word_relatedness

    assert word_relatedness("w:hotel", "w:hoteler") > 0.5
    assert word_relatedness("w:gait", "w:gaiter") == 0.0  # too short to call a family
    assert word_relatedness("w:constru", "w:consult") == 0.0


def test_a_need_is_answered_by_an_offer_with_the_same_unknown_head() -> None:
    band = profile(
        "Band", "es", activities=("música tradicional",), seeks=("gaitas de segunda mano",)
    )
    workshop = profile("Workshop", "es", offers=("gaitas de concierto revisadas",))
    haulier = profile("Haulier", "es", offers=("transporte de gaitas",))
    found = combos(match([band, workshop, haulier]))
    assert ("Workshop", "Band") in found
    assert ("Haulier", "Band") not in found


def test_a_client_seeking_need_is_answered_by_the_kind_of_company_it_names() -> None:
    """ "Gaiteros que quieran exportar" names pipers: a company whose activity is piping
    answers it (its head), even when the rest of the item says something else; a company
    that only plays at weddings without piping does not."""
    adviser = profile(
        "Adviser",
        "es",
        activities=("consultoría de exportación",),
        seeks=("gaiteros que quieran exportar",),
    )
    pipers = profile("Pipers", "es", activities=("gaiteros para bodas y fiestas",))
    band = profile("Band", "es", activities=("orquesta para bodas y fiestas",))
    found = combos(match([adviser, pipers, band]))
    assert ("Pipers", "Adviser") in found
    assert ("Band", "Adviser") not in found


def test_a_company_that_hires_answers_a_need_for_employers() -> None:
    school = profile(
        "School",
        "es",
        activities=("formación profesional en electricidad",),
        seeks=("empresas para prácticas de alumnos",),
    )
    hiring = profile("Hiring", "es", activities=("gaitas de concierto",), seeks=("operarios",))
    other = profile("Other", "es", activities=("gaitas antiguas",), seeks=("clientes en Francia",))
    found = combos(match([school, hiring, other]))
    assert ("Hiring", "School") in found
    assert ("Other", "School") not in found


def test_a_service_for_a_sector_does_not_overlap_with_the_sector() -> None:
    """A training provider for furniture makers is not a furniture maker: the heads of the
    two activities (training, furniture) are unrelated, whatever their other words."""
    school = profile("School", activities=("apprenticeships in furniture making",))
    maker = profile("Maker", activities=("furniture making",))
    other_maker = profile("Other Maker", activities=("furniture manufacturing for homes",))
    pairs = overlap_pairs(match([school, maker, other_maker]))
    assert frozenset({"Maker", "Other Maker"}) in pairs
    assert frozenset({"Maker", "School"}) not in pairs
    assert frozenset({"Other Maker", "School"}) not in pairs


def test_two_needs_of_which_one_answers_the_other_are_not_a_shared_need() -> None:
    """One wants to get rid of its offcuts, the other wants them and offers to collect
    them: a combination, not a need they share."""
    maker = profile(
        "Maker", "es", activities=("fabricación de gaitas",), seeks=("recortes de boj sobrantes",)
    )
    turner = profile(
        "Turner",
        "es",
        activities=("tornería artesanal",),
        seeks=("recortes de boj baratos",),
        offers=("recogida gratuita de recortes de boj",),
    )
    result = match([maker, turner])
    assert ("Turner", "Maker") in combos(result)
    assert not result.shared_needs


def test_a_restricted_area_naming_what_another_company_does_is_a_restricted_overlap() -> None:
    """ "Nuestros proveedores de gaitas" / "fabricación de gaitas": a restricted overlap even
    though the two companies' own activities differ, and even for a word the lexicon does
    not know; an activity that only mentions the word as a modifier is not touched."""
    band = profile(
        "Band",
        "es",
        activities=("música tradicional",),
        restricted=("nuestros proveedores de gaitas",),
    )
    maker = profile("Maker", "es", activities=("fabricación de gaitas",))
    haulier = profile("Haulier", "es", activities=("transporte de gaitas",))
    pairs = overlap_pairs(match([band, maker, haulier]))
    assert pairs.get(frozenset({"Band", "Maker"})) is True
    assert frozenset({"Band", "Haulier"}) not in pairs


def test_a_need_for_people_is_answered_by_people_not_by_the_workplace() -> None:
    hotel = profile("Hotel", "es", activities=("hotel de playa",), seeks=("personal de cocina",))
    kitchen = profile("Kitchen", "es", activities=("cocina central",))
    school = profile("School", "es", offers=("alumnos en prácticas de cocina",))
    found = combos(match([hotel, kitchen, school]))
    assert ("School", "Hotel") in found
    assert ("Kitchen", "Hotel") not in found


def test_workers_and_training_are_different_needs() -> None:
    hotel = profile("Hotel", "es", activities=("hotel de playa",), seeks=("personal de cocina",))
    resort = profile("Resort", activities=("beach resort",), seeks=("kitchen staff",))
    caterer = profile("Caterer", "es", activities=("catering",), seeks=("formación de cocineros",))
    shared = {frozenset(s.companies) for s in match([hotel, resort, caterer]).shared_needs}
    assert frozenset({"Hotel", "Resort"}) in shared
    assert not any("Caterer" in group for group in shared)


def test_buyers_in_a_country_are_not_answered_by_companies_selling_there() -> None:
    maker = profile("Maker", activities=("bagpipe making",), seeks=("buyers in Germany",))
    exporter = profile("Exporter", activities=("bagpipe export to Germany",))
    agent = profile("Agent", activities=("trade agency",), offers=("buyers in Germany",))
    found = combos(match([maker, exporter, agent]))
    assert ("Agent", "Maker") in found
    assert ("Exporter", "Maker") not in found


def test_a_phrase_that_stop_words_reduce_to_one_word_needs_the_whole_phrase() -> None:
    """ "quality control" is in the lexicon; "quality" is a stop word, so the term's key is
    "control": it must not turn every "control" or "system" into quality management."""
    from shared.matching.features import analyse
    from shared.matching.lexicon import default_lexicon

    lexicon = default_lexicon()

    def concepts(text: str, language: str) -> set[str]:
        return {f for f in analyse(text, "A", "activity", language, lexicon).features}

    assert "c:quality_mgmt" in concepts("quality control of parts", "en")
    assert "c:quality_mgmt" in concepts("controles de calidad", "es")
    assert "c:quality_mgmt" not in concepts("control remoto de riego", "es")
    assert "c:quality_mgmt" not in concepts("solar thermal systems", "en")
    assert "c:software" not in concepts("solar thermal systems", "en")


def test_a_kind_of_company_named_by_its_verb_is_a_potential_client() -> None:
    """The seek names a kind of company by what it does ("breweries buying cans",
    "residencias que externalicen la rehabilitación"), so companies that do it answer it,
    as clients."""
    cans = profile(
        "Cans", activities=("aluminium cans for drinks",), seeks=("breweries buying cans",)
    )
    brewery = profile("Brewery", activities=("brewing cask ales",))
    bakery = profile("Bakery", activities=("artisan bread",))
    result = match([cans, brewery, bakery])
    combo = next(c for c in result.combinations if c.receiver == "Cans")
    assert combo.provider == "Brewery" and "Potential client" in combo.explanation
    assert ("Bakery", "Cans") not in combos(result)

    physio = profile(
        "Fisio",
        "es",
        activities=("clínicas de fisioterapia",),
        seeks=("residencias que externalicen la rehabilitación",),
    )
    care_home = profile("Residencia", "es", activities=("residencia de mayores con 120 plazas",))
    clinic = profile("Dental", "es", activities=("clínica dental",))
    spanish = match([physio, care_home, clinic])
    combo = next(c for c in spanish.combinations if c.receiver == "Fisio")
    assert combo.provider == "Residencia" and "Potential client" in combo.explanation
    assert ("Dental", "Fisio") not in combos(spanish)


def test_contracts_with_a_kind_of_company_seek_clients() -> None:
    from shared.matching.text import has_target_word

    assert has_target_word("contratos con residencias de mayores")
    assert has_target_word("supply contracts with hotel chains")
    assert not has_target_word("contrato de mantenimiento de las calderas")
    assert not has_target_word("acuerdos con proveedores de envases")
    assert not has_target_word("contracts with our suppliers")
    assert not has_target_word("joint purchasing of packaging")
    assert has_target_word("breweries buying cans")


def test_every_result_is_explained_in_english_and_in_spanish(devset_dir) -> None:  # type: ignore[no-untyped-def]
    from shared.matching import load_profiles

    result = match(load_profiles(devset_dir / "mixed_olive_wine_andalucia.json"))
    found = [*result.overlaps, *result.groups, *result.combinations, *result.shared_needs]
    assert found
    for item in found:
        assert set(item.explanations) == {"en", "es"}
        assert item.explanations["en"] == item.explanation
        assert item.explanations["es"] and item.explanations["es"] != item.explanation


def test_spanish_explanation_names_the_topic_in_the_items_own_words() -> None:
    a = profile("A", "es", activities=("conservas de espárrago",))
    b = profile("B", activities=("asparagus canning",))
    overlap = match([a, b]).overlaps[0]
    assert overlap.explanations["es"].startswith("Las dos trabajan en ")
    # The lexicon's Spanish terms are stored without accents; the label keeps the item's.
    assert "espárrago" in overlap.explanations["es"].split(":")[0]
    assert "asparagus" in overlap.explanations["en"].split(":")[0]


def test_spanish_explanations_of_combinations_and_restricted_overlaps() -> None:
    result = match([CANNER, PACKAGING, GROWER])
    client = next(c for c in result.combinations if c.provider == "Canner")
    assert client.explanations["es"].startswith("Posible cliente: Canner")
    overlap = next(o for o in result.overlaps if set(o.companies) == {"Canner", "Grower"})
    assert overlap.explanations["es"].endswith("Toca un área restringida.")
    assert "our asparagus suppliers" not in overlap.explanations["es"]


def test_needs_every_sector_shares_are_concepts_across_languages() -> None:
    a = profile("A", "es", seeks=("compra conjunta de envases",), activities=("vino",))
    b = profile("B", "en", seeks=("joint purchasing of packaging",), activities=("cheese",))
    c = profile("C", "en", activities=("building homes and offices",))
    result = match([a, b, c])
    assert [s.companies for s in result.shared_needs] == [("A", "B")]
    # An outlet for by-products is not a builder's business.
    d = profile("D", seeks=("a home for our by-products",), activities=("craft brewing",))
    assert ("C", "D") not in combos(match([c, d]))


def test_a_trade_term_only_two_companies_use_links_a_need_to_an_offer() -> None:
    """A word in no lexicon ("FMOD"), shared by one need and one offer and by nobody else, is
    the trade's own word and the pair is a combination; used all over the workshop, it is
    just the sector's word and proves nothing."""
    studio = profile("Studio", activities=("indie puzzle games",), seeks=("an FMOD composer",))
    audio = profile("Audio", "es", activities=("diseño de sonido",), offers=("música con FMOD",))
    art = profile("Art", activities=("concept art for studios",), offers=("key art",))
    assert ("Audio", "Studio") in combos(match([studio, audio, art]))
    crowded = [
        profile(f"Tools {n}", activities=(f"FMOD plugins, line {n}",), offers=("FMOD support",))
        for n in range(2)
    ]
    assert ("Audio", "Studio") not in combos(match([studio, audio, art, *crowded]))


def test_a_specific_concept_only_two_companies_name_links_a_need_to_an_offer() -> None:
    """Returns by size ("devoluciones por talla", "estudios de tallaje") are a concept of
    the footwear trade; only the two parties name it, so the need is answered although the
    rest of its words (the web) are not."""
    brand = profile(
        "Brand",
        "es",
        activities=("zapatillas veganas",),
        seeks=("reducir devoluciones por talla en la web",),
    )
    lab = profile("Lab", "es", activities=("centro tecnológico",), offers=("estudios de tallaje",))
    tannery = profile("Tannery", "es", activities=("curtido de pieles",), offers=("piel vegetal",))
    assert ("Lab", "Brand") in combos(match([brand, lab, tannery]))


def test_an_overlap_is_among_the_closest_peers_of_both_companies() -> None:
    """Four bakeries overlap fully; a mill that shares their bread is each one's fifth
    peer, so it is not their overlap. A restricted touch is kept however far behind."""
    bakeries = [profile(f"Bakery {n}", activities=("artisan bread bakery",)) for n in range(4)]
    mill = profile("Mill", activities=("bread flour for bakeries",))
    rival = profile(
        "Rival", activities=("wholesale bread",), restricted=("our artisan bread recipes",)
    )
    every = overlap_pairs(match([*bakeries, mill, rival], settings=Settings(overlap_peers=0)))
    kept = overlap_pairs(match([*bakeries, mill, rival]))
    assert frozenset({"Bakery 0", "Mill"}) in every
    assert not any("Mill" in pair and "Rival" not in pair for pair in kept)
    assert frozenset({"Bakery 0", "Bakery 1"}) in kept
    assert kept[frozenset({"Bakery 0", "Rival"})] is True  # restricted, behind four peers


def test_matching_leaves_the_garbage_collector_as_it_found_it() -> None:
    """match pauses the cyclic collector for speed; the server process must get it back."""
    match([CANNER, AUDITOR])
    assert gc.isenabled()
    gc.disable()
    try:
        match([CANNER, AUDITOR])
        assert not gc.isenabled()
    finally:
        gc.enable()


def test_two_buyers_of_one_supply_are_not_each_others_supplier() -> None:
    """Two canners that both seek asparagus suppliers share a need; neither supplies the
    other. The grower does (found by an independent client of the command line)."""
    norte, sur = (
        profile(
            n, "es", activities=("conservas de espárrago",), seeks=("proveedores de espárrago",)
        )
        for n in ("Conservas Norte", "Conservas Sur")
    )
    grower = profile(
        "Finca", "es", activities=("cultivo de espárrago",), offers=("espárrago blanco",)
    )
    result = match([norte, sur, grower])
    found = combos(result)
    assert ("Conservas Norte", "Conservas Sur") not in found
    assert ("Conservas Sur", "Conservas Norte") not in found
    assert {("Finca", "Conservas Norte"), ("Finca", "Conservas Sur")} <= found
    assert [set(n.companies) for n in result.shared_needs] == [{"Conservas Norte", "Conservas Sur"}]


def test_a_company_with_the_same_by_product_does_not_answer_an_outlet_for_it() -> None:
    """A brewery's "spent grain" is no outlet for another brewery's spent grain: both seek
    one, a shared need."""
    brewery = profile(
        "Brewery",
        activities=("brewing",),
        seeks=("a use for spent grain",),
        offers=("spent grain",),
    )
    cervecera = profile(
        "Cervecera",
        "es",
        activities=("elaboración de cerveza",),
        seeks=("salida para el bagazo",),
        offers=("bagazo de cerveza",),
    )
    result = match([brewery, cervecera])
    assert combos(result) == set()
    assert [set(n.companies) for n in result.shared_needs] == [{"Brewery", "Cervecera"}]


def test_a_whole_profile_match_quotes_one_of_the_providers_own_items() -> None:
    """The result's offer is a text of the provider, whatever the order of its items (it
    was the activities joined, so it changed with their order)."""
    seeker = profile(
        "Soft", activities=("software",), seeks=("pilot customers in food manufacturing",)
    )
    activities = ("cattle farming", "dairy", "sheep shearing")
    seeks = ("animal feed", "manure processing")
    quoted = set()
    for order in (activities, tuple(reversed(activities))):
        farm = profile("Farm", activities=order, seeks=seeks)
        (combination,) = [c for c in match([seeker, farm]).combinations if c.provider == "Farm"]
        quoted.add(combination.offer)
        assert all(";" not in line for line in combination.evidence)
    assert len(quoted) == 1 and quoted <= set(activities + seeks)


def test_each_piece_of_evidence_is_listed_once() -> None:
    """A client-seeking need is found as a potential client and as a plain need: the
    facilitator reads the pair of items once, not twice."""
    result = match(
        [
            profile(
                "EcoPack",
                "es",
                activities=("envases compostables para alimentación",),
                seeks=("clientes conserveros",),
            ),
            profile("Filler", "es", activities=("conservas vegetales",), seeks=("x",)),
        ]
    )
    (combination,) = result.combinations
    assert (combination.provider, combination.receiver) == ("Filler", "EcoPack")
    assert combination.evidence and len(combination.evidence) == len(set(combination.evidence))
    for overlap in result.overlaps:
        assert len(overlap.evidence) == len(set(overlap.evidence))
