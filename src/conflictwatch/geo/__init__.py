"""Geo: offline geocoding of claim places against GeoNames/Who's On First and user gazetteers.

Sources, searched together and ranked: the user's rows (`conflictwatch gazetteer load`,
highest precedence), aliases (`data/places.yaml` + $CONFLICTWATCH_PLACES), and the bundled
gazetteer (`data/gazetteer.tsv.gz`, built by scripts/build_gazetteer.py; loaded once per process).
Data from Who's On First (whosonfirst.org), incl. GeoNames (CC BY).
"""

from __future__ import annotations

import re
from functools import partial
from typing import TYPE_CHECKING

from conflictwatch.geo.anchors import cities_named
from conflictwatch.geo.cityparts import (
    Match,
    beside_its_city,
    city_around,
    city_district,
    city_of_part,
    off_the_city,
)
from conflictwatch.geo.context import (
    ECHO_VOTES,
    GeoContext,
    big_city,
    exact_city_over_spelling,
    in_named_province,
    in_nearest_region,
    score,
)
from conflictwatch.geo.country import (
    DEMONYMS,
    NAMED_COUNTRY_BONUS,
    claim_country,
    country_votes,
    place_weight,
)
from conflictwatch.geo.cues import LEAD_WEIGHT
from conflictwatch.geo.gazetteer import (
    Place,
    PlaceIndex,
    alias_index,
    bundled_index,
    country_alias_codes,
    country_name,
    country_names,
    distance_km,
    to_country_code,
)
from conflictwatch.geo.normalize import name_key
from conflictwatch.geo.parts import Extent, part_named
from conflictwatch.geo.written import (
    _DISTRICT_WORDS,
    NEAR_NAMES,
    RE_NEAR,
    RE_REGION_SUFFIX,
    _called_district,
    _said_to_be_in,
    _spelt_alike,
    _strip_descriptors,
    _strip_modifiers,
    admin_from_text,
    camp_stem,
    clean_location,
    route_ends,
)
from conflictwatch.models import Article, Claim

if TYPE_CHECKING:
    from conflictwatch.store import Store

__all__ = ["GeoContext", "Geocoder", "Place", "PlaceIndex", "country_name"]



_PROVINCE_WORD = re.compile(r"\bprovince\b", re.IGNORECASE)
_NUMBERED_UNIT = re.compile(r"(?:Ward|Block|Zone|Sector|Phase|Mile)\s+\d", re.IGNORECASE)
# a context name typed as a district: the district (a county in the gazetteer) of that name
_DISTRICT_TYPE = re.compile(r"\b(?:district|lga|local government area|county|woreda|raion|tehsil|upazila"
                            r"|municipality|township|(?<!capital )territory|cercle)$", re.IGNORECASE)




