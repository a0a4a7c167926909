"""ACLED and GED codes on their own: actor types, interaction, civilian targeting, disorder type,
source scale, country codes, PRIO-GRID cells, and extending the rules with CONFLICTWATCH_DATA."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from conflictwatch import countries
from conflictwatch.export import acled
from conflictwatch.export.ged import priogrid_gid, violence_type


@pytest.fixture
def user_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Iterator[Path]:
    """A CONFLICTWATCH_DATA folder; the rule caches are cleared before and after."""
    monkeypatch.setenv("CONFLICTWATCH_DATA", str(tmp_path))
    acled.clear_cache()
    countries.clear_cache()
    yield tmp_path
    monkeypatch.delenv("CONFLICTWATCH_DATA")
    acled.clear_cache()
    countries.clear_cache()


@pytest.mark.parametrize(
    ("actor", "country", "code"),
    [
        ("Military Forces of Syria", "Syria", 1),
        ("Military Forces of Syria (2000-)", "Syria", 1),
        ("Police Forces of Nigeria (2015-)", "Nigeria", 1),
        ("Military Forces of Russia", "Syria", 8),  # state forces abroad: External/Other
        ("Military Forces of Turkey", "Syria", 8),
        ("Military Forces of Turkey", "Turkey", 1),
        ("U.S.-led coalition", "Iraq", 8),
        ("Islamic State", "Iraq", 2),
        ("Syrian rebels", "Syria", 2),
        ("Russian-backed separatists", "Ukraine", 2),
        ("Iran-backed militias", "Syria", 3),
        ("Fulani ethnic militia", "Nigeria", 4),
        ("Rioters (Kenya)", "Kenya", 5),
        ("Protesters (Iraq)", "Iraq", 6),
        ("Civilians", "Syria", 7),
        ("Civilians (Yemen)", "Yemen", 7),
        ("Some Unknown Group", "Syria", None),  # never guessed
        (None, "Syria", None),
    ],
)
def test_inter_codes(actor: str | None, country: str, code: int | None) -> None:
    assert acled.inter_code(actor, country) == code


@pytest.mark.parametrize(
    ("inter1", "inter2", "expected"),
    [(1, 2, 12), (2, 1, 12), (7, 3, 37), (1, 7, 17), (8, 7, 78), (2, 0, 20), (1, 1, 11), (2, None, None),
     (None, 7, None)],
)
def test_interaction_is_the_smaller_code_first(inter1: int | None, inter2: int | None, expected: int | None) -> None:
    assert acled.interaction(inter1, inter2) == expected


def test_civilian_targeting_and_disorder_type() -> None:
    assert acled.civilian_targeting(1, 7, "Explosions/Remote violence") == "Civilian targeting"
    assert acled.civilian_targeting(2, None, "Violence against civilians") == "Civilian targeting"
    assert acled.civilian_targeting(1, 2, "Battles") == ""
    assert acled.disorder_type("Battles", "Armed clash") == "Political violence"
    assert acled.disorder_type("Protests", "Excessive force against protesters") == "Political violence; Demonstrations"
    assert acled.disorder_type("Protests", "Peaceful protest") == "Demonstrations"
    assert acled.disorder_type("Strategic developments", None) == "Strategic developments"
    assert acled.disorder_type(None, None) is None


def test_source_scale() -> None:
    assert acled.scale_of("Reuters") == "International"
    assert acled.scale_of("SANA") == "National"
    assert acled.scale_of("Syrian military source") == "National"
    assert acled.scale_of("Syrian Civil Defence") == "Other"  # not "defence" = the ministry
    assert acled.scale_of("UN OCHA") == "Other"
    assert acled.scale_of("Aleppo governor") == "Subnational"
    assert acled.scale_of("local activists") == "New media"
    assert acled.source_scale(["Reuters", "Syrian Observatory for Human Rights", "SANA", "Reuters"]) == (
        "Other-National-International"
    )
    assert acled.source_scale([]) == ""


def test_country_codes() -> None:
    syria = countries.lookup("Syria")
    assert syria is not None
    assert (syria.iso3, syria.iso_numeric, syria.acled_region, syria.gwno, syria.ged_region) == (
        "SYR", 760, "Middle East", 652, "Middle East"
    )
    for name in ("syrian arab republic", "SY", "syr", " Syria "):
        assert countries.iso3(name) == "SYR"
    assert countries.iso3("DR Congo") == "COD" and countries.lookup("DRC").acled_region == "Middle Africa"  # type: ignore[union-attr]
    assert countries.lookup("Côte d'Ivoire").acled_region == "Western Africa"  # type: ignore[union-attr]
    assert countries.lookup("Afghanistan").acled_region == "South Asia"  # type: ignore[union-attr]
    assert countries.lookup("Egypt").acled_region == "Northern Africa"  # type: ignore[union-attr]
    assert countries.lookup("Egypt").ged_region == "Middle East"  # type: ignore[union-attr]  # GW 651
    assert countries.lookup("Georgia").acled_region == "Caucasus and Central Asia"  # type: ignore[union-attr]
    assert countries.lookup("Mexico").acled_region == "Central America"  # type: ignore[union-attr]
    assert countries.lookup("Yemen").gwno == 678  # type: ignore[union-attr]
    assert countries.lookup("Gaza").iso3 == "PSE"  # type: ignore[union-attr]
    assert countries.lookup("Atlantis") is None and countries.lookup("") is None
    assert all(c.acled_region for c in countries.table().values())


def test_priogrid_and_violence_type() -> None:
    assert priogrid_gid(-89.9, -179.9) == 1
    assert priogrid_gid(10.51, 2.29) == 145085  # row 202, column 365 (1-based)
    assert priogrid_gid(89.99, 179.99) == 259200
    assert priogrid_gid(None, 1.0) is None
    assert violence_type(1, 2, "Military Forces of Iraq", "Islamic State") == 1
    assert violence_type(8, 2, "Military Forces of Turkey", "Islamic State") == 1  # a state abroad
    assert violence_type(2, 3, "Syrian rebels", "Iran-backed militias") == 2
    assert violence_type(2, 7, "Islamic State", "Civilians") == 3
    assert violence_type(1, None, "Military Forces of Iraq", None) is None


def test_user_data_extends_actor_types_and_countries(user_data: Path) -> None:
    assert acled.inter_code("Zamfara vigilantes", "Nigeria") is None
    (user_data / "actor_types.yaml").write_text(
        "names:\n  Zamfara vigilantes: 4\n  Islamic State: 8\npatterns:\n  '^Unidentified Armed Group': 3\n",
        encoding="utf-8",
    )
    (user_data / "acled_codes.yaml").write_text(
        "source_scales:\n  patterns:\n    'Zamfara Radio': Subnational\n", encoding="utf-8"
    )
    header = "iso3\tiso2\tiso_numeric\tname\tacled_region\tgwno\tged_region\taliases\n"
    (user_data / "countries.tsv").write_text(
        header + "XAB\tXA\t999\tAbkhazia\tCaucasus and Central Asia\t\t\tApsny\n", encoding="utf-8"
    )
    acled.clear_cache()
    countries.clear_cache()
    assert acled.inter_code("Zamfara vigilantes", "Nigeria") == 4
    assert acled.inter_code("Islamic State", "Iraq") == 8  # the user's entry wins
    assert acled.inter_code("Unidentified Armed Group (Syria)", "Syria") == 3
    assert acled.inter_code("Military Forces of Russia", "Syria") == 8  # bundled rules still apply
    assert acled.scale_of("Zamfara Radio") == "Subnational"
    assert acled.scale_of("Reuters") == "International"
    apsny = countries.lookup("Apsny")
    assert apsny is not None and (apsny.iso_numeric, apsny.gwno) == (999, None)
    assert countries.iso3("Syria") == "SYR"
