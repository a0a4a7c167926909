"""Geocoding against the bundled gazetteer: wire spellings, context rules, homonym traps."""

from __future__ import annotations

import math

import pytest

from conflictwatch.geo import Geocoder, GeoContext
from conflictwatch.geo.gazetteer import bundled_index, distance_km
from conflictwatch.geo.normalize import name_key, phonetic_key, skeleton_key
from conflictwatch.models import Article, Claim

ALEPPO = (36.20, 37.15)
DAMASCUS = (33.51, 36.29)

SYRIA_ARTICLE = Article(
    title="Air strikes pound rebel-held Aleppo",
    text=(
        "BEIRUT (Reuters) - Air strikes hit eastern Aleppo on Tuesday, the Syrian Observatory said. "
        "Rebels shelled government-held western Aleppo. Syria's army said it advanced in Aleppo."
    ),
    dateline="BEIRUT",
)


def km(lat: float | None, lon: float | None, ref: tuple[float, float]) -> float:
    assert lat is not None and lon is not None
    return 111.0 * math.hypot(lat - ref[0], (lon - ref[1]) * math.cos(math.radians(ref[0])))


def run(
    geo: Geocoder, location: str, context: list[str] | None = None, article: Article = SYRIA_ARTICLE
) -> Claim:
    c = Claim(article_id="a1", quote="q", location=location, place_context=context or [])
    geo.geocode_claims([c], article)
    return c


def test_keys_fold_wire_spellings() -> None:
    assert name_key("al-Bab") == name_key("Al Bāb") == name_key("el-Bab") == "bab"
    assert phonetic_key("Suleimaniya") == phonetic_key("Sulaymaniyah")
    assert skeleton_key("al-Fardous") == skeleton_key("Firdous")
    assert skeleton_key("Azaz") == skeleton_key("I‘zāz")


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("al-Qaterji", "al-Qaterji"), ("al-Qarterji", "al-Qaterji"), ("Qaterji", "al-Qaterji"),
        ("Suleimaniya", "al-Suleimaniya"), ("al-Sulaymaniyah", "al-Suleimaniya"),
        ("al-Fardous", "al-Fardous"), ("Firdous", "al-Fardous"), ("el-Firdous", "al-Fardous"),
        ("Bustan al-Qasr", "Bustan al-Qasr"), ("al-Marjeh", "al-Marjeh"), ("Kallaseh", "al-Kalaseh"),
        ("Sheikh Maqsoud", "Sheikh Maqsoud"), ("Handarat", "Handarat camp"),
    ],
)
def test_aleppo_districts_in_every_spelling(geo: Geocoder, written: str, canonical: str) -> None:
    c = run(geo, written, ["Aleppo"])
    ref = run(geo, canonical, ["Aleppo"])
    assert c.location == written.removeprefix("the ")  # the article's spelling is kept
    assert (c.latitude, c.longitude) == (ref.latitude, ref.longitude)
    assert c.geo_precision == 1
    assert (c.admin1, c.country) == ("Aleppo", "Syria")
    assert km(c.latitude, c.longitude, ALEPPO) < 12


@pytest.mark.parametrize("written", ["Azaz", "A'zaz", "I‘zāz"])
def test_azaz_matches_the_romanised_gazetteer_name(geo: Geocoder, written: str) -> None:
    c = run(geo, written)
    assert c.country == "Syria" and c.geo_precision == 1
    assert km(c.latitude, c.longitude, (36.5866, 37.0463)) < 3


@pytest.mark.parametrize("written", ["al-Bab", "el-Bab", "Al Bab", "al Bāb"])
def test_al_bab_with_any_article(geo: Geocoder, written: str) -> None:
    c = run(geo, written)
    assert (c.admin1, c.country, c.geo_precision) == ("Aleppo", "Syria", 1)
    assert km(c.latitude, c.longitude, (36.37, 37.517)) < 3


def test_unknown_district_of_context_city_gets_city_at_precision_2(geo: Geocoder) -> None:
    c = run(geo, "al-Zzqwertyyeh", ["Aleppo"])
    assert c.location == "al-Zzqwertyyeh"
    assert c.geo_precision == 2 and c.admin1 == "Aleppo"
    assert km(c.latitude, c.longitude, ALEPPO) < 5


@pytest.mark.parametrize(
    "written", ["eastern Aleppo", "western Aleppo", "a government-held area of western Aleppo"]
)
def test_direction_of_city_is_city_precision_2(geo: Geocoder, written: str) -> None:
    c = run(geo, written)
    assert c.geo_precision == 2 and c.country == "Syria" and c.admin1 == "Aleppo"
    assert km(c.latitude, c.longitude, ALEPPO) < 5
    assert c.location in ("eastern Aleppo", "western Aleppo")