class Geocoder:
    """Fills claims' place fields; build it once (`for_store`) and reuse it for every article."""

    def __init__(self, user: PlaceIndex | None = None, aliases: PlaceIndex | None = None,
                 bundled: PlaceIndex | None = None) -> None:
        self.user = user or PlaceIndex()
        self.aliases = aliases if aliases is not None else alias_index()
        self.bundled = bundled if bundled is not None else bundled_index()
        self._article_ctx: dict[tuple[str | None, str], GeoContext] = {}
        self._mention_keys = self._build_mention_keys()
        self._countries_named: dict[str, str | None] = {}  # context name -> the country it is, if one

    @classmethod
    def for_store(cls, store: Store | None) -> Geocoder:
        """Bundled gazetteer + aliases + the user's rows from the store's `gazetteer` table."""
        user = PlaceIndex()
        if store is not None:
            from conflictwatch.geo.userdata import user_places

            user = PlaceIndex(user_places(store))
        return cls(user=user)

    # -- article context --------------------------------------------------------------
    def _build_mention_keys(self) -> dict[str, str]:
        """name key -> country code for country names, demonyms and capitals/major cities."""
        keys: dict[str, str] = {}
        for cc, n in country_names().items():
            keys[name_key(n)] = cc
        for d, cc in DEMONYMS.items():
            if cc:
                keys[d] = cc
        return keys

    def article_context(self, article: Article) -> GeoContext:
        """Countries the article is about (geo/country.py) and its main cities (anchors)."""
        # keyed by content too: a feed may reuse an id for another story, or for its next version
        aid = (article.article_id, article.hash)
        if aid in self._article_ctx:
            return self._article_ctx[aid]
        body = article.text or ""
        if article.dateline:  # the bureau ("BEIRUT"), not where things happened
            body = re.sub(rf"^\s*{re.escape(article.dateline)}\b", " ", body, count=1, flags=re.I)
        text = " ".join(x for x in (article.title, body) if x)
        countries = country_votes(article, self)
        cc = countries.most_common(1)[0][0] if countries else None
        ranked = cities_named(text, self.bundled, (self.aliases, self.user), self._mention_keys)
        # a big city abroad is no anchor in a story about another country ("Boni" is a name of Bonn)
        anchors = [a for a in ranked if a.country_code == cc][:3] if cc else ranked[:3]
        lead = " ".join(x for x in (article.title, body[:600]) if x)
        ctx = GeoContext(countries=dict(countries), article_places=anchors, part=self._part_named(lead))
        if len(self._article_ctx) > 1000:
            self._article_ctx.clear()
        self._article_ctx[aid] = ctx
        return ctx

    def find(self, name: str, tier: int, country_code: str | None = None) -> list[Place]:
        """Places of every source (user rows, aliases, bundled) under a name's key."""
        indexes = (self.user, self.aliases, self.bundled)
        return [p for index in indexes for p in index.find(name, tier, country_code)]

    def claim_context(self, claim: Claim, article: Article | None) -> GeoContext:
        """Article context, sharpened by the places named around the claim (they come first)."""
        base = self.article_context(article) if article is not None else GeoContext()
        countries = dict(base.countries)
        named: set[str] = set()
        anchors: list[Place] = []
        own_units: list[Place] = []
        quoted = city_quoted = False
        names = list(claim.place_context or [])
        # (the one country the claim's own sentence names first: "In Mali, militants killed 30 near
        # Menaka", in an overview whose other paragraphs name Burkina Faso and its Sahel region)
        in_quote = {cc for n in names if claim.quote and n in claim.quote and (cc := self._country_named(n))}
        # the places the claim's own sentence names, read once: a digest's item ("insurgents killed two
        # fishermen at Ulo, Cabo Delgado.") is in its province's country, whatever country the next item
        # opens with; a district beside a town places it ("Quezon, Bukidnon": not Quezon City)
        own_found = [f for n in names if claim.quote and n in claim.quote and not self._country_named(n)
                     and (f := self.find(n, 0))]
        homes = set() if in_quote else {x.country_code for f in own_found
                                        if all(x.placetype == "region" for x in f) for x in f}
        for name in names:  # countries first: they decide how the other names are read
            cc = self._country_named(name)
            across = rf"\b(?:borders?|frontier)\s+with\s+(?:the\s+)?{re.escape(name)}"
            if cc and claim.quote and re.search(across, claim.quote):
                continue  # "near Djanet, close to the border with Libya": the country across the border
            if cc and len(homes) == 1 and cc not in homes:
                continue
            if cc and cc not in named:
                named.add(cc)
                own = 50.0 if in_quote == {cc} else 0.0
                countries[cc] = countries.get(cc, 0) + NAMED_COUNTRY_BONUS + own
        if len(homes) == 1 and not named:
            # ("Gwoza in Borno state", in a round-up whose next item is filed from Sanaa): the province
            # the claim's own sentence names says its country
            home = next(iter(homes))
            countries[home] = countries.get(home, 0) + NAMED_COUNTRY_BONUS / 2
        part = self._part_named(claim.quote or "") or base.part
        text = article.text if article is not None else ""
        beside = text if "border" in text or "neighbo" in text else ""
        top = max(countries.items(), key=lambda kv: kv[1])[0] if countries else None
        # (only districts, of one province, of the story's country: not the two "Negros Occidental")
        wide = [max(f, key=lambda x: x.population) for f in own_found
                if all(x.placetype == "county" for x in f)
                and len({(x.country_code, x.admin1) for x in f}) == 1 and f[0].country_code == top]
        for name in names:
            if self._country_named(name) or (beside and re.search(
                    rf"\b(?:borders|bordering|neighbou?ring)\s+(?:the\s+)?{re.escape(name)}", beside)):
                continue  # ("Raya Kobo borders the Tigray region": a province beside it, not its own)
            written, modifier = _strip_modifiers(name)
            sub = GeoContext(countries, [*anchors, *(w for w in wide if w not in anchors)],
                             named_countries=named, article_places=base.article_places, part=part)
            # "Benue state" is the province, not a village called Benue; "West Darfur" is a name of
            # its own, not the west of Darfur (the whole phrase first, as for the claim's place)
            whole = self._lookup_scored(name.strip(), sub) if modifier in ("direction", "region") else None
            typed = self._typed_region(name, written, sub) if modifier == "region" else None
            if whole is not None and whole[1] <= 1 and (modifier == "direction" or not whole[0].is_point):
                p: Place | None = whole[0]
            elif typed is not None:
                p = typed  # "South Darfur state" is South Darfur, not a "Darfur" south of something
            elif _DISTRICT_TYPE.search(name.strip()) and (district := self._district(written, sub)):
                p = district.place  # "Kauru Local Government Area": the LGA, not a village of that name
            elif _DISTRICT_TYPE.search(name.strip()):
                # a district the gazetteer lacks (renamed "Yewa North LGA"): a close spelling or none,
                # not a loose one of another state's ("Ovia North East")
                hit = self._lookup_scored(written, sub)
                p = hit[0] if hit is not None and hit[1] <= 1 else None
            else:
                p = (self._region_for(written, sub) or self._county_typed_as_province(name, written, sub)) \
                    if modifier == "region" else self.lookup(written, sub)
            if p is None and modifier == "region" and claim.quote and name in claim.quote:
                p = self._region_abroad(written)  # ("Barmal district of Paktika province")
            if p is None and modifier == "region" and not anchors and _said_to_be_in(claim, name):
                # "the Komanda-Mambasa road in Ituri province", a province the gazetteer lacks: the
                # cities of other sentences (the capital where ministers met) are not where it was.
                break
            if p is not None:
                if p.is_point and not any(a.is_point for a in anchors):
                    city_quoted = bool(claim.quote and written and written.lower() in claim.quote.lower())
                anchors.append(p)
                if p.placetype in ("region", "county") and claim.quote and written and written in claim.quote:
                    quoted = True
                if p.country_code:
                    # a province named beside the place (in the claim's own sentence: a live blog's
                    # next entry is another story) outweighs the article's mentions ("the city of
                    # Toretsk, Donetsk region" in a story full of "Russian troops")
                    own = bool(claim.quote and written and written in claim.quote)
                    if own and p.placetype in ("region", "county"):
                        own_units.append(p)
                    # (a place of another sentence less: "KADUGLI - Shelling killed five in Kadugli ...
                    # The SPLM-N signed a charter in Nairobi in February" is not in Kenya)
                    bonus = (25 if p.placetype in ("region", "county") else 5) if own else 2
                    countries[p.country_code] = countries.get(p.country_code, 0) + bonus
        if not named and claim.location:
            # the claim's own place, where all its namesakes are in one country the story talks of (by
            # more than this very name: Solhan of Turkey in a story of Burkina Faso), is as good a word
            # on the country as a town named beside it ("shelling in Kadugli")
            found = self.find(_strip_modifiers(claim.location)[0], 0)
            homes = {p.country_code for p in found} - {None}
            echo = max(place_weight(found, typed=False).values(), default=0.0) * LEAD_WEIGHT
            if len(homes) == 1 and countries.get(cc := homes.pop(), 0) > echo:
                countries[cc] += 5
        # (the provinces of the country the claim is in: "the central Sahel" of an overview's lead is
        # Burkina Faso's Sahel region, no bound on a Malian town)
        top = max(countries.items(), key=lambda kv: kv[1])[0] if countries else None
        # (those of the claim's own sentence, when it names any: "in Kostiantynivka ..., Donetsk Oblast
        # governor said" is not the Kostiantynivka of the next sentence's Kherson Oblast)
        units = [a for a in own_units if a.country_code in (top, None)] or anchors
        admin1s = {name_key(a.name if a.placetype == "region" else a.admin1 or "") for a in units
                   if a.placetype in ("region", "county") and a.country_code in (top, None)} - {""}
        # districts named as such among the first names around the claim (its sentence and the next
        # ones), not a round-up's other paragraphs at the end of the list
        districts = (_DISTRICT_WORDS.match(_strip_descriptors(n)) for n in names[:NEAR_NAMES])
        admin2s = {name_key(m.group("name")) for m in districts if m} - {""}
        return GeoContext(countries=countries, anchors=anchors, named_countries=named,
                          article_places=base.article_places, admin1s=admin1s, admin2s=admin2s,
                          province_in_quote=quoted, city_in_quote=city_quoted, part=part)

    def _part_named(self, text: str) -> tuple[str, Extent, tuple[float, float]] | None:
        """The first part of a country the text names ("in central Mali"), with the country's extent."""
        return part_named(text, self._country_named, self.bundled.province_bounds)

    def _country_named(self, name: str) -> str | None:
        """The country a context name is ("Syria"; "eastern Congo", "Burma", "DRC" by the country
        table's aliases, unless the alias is also a city or a region: "Gaza", "West Bank")."""
        if name not in self._countries_named:
            self._countries_named[name] = self._country_of_name(name)
        return self._countries_named[name]

    def _country_of_name(self, name: str) -> str | None:
        data = (*self.user.find(name, 0), *self.aliases.find(name, 0))
        if any(not p.is_point and p.country_code for p in data):
            return None  # a province a data file names ("West Azerbaijan", Iran's), not the country
        cc = to_country_code(name)
        if cc and cc in country_names():
            return cc
        written, modifier = _strip_modifiers(name)
        # "western Mali" (not "Niger State": a province)
        cc = to_country_code(written) if modifier == "direction" else None
        if cc and cc in country_names():
            return cc
        cc = country_alias_codes().get(name_key(written))
        if cc is None:
            return None  # nearly every name: no gazetteer look-up
        if any(big_city(p) or not p.is_point for p in self.bundled.find(written, 0)):
            return None
        return cc

    # -- lookup -----------------------------------------------------------------------
    def lookup(self, name: str, context: GeoContext | None = None) -> Place | None:
        """The best place for a bare name, or None. Ranks user > aliases > bundled, country, nearness."""
        m = self._lookup_scored(name, context or GeoContext())
        return m[0] if m else None

    def _lookup_scored(self, name: str, ctx: GeoContext) -> tuple[Place, int] | None:
        if not name or not name_key(name) or _NUMBERED_UNIT.match(name):
            return None  # ("Ward 10", "Block 5": a city's numbered part, named after its city or not at all)
        cc = ctx.country
        best: tuple[float, Place, int] | None = None
        # a three-letter name matches loosely almost anything ("Eco" ~ "Acú"): exact only
        tiers = 3 if len(name_key(name)) >= 4 else 1
        for tier in range(tiers):
            for src_bonus, index in ((60.0, self.user), (30.0, self.aliases), (0.0, self.bundled)):
                cands = index.find(name, tier, None if tier == 0 else cc)
                if tier > 0 and cc is None:
                    cands = []
                for p in cands:
                    bonus = src_bonus
                    if index is self.aliases and p.city and p.country_code != cc \
                            and not ctx.countries.get(p.country_code or "", 0):
                        bonus = 0.0  # a city quarter's other name ("Mashhad" in Aleppo), in a story not of it
                    s = score(p, ctx, tier) + bonus + 0.5 * _spelt_alike(name, p.name)
                    if best is None or s > best[0]:
                        best = (s, p, tier)
            exact_hit = best is not None and best[2] == 0
            if best is not None and best[0] > -50 and (best[1].country_code == cc or cc is None or exact_hit):
                # A good hit at a stricter tier (in the context country, or the exact name in a
                # country the article also talks about): looser spellings cannot do better.
                break
        if (best is None or (best[1].country_code != cc and not (best[2] == 0 and best[0] > -50))) and cc:
            for src_bonus, index in ((60.0, self.user), (30.0, self.aliases), (0.0, self.bundled)):
                for p in index.fuzzy(name, cc):
                    s = score(p, ctx, 3) + src_bonus
                    if best is None or s > best[0]:
                        best = (s, p, 3)
        if best is None or best[0] < -50:
            # a city of millions named exactly, with no namesake in the story's country, in a country
            # it talks of ("a blast on Istanbul's Istiklal Avenue, Turkish officials said" in a Syria
            # round-up): that city, not a place near the story's (not Tripoli, Libya, in a Syria story)
            exact = self.find(name, 0)
            # (a country the story talks of, by more than this name when the claim names another: not
            # Brooklyn in "Brooklyn, a part of Cite Soleil in Port-au-Prince, Haiti")
            least = ECHO_VOTES if ctx.named_countries else 0.0
            big = [p for p in exact if p.is_point and p.population >= 1_000_000
                   and ctx.countries.get(p.country_code or "", 0) > least]
            if big and not any(p.country_code == cc for p in exact):
                return max(big, key=lambda p: p.population), 0
            return None
        if best[2] >= 2 and (city := exact_city_over_spelling(best[1], self.find(name, 0), ctx)):
            return city, 0
        province = self._province_over_hamlet(name, best[1], ctx)
        if province is not None:
            return province, 0
        if self._ambiguous(name, best, ctx):
            return None
        return best[1], best[2]

    def _province_over_hamlet(self, name: str, place: Place, ctx: GeoContext) -> Place | None:
        """ "Michoacan" with nothing around it is the state, not the hamlet of 574 people in Chiapas
        that shares its name; a town inside its namesake province ("Daraa") stays the town."""
        if not place.is_point:
            return None
        if name_key(place.name) != name_key(name) and _spelt_alike(name, place.name) < 0.7:
            # a town found by another of its names is no match for the province of that very name
            # ("Antioquia" is the department, not Santa Fe de Antioquia)
            key = name_key(name)
            own_name = [p for p in self.find(name, 0, place.country_code) if p.placetype == "region"
                        and p.country_code == place.country_code and name_key(p.name) == key]
            if own_name:
                return own_name[0]
        if place.population >= 20_000 or ctx.anchors or ctx.admin1s:
            return None
        regions = [p for p in self.find(name, 0, place.country_code)
                   if p.placetype == "region" and p.country_code == place.country_code]
        if not regions:
            return None
        # (the province spelt most alike: "Panjshir" is also an old name of Parwan; a hamlet whose
        # other name is "Panjshir" does not make the town-in-its-province case)
        own = max(regions, key=lambda p: _spelt_alike(name, p.name))
        if name_key(own.name) == name_key(place.admin1 or "") and _spelt_alike(name, place.name) >= 0.8:
            return None
        return own

    def _ambiguous(self, name: str, best: tuple[float, Place, int], ctx: GeoContext) -> bool:
        """A small place with namesakes in the same country and nothing in the text to choose
        between them ("Eco" in a Mexican crime brief that names no city): no coordinates beat a
        guess."""
        top, place, tier = best
        if ctx.anchors or ctx.article_places or place.population >= 50_000 or not place.is_point:
            return False
        rivals = [p for p in self.bundled.find(name, tier, place.country_code)
                  if p.country_code == place.country_code and p.is_point and distance_km(p, place) > 25
                  and score(p, ctx, tier) >= top - 3]
        return bool(rivals)

    # -- claims -----------------------------------------------------------------------
    def geocode_claims(self, claims: list[Claim], article: Article) -> None:
        """Fill location (clean), admin1, country, latitude, longitude, geo_precision in place (a place named
        again is where it was the first time: not Gandoh of Gujarat in the next sentence)."""
        placed: dict[str, tuple] = {}
        for c in claims:
            if not c.location:
                if c.country is None:  # no place named: the country the article is clearly about
                    c.country = country_name(claim_country(self.claim_context(c, article)))
                continue
            if (again := placed.get(c.location)) is not None:
                c.location, c.admin1, c.admin2, c.country, c.latitude, c.longitude, c.geo_precision = again
                continue
            raw = c.location
            ctx = self.claim_context(c, article)
            written, modifier = _strip_modifiers(c.location)
            named_country = to_country_code(c.location)
            part_of = to_country_code(written) if modifier in ("direction", "part") else None
            if named_country in country_names():
                # "killed in Bangladesh": the country itself, not a town of that name elsewhere
                c.country = country_name(named_country)
                c.latitude = c.longitude = c.geo_precision = None
                continue
            if (stem := camp_stem(written)) and self.lookup(written, ctx) is None:
                # "the Jabalia refugee camp" the gazetteer lacks: at the town it is named after
                named = self.lookup(f"{stem} Camp", ctx) is not None
                written, modifier = (f"{stem} Camp", "") if named else (stem, "near")
            m = self._resolve(c.location, written, modifier, ctx)
            if not modifier and _called_district(article.text, written) and (
                    m is None or m.place.source == "bundled"):  # (a data file's entry says which)
                m = self._district(written, ctx) or m
            c.location = clean_location(c.location)
            m = city_district(self, article.text, written, m, ctx) or m
            m = m or city_of_part(self, c, ctx)
            if m is not None and not m.fallback:
                m = city_around(self, c, m.place, ctx) or m
            if m is None:
                c.latitude = c.longitude = None
                c.geo_precision = None
                named_part = part_of if part_of in country_names() else None
                c.country = c.country or country_name(named_part or claim_country(ctx))
                continue
            if part_of in country_names() and m.place.country_code != part_of:
                # "in northern Iraq", the province read from another country's places: the country it names
                c.country = country_name(part_of)
                c.latitude = c.longitude = c.geo_precision = None
                continue
            p = m.place  # the location keeps the article's spelling; coordinates come from p
            c.admin1 = p.admin1 or (p.name if p.placetype == "region" else None)
            # (an unknown name written beside a city, "in Nancho, Bamenda", is a quarter of it; not a
            # village "west of Kobani")
            within = m.within or (m.fallback and big_city(p) and beside_its_city(c, p))
            within = within and not off_the_city(c, p)
            c.admin2 = p.admin2 or (p.name if within and p.is_point else None)
            c.country = p.country
            c.latitude, c.longitude = p.latitude, p.longitude
            c.geo_precision = m.precision
            placed[raw] = c.location, c.admin1, c.admin2, c.country, c.latitude, c.longitude, c.geo_precision
        for c in claims:
            admin_from_text(c, partial(self._provinces_of, c.country))

    def _resolve(self, raw: str, written: str, modifier: str, ctx: GeoContext) -> Match | None:
        # The whole phrase first: "Eastern Ghouta" is a name, not "eastern" + "Ghouta".
        hit = self._lookup_scored(raw.strip(), ctx)
        if hit and hit[1] <= 1 and in_named_province(hit[0], ctx):
            return Match(hit[0], hit[0].default_precision)
        near = RE_NEAR.match(written)
        if near:
            inner, outer = near.group(1), near.group(2)
            octx = GeoContext(ctx.countries, ctx.anchors, ctx.named_countries, ctx.article_places)
            op = self.lookup(_strip_modifiers(outer)[0], ctx)
            if op is not None:
                octx.anchors = [op, *ctx.anchors]
            ip = self._lookup_scored(_strip_modifiers(inner)[0], octx)
            if ip and (op is None or distance_km(ip[0], op) < 60):
                return Match(ip[0], max(ip[0].default_precision, 1))
            if op is not None:
                return Match(op, max(2, op.default_precision), fallback=True)
        if modifier == "region":
            # ("West Darfur state": West Darfur, not a "Darfur" west of something)
            region = self._typed_region(raw, written, ctx) or self._region_for(written, ctx) \
                or self._county_typed_as_province(raw, written, ctx)
            return Match(region, 3, fallback=True) if region else None
        hit = self._lookup_scored(written, ctx) if written else None
        if hit is None and written:
            # a province of the story's country named exactly as the claim's place is itself, however
            # far the places of other sentences are ("in Nangarhar" after a paragraph on Kunduz)
            hit = next(((p, 0) for p in self.find(written, 0, ctx.country)
                        if p.placetype == "region" and p.country_code == ctx.country), None)
        if hit:
            p, tier = hit
            city = ctx.city
            # (a loose spelling of a hamlet outside the city the claim's own sentence names is no
            # quarter of it: "MOGADISHU - ... in Hodan district" is not Hidweyne, 28 km out)
            weak = tier >= 2 and city is not None and (distance_km(p, city) > 50 or (
                ctx.city_in_quote and big_city(city) and p.population < 1_000 and distance_km(p, city) > 10))
            # (nor of a village in another district than the one named: "Dumba in Kukawa LGA" is not Damboa)
            weak = weak or (tier >= 2 and bool(ctx.admin2s) and name_key(p.admin2 or "") not in ctx.admin2s)
            if not weak and in_named_province(p, ctx):
                prec = p.default_precision
                if modifier in ("direction", "near", "part"):
                    prec = max(prec, 2)
                return Match(p, prec)
        if modifier in ("direction", "near", "part") and not written:
            return None
        on_route = self._route_end(written, ctx) if not hit and written else None
        if on_route is not None:
            return on_route
        if not hit and written and self._known_abroad(written, ctx):
            return None  # e.g. "Tripoli" in a Syria story: a real place elsewhere, not a district here
        # Unknown name: the district named first around it ("Kigudu community in Kauru LGA"), a
        # district/part of the city the claim is about, else its province.
        # (a town around it outside that district is another place: "Antsa village, Kwarra district,
        # Keana LGA" is not at the Kwarra of Doma LGA)
        county = ctx.named_district
        city = ctx.city
        if county is not None and (city is None or name_key(city.admin2 or "") != name_key(county.name)):
            return Match(county, max(2, county.default_precision), fallback=True)
        if city is not None and in_named_province(city, ctx) and in_nearest_region(city, ctx):
            # (an unknown name beside a city, "in Nkwen" after "in Bamenda": a quarter of it; beside a
            # small town, as likely a hamlet near it)
            return Match(city, 2, fallback=True, within=big_city(city))
        if ctx.region is not None:
            return Match(ctx.region, 3, fallback=True)
        return None

    def _typed_region(self, name: str, written: str, ctx: GeoContext) -> Place | None:
        """The province a name typed as one is, read whole ("South Darfur state" is South Darfur),
        when the modifiers stripped more than its type word."""
        typed = RE_REGION_SUFFIX.match(name.strip())
        return self._region_for(typed.group(1), ctx) if typed and typed.group(1) != written else None

    def _route_end(self, written: str, ctx: GeoContext) -> Match | None:
        """ "the Komanda-Mambasa road", "the Apaseo el Alto-Queretaro highway": a road between two
        towns the gazetteer knows is placed at the first it finds, as near it (precision 2)."""
        for part in route_ends(written):
            part = part.strip()
            if len(part) < 4:
                continue
            hit = self._lookup_scored(part, ctx)
            if hit and hit[1] <= 1 and hit[0].is_point and in_named_province(hit[0], ctx):
                return Match(hit[0], 2, fallback=True)
        return None

    def _district(self, name: str, ctx: GeoContext) -> Match | None:
        """ "the district of Sirwah": the district itself, where villages elsewhere in the country
        share its name, when it is the only one so called (in the province the text names, if any)."""
        cc = ctx.country
        found = [p for p in self.find(name, 0, cc) if p.placetype == "county" and p.country_code == cc
                 and name_key(p.name) == name_key(name)
                 and (not ctx.admin1s or name_key(p.admin1 or "") in ctx.admin1s)]
        return Match(found[0], found[0].default_precision) if len(found) == 1 else None

    def _provinces_of(self, country: str | None, district: str) -> set[str]:
        """Name keys of the provinces of `country` with a district (county) called `district`."""
        cc = to_country_code(country) if country else None
        key = name_key(district)
        return {name_key(p.admin1 or "") for p in self.find(district, 0, cc)
                if p.placetype == "county" and p.country_code == cc and name_key(p.name) == key}

    def _known_abroad(self, name: str, ctx: GeoContext) -> bool:
        return bool(self.bundled.find(name, 0)) and not ctx.anchors

    def _region_abroad(self, name: str) -> Place | None:
        """The province called exactly `name` when one country has it (named as a province in the claim's
        own sentence, it says which country the claim is in, whatever the article's other paragraphs)."""
        # (exactly: "the North region" of a Kosovo story is not Israel's Northern District)
        key = name_key(name)
        found = [p for p in self.find(name, 0) if p.placetype == "region" and name_key(p.name) == key]
        return found[0] if found and len({p.country_code for p in found}) == 1 else None

    def _county_typed_as_province(self, raw: str, name: str, ctx: GeoContext) -> Place | None:
        """Burkina Faso's provinces are the gazetteer's second level: "Kossi province", where no first-level
        province has the name, is the one district so called (not a hamlet of Mali). Only a "province"."""
        if not _PROVINCE_WORD.search(raw):
            return None  # (Mexico City's "Cuauhtemoc region" is no district of Zacatecas)
        key = name_key(name)
        found = [p for p in self.find(name, 0, ctx.country) if p.placetype == "county"
                 and name_key(p.name) == key and (not ctx.country or p.country_code == ctx.country)]
        return found[0] if len(found) == 1 else None  # (not one of Mexico's several Cuauhtemocs)

    def _region_for(self, name: str, ctx: GeoContext) -> Place | None:
        """The province called `name` ("Aleppo countryside" -> Aleppo governorate)."""
        best: tuple[float, Place] | None = None
        for tier in range(2):
            for bonus, index in ((60.0, self.user), (30.0, self.aliases), (0.0, self.bundled)):
                for p in index.find(name, tier, None if tier == 0 else ctx.country):
                    if p.placetype != "region":
                        continue
                    if tier and not ctx.country and _spelt_alike(name, p.name) < 0.75:
                        continue  # a loose spelling anywhere in the world ("Seno" ~ the Maldives' Seenu)
                    s = bonus - (0 if not ctx.country or p.country_code == ctx.country else 100)
                    # two provinces under one name: the one spelt most alike
                    s += _spelt_alike(name, p.name)
                    if best is None or s > best[0]:
                        best = (s, p)
            if best:
                break
        if best is None or best[0] < -50:
            # A town's province: "Idlib countryside" where only the town is known (in the article's
            # country: "the province of Seno" in a story that names no country is no town in Laos).
            town = self.lookup(name, ctx) if ctx.country else None
            if town is None or not town.admin1 or town.country_code != ctx.country:
                return None  # (nor "the North region" of a Kosovo story read as Israel's Northern)
            reg = self._region_for(town.admin1, GeoContext({town.country_code or "": 1.0}))
            if reg is town.admin1:  # pragma: no cover - defensive
                return None
            return reg or town
        return best[1]
