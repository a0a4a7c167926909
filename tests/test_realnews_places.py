"""Kinds of place errors seen on real news: which of several places named is the incident's, and
which namesake in the gazetteer it is. Sentences written for the tests."""

from __future__ import annotations

from datetime import date
from functools import partial

import pytest

from conflictwatch import pipeline
from conflictwatch.extract.placerank import most_specific
from conflictwatch.extract.places import find_places
from conflictwatch.geo import Geocoder
from conflictwatch.models import Article
from realnews import incidents_of

incidents = partial(incidents_of, published=date(2022, 9, 14))


@pytest.mark.parametrize(("sentence", "place"), [
    ("A soldier was killed in a clash in the Agusan del Sur town of Sibagat on Monday.", "Sibagat"),
    ("Gunmen shot dead two farmers in the Zamfara village of Kware on Monday.", "Kware"),
    ("Shelling killed four people in the Idlib town of Saraqeb on Monday.", "Saraqeb"),
])
def test_the_province_town_of_x_is_x(sentence: str, place: str) -> None:
    """'the Agusan del Sur town of Sibagat': the province only says where the town is, whether or
    not the lexicon knows it as a province."""
    spec = most_specific(find_places(sentence))
    assert spec is not None and spec.name == place, find_places(sentence)


def test_a_district_of_a_city_is_still_the_district() -> None:
    """'the Hodan district of Mogadishu' is Hodan: only a town or village 'of X' is X."""
    spec = most_specific(find_places("A bomb killed two people in the Hodan district of Mogadishu on Monday."))
    assert spec is not None and spec.name == "Hodan"


def test_a_possessive_province_is_kept_as_context() -> None:
    """'Tanintharyi Region's Launglon Township': the township is the place, the region says which
    one; a city's possessive is context only, never the place ('Mogadishu's Hamarweyne' is Hamarweyne)."""
    found = find_places("Troops shot two villagers in Tanintharyi Region's Launglon Township on Monday.")
    assert [(p.name, p.rank >= 4) for p in found] == [("Tanintharyi region", True), ("Launglon township", False)]
    assert [(p.name, p.rank) for p in find_places("Two men were killed in Mogadishu's Hamarweyne on Sunday.")] == [
        ("Mogadishu", 5), ("Hamarweyne", 2)]


def test_the_possessive_province_picks_the_namesake(geo: Geocoder) -> None:
    """Villages of the same story that the gazetteer also has in another region must not pull the
    township there: the region named before it decides."""
    text = ("Junta troops who raided Waedi village in Tanintharyi Region's Launglon Township shot dead "
            "two villagers on Monday, residents said.\n"
            "The troops later raided a house in Weadi village and took a woman away.")
    found = incidents(geo, text)
    assert found and found[0].admin1 == "Tanintharyi", [(c.location, c.admin2, c.admin1) for c in found]


def test_the_district_named_beside_a_village_decides(geo: Geocoder) -> None:
    """'Antsa village, Kwarra district, Keana Local Government Area': a village the gazetteer has
    only in another LGA (or state) is placed at the LGA the text names, not at a namesake of the
    ward next to it; a city of its own (Lafia) stays itself."""
    text = ("Three people were killed when herdsmen attacked Antsa village, Kwarra district, Keana Local "
            "Government Area of Nasarawa State on Monday, residents said.\n"
            "Police in Lafia, the state capital, said on Tuesday that a man was shot dead in Lafia.")
    found = incidents(geo, text)
    antsa = [c for c in found if c.location == "Antsa"]
    assert antsa and antsa[0].admin2 == "Keana", [(c.location, c.admin2, c.admin1) for c in found]
    lafia = [c for c in found if c.location == "Lafia"]
    assert not lafia or lafia[0].admin2 == "Lafia"


