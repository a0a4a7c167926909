"""The claims extractor: sentences in, incident and aggregate claims out.

For each sentence: find casualty figures, who said them, when and where; decide whether the
figure is one incident or a total over a period; skip denials, hypotheticals and whole-war
background. A sentence that only adds to the previous claim extends that claim instead of
making a new one. Sentences reporting a dated strike, bombing or capture with no figure still
make an incident claim (killed = null)."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import date
from functools import lru_cache
from typing import TYPE_CHECKING

from conflictwatch.extract.actors import find_actors, own_losses
from conflictwatch.extract.attribution import Discourse, SourceMention
from conflictwatch.extract.backrefs import REFERS_BACK
from conflictwatch.extract.capitals import the_capital_here, the_citys_part, the_seat_told
from conflictwatch.extract.clausedates import clause_dates, clauses, day_of, days_back
from conflictwatch.extract.counted import more_of_a_count
from conflictwatch.extract.datelines import (
    bare_dateline,
    bureau,
    dateline_province,
    dateline_town,
    label_end,
    local_dateline_end,
    local_town,
    names_others,
    not_filed_far,
    not_the_dateline,
    report_day,
)
from conflictwatch.extract.dates import find_dates
from conflictwatch.extract.disasters import accidental, disaster_toll, is_conflict_article
from conflictwatch.extract.draft import EVENT_MONTH, Draft, event_date, finish
from conflictwatch.extract.earlier import aftermath_lead, earlier_event_span, earlier_toll
from conflictwatch.extract.eventtypes import NAMED_TARGET_TYPES, by_victims, event_rule, event_type_of
from conflictwatch.extract.figures import Casualty, classify_figures, lex
from conflictwatch.extract.followups import (
    add_subset,
    bodies_of_the_told,
    extends,
    more_of_the_count,
    vouches_for,
)
from conflictwatch.extract.headline import headline_incident, headline_toll
from conflictwatch.extract.inherit import inherit_dates, inherit_type_and_place, no_one_hurt
from conflictwatch.extract.labels import label_rank, opens_item
from conflictwatch.extract.laterdead import treated_in, wounded_died
from conflictwatch.extract.namelists import with_named_dead
from conflictwatch.extract.news import dated, fold_highlights, furniture, lead_end
from conflictwatch.extract.nlp import parse_after
from conflictwatch.extract.notcounts import earlier_event_spans, past_relative_spans
from conflictwatch.extract.parsedvictims import add_parsed_victims, names_dead
from conflictwatch.extract.periods import OTHER_MONTH, SINCE_BEFORE, SINCE_CAPTURE, WHOLE_WAR
from conflictwatch.extract.placename import aside_spans
from conflictwatch.extract.placerank import PlaceMention, most_specific
from conflictwatch.extract.places import OWNER, find_places
from conflictwatch.extract.quotes import straight_quotes
from conflictwatch.extract.responsibility import responsibility_claimant
from conflictwatch.extract.retold import retells_the_dead
from conflictwatch.extract.rivals import group_by_source, split_rivals
from conflictwatch.extract.rules import Named, event_rules, sources
from conflictwatch.extract.scope import (
    hedge_governs,
    long_ago,
    told_late,
    toll_of_a_past_year,
)
from conflictwatch.extract.sentences import PerSentence, Sentence, split_sentences
from conflictwatch.extract.splits import (
    aggregate_here,
    split_by_day,
    split_by_place,
    split_by_scope_clause,
    split_separate,
)
from conflictwatch.extract.stories import (
    borrow_dates,
    borrow_places,
    fold_figureless,
    fold_retold,
    fold_same_toll,
    fold_vague,
    round_up_dates,
    same_place_dates,
    sentence_days,
    total_of_parts,
)
from conflictwatch.extract.victims import find_killers, find_spared, find_victims, may_have_victims
from conflictwatch.models import Article, Claim

if TYPE_CHECKING:
    from spacy.tokens import Doc


def extract_claims(article: Article) -> list[Claim]:
    """Every incident and aggregate claim in the article, each with its quote and source."""
    lx = lex()
    _, incident_verbs = event_rules()
    published = article.published
    filed = report_day(article.text, (article.meta or {}).get("dateline_day"), published)
    if filed is not None:  # "BAMAKO, Oct 16 (AFP)", published Oct 17: the words count from the 16th
        article = replace(article, published=filed)
    discourse = Discourse(article.text)
    sentences = split_sentences(article.text)
    present_actors = discourse.present_actors
    if not is_conflict_article(straight_quotes(article.text), present_actors):
        return []  # a factory fire or a shipwreck has deaths too, but no conflict claims
    drafts: list[Draft] = []
    last_incident: Draft | None = None
    article_places = _article_places(sentences, present_actors)
    town = dateline_town(article.text, article.dateline)
    lead_source, lead_date = _lead_statement(sentences[:2], article, discourse)
    docs = _parse_candidates(sentences)
    # Sentences where nothing happened matter only for who spoke in them ("he said" later): they
    # are remembered when the next sentence that may hold a claim comes, so that the sources of
    # the background after an article's last claim are never looked for (same result).
    unheard: list[str] = []
    # a report's lead tells its news however long ago (news.py): where that lead ends, if it is one
    report_lead_end = lead_end(article.text) if told_late(article) else -1
    for sent in sentences:
        if furniture(article.text, sent.start):
            continue  # "Related coverage" links, "(Corrects death toll in paragraph 1 ...)": no news
        s = straight_quotes(sent.text)  # same length: offsets still point into the quote
        cas = classify_figures(s)
        doc = docs.get(sent.index)
        victims = find_victims(doc) if doc is not None else []
        if victims and (dateline_end := local_dateline_end(s) or label_end(s)):
            # a victim whose noun is in the dateline (the PRINCE of PORT-AU-PRINCE) or a round-up's
            # label ("Mali: Twenty-one civilians ...") is none
            victims = [v for v in victims if s.lower().find(v.noun.lower(), v.start) >= dateline_end]
        not_victims = find_killers(doc) + find_spared(doc) if doc is not None else []
        cas = with_named_dead(s, add_parsed_victims(s, cas, victims, not_victims))
        typed = s  # the text the event type is read from
        prior: list[tuple[int, int]] = []  # where an earlier event named to date the news is told
        if cas:  # an earlier event's toll, named only to date the news, is not this one's
            # ("The attack came a week after 48 villagers were killed": background, no claim)
            kept = [c for c in cas if not earlier_toll(s, c.fig.start)]
            prior = [span for c in cas if c not in kept and (span := earlier_event_span(s, c.fig.start))]
            if not kept and sent.index == 0 and aftermath_lead(s, prior, incident_verbs):
                kept, prior = cas, []  # ("Days after bandits killed 38 in Adabka, residents ...": the news)
            elif not kept and not _SAME_DAY_AS.search(s):
                # ("Warplanes struck Hodeidah on Saturday, a day after a drone killed a man in Tel
                # Aviv": the strike told before the earlier event is still news, without its toll)
                if not (prior and incident_verbs.search(s[: min(a for a, _ in prior)])):
                    unheard.append(s)
                    continue
            elif not kept:
                kept, prior = cas, []
            typed = _blanked(typed, prior)
            cas = kept
        if last_incident is not None and sent.index - last_incident.sentence.index <= 3 \
                and (wounded_died(s, last_incident, _last_toll(drafts, sent.index, 4))
                     or bodies_of_the_told(s, cas, last_incident)):
            continue
        if cas and retells_the_dead(s, cas, _last_toll(drafts), sent.index):
            continue  # "he succumbed on the way": the dead just told
        claimant = responsibility_claimant(s, present_actors)
        just_told = last_incident is not None and sent.index - last_incident.sentence.index <= 4
        if claimant and not cas and just_told and last_incident is not None:
            # "Al Shabaab claimed responsibility": the group's own claim on the incident just told.
            d = Draft(sent, [sent.text], [], claimant, last_incident.dates, find_places(s, []),
                      last_incident.event, claimant, last_incident.actor2, "incident")
            drafts.append(d)
            if (last_incident.actor1 is None or last_incident.actor1.startswith("Unidentified")) \
                    and claimant in {a.name for a in present_actors}:
                last_incident.actor1 = claimant  # and who did it, for the claim that tells it
            _hear(discourse, [*unheard, s])
            unheard.clear()
            discourse.last_by_kind["armed group"] = claimant  # "the group said" is the group
            continue
        if (not cas and last_incident is not None and last_incident.source is None
                and sent.index - last_incident.sentence.index == 1 and vouches_for(s)):
            # the source of the incident just told, named only in the next sentence ("Gunmen killed
            # 12 villagers on Tuesday. Police spokesman X confirmed the attack, saying ...")
            last_incident.source = _who_spoke(discourse, s)[2]
        if not cas and not incident_verbs.search(s) and event_rule(s, False, None) is None \
                and not (last_incident is not None and REFERS_BACK.match(s)):
            unheard.append(s)  # nothing happened here: only who spoke matters
            continue
        _hear(discourse, unheard)
        unheard.clear()
        mentions, speakers, speaker = _who_spoke(discourse, s)
        if claimant and not speakers:
            speaker = claimant  # "JNIM claimed the attack, saying it had killed dozens of soldiers"
        # A person speaking for a force ("an Iraqi army officer said") is not an actor; a force
        # speaking for itself ("the SDF said they had captured ...") is.
        # Nor is a force that only tells of it at the end ("..., killing a district chief, police said").
        # Nor one that tells of others' dead ("Police said four people died"): it acts when it
        # speaks of itself ("the SDF said they had captured") or of enemies killed ("the army said
        # 21 militants had been killed").
        last_fig = max((c.fig.end for c in cas), default=len(s))
        tells = bool(cas) and cas[0].victim != "combatants"
        voices = [(m.start, m.end) for m in speakers
                  if m.person or (m.start > last_fig and _TRAILING_VOICE.search(s, 0, m.start))
                  or (tells and m.end < cas[0].fig.start and _TELLS_OF_OTHERS.match(s, m.end))]
        own = own_losses(s, cas, [(m.start, m.end) for m in speakers if (m.start, m.end) not in voices])
        a1, a2, side, actor_spans = find_actors(typed, cas, present_actors, voices, own)
        skip = not_the_dateline(s, [(m.start, m.end) for m in mentions]) + actor_spans + aside_spans(s)
        skip += prior
        # (the town of the hospital the wounded were taken to is not where it happened)
        places = [p for p in find_places(s, skip, docs.get(sent.index)) if not treated_in(s, p, strict=True)]
        places = not_filed_far(s, places)
        label = opens_item(s, sent.index)
        if label and not any(p.start < label[2] for p in places):
            # (context only beside a place its sentence names: "KATSINA: ... in Danmusa LGA")
            rank = label_rank(label[0]) + (1 if any(p.rank <= 3 for p in places) else 0)
            places.insert(0, PlaceMention(label[0], label[1], label[2], rank, "in"))
        if places and town and (city := the_citys_part(s, places, town)):
            places.append(city)
        if not places and town and ((here := _HERE.search(s)) or (
                (here := _THE_TOWNS.search(s)) and (town.lower() in s.lower() or (
                    not article.agency and not _BUREAU.match(article.text))))):
            places = [PlaceMention(town, here.start(), here.end(), 2, "in")]  # "... here": the dateline's
        elif not places and town and (here := the_capital_here(s, town)):
            # "in the capital", a story filed there: the city, as wide as a province (a district told
            # next is more exact)
            places = [PlaceMention(town, here.start(), here.end(), 4, "in")]
        elif not places and (seat := the_seat_told(s, article.text, sent.start)):
            places = [seat]  # "in the state capital": the seat the story named before, or its state's
        # (the day of a dateline left in the text is when it was filed: not the day the sentence gives)
        dates = find_dates(s, article.published)
        if last_incident is not None and not any(not d.statement and d.date_start for d in dates):
            dates = [*dates, *days_back(s, event_date(last_incident.dates)[0])]  # ("A week earlier, ...")
        if len(dates) > 1 and (filed := local_dateline_end(s)) and any(d.start >= filed for d in dates):
            dates = [d for d in dates if d.start >= filed]
        if len(dates) > 1 and (aside := _HAD_ASIDE.search(s)):
            # ("the bodies of two shepherds, who had gone missing several days ago, were found on Sunday";
            # "Two students who were abducted in Mamfe last week were found dead on Friday")
            dates = [d for d in dates if not aside.start() <= d.start < aside.end()] or dates
        # (the sentence less what it tells of an earlier event at the same place: "the same prison
        # where 119 died in September")
        earlier = earlier_event_spans(s) + prior + [sp for sp in past_relative_spans(s)
                                                    if not any(sp[0] <= c.fig.start < sp[1] for c in cas)]
        dates = [d for d in dates if not any(a <= d.start < b for a, b in earlier)]
        s_scope = _blanked(s, earlier)
        hedged = bool(lx.hedges.search(s))
        has_killed = any(c.kind == "killed" for c in cas)
        event = event_type_of(typed, has_killed, side)

        hurt_only_last = last_incident is not None and last_incident.casualties and not any(
            c.kind == "killed" for c in last_incident.casualties) and not lx.aggregate.search(s)
        if cas and all(c.subset and c.kind == "killed" for c in cas) and (names_dead(s) or hurt_only_last) \
                or cas and all(c.subset for c in cas) and names_dead(s):
            # "The ministry named the boy killed as X": the dead of the last claim that told some;
            # so is "A six-year-old boy was among the dead" after a sentence that told only the hurt
            told = _last_toll(drafts)
            if told is not None:
                add_subset(told, cas, sent.text)
                continue
        if more_of_the_count(sent.text, cas, dates, drafts[-1] if drafts else None, sent.index):
            continue
        # 1. Sentences that only extend the previous claim.
        # (another voice, even as "it said", tells its own figures: "The military gave a different
        # account. It said its troops had killed ten")
        other_voice = bool(cas) and speaker is not None and last_incident is not None \
            and last_incident.source not in (None, speaker) and sent.index > 0 \
            and _OTHER_ACCOUNT.search(sentences[sent.index - 1].text) is not None
        if last_incident is not None and sent.index - last_incident.sentence.index <= 3 and not other_voice:
            if extends(s, sent.text, cas, dates, places, event, speakers, last_incident,
                       adjacent=sent.index - last_incident.sentence.index <= 2):
                if not cas and speaker and speaker != last_incident.source:
                    # Another source on the same incident ("SANA said the school in X had been
                    # targeted"): its own claim, with the incident's type and date.
                    twin = Draft(
                        sent,
                        [sent.text],
                        [],
                        speaker,
                        last_incident.dates,
                        places,
                        last_incident.event,
                        a1,
                        a2,
                        "incident",
                    )
                    drafts.append(twin)
                discourse.remember(mentions, speaker, s)
                continue
        discourse.remember(mentions, speaker, s)
        if not cas:
            # 2. An incident with no figure: "A mill was bombed on Wednesday"; a capture or an
            # abduction of a named place's people needs no date ("rebels took the town of X").
            # (not the day a "since" clause starts its period from: "since the fall of Assad on Dec. 8")
            day = [d for d in dates if not d.statement and d.date_start and d.precision == 1
                   and not SINCE_BEFORE.search(s, max(0, d.start - 60), d.start)]
            target = most_specific(places)
            named = target is not None and target.rank <= 2
            seizing = event is not None and event[1] in NAMED_TARGET_TYPES
            # ("air defences destroyed 10 drones over the Belgorod region": weapons stopped, nothing hit)
            stopped = [m.span() for m in _INTERCEPTED.finditer(s)]
            verbs = [v.start() for v in incident_verbs.finditer(s)
                     if not any(a <= v.start() < b for a, b in stopped)]
            if (
                event
                and verbs
                # "denied seizing the town", "could attack": a hedge before the last incident word;
                # not "seized the town, a claim the army denied"
                and not (hedged and any(m.start() < verbs[-1] or _GERUND_OR_THAT.match(s, m.end())
                                        for m in lx.hedges.finditer(s)))
                and (places or article_places)
                and ((day and (named or not lx.aggregate.search(s))) or (seizing and named and not (
                    # ("The army recaptured Dilling earlier this year", "had recaptured Bara in
                    # September": background of another month, not the news)
                    OTHER_MONTH.search(s) or SINCE_CAPTURE.search(s)
                    or any(x.precision == 3 and not x.statement for x in dates))))
                and not long_ago(s, article, [])  # "in June 2021, rebels recaptured most of Tigray"
            ):
                d = Draft(sent, [sent.text], [], speaker, dates, places, event, a1, a2, "incident")
                drafts.append(d)
                last_incident = d
            continue
        if hedged and hedge_governs(s, cas):
            continue
        spans = [(c.fig.start, c.end) for c in cas]
        # (a report's lead tells its news, however long ago: "killed 45 civilians in March, HRW said")
        report_lead = sent.start < report_lead_end
        old_news = long_ago(s, article, spans) and not report_lead
        # ("killed ... on the eve of the 12th anniversary of the massacre": the anniversary dates the news)
        past = lx.background.search(_ANNIVERSARY_AS_TIME.sub(" ", s))
        if (past or WHOLE_WAR.search(s) or old_news) and not any(
            d.precision == 1 and not d.statement for d in dates
        ) or (not report_lead and toll_of_a_past_year(s, article, spans)):
            continue
        if _TRIAL_HEARD.search(s) and not any(d.date_start for d in dates if not d.statement) \
                and not re.search(r"\b(?:19|20)\d\d\b", s):
            continue  # "The trial heard evidence of the deaths of 27": a trial's record, no incident
            # (a period it gives makes it a count: "from 2018 to 2020, the court heard")
        # 3. Group figures by attribution clause: "X said 17 were killed, Y said 12".
        groups = [(src, part, part_places)
                  for voiced, voiced_places, voices, by in split_rivals(s, cas, places, speakers, speaker)
                  for src, group in group_by_source(s, voiced, voices, by)
                  for told, told_places in split_separate(s, group, voiced_places)
                  for clause in split_by_scope_clause(s, told)
                  for placed, part_places in split_by_place(s, clause, told_places)
                  for part in split_by_day(s, placed)]
        groups = _places_by_position(groups)
        for src, group, places in groups:
            scope = "aggregate" if aggregate_here(s_scope, dates, group, report_lead) else "incident"
            if scope == "incident" and more_of_a_count(s, group, dates, drafts, sent.index):
                scope = "aggregate"  # "... killed another 100 people", after a quarter's count: more of it
            if all(c.subset for c in group) and last_incident is not None and scope == "incident":
                add_subset(last_incident, group, sent.text)
                continue
            own_day = day_of(s, dates, group, [x for _, g, _ in groups if g is not group
                                               for x in g if x.kind == "killed"]) if len(groups) > 1 else None
            group_dates = own_day or clause_dates(s, dates, group, scope)
            d = Draft(sent, [sent.text], group, src, group_dates, places, event, a1, a2, scope, prior=prior)
            drafts.append(d)
            if scope == "incident":
                last_incident = d
        # 4. A clause without figures beside one with them: "Turkish warplanes destroyed five
        # buildings, while coalition jets killed 28 of the jihadists, it said" -> two incidents.
        for clause_start, clause in clauses(s):
            if any(clause_start <= c.fig.start < clause_start + len(clause) for c in cas):
                continue
            c_event = event_type_of(clause, False, None)
            if c_event and incident_verbs.search(clause) and not lx.hedges.search(clause):
                c_places = [p for p in places if clause_start <= p.start < clause_start + len(clause)]
                c_a1, c_a2, _, _ = find_actors(clause, [], present_actors)
                drafts.append(
                    Draft(sent, [sent.text], [], speaker, dates, c_places, c_event, c_a1, c_a2, "incident")
                )
    claims = [finish(d, article, article_places) for d in drafts]
    days = sentence_days(sentences, article.published)
    inherit_dates(drafts, claims, days, [x.text for x in sentences])
    inherit_type_and_place(drafts, claims)
    # Deaths from a flood or a fire in a conflict story are not conflict claims.
    keep = [
        not (c.event_type is None and disaster_toll(d.sentence.text))  # (a count of cholera deaths too)
        for d, c in zip(drafts, claims, strict=True)
    ]
    drafts = [d for d, k in zip(drafts, keep, strict=True) if k]
    claims = [c for c, k in zip(claims, keep, strict=True) if k]
    borrow_dates(drafts, claims, sentences, article, days)
    round_up_dates(drafts, claims, article.published, sentences, days)
    places_of = PerSentence(sentences, lambda x: find_places(x.text, _actor_spans(x.text, present_actors),
                                                             docs.get(x.index)))
    borrow_places(drafts, claims, places_of, sentences, article)
    same_place_dates(drafts, claims)
    drafts, claims = fold_figureless(drafts, claims, article.text)
    drafts, claims = fold_retold(drafts, claims, article.text)
    drafts, claims = fold_same_toll(drafts, claims, article.text)
    drafts, claims = fold_vague(drafts, claims, article.text)
    drafts, claims = fold_highlights(drafts, claims, article.text)
    no_one_hurt(drafts, claims, [x.text for x in sentences])
    total_of_parts(drafts, claims)
    headline_toll(article, claims)
    for d, c in zip(drafts, claims, strict=True):
        if (c.scope == "incident" and c.event_type is None and not accidental(d.sentence.text)
                and (kind := by_victims(d)) is not None):
            c.event_type, c.sub_event_type = kind
            c.claim_id = c.make_id()
    if (from_title := headline_incident(article, claims, [x.text for x in sentences])) is not None:
        claims.append(from_title)  # a toll only the headline gives, over a body that tells no incident
    outlet = _outlet_source(article)
    monitor = _monitor_lead(lead_source)
    filed_at = local_town(article.text, article.agency)
    # ("MAIDUGURI, Borno -- Two farmers were killed": the dateline's province is no place of the claim's)
    wider = dateline_province(article.text) if town else None
    if town and article.dateline and "," in town:  # ("DNIPRO, Ukraine —" taken off the text by ingest)
        town, wider = (part.strip() for part in town.split(",", 1))
    bare = bare_dateline(article.text) or bool(article.dateline)
    if filed_at is None and town and not bureau(article.agency) and bare \
            and not any(c.location and c.location != wider for c in claims) \
            and not names_others(article_places, town, wider):
        filed_at = town  # "MOGADISHU - ... at the busy K4 junction": a story that names no other place
    for c in claims:
        if c.scope == "incident" and c.location in (None, wider) and filed_at:
            c.location = filed_at  # "BANNU: Eight soldiers were martyred ...": nothing else placed it
            c.claim_id = c.make_id()
        if monitor and c.claimed_by is None and not _VOICED.search(c.quote or ""):
            c.claimed_by = monitor  # a sentence with no voice of its own in a monitor's round-up
            c.claim_id = c.make_id()
        if outlet and c.claimed_by is None:
            # "DAMASCUS (SANA) - Terrorists fired rockets ...": state media telling with no other
            # voice are the claim's source (a wire such as Reuters only relays, it claims nothing)
            c.claimed_by = outlet
            c.claim_id = c.make_id()
        # A daily round-up with no date of its own: the day its source spoke in the lead.
        if c.scope == "incident" and c.date_start is None and lead_date and c.claimed_by == lead_source \
                and not EVENT_MONTH.search(c.quote or ""):
            c.date_start = c.date_end = lead_date
            c.time_precision = 1
            c.claim_id = c.make_id()
    return [c for c in map(lambda c: dated(c, article, published), claims) if c is not None]


# "an encounter at the university here on Sunday", "killed here yesterday": the town of the dateline
_ANNIVERSARY_AS_TIME = re.compile(
    r"\b(?:on\s+the\s+eve\s+of|ahead\s+of|(?:a|one|two|three|\d+)\s+days?\s+(?:before|after)|on)\s+the\s+"
    r"(?:[\w-]+\s+){0,2}anniversary\s+of\b", re.IGNORECASE)
_HERE = re.compile(
    r"(?<=[a-z)] )here\b(?=\s+(?:on|in|at|yesterday|today|late|early|last|this|overnight)\b|[,.;])")
# ("BAIDOA, Somalia - ... a grenade into the town's livestock market": the town of a local dateline, or
# of a wire's when the sentence names it; not a bureau's, "BEIRUT (Reuters) - ... the city's bread supply")
_THE_TOWNS = re.compile(r"\bthe\s+(?:town|city)['’]s\s+(?=[a-z])")
_BUREAU = re.compile(r"[^\n]{0,60}?\(")


_HAD_ASIDE = re.compile(r",\s+(?:who|which)\s+had\s+[^,;]{3,120}?,|\bwho\s+(?:were|was|had\s+been)\s+"
                        r"(?:abducted|kidnapped|seized|arrested|detained)\b[^,;]{0,80}?(?=\s+(?:were|was)\s+found\b)")
_TRIAL_HEARD = re.compile(r"\bthe\s+(?:trial|court|tribunal|hearing)\s+(?:heard|was\s+told)\b", re.IGNORECASE)
_VOICED = re.compile(r"\b(?:said|says|say|told|according|reported|claimed|statement|announced|confirmed"
                     r"|activists?|residents?|witnesses?|sources?)\b", re.IGNORECASE)


def _blanked(text: str, spans: list[tuple[int, int]]) -> str:
    """`text` with each span blanked (same length: offsets still hold)."""
    for a, b in spans:
        text = text[:a] + " " * (b - a) + text[b:]
    return text


def _monitor_lead(lead_source: str | None) -> str | None:
    """A monitor's round-up ("The Syrian Observatory said 14 people were killed on Tuesday", then
    "In Daraa, gunmen shot dead two men"): the unattributed incidents after its lead are its own."""
    return lead_source if lead_source in _monitor_sources() else None


@lru_cache(maxsize=1)
def _monitor_sources() -> frozenset[str]:
    """Named sources of the monitor kind, once (as attribution's `_armed_group_sources`)."""
    return frozenset(src.name for src in sources()[0] if src.kind == "monitor")


def _outlet_source(article: Article) -> str | None:
    """The source `sources.yaml` names the dateline's agency by, if it is a kind of media that
    claims (state news agencies: SANA), else None."""
    if not article.agency:
        return None
    agency = article.agency
    return next((n.name for n in sources()[0] if n.kind == "media" and n.regex.fullmatch(agency)), None)


_OTHER_ACCOUNT = re.compile(r"\b(?:different|another|its\s+own|conflicting|contrasting)\s+"
                            r"(?:account|version|figure|toll|picture)\b", re.IGNORECASE)


def _last_toll(drafts: list[Draft], at: int = 0, within: int | None = None) -> Draft | None:
    """The last incident told with its dead (at most `within` sentences before `at`, if given)."""
    return next((d for d in reversed(drafts) if d.scope == "incident"
                 and (within is None or at - d.sentence.index <= within)
                 and any(c.kind == "killed" for c in d.casualties)), None)


def _hear(discourse: Discourse, sentences: list[str]) -> None:
    """Remember who spoke in sentences read past (for "he said" later)."""
    for s in sentences:
        said, _, who = _who_spoke(discourse, s)
        discourse.remember(said, who, s)


def _who_spoke(discourse: Discourse, s: str) -> tuple[list[SourceMention], list[SourceMention], str | None]:
    """(source mentions, those speaking, the speaker) of a sentence, given what came before."""
    mentions = discourse.mentions(s)
    speakers = [m for m in mentions if m.speaking and m.name]
    pronoun = discourse.pronoun_speaker(s)
    # The source most tightly bound to a speech verb ("..., the Turkish military said").
    speaker = min(speakers, key=lambda m: m.gap or 0).name if speakers else pronoun
    return mentions, speakers, speaker


def _lead_statement(
    lead: list[Sentence], article: Article, discourse: Discourse
) -> tuple[str | None, date | None]:
    """Who spoke in the lead and on which day ("Turkey's military said on Wednesday")."""
    probe = discourse  # called before any sentence is remembered; mentions() only reads
    for sent in lead:
        text = straight_quotes(sent.text)
        said = [d for d in find_dates(text, article.published) if d.statement and d.date_start]
        speakers = [m for m in probe.mentions(text) if m.speaking and m.name]
        if said and speakers:
            before = [m for m in speakers if m.start < said[0].start] or speakers
            return before[-1].name, said[0].date_start
    return None, None


# "denied attacking the town", "denied that rebels had seized it": the hedge's object follows it
# ", police said" / ", a Somali military officer told AFP" after the figures: only the teller
_SAME_DAY_AS = re.compile(r"\b(?:hours|minutes)\s+after\b", re.IGNORECASE)
_TELLS_OF_OTHERS = re.compile(
    r"\s+(?:had\s+|have\s+|has\s+)?(?:also\s+|earlier\s+|later\s+)?(?:said|says|told\s+\w+|reported|confirmed)"
    r"\s+(?:on\s+\w+\s+)?(?:that\s+)?"
    r"(?!(?:it|they|its|their|we|our|he|she|his|her)\b)(?:(?:\w+\s+){0,2}?(?:\d+|one|two|three|four|five|six"
    r"|seven|eight|nine|ten|at least|more than|dozens|several)\b"
    # "police said the number of dead had climbed to six": a toll, whoever's dead
    r"|the\s+(?:death\s+toll|toll|number\s+of\s+(?:dead|deaths|people\s+killed|victims))\b)",
    re.IGNORECASE,
)
_TRAILING_VOICE = re.compile(r",\s+(?:[\w'’-]+\s+){0,2}$")
_GERUND_OR_THAT = re.compile(r"\s+(?:\w+ing|that)\b")


def _places_by_position(
    groups: list[tuple[str | None, list[Casualty], list[PlaceMention]]],
) -> list[tuple[str | None, list[Casualty], list[PlaceMention]]]:
    """Groups split by day that share one list of places ("On Tuesday, two people were killed in
    Graivoron, and on Monday a woman died ... in Shebekino"): each takes the places told from its
    figure to the next group's, when every group has one."""
    if len(groups) < 2 or any(g[2] is not groups[0][2] for g in groups) or not groups[0][2]:
        return groups
    starts = [min(c.fig.start for c in g[1]) for g in groups]
    bounds = [0, *starts[1:], 10**9]
    own = [[p for p in groups[0][2] if bounds[i] <= p.start < bounds[i + 1]] for i in range(len(groups))]
    if not all(own):
        return groups
    return [(src, group, mine) for (src, group, _), mine in zip(groups, own, strict=True)]


def _actor_spans(text: str, actors: list[Named]) -> list[tuple[int, int]]:
    """Where the article's armed groups are named: "the Islamic State of West African Province"
    holds no province."""
    lower = text.lower()  # a word test first: most sentences name none of them
    return [m.span() for a in actors if a.may_occur(lower) for m in a.regex.finditer(text)]


_BASED_IN = re.compile(r"\b(?:based|exiled|exile|living|lives)\s+in\s+(?:the\s+)?$", re.IGNORECASE)


def _article_places(sentences: list[Sentence], actors: list[Named]) -> list[str]:
    """The main places of the article, most mentioned first (context for the geocoder). Where
    people came from ("a worker from Madhepura", "fighters returning from Marte") is not where the
    article is."""
    counts: dict[str, int] = {}
    for sent in sentences[:12]:
        for p in not_filed_far(sent.text, find_places(sent.text, _actor_spans(sent.text, actors))):
            if p.via in ("from", OWNER) or _BASED_IN.search(sent.text, max(0, p.start - 20), p.start):
                continue  # nor a city named only to say which district ("Mogadishu's Hamarweyne"), nor
                # where a speaker lives ("an activist based in Germany")
            base = re.sub(r"^(?:north|south|east|west)\w*\s+|\s+countryside$|\s+province$", "", p.name)
            counts[base] = counts.get(base, 0) + 1
    return [k for k, _ in sorted(counts.items(), key=lambda kv: -kv[1])]


def _parse_candidates(sentences: list[Sentence]) -> dict[int, Doc]:
    """Parse, in one batch, the sentences that may name somebody killed or hurt. Entity labels
    are not fetched here: a rule asks for them in ~1 of 6 parsed sentences (`nlp.entities`)."""
    todo = [sent for sent in sentences if may_have_victims(sent.text)]
    # (a dateline left in a sentence is not parsed: its town would be read as the subject)
    texts = [straight_quotes(sent.text) for sent in todo]
    docs = parse_after([(t, local_dateline_end(t)) for t in texts])
    return {sent.index: doc for sent, doc in zip(todo, docs, strict=True)}


_WEAPONS = r"(?:drones?|UAVs?|missiles?|rockets?|aerial\s+(?:targets|weapons|vehicles))"
# (not "destroyed five kamikaze drones, two control points and a depot": strikes on the ground too)
_INTERCEPTED = re.compile(
    rf"\b(?:shot\s+down|shooting\s+down|intercepted|intercepting|downed)\s+(?:[\w-]+\s+){{0,4}}?{_WEAPONS}\b"
    rf"|\b(?:destroyed|neutrali[sz]ed)\s+(?:[\w-]+\s+){{0,4}}?{_WEAPONS}(?=\s+(?:over|above)\b)"
    r"|\b(?:drones?|UAVs?|missiles?|rockets?)\s+(?:were|was)\s+(?:shot\s+down|intercepted|downed)\b"
    # ("Russia launched 128 drones overnight, 70 of which were shot down": the air force's tally)
    r"|\blaunched\s+[^.;]{0,80}?\b(?:drones?|missiles?|rockets?)\b[^.;]{0,60}?\b(?:shot\s+down|intercepted"
    r"|downed)\b"
    # ("since Russian forces captured Avdiivka in February", "since the fall of Assad": a time's start)
    rf"|{SINCE_CAPTURE.pattern}",
    re.IGNORECASE)