def test_countryside_is_the_province_precision_3(geo: Geocoder) -> None:
    c = run(geo, "northern Aleppo countryside")
    assert c.geo_precision == 3 and c.admin1 == "Aleppo" and c.country == "Syria"
    # the governorate's point, not the city's
    assert km(c.latitude, c.longitude, ALEPPO) > 20


def test_eastern_ghouta_is_near_damascus_not_aleppo(geo: Geocoder) -> None:
    for written, ctx in (("Eastern Ghouta near Damascus", []), ("Eastern Ghouta", ["Damascus"]),
                         ("Eastern Ghouta", ["Aleppo"])):
        c = run(geo, written, ctx)
        assert c.geo_precision == 2
        assert c.admin1 == "Rif Dimashq"
        assert km(c.latitude, c.longitude, DAMASCUS) < 25
        assert c.location == "Eastern Ghouta"


def test_homonyms_abroad_exist_in_the_data() -> None:
    """The trap is real: these names exist outside Syria in the bundled data."""
    b = bundled_index()
    assert {p.country_code for p in b.find("Douma", 0)} >= {"SY", "LB"}
    assert {p.country_code for p in b.find("Duma", 0)} >= {"SY", "PS", "NG"}
    assert {p.country_code for p in b.find("Tripoli", 0)} >= {"LY", "LB"}


@pytest.mark.parametrize("written", ["Douma", "Duma"])
def test_syria_story_resolves_douma_in_syria_near_damascus(geo: Geocoder, written: str) -> None:
    c = run(geo, written)
    assert c.country == "Syria" and c.admin1 == "Rif Dimashq"
    assert km(c.latitude, c.longitude, (33.5718, 36.4027)) < 5


def test_same_name_follows_the_article_country() -> None:
    geo = Geocoder()
    lebanon = Article(title="Lebanon", text="Lebanese army patrols in Lebanon near Tripoli. Lebanon said.")
    c = run(geo, "Douma", article=lebanon)
    assert c.country == "Lebanon"
    c = run(geo, "Tripoli", article=lebanon)
    assert c.country == "Lebanon"
    libya = Article(title="Libya clashes", text="Fighting in Libya: Libyan forces clashed in Tripoli.")
    assert run(geo, "Tripoli", article=libya).country == "Libya"


def test_a_reused_article_id_does_not_lend_one_storys_country_to_another() -> None:
    """A feed may give its next story, or the next version of one, an id it used before: the
    country each story is about comes from its own text, not from the first one with that id."""
    geo = Geocoder()
    ukraine = Article(article_id="feed-1", title="Missile hits Kharkiv",
                      text="A Russian missile struck Kharkiv in Ukraine, the Ukrainian governor said.")
    nigeria = Article(article_id="feed-1", title="Gunmen kill five",
                      text="Gunmen killed five villagers in Zamfara state in Nigeria, Nigerian police said.")
    assert run(geo, "Kharkiv", article=ukraine).country == "Ukraine"
    c = run(geo, "Zamfara state", article=nigeria)
    assert (c.country, c.admin1) == ("Nigeria", "Zamfara")


def test_tripoli_in_a_syria_story_is_not_placed_abroad(geo: Geocoder) -> None:
    c = run(geo, "Tripoli")
    assert c.latitude is None and c.geo_precision is None and c.location == "Tripoli"


def test_suran_homonyms_prefer_the_one_near_context(geo: Geocoder) -> None:
    near_azaz = run(geo, "Suran", ["Azaz"])
    in_hama = run(geo, "Suran", ["Hama"])
    assert near_azaz.admin1 == "Aleppo" and in_hama.admin1 == "Hama"
    assert distance_km(geo.lookup("Azaz", GeoContext({"SY": 1})), geo.lookup("Suran", GeoContext(  # type: ignore[arg-type]
        {"SY": 1}, anchors=[geo.lookup("Azaz", GeoContext({"SY": 1}))]))) < 30  # type: ignore[list-item]


def test_unknown_place_keeps_name_and_null_coordinates(geo: Geocoder) -> None:
    c = run(geo, "Xqzwvtplk")
    assert c.location == "Xqzwvtplk"
    assert (c.latitude, c.longitude, c.geo_precision) == (None, None, None)