@pytest.mark.parametrize(("title", "text", "country"), [
    ('"Ojo" for Borderland Beat',
     "Gunmen burst into a taco stand in this border city on Monday, leaving three people dead.", "Mexico"),
    ("By The Irrawaddy",
     "Soldiers shot dead two farmers near the village monastery on Monday, residents said.", "Myanmar"),
])
def test_a_one_country_outlet_in_the_headline_gives_the_country(geo: Geocoder, title: str, text: str,
                                                                country: str) -> None:
    """A crime blog's or an exile outlet's brief names no country: the outlet's name, in the
    headline line, says which (data: `outlets` in country_cues.yaml)."""
    art = Article(title=title, text=text, published=date(2022, 9, 14))
    found = [c for c in pipeline.process_article(art, geo) if c.scope == "incident"]
    assert found and found[0].country == country, [(c.location, c.country) for c in found]


def test_an_outlet_named_once_in_the_body_is_not_enough(geo: Geocoder) -> None:
    """Named once outside the lead, an outlet is one cue among others, not the country."""
    text = ("Gunmen shot dead two traders at a market on Monday, residents said.\n"
            "Residents said the market had been closed twice this year after threats against traders.\n"
            "The traders said they had asked the town council for guards many times, without an answer.\n"
            "Shops on the main road stayed shut on Tuesday and a school sent its pupils home early.\n"
            "Church leaders called for calm and asked families to keep their children indoors at night.\n"
            "A local journalist told Borderland Beat last year that traders paid the gunmen.")
    found = incidents(geo, text)
    assert found and found[0].country is None, [(c.location, c.country) for c in found]


@pytest.mark.parametrize(("text", "admin2"), [
    ("Soldiers shot dead a farmer in Mbengwi Ndop village in the Tubah Subdivision of the North West "
     "Region on Monday, residents said.", "Tubah"),
    ("Gunmen killed two traders in Ekok Bakundu, a village in Konye sub-division, on Monday, locals said.",
     "Konye"),
])
def test_a_subdivision_named_beside_an_unknown_village_is_its_district(geo: Geocoder, text: str,
                                                                      admin2: str) -> None:
    """Cameroon's sub-divisions (as Russia's raions and Ethiopia's woredas), like townships and LGAs, are kept with their type word, so a
    village the gazetteer lacks still gets the district the text names."""
    found = incidents(geo, text)
    assert found and found[0].admin2 == admin2, [(c.location, c.admin2, c.admin1) for c in found]


def test_a_round_ups_district_stays_with_its_own_paragraph(geo: Geocoder) -> None:
    """A district named for one paragraph of a round-up ('Falam District') does not become where
    a village of another region, later in the story, falls back to."""
    text = ("In Chin State, resistance fighters said they attacked a junta camp near Rikhawdar in Falam "
            "District on Monday, killing four soldiers.\n"
            "The fighters said they seized weapons and ammunition.\n"
            "The junta did not comment.\n"
            "Separately, junta troops shot dead three villagers in Kyun Hla Taw village in Sagaing Region "
            "on Tuesday, residents said.")
    found = incidents(geo, text)
    assert [(c.admin2, c.admin1) for c in found if c.location == "Kyun Hla Taw"] == [(None, "Sagaing")]


@pytest.mark.parametrize(("sentence", "names"), [
    ("In Gwoza, gunmen killed two farmers on Monday.", ["Gwoza"]),
    ("Near Gwoza, gunmen killed two farmers on Monday.", ["Gwoza"]),
    ("In Chin State, resistance fighters attacked a camp near Rikhawdar on Monday.", ["Chin state", "Rikhawdar"]),
    ("Inside a Styrofoam cooler left on the road, police found a head on Monday.", []),
])
def test_a_place_opening_the_sentence(sentence: str, names: list[str]) -> None:
    """'In Gwoza, ...' opens with its place (a capital 'In' had hidden it); a people's name before
    'State' is the state ('Chin State'); 'Inside a cooler' is a thing."""
    assert [p.name for p in find_places(sentence)] == names


@pytest.mark.parametrize(("sentence", "names"), [
    ("Troops were deployed at Thae Taw village on the border of Yesagyo and Pakokku townships on Friday.",
     ["Thae Taw", "Yesagyo township", "Pakokku township"]),
    ("Gunmen killed 20 villagers in Guma and Agatu local government areas of Benue State on Sunday.",
     ["Guma lga", "Agatu lga", "Benue state"]),
    ("Fighting went on in Idlib and Hama provinces on Monday.", ["Idlib province", "Hama province"]),
])
def test_a_plural_type_word_types_every_name_of_its_list(sentence: str, names: list[str]) -> None:
    """'Yesagyo and Pakokku townships': both are townships, as 'Pakokku Township' would be; the
    type word after the list is the only thing that says so."""
    assert [p.name for p in find_places(sentence)] == names


def test_townships_named_in_a_list_pick_the_village_namesake(geo: Geocoder) -> None:
    """A village the gazetteer has in two districts of one region: the townships the text names in
    the plural say which, even after the region has been named."""
    text = ("About 15 junta soldiers have reportedly been killed in Magwe Region by a resistance fighter who "
            "set off grenades as they tried to detain him.\n"
            "Nearly 80 soldiers had been deployed at Thae Taw village on the border of Yesagyo and Pakokku "
            "townships on Friday evening.")
    found = incidents(geo, text)
    assert found and found[0].location == "Thae Taw" and found[0].admin2 == "Pakokku", [
        (c.location, c.admin2, c.admin1) for c in found]


def test_a_round_ups_district_is_not_given_to_another_provinces_claim(geo: Geocoder) -> None:
    """A round-up's first lines name one state's district ('Falam District'); the paragraph about a
    township of another state must not be filed under that district."""
    text = ("At least 60 junta soldiers were killed in recent clashes with resistance groups in Chin, Kachin "
            "and Karen states, the groups said.\n"
            "On Wednesday, resistance fighters raided an army camp in Rikhawdar town, Falam District in Chin "
            "State, the groups said.\n"
            "The Karen National Liberation Army said it killed 12 soldiers in an ambush in Kyaukgyi "
            "Township, Karen State on Sunday.")
    found = [c for c in incidents(geo, text) if c.location and "Kyaukgyi" in c.location]
    assert found and all(c.admin2 != "Falam" for c in found), [(c.location, c.admin2, c.admin1) for c in found]
    assert found[0].admin1 == "Kayin"


@pytest.mark.parametrize(("text", "admin1"), [
    ("Gunmen shot dead a trader at a wedding party in Iwaya, Yaba area of Lagos, on Saturday.", "Lagos"),
    ("Assailants killed a hotel owner at Abaku Area of Osogbo on Saturday afternoon, witnesses said.", "Osun"),
])
def test_a_village_namesake_far_from_the_city_named_with_it_is_the_city(geo: Geocoder, text: str,
                                                                        admin1: str) -> None:
    """'Iwaya, Yaba area of Lagos': the gazetteer lacks the city's part but has a village of that
    name 100 km away; the sentence puts it in the city, so the city it is (as part of it)."""
    found = incidents(geo, text)
    assert found and found[0].admin1 == admin1, [(c.location, c.admin2, c.admin1) for c in found]
    assert found[0].geo_precision == 2


def test_a_province_named_like_its_city_does_not_pull_the_village(geo: Geocoder) -> None:
    """'the Ain Issa area in Raqa province' is in the province, not in Raqqa city, 55 km away: the
    village stays itself."""
    text = ("Kurdish security forces said a drone attacked their forces in the Ain Issa area in Raqa "
            "province on Monday, killing four of their members.")
    found = incidents(geo, text)
    assert found and found[0].admin2 == "Tell Abiad" and found[0].geo_precision == 1, [
        (c.location, c.admin2, c.admin1) for c in found]