def test_dateline_is_not_the_event_country(geo: Geocoder) -> None:
    ctx = geo.article_context(SYRIA_ARTICLE)
    assert ctx.country == "SY"
    assert "LB" not in ctx.countries



def test_a_big_foreign_town_sharing_its_name_with_villages_elsewhere_is_weak_country_evidence(
    geo: Geocoder,
) -> None:
    # "Palma" is a Spanish city of 400,000, but villages of several countries share the name: one
    # mention of it in the lead must not outvote a story full of Cabo Delgado's towns.
    art = Article(
        text=("Fighting went on in July with raids in Palma District, near the district town.\n\n"
              "Aid groups said thousands of displaced people were still sleeping in schools and churches, "
              "and that food deliveries had been cut for weeks along the coast road to the north. Prices of "
              "maize flour and cooking oil have doubled since the rains began, traders and farmers said, and "
              "many families now eat once a day.\n\n"
              "Later in the month insurgents attacked a base in Mocimboa da Praia, and the police in Cabo "
              "Delgado said traders had fled."),
    )
    ctx = geo.article_context(art)
    assert ctx.country != "ES" and ctx.countries["MZ"] > ctx.countries.get("ES", 0)


def test_the_articles_main_city_is_not_a_short_word_of_its_sentences(geo: Geocoder) -> None:
    """ "The", "As", "Las", "Sur" are also short names of big cities abroad (Teresina, Alor Setar,
    Las Vegas, Tyre); the article's city is the one it names, counted in its country."""
    art = Article(
        title="Three men shot dead at a party",
        text=("The gunmen came at night. As the music played, they opened fire at the corner of Las Palmas "
              "and Sur streets. The victims died at the scene. The police of Ciudad Juárez, in the state of "
              "Chihuahua, said the attack was part of a dispute between gangs in Mexico. The house was "
              "searched. The street was closed."),
    )
    ctx = geo.article_context(art)
    names = [p.name for p in ctx.article_places]
    assert names and names[0] == "Ciudad Juárez", names
    assert not {"Teresina", "Las Vegas", "Tyre", "Alor Setar"} & set(names), names


JUAREZ_ARTICLE = Article(
    title="Three men shot dead at a party",
    text=("Gunmen opened fire at a party in the Lomas del Poniente neighborhood early on Monday, killing three "
          "men, the police of Ciudad Juárez said. Another man was shot dead in Tierra Quemada, police said. "
          "Chihuahua state has seen a wave of killings in Mexico's border cities."),
)


@pytest.mark.parametrize(
    ("quote", "located"),
    [
        ("Gunmen opened fire at a party in the Lomas del Poniente neighborhood early on Monday", True),
        ("Gunmen opened fire at a party in colonia Lomas del Poniente early on Monday", True),
        # not said to be a part of the city: an unknown name stays unplaced
        ("Another man was shot dead in Lomas del Poniente, police said", False),
    ],
)
def test_an_unknown_part_of_the_city_is_placed_at_the_city(geo: Geocoder, quote: str, located: bool) -> None:
    c = Claim(article_id="a1", quote=quote, location="Lomas del Poniente")
    geo.geocode_claims([c], JUAREZ_ARTICLE)
    if located:
        assert c.geo_precision == 2 and c.admin1 == "Chihuahua", (c.admin1, c.geo_precision)
        assert km(c.latitude, c.longitude, (31.72, -106.46)) < 25
    else:
        assert c.latitude is None and c.geo_precision is None


def test_user_aliases_file_from_env(monkeypatch: pytest.MonkeyPatch, tmp_path) -> None:  # noqa: ANN001
    f = tmp_path / "mine.yaml"
    f.write_text("places:\n  - {name: Tell Qwertz, aliases: [Tal Kwertz], lat: 36.0, lon: 37.0, country: SY, "
                 "admin1: Aleppo}\n", encoding="utf-8")
    monkeypatch.setenv("CONFLICTWATCH_PLACES", str(f))
    c = run(Geocoder(), "Tal Kwertz")
    assert (c.location, c.latitude, c.longitude, c.geo_precision) == ("Tal Kwertz", 36.0, 37.0, 1)


BORDER_ARTICLE = Article(
    title="Turkish-backed rebels push toward Dabiq",
    text=(
        "ANKARA (Reuters) - Turkish-backed rebels fought Islamic State near the border town of Kilis, "
        "Turkey's military said. Turkish tanks and Turkish jets supported them, Turkish officials said. "
        "The rebels advanced on Dabiq in Syria, and a car bomb hit a checkpoint near Azaz."
    ),
    dateline="ANKARA",
)


def test_exact_name_in_a_country_the_article_names_beats_a_lookalike_across_the_border(
    geo: Geocoder,
) -> None:
    # Turkey dominates the article's mentions, but Azaz exists only in Syria: a Turkish
    # spelling-alike or "a district of Kilis" would be wrong.
    c = run(geo, "Azaz", ["Sajo", "Kilis"], BORDER_ARTICLE)
    assert (c.country, c.admin1, c.geo_precision) == ("Syria", "Aleppo", 1)
    assert km(c.latitude, c.longitude, (36.5866, 37.0463)) < 3


def test_country_named_in_the_claim_guides_the_other_context_names(geo: Geocoder) -> None:
    c = run(geo, "Ihtimalat", ["Dabiq", "Syria", "al-Bab"], BORDER_ARTICLE)
    assert c.country == "Syria" and c.geo_precision == 1


def test_kyiv_is_the_capital_not_a_village_with_a_borrowed_name(geo: Geocoder) -> None:
    # WOF once recorded a Kherson village under Kyiv's GeoNames id; the build drops such rows
    art = Article(text="Russian missiles struck Kyiv on Monday, Ukraine's air force said.")
    c = run(geo, "Kyiv", ["Ukraine"], art)
    assert c.country == "Ukraine"
    assert km(c.latitude, c.longitude, (50.45, 30.52)) < 30


def test_a_short_name_only_matches_exactly(geo: Geocoder) -> None:
    # a loose key of three letters ("Eco" ~ "Acú") would pin an unknown neighbourhood to a village
    art = Article(text="A head was found in the Eco neighborhood on Sunday, police said.")
    c = run(geo, "Eco", [], art)
    assert c.latitude is None and c.geo_precision is None


def test_unknown_place_in_a_named_province_is_not_placed_in_a_landmark_city(geo: Geocoder) -> None:
    art = Article(text="Militants attacked a police base in Iraq's Salahudin province, north of Baghdad.")
    c = run(geo, "Qaryat Zzyzx", ["Salahudin province", "Baghdad"], art)
    assert c.admin1 == "Sala ad-Din"
    assert c.geo_precision == 3


def test_a_province_beats_a_hamlet_of_its_name_elsewhere(geo: Geocoder) -> None:
    """'Michoacan' alone is the Mexican state, not a hamlet of that name in Chiapas; a town inside
    its namesake province stays the town."""
    state = geo.lookup("Michoacán", GeoContext(countries={"MX": 3.0}))
    assert state is not None and state.placetype == "region" and state.admin1 == "Michoacan", state
    tamaulipas = geo.lookup("Tamaulipas", GeoContext(countries={"MX": 3.0}))
    assert tamaulipas is not None and tamaulipas.placetype == "region", tamaulipas
    town = geo.lookup("Guanajuato", GeoContext(countries={"MX": 3.0}))
    assert town is not None and town.is_point and town.admin1 == "Guanajuato", town


def test_a_road_between_two_towns_is_placed_at_one_of_them() -> None:
    """'the Iguala-Teloloapan highway': the gazetteer has no road, but it has Iguala (near it:
    precision 2); a hyphenated name ("Deir ez-Zor", "Ras al-Ain") is not split."""
    from datetime import date

    from conflictwatch.models import Claim

    geo = Geocoder()
    art = Article(text="Gunmen dumped four bodies on the Iguala-Teloloapan highway in Mexico on Friday.",
                  published=date(2022, 11, 5))
    c = Claim(article_id="a", scope="incident", location="Iguala-Teloloapan", quote=art.text)
    geo.geocode_claims([c], art)
    assert c.country == "Mexico" and c.admin1 == "Guerrero" and c.geo_precision == 2, (c.admin1, c.geo_precision)
    from conflictwatch.geo.written import _ROUTE_SPLIT

    assert _ROUTE_SPLIT.split("Deir ez-Zor") == ["Deir ez-Zor"] and _ROUTE_SPLIT.split("Ras al-Ain") == ["Ras al-Ain"]


def test_a_big_towns_name_shared_abroad_is_no_vote_for_that_country(geo: Geocoder) -> None:
    """'Palma' is a city of 400,000 in Spain and villages in Brazil, Colombia and Mexico: in a
    Cabo Delgado story it says nothing about the country, so the claims of a Mozambican district
    called Palma are not put in the Balearic Islands."""
    from datetime import date

    from conflictwatch.geo.country import country_votes

    text = ("Fighting went on through August in Palma and Mocimboa da Praia districts. Insurgents raided "
            "the village of Quionga in Palma District on Monday, killing two fishermen, a local official "
            "said.\nThe army said troops had been sent to Palma from Mueda.")
    art = Article(text=text, published=date(2022, 8, 31))
    assert "ES" not in country_votes(art, geo)
    from conflictwatch import pipeline

    found = [c for c in pipeline.process_article(art, geo) if c.scope == "incident"]
    assert found and all(c.country == "Mozambique" and c.admin1 == "Cabo Delgado" for c in found), [
        (c.location, c.admin1, c.country) for c in found]