@pytest.mark.parametrize(("text", "cc"), [
    ("Fighting in Burma killed many people.", "MM"),
    ("Fighting in DR Congo killed many people.", "CD"),
    ("Fighting in eastern Congo killed many people.", "CD"),
    ("Fighting in Congo Republic killed many people.", "CG"),
])
def test_a_countrys_other_names_are_country_cues(text: str, cc: str) -> None:
    """The country table's other names ('Burma', 'DR Congo'; 'Congo' alone is the DRC in wire copy)
    vote for the country like its name."""
    from conflictwatch.geo.cues import text_votes

    assert set(text_votes(text)) == {cc}


def test_a_country_named_by_another_name_is_no_place(geo: Geocoder) -> None:
    """'in Kasindi, eastern Congo': Congo is the country (not a hamlet called Congo, in the DRC or in
    El Salvador), and Kasindi is in North Kivu (`places.yaml`); 'Gaza', also a name of the Palestinian
    territories, stays the city."""
    found = incidents(geo, "An attack by suspected Islamist militants on a church in Kasindi, eastern Congo, "
                           "on Sunday killed at least 14 people, the army said.")
    assert [(c.country, c.admin1) for c in found] == [("Democratic Republic of the Congo", "Nord Kivu")]
    found = incidents(geo, "Israeli air strikes killed four people in Gaza on Sunday.")
    assert [(c.location, c.geo_precision) for c in found] == [("Gaza", 1)]


def test_a_compass_name_typed_as_a_region_is_a_place() -> None:
    """'in Cameroon's North-West region': a region named by its compass point is a place when the
    type word says so ('Arrows of the East' stays none)."""
    found = find_places("Separatists killed a teacher in Bali Nyonga, in Cameroon's North-West region, on Monday.")
    assert [(p.name, p.rank) for p in found] == [("Bali Nyonga", 2), ("North-West region", 4)]


@pytest.mark.parametrize(("text", "admin1"), [
    ("Militias killed at least 40 people in an attack on the town of Misterei in West Darfur on Saturday.",
     "Western Darfur"),
])
def test_a_province_named_with_a_compass_word_is_read_whole(geo: Geocoder, text: str, admin1: str) -> None:
    """'West Darfur' around the claim is a province of its own, not the west of Darfur (a camp
    somewhere in it): it picks the village's namesake."""
    found = incidents(geo, text)
    assert found and found[0].admin1 == admin1, [(c.location, c.admin2, c.admin1) for c in found]


def test_the_outskirts_of_a_town_are_the_town(geo: Geocoder) -> None:
    """'on the outskirts of Tame', 'near the settlement of Ariel': the town is the place, as 'the
    town of Tame' is."""
    found = incidents(geo, "Two soldiers were killed on the outskirts of Tame, Arauca, on Thursday.")
    assert [(c.location, c.admin1) for c in found] == [("Tame", "Arauca")]
    found = incidents(geo, "Gunmen opened fire on soldiers near the settlement of Ariel in the West Bank, "
                           "killing one, the army said.")
    assert [c.location for c in found] == ["Ariel"]


def test_told_afp_is_the_news_agency_not_the_philippine_army() -> None:
    """'a local administrator told AFP': the agency, in every country's wire copy; it is no vote
    for the Philippines (whose armed forces share the acronym)."""
    from conflictwatch.geo.cues import text_votes

    votes = text_votes("A landmine killed five people in Tigray on Sunday, a local administrator told AFP.")
    assert set(votes) == {"ET"}


def test_the_road_between_two_towns_is_placed_at_the_first(geo: Geocoder) -> None:
    """'on the road between Gao and Ansongo': two towns (not the two sides of 'fighting between X and
    Y'), so the claim is placed at the first, with the second as context."""
    found = incidents(geo, "Gunmen ambushed a convoy on the road between Gao and Ansongo in Mali on Monday, "
                           "killing eight soldiers.")
    assert [(c.location, c.country) for c in found] == [("Gao", "Mali")]


def test_a_name_with_an_accented_capital_is_read_whole() -> None:
    """'Villa de Álvarez': a capital with an accent starts a word of the name, as 'A' does."""
    found = find_places("Hitmen killed three men in the Villa de Álvarez municipality of Colima on Saturday.")
    assert [p.name for p in found][:1] == ["Villa de Álvarez municipality"]


@pytest.mark.parametrize(("sentence", "place"), [
    ("Kherson was shelled 54 times over the past day, killing two civilians, the governor said.", "Kherson"),
    ("On Monday, Kramatorsk came under missile attack, killing two people.", "Kramatorsk"),
])
def test_a_town_that_was_shelled_is_the_place(geo: Geocoder, sentence: str, place: str) -> None:
    """'Kherson was shelled 54 times': the subject of the attack is where it happened, though no
    'in' or 'the city of' says so."""
    assert [c.location for c in incidents(geo, sentence)] == [place]


def test_where_attackers_came_from_does_not_place_the_claim(geo: Geocoder) -> None:
    """'armed youths from the Murle community killed 16 people': the community they came from is not
    where they killed; the state named is the place."""
    found = incidents(geo, "In South Sudan's Jonglei State, armed youths from the Murle community killed 16 "
                           "people in raids on cattle camps, state officials said.")
    assert [c.location for c in found] == ["Jonglei state"]


def test_a_citys_district_picks_the_namesake_in_that_city(geo: Geocoder) -> None:
    """'in Kabul's Khair Khana area': the gazetteer's Khair Khana is a village in Ghazni; the city
    named as its owner says the claim is in Kabul (as part of it)."""
    found = incidents(geo, "At least seven people were killed in an explosion at a mosque in Kabul's Khair "
                           "Khana area during evening prayers on Wednesday, a Taliban spokesman said.")
    assert [(c.location, c.admin1, c.geo_precision) for c in found] == [("Khair Khana", "Kabul", 2)]


def test_a_local_papers_dateline_is_where_the_news_is(geo: Geocoder) -> None:
    """'Uruapan, Michoacán.- An armed attack ... in the Colonia Revolución': the dateline of a local
    paper (full stop and hyphen) names the town of the news; the colonia is placed in Uruapan, not
    at a namesake in Chihuahua."""
    found = incidents(geo, "Uruapan, Michoacán.- An armed attack left a woman dead on Monday night in the "
                           "Colonia Revolución, municipal authorities reported.")
    assert [(c.location, c.admin1) for c in found] == [("Colonia Revolución", "Michoacan")]


def test_a_community_in_a_municipality_is_the_community() -> None:
    """'in the community of El Salto, in the municipality of Pueblo Nuevo, Durango': the community
    is a village (rank 1), the municipality a township (rank 2), the state last."""
    found = find_places("Soldiers repelled an attack in the community of El Salto, in the municipality of "
                        "Pueblo Nuevo, Durango, leaving three gunmen dead.")
    assert [(p.name, p.rank) for p in found][:2] == [("El Salto", 1), ("Pueblo Nuevo", 2)]


def test_a_province_known_only_as_a_town_abroad_is_no_guess(geo: Geocoder) -> None:
    """'the province of Seno' in a story that names no country: the gazetteer's only Seno is a town
    in Laos, whose province would be a guess on another continent."""
    from conflictwatch.geo import GeoContext

    assert geo._region_for("Seno", GeoContext()) is None
    assert geo._region_for("Idlib", GeoContext({"SY": 5.0})) is not None


def test_another_paragraphs_province_does_not_move_a_big_city(geo: Geocoder) -> None:
    """A round-up names North Kordofan for its first incident; the next paragraph's 'on the outskirts
    of Nyala' is Nyala of South Darfur, a city of half a million, not a fallback to El Obeid. A
    province written in the claim's own sentence ('the Khost district of Baghlan') still decides."""
    text = ("Army warplanes bombed a market in El Obeid, North Kordofan, on Monday, killing 12 people, "
            "medics said.\n"
            "In a separate incident, a police officer was killed in clashes with armed militias on the "
            "outskirts of Nyala on Friday, a paramilitary spokesman said.")
    found = [c for c in incidents(geo, text) if c.location == "Nyala"]
    assert [c.admin1 for c in found] == ["Southern Darfur"], [(c.location, c.admin1) for c in incidents(geo, text)]
    found = incidents(geo, "Resistance fighters killed four Taliban members in an ambush in the Khost district "
                           "of Baghlan Province on Saturday, local sources said.")
    assert found and found[0].admin1 == "Baghlan", [(c.location, c.admin1) for c in found]