def test_a_place_in_a_province_the_gazetteer_lacks_is_not_put_in_another_sentences_city(geo: Geocoder) -> None:
    """GeoNames still files eastern Congo under its pre-2015 provinces (the bundled aliases add
    Ituri): the attack on a road in Ituri is not placed in Kinshasa, where ministers met."""
    from datetime import date

    from conflictwatch import pipeline

    text = ("Defence ministers met in Kinshasa on Monday to review the joint operations against the rebels.\n"
            "On Tuesday suspected rebels ambushed a convoy on the Komanda-Mambasa road in Ituri province, "
            "killing two drivers, local sources said.")
    found = [c for c in pipeline.process_article(Article(text=text, published=date(2022, 9, 21)), geo)
             if c.scope == "incident"]
    assert found and all(c.admin1 == "Ituri" for c in found), [
        (c.location, c.admin1, c.latitude) for c in found]
    assert found[0].country == "Democratic Republic of the Congo"


def test_where_attackers_came_from_does_not_place_the_attack(geo: Geocoder) -> None:
    """'Gunmen from Zamfara state killed 12 villagers in Kebbi': the attack is in Kebbi, and Zamfara
    (where they came from) is not its province."""
    from datetime import date

    from conflictwatch import pipeline

    art = Article(text="Gunmen from Zamfara state killed 12 villagers in Kebbi on Sunday, police said.",
                  published=date(2022, 6, 9))
    found = [c for c in pipeline.process_article(art, geo) if c.scope == "incident"]
    assert found and found[0].location == "Kebbi" and found[0].admin1 == "Kebbi", [
        (c.location, c.admin1) for c in found]


def test_cameroons_anglophone_departments_tell_the_country(geo: Geocoder) -> None:
    """The gazetteer lacks the departments of Cameroon's Anglophone regions; they are country cues
    (data/country_cues.yaml), so a raid on a village of Manyu is placed in Cameroon."""
    from datetime import date

    from conflictwatch import pipeline

    art = Article(text="Soldiers killed two men in a raid on Ossing village in Manyu on Sunday, residents said.",
                  published=date(2022, 6, 9))
    found = [c for c in pipeline.process_article(art, geo) if c.scope == "incident"]
    assert found and found[0].country == "Cameroon", [(c.location, c.country) for c in found]


def test_a_direction_of_a_town_is_not_a_place_called_north() -> None:
    """'in the North East of Bama': near Bama, not a place called 'North'."""
    from conflictwatch.geo import _strip_modifiers, clean_location

    assert clean_location("North East of Bama") == "North East of Bama"
    assert _strip_modifiers("North East of Bama") == ("Bama", "direction")
    assert clean_location("Tera east of Dori") == "Tera"


def test_place_words_read_once_per_text_give_what_reading_them_again_gives() -> None:
    """The cached readings (whether a text says "district"; a name without its descriptors) are
    what the patterns give afresh, for ASCII and other texts (IGNORECASE folds more than lower())."""
    from conflictwatch.geo.written import _DISTRICT_WORD, _called_district, _says_district, _strip_descriptors

    texts = ["Gunmen raided Sirwah district.", "the DISTRICT of Sirwah", "no such word", "",
             "the di\u017ftrict of Sirwah", "DİSTRİCT officials", "sub-districts of Mosul", "distric t"]
    for t in texts * 2:
        assert _says_district(t) == (_DISTRICT_WORD.search(t) is not None), t
    assert _called_district("the district of the Sirwah", "Sirwah") and not _called_district("in Sirwah", "Sirwah")
    names = ["  the  rebel-held  eastern Aleppo. ", "a government-controlled area", "besieged Madaya",
             "Islamic State-held Mosul;", "the the town", "Army-run camp", "Aleppo"]
    for name in names * 2:
        assert _strip_descriptors(name) == _strip_descriptors.__wrapped__(name), name
    assert [_strip_descriptors(n) for n in names] == ["eastern Aleppo", "area", "Madaya", "Mosul",
                                                       "the town", "camp", "Aleppo"]