@pytest.mark.parametrize(("part", "not_in", "province"), [
    ("western Mali", "Mopti", "Kayes"),
    ("central Mali", "Kayes", None),
])
def test_the_part_of_the_country_a_story_names_chooses_between_namesakes(
        geo: Geocoder, part: str, not_in: str, province: str | None) -> None:
    """Mali has a Boni in Kayes, far west, and one in Mopti, in the centre: "in western Mali" is the
    first; "in central Mali" is not it (Segou has a Bouani as central as Mopti's Boni: either)."""
    found = incidents(geo, f"Jihadists ambushed a convoy near Boni in {part} on Monday, killing eight soldiers, "
                           "the army said.")
    assert [c.country for c in found] == ["Mali"]
    assert found[0].admin1 != not_in
    if province:
        assert found[0].admin1 == province


def test_a_big_city_abroad_is_no_anchor_in_a_story_about_another_country(geo: Geocoder) -> None:
    """'Boni' is also a name of Bonn: in a Mali story, a German city was the article's main city,
    which let the geocoder pick one of Mali's namesake Bonis at random instead of saying it cannot
    tell them apart."""
    art = Article(title="Convoy ambushed", text="Jihadists ambushed a convoy near Boni in Mali on Monday, killing "
                                                "eight soldiers, the Malian army said.", published=date(2022, 9, 14))
    assert all(p.country_code == "ML" for p in geo.article_context(art).article_places)
    found = [c for c in pipeline.process_article(art, geo) if c.scope == "incident"]
    assert [(c.country, c.admin1) for c in found] == [("Mali", None)]


@pytest.mark.parametrize(("sentence", "country"), [
    ("Russian shelling killed two civilians in Vuhledar on Monday, the regional governor said.", "Ukraine"),
    ("Russian forces shelled Derhachi on Monday, killing a man, the governor said.", None),
    ("A Russian missile hit Kramatorsk on Monday, killing one person, officials said.", "Ukraine"),
])
def test_the_nationality_of_the_attackers_is_not_where_it_happened(geo: Geocoder, sentence: str,
                                                                   country: str | None) -> None:
    """'Russian shelling ... in Vuhledar': the only nationality named is the attackers'; a town's
    name that no other country has says where (it had been put in Russia, at a lookalike)."""
    found = incidents(geo, sentence)
    assert [c.country for c in found] == [country]


@pytest.mark.parametrize(("text", "place"), [
    ("Chilpancingo, Guerrero.- The bodies of six people were found on Monday in the municipality of Chilapa de "
     "Alvarez, the state prosecutor's office said.", "Chilapa de Alvarez"),
    ("Gunmen killed two policemen in the Tank district of Pakistan on Monday, police said. Hours later, gunmen "
     "shot dead a polio worker in neighbouring Lakki Marwat.", "Lakki Marwat"),
    ("Jihadists killed nine civilians in the rural commune of Tera in Niger's Tillaberi region on Monday, a local "
     "official said.", "Tera"),
])
def test_a_named_municipality_commune_or_neighbouring_town_is_the_place(geo: Geocoder, text: str,
                                                                       place: str) -> None:
    """'the municipality of Chilapa de Alvarez' is a place even where the parser reads a person's
    name in it (the local dateline's city had been taken); 'in neighbouring Lakki Marwat' and 'the
    rural commune of Tera' are places (the first paragraph's district and the region had been)."""
    found = incidents(geo, text)
    assert found[-1].location == place, [(c.location, c.quote[:40]) for c in found]


def test_cameroons_south_west_region_is_not_west_region(geo: Geocoder) -> None:
    """'the restive South West Region' is Cameroon's South-West, not West region with a direction."""
    found = incidents(geo, "Soldiers shot dead two civilians in Kokkaka in Konye subdivision of the restive South "
                           "West Region of Cameroon on Monday, residents said.")
    assert [c.admin1 for c in found] == ["South-West Province"]


def test_a_possessive_province_the_lexicon_does_not_list_says_which_namesake(geo: Geocoder) -> None:
    """'In Chhattisgarh's Bijapur district': India has a Bijapur in Karnataka (half a million people)
    and one in Chhattisgarh; the possessive names the province (it had been dropped)."""
    found = incidents(geo, "In Chhattisgarh's Bijapur district, two jawans were killed in an IED blast on Monday, "
                           "police said.")
    assert [(c.location, c.admin1) for c in found] == [("Bijapur", "Chhattisgarh")]


def test_a_part_of_the_country_named_by_compass_is_no_foreign_district(geo: Geocoder) -> None:
    """'operations across the North East' (Nigeria's zone) had made the story Botswana's (its
    North-East district); a compass name typed as a region ('Cameroon's North West region') stays one."""
    art = Article(text="ABUJA - Troops neutralised 17 terrorists in operations across the North East last week, "
                       "the Defence Headquarters said on Thursday.", published=date(2022, 9, 14))
    assert "Botswana" not in {c.country for c in pipeline.process_article(art, geo)}
    found = incidents(geo, "Separatist fighters killed two soldiers in Bamenda in Cameroon's North West region on "
                           "Monday.")
    assert [(c.location, c.admin1) for c in found] == [("Bamenda", "North-West Province")]


@pytest.mark.parametrize(("sentence", "place"), [
    ("A grenade thrown into the main market of Beledweyne in Somalia killed three people on Monday, police said.",
     "Beledweyne"),
    ("Russian shelling of Nikopol in Ukraine killed two people on Monday, the governor said.", "Nikopol"),
    ("A mortar attack on Mogadishu airport in Somalia killed a soldier on Monday.", "Mogadishu"),
])
def test_the_market_or_shelling_of_x_and_a_citys_airport_place_the_claim(geo: Geocoder, sentence: str,
                                                                         place: str) -> None:
    """'the main market of X', 'the shelling of X' type X as a place (the parser had read a person in
    it); 'Mogadishu airport' is a building of Mogadishu (buildings had been dropped, city and all)."""
    assert [c.location for c in incidents(geo, sentence)] == [place]


@pytest.mark.parametrize(("sentence", "place", "admin1"), [
    ("Gunmen shot dead a shopkeeper in Jammu and Kashmir's Shopian district on Tuesday, police said.",
     "Shopian", "Jammu and Kashmir"),
    ("Three soldiers were killed when militants ambushed their patrol in Jammu and Kashmir on Tuesday.",
     "Jammu and Kashmir", "Jammu and Kashmir"),
])
def test_a_place_name_with_and_inside_is_one_place(geo: Geocoder, sentence: str, place: str, admin1: str) -> None:
    """'Jammu and Kashmir' is one union territory: read as a list of two it put the claim in the
    city of Jammu, and 'Kashmir's Shopian' was no place at all."""
    assert [(c.location, c.admin1, c.country) for c in incidents(geo, sentence)] == [(place, admin1, "India")]


def test_a_thai_village_number_is_no_place(geo: Geocoder) -> None:
    """'Moo 4 of tambon X': the number of a village in its subdistrict; read as a place named 'Moo',
    a namesake abroad had made the story another country's."""
    found = incidents(geo, "A roadside bomb killed two rangers in Moo 4 of tambon Lubo Sawo in Narathiwat's "
                           "Bacho district on Tuesday, police said.")
    assert [c.country for c in found] == ["Thailand"]
