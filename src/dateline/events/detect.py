"""Event detection and typing: trigger families in a sentence, resolved to ACLED sub-events.

A sentence is matched against the trigger families of ``data/triggers.json``; each family
then resolves to one sub-event type with the context cues of ``data/cues.json``, following
ACLED's codebook: who acts (state or non-state) decides between *Government regains
territory* and *Non-state actor overtakes territory*; whom an attack targets decides
between *Attack* (civilians) and *Armed clash* (armed actors); a protest becomes
*Excessive force*, *Violent demonstration*, *Protest with intervention* or stays
*Peaceful*. When several families fire in one sentence the more specific one wins (a
suicide bomb is not also an IED or an attack; a protest broken up with arrests is not
also an arrest event): the others are suppressed.
"""

from __future__ import annotations

import re

from .adjust import background_last, background_of, property_or_attack, small_arms_clash, suppress, unarmed_target
from .detection import Detection, has_cue
from .lexicon import Family, cue_patterns, families
from .modality import modality_of
from .note import fought_in
from .prefilters import cue_matches, matches, pattern_scan, trigger_scan, union_safe
from .protest import DEMONSTRATORS, GRIEVANCE, OBJECTION, PROTEST_ABSORBS, SPOKEN_AT, WALKOUT, protest_detection
from .sentences import Sentence
from .sides import agent_side, target_kind, territory_taken, winner_by_loser

__all__ = ["Detection", "detect"]

#: families whose triggers are explosive weapons (they beat generic attack/clash triggers)
_EXPLOSIVE = ("chemical", "suicide", "air", "grenade", "ied", "shelling")
_BACKING = re.compile(r"\b(?:supported|backed|aided|assisted|covered) by (?:\w+ ){0,3}$|"
                      r"\bwith (?:the )?(?:support|backing|help|cover) of (?:\w+ ){0,3}$|"
                      r"\bunder (?:the )?cover of (?:\w+ ){0,3}$")
_WITHDRAW_FROM_DEAL = re.compile(r"^\W*(?:\w+\W+){0,3}(?:pact|treaty|agreement|deal|talks|accord|negotiations)\b")
_FIRED = re.compile(r"\b(?:fired|firing|fire|hit|struck|landed|kill\w*|wound\w*|injur\w*|target\w*|rained|attack\w*|"
                    r"slammed|pound\w*|barrages?|shell\w*|launch\w*|lobb\w*)\b")
_SOURCE = re.compile(r"\b(?:according to (?:the )?(?:\w+ )?(?:police|army|military|authorities|officials|sources)|"
                     r"(?:police|officials?|authorities|the army|the military|military|army) "
                     r"(?:said|say|says|spokesm[ae]n|spokesperson|statement|sources?|officers? said))\b"
                     r"(?! (?:that )?(?:it|its|they|their)\b)")  # "the army said it had cleared": the source acts
#: "a man suspected of stabbing": the reason for an arrest, by a suspect, not by the armed party that arrests
_SUSPECTED = re.compile(r"\b(?:suspected|accused|charged|convicted|arrested|detained|held) "
                        r"(?:of|with|for|over) (?:\w+ ){0,2}$")
#: "launched a ballistic missile": fired by someone, whatever disaster word the sentence holds ("struck a warehouse")
_LAUNCHED = re.compile(r"\b(?:fired|launched|lobbed)(?: [\w-]+){0,3} $")
#: "the anniversary of the 1994 massacre", "the funeral of the soldiers killed": an event remembered, not reported
_REMEMBERED = re.compile(r"\b(?:anniversary of|commemorat\w+|memorial (?:to|for|of)|in memory of|remember\w*|"
                         r"funerals? (?:of|for)) "
                         r"(?:the |a |an |last \w+'s )?(?:[\w-]+ ){0,3}$")
_FOUGHT_FOR = re.compile(r"\b(?:heavy|fierce|intense|days of|weeks of) (?:fighting|clashes|battles?)\b|\bunder fire\b|"
                         r"\bafter (?:a |an )?(?:[\w-]+ ){0,2}(?:battle|offensive|assault|fighting)\b")
_GUN_NOUN = re.compile(r"artillery|howitzers?|mortars?")
#: rule detect.downed-aircraft: "the downing of a Russian warplane": a manned aircraft shot down is a battle
#: (ACLED's Armed clash), not an air strike; drones and missiles shot down stay Disrupted weapons use
_DOWNED = re.compile(r"\b(?:downing of|shot down|shoot(?:s|ing)? down|downed) (?:\w+ ){0,3}$")
_MANNED = re.compile(r"\b(?:war ?planes?|planes?|aircraft|jets?|helicopters?|gunships?|bombers?)\b")
_UNMANNED = re.compile(r"\b(?:drones?|missiles?|rockets?|uavs?|projectiles?|shells|unmanned)\b")
#: rule detect.targeted-poisoning: "attacked with a nerve agent" in a poisoning of people, without the
#: bombs, shells or forces of a battlefield, is an attack on civilians (ACLED), not a chemical weapon
_POISON = re.compile(r"nerve agent|novichok|poison\w*|ricin|polonium")
_BATTLEFIELD = re.compile(r"\b(?:air ?strikes?|barrel|bomb\w*|shell\w*|rockets?|missiles?|regime|forces|troops|"
                          r"army|dozens|hundreds|civilians|residents|villagers)\b")
#: rule detect.fired-on-towns: "Turkey fired on Qamishli and other towns": fire on whole towns is shelling
_FIRED_ON_TOWNS = re.compile(r"\b(?:fired|firing|opened fire) (?:on|at|into) (?:[\w'’-]+ ){0,4}(?:towns?|villages?|"
                             r"cit(?:y|ies)|neighbou?rhoods?|districts?)\b")
#: rule detect.evacuation-truce: "the evacuation deal was mediated late Tuesday": the deal made is the
#: Agreement ("began leaving under an evacuation deal" stays the transfer of territory)
_TRUCE = re.compile(r"\b(?:ceasefire|cease-fire|truce|deal|agreement|accord)\b (?:\w+ ){0,2}(?:was |were |had been |"
                    r"has been )?(?:mediated|brokered|reached|agreed|signed|struck|announced|aimed)\b|"
                    r"\b(?:mediated|brokered|reached|signed|struck|announced|sealed) (?:\w+ ){0,3}"
                    r"(?:ceasefire|cease-fire|truce|deal|agreement|accord)\b")
#: rule detect.gunmen-without-violence: "five gunmen were believed to be inside the castle": armed men, no act
_VIOLENT_ACT = re.compile(r"\b(?:fir(?:e|ed|es|ing)|shot|shoot\w*|gun(?:ned|fire)|attack\w*|storm\w*|raid\w*|kill\w*|"
                          r"wound\w*|injur\w*|abduct\w*|kidnap\w*|burn\w*|loot\w*|ambush\w*|struck|hit|dead|died|"
                          r"massacr\w*|torch\w*|seiz\w*|stabb\w*|hack\w*|beat\w*|assault\w*|target\w*|opened|"
                          r"rob\w*|took|taken|held|hostage|murder\w*|slaughter\w*|behead\w*|invad\w*|overr\w*|spray\w*|bullets?)\b")
_ATTACKERS = re.compile(r"\b(?:gunmen|attackers|assailants|armed men|gunman|shooters?|militants|fighters|bandits)\b")
#: party-political violence: ACLED codes violence by or against party supporters and campaigners
_PARTISAN = re.compile(r"\b(?:(?:party|opposition|ruling party|campaign) (?:supporters?|activists?|members?|youths?|"
                       r"officials?|cadres?)|supporters? of|polling agents?|election agents?|campaigners?|"
                       r"youth (?:wing|league)|(?:[A-Z]{2,}[\w-]* )?supporters?)\b")
#: doers of property destruction that make it mob violence: party members, a crowd, local youths
_CROWD_DOERS = re.compile(r"\b(?:members of|supporters of|assailants belonging to|a group of|youths?|residents|"
                          r"villagers|locals|crowds?|mobs?)\b")
_NAMED_TAKEN = re.compile(r"(?:^|[,;] )(?:the (?:town|city|village|locality) of )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)? "
                          r"(?:was|were|had been|has been) $")
_SHOT_OFF = re.compile(r"\b(?:fir(?:ed|ing)|launch\w*|lobbed|landed|rained|pound\w*|hit|struck|shell(?:ed|ing)|"
                       r"bombard\w*|kill\w*|wound\w*|injur\w*|dead|targe\w*|violat\w*|breach\w*)\b")
_FORCEFUL = re.compile(r"seiz|captur|overr|conquer|fell|gained ground|advanc|t\w+ over")
_STATE_AGENT = re.compile(r"\b(?:army|soldiers|troops|military|government|police|security forces|gendarm\w*|"
                          r"national)\b")
#: rule detect.crowd-passive: "28 houses were burnt down ... by a group of suspected boda boda operators"
_BY_CROWD = re.compile(r"[^.;]{0,60}?\bby (?:a group of|a crowd of|an? (?:angry |irate )?(?:crowd|mob)|"
                       r"(?:angry |irate )?(?:youths|residents|villagers|locals))\b")
_BROKE_DOWN = re.compile(r"^(?:\W+\w+){0,10}?\W+(?:collapsed|unravell?ed|broke down|was violated|were violated|failed|"
                         r"fell apart|ended|was broken|expired)\b")
_BROKEN = re.compile(r"\b(?:violat\w*|breach\w*|broke|broken|breaking|breakdown (?:in|of)|collapse of|end of|ended|"
                     r"abandon\w*|withdr\w* from)\W+(?:\w+\W+){0,2}$")
_AT_POLICE = re.compile(r"\b(?:at|on|with|against|attacked|and) (?:the )?(?:riot )?(?:police|policemen|security forces|"
                        r"soldiers|troops|officers|gendarmes)\b")




#: rule detect.extortion-checkpoint: a checkpoint or roadblock set up to extort or levy tolls
_EXTORTION = re.compile(r"\bextort\w*|\billegal (?:checkpoints?|road ?blocks?)\b|\btolls?\b")
#: a clash of words, not of bodies: "lawmakers clashed over the budget", "clashed in a televised debate"
_VERBAL = re.compile(r"\b(?:debates?|meetings?|parliament|session|talks|verbal\w*|words|online|twitter|"
                     r"social media|television|televised|tv|interviews?|court|statements?|press|radio|hearing|"
                     r"(?:over|about) (?:the |a |an |his |her |their )?(?:[\w-]+ )?(?:issues?|budget|bill|law|"
                     r"polic(?:y|ies)|plans?|proposals?|decisions?|rules?|reforms?|questions?|strategy|results?))\b")
#: ... unless bodies were hurt or weapons used
_PHYSICAL = re.compile(r"\b(?:injur\w*|hurt|wound\w*|dead|died|killed|stones?|sticks|machetes?|knives|rods|bricks|"
                       r"batons|clubs|fists|blows|beat\w*|stabb\w*|teargas|tear gas)\b")
#: guns fired: "supporters of rival families exchanged fire" is an armed clash
_GUNS = re.compile(r"\b(?:fire|fired|firing|gunfire|guns?|gunshots?|shots|shot|shoot\w*|rifles?|bullets?|pistols?|"
                   r"firearms?)\b")
#: the trigger words of the note-scoped "bodies found" patterns (triggers.json attack.bodies-found, ...)
_FOUND_DEAD = frozenset({"found", "discovered", "recovered", "dumped", "exhumed", "left", "abandoned"})
#: unarmed parties to a clash (rule detect.unarmed-clash)
_CIVIL_PARTIES = re.compile(r"\b(?:vendors|traders|hawkers|journalists|reporters|students|supporters|members of|"
                            r"activists|politicians|lawmakers|mps|villagers|residents|communities|workers|drivers|"
                            r"worshippers|sunnis?|shias?|muslims|christians|hindus|cadres|followers)\b")


def _hits(fam: Family, low: str, in_note: bool = False) -> list[tuple[int, int, bool]]:
    found: list[tuple[int, int, bool]] = []
    if fam.name not in trigger_scan().present(low):  # a literal prefilter first (dateline.prefilter)
        return found
    present = pattern_scan().present(low)
    slots = fam.by_regex
    # the family's patterns with one of their literals in the sentence, strong then weak, in order (read from
    # the few patterns present, not the family's many); rule detect.note-scope: note conventions
    live = [(pat, weak) for _, pat, weak in sorted(x for p in present if p in slots for x in slots[p])
            if in_note or pat.pattern not in fam.note_only]
    if not live or (not union_safe(fam.any.pattern) and fam.any.search(low) is None):
        return found
    for pat, weak in live:
        for m in matches(pat, low):  # (pat.finditer(low), found faster)
            span = m.span("t") if "t" in pat.groupindex and m.group("t") else m.span()
            found.append((span[0], span[1], weak))
    found.sort(key=lambda h: (h[2], h[0]))
    return found



def _resolve(fam: str, sentence: Sentence, s: int, e: int, weak: bool, ctx: dict[str, bool]) -> Detection | None:
    low = sentence.low
    off = sentence.start
    rs, re_ = s - off, e - off
    weight = families()[fam].weight * (0.7 if weak else 1.0)
    if fam in ("air", "shelling") and _BACKING.search(low[max(0, rs - 40) : rs]):
        weight *= 0.6  # "supported by coalition aircraft": the support of another event, rarely news itself

    def det(sub: str, w: float = weight, agent: str | None = None) -> Detection:
        return Detection(sub, fam, s, e, w, weak, agent)

    if _REMEMBERED.search(low[max(0, rs - 60) : rs]):
        return None
    armed = ctx["state"] or ctx["nonstate"]
    launched = armed and _LAUNCHED.search(low[max(0, rs - 40) : rs]) is not None
    if fam == "chemical" and re.match(r"poison(?:ed|ing|s)? ", low[rs:re_]) and not _BATTLEFIELD.search(low):
        return det("Attack", weight * 0.95)  # detect.targeted-poisoning: "poisoned with Novichok" is no accident
    if fam in _EXPLOSIVE and ctx["disaster"] and (weak or fam == "chemical") and not launched:
        return None
    if fam in ("shelling", "air") and ctx["arms_trade"] and not _FIRED.search(low):
        return None  # weapons sold, shown or tested, not fired
    if fam in ("shelling", "air") and ctx.get("handover") and not _SHOT_OFF.search(low):
        return None  # "handed over 13 mortar shells", "seized rockets": weapons handed over or seized, not fired
    if fam == "chemical":
        if _POISON.search(low[rs : re_ + 20]) and not _BATTLEFIELD.search(low):
            return det("Attack", weight * 0.95)
        return det("Chemical weapon")
    if fam == "suicide":
        return det("Suicide bomb")
    if fam == "air":
        if weak and not _FIRED.search(low) and not re.search(r"\b(?:bomb\w*|pound\w*|strikes?|raids?)\b", low):
            return None
        if _DOWNED.search(low[max(0, rs - 40) : rs]) and not re.search(r"drones?|missiles?|rockets?", low[rs:re_]):
            return det("Armed clash", weight * 0.95)
        return det("Air/drone strike")
    if fam == "grenade":
        if re.search(r"\b(?:tear ?gas|stun|smoke|flash|teargas)\W*$", low[max(0, rs - 12) : rs]):
            return None  # "tear gas grenade shots": a police dispersal, no explosive
        fired = re.search(r"\b(?:fired|firing|fire)\b", low[max(0, rs - 40) : rs])
        if fired and re.match(r"grenades?[- ]launchers?", low[rs:]):
            return det("Shelling/artillery/missile attack")  # rule detect.grenade-launchers: launchers fired at
            # positions are ACLED's shelling ("attacked a convoy with a grenade launcher" stays a grenade)
        return det("Grenade") if not ctx["crime"] else det("Grenade", weight * 0.6)
    if fam == "ied":
        if weak and not (ctx["casualty"] or armed or ctx["military"]):
            return None  # "a three-run blast": an explosion word without harm or armed actors
        return det("Remote explosive/landmine/IED")
    if fam == "shelling":
        if (weak or _GUN_NOUN.fullmatch(low[rs:re_])) and not (_FIRED.search(low) or ctx["casualty"]):
            return None  # "moved tanks and artillery units to the border": the guns, not their fire
        if ctx["aircraft"] and re.search(r"missile|rocket|bomb", low[rs:re_]):
            return det("Air/drone strike", weight * 0.95)
        return det("Shelling/artillery/missile attack")
    if fam == "sexual":
        return det("Sexual violence")
    if fam == "abduct":
        if weak and not (armed or ctx["military"]):
            return None
        return det("Abduction/forced disappearance")
    if fam == "mob":
        if weak and not has_cue("mob_violence", low[re_ : re_ + 80]):
            return None
        if ctx["protester_violence"] and _AT_POLICE.search(low):
            return det("Violent demonstration")  # a crowd fighting the police is a riot, not a lynching
        if re.search(r"\b[A-Z]{2,}[\w-]*\s+$", sentence.text[: rs]) and low[rs:re_].startswith("youth"):
            return det("Attack")  # rule detect.party-youths: "ZANU-PF youths assaulted a CCC supporter"
        return det("Mob violence")
    if fam == "disrupt":
        if ctx["crime"] and not has_cue("weapons_object", low):
            return None
        if _MANNED.search(low[rs : re_ + 30]) and not _UNMANNED.search(low[rs : re_ + 30]):
            return det("Armed clash", weight * 0.95)  # detect.downed-aircraft: a manned aircraft shot down
        return det("Disrupted weapons use")
    if fam == "hq":
        if armed and _EXTORTION.search(low):  # rule detect.extortion-checkpoint: a toll, not a base (ACLED's Other)
            return det("Other")
        return det("Headquarters or base established") if armed else None
    if fam == "other":
        return det("Other")
    if fam == "agreement":  # ACLED's agreements are between parties to a conflict
        if ctx["arms_trade"] and not ctx["peace_words"]:
            return None  # "signed a deal to buy fighter jets": a purchase
        if _BROKEN.search(low[max(0, rs - 30) : rs]) or _BROKE_DOWN.search(low[re_ : re_ + 60]):
            return None  # "a violation of the ceasefire", "the truce collapsed": not an agreement
        if weak:  # "agreed to", "a pact": only about peace, prisoners, surrender, hostilities
            return det("Agreement") if ctx["peace_words"] else None
        return det("Agreement") if armed or ctx["military"] or ctx["peace_words"] else None
    if fam == "withdraw":
        if _WITHDRAW_FROM_DEAL.match(low[re_:]):
            return None
        if _TRUCE.search(low) and re.search(r"evacuat", low):
            return det("Agreement")
        if not (ctx["military"] or armed):
            return None
        return det("Non-violent transfer of territory")  # "the CPC withdrew"
    if fam in ("take", "regain"):
        if not (armed or ctx["military"] or (not weak and fought_in(low))):  # "took over as presenter": no armed
            return None  # actor, no territory; "RRR occupied the city after some clashes": a fight makes it armed
        if fam == "take" and weak:
            named = (_NAMED_TAKEN.search(sentence.text[:rs]) and re.match(r"(?: over)? by\b", low[re_:])) or (
                low[rs:re_].startswith("occup") and has_cue("territory", low[re_ : re_ + 30]))
            if not (territory_taken(sentence, rs, re_) or named):  # "Rafai was taken by UPC": a named place
                return None  # ("captured him without resistance": a person, no territory, whatever the fight)
            if sentence.span is not None:  # the parse shows a place taken: as good as "took control"
                weight = families()[fam].weight
        if ctx.get("no_fight"):  # "No clashes were reported": a place changing hands without a fight
            return det("Non-violent transfer of territory", weight, agent_side(sentence, s, e))
        seized = low[re_ : re_ + 40]
        if fam == "take" and has_cue("weapons_object", seized) and not has_cue("territory", seized):
            return None
        by = re.match(r"(?: over)? by ((?:(?!after|with|from|in|on|following|during|and)[\w'’-]+ ?){1,4})",
                      low[re_:])  # rule detect.taken-by: the passive's agent ("was taken by CPC forces")
        side = None if by is None else ("state" if _STATE_AGENT.search(by.group(1)) else
                                        "nonstate" if ctx["nonstate"] or has_cue("nonstate", by.group(1)) else None)
        side = side or agent_side(sentence, s, e) or winner_by_loser(low, rs, re_)
        if side is None:
            side = "state" if (fam == "regain" and not ctx["nonstate"]) else ("nonstate" if ctx["nonstate"] else None)
        if side is None:
            side = "state" if fam == "regain" else "nonstate"
        if side == "state":
            return det("Government regains territory", weight, side)
        return det("Non-state actor overtakes territory", weight, side)
    if fam == "arrest":
        if ctx["crime"]:
            return None
        return det("Arrests") if ctx["political"] else det("Arrests", weight * 0.5)
    if fam == "change":
        return det("Change to group/activity") if ctx["military"] or ctx["nonstate"] else None
    if fam == "property":
        armed_hand = ctx["nonstate"] or ctx["military"] or ctx["mob"]
        deliberate = "arson" in low[rs:re_]  # "carried out an arson attack targeting a plant": no accident
        if (weak and (ctx["crime"] or not armed_hand)) or (ctx["disaster"] and not armed_hand and not deliberate):
            return None  # a fire or a storm destroys too: only by armed men or a mob is it an event
        if DEMONSTRATORS.search(low[:rs]):
            return det("Violent demonstration")  # demonstrators destroying property riot
        state_hand = _STATE_AGENT.search(low[:rs])  # "police evicted residents and demolished their houses"
        if not ctx.get("armed_words") and not state_hand and (
                _PARTISAN.search(sentence.text[:rs]) or _CROWD_DOERS.search(low[:rs]) or _BY_CROWD.match(low[re_:])):
            return det("Mob violence")  # party members or a crowd wrecking a house: ACLED's mob violence
        return det("Looting/property destruction")
    if fam == "riot":
        if weak and not ctx["protester_violence"]:
            return None
        return det("Mob violence") if ctx["mob"] else det("Violent demonstration")
    if fam == "clash":
        physical = low[rs:re_].startswith(("skirmish", "scuffl")) or _PHYSICAL.search(low)
        if (_CIVIL_PARTIES.search(low) and (physical or not _VERBAL.search(low))
                and not (ctx["armed_words"] or _ATTACKERS.search(low) or ctx["crime_violence"] or _GUNS.search(low))):
            return det("Mob violence", weight * 0.95)  # rule detect.unarmed-clash: vendors and police, party
            # members, journalists and guards clashing (no armed group, no troops): ACLED's mob violence
        if not (armed or ctx["military"] or _ATTACKERS.search(low)):
            return None  # "clashed with the president's adviser": no armed parties
        if ctx["crime_violence"] and not ctx["nonstate"]:
            return None  # "a shootout with suspected armed robbers": police and criminals
        return det("Armed clash")
    if fam == "attack":
        punished = re.match(r"flogg|lashed|whipped|caned", low[rs:re_])  # "flogged for theft": the charge, no crime
        if ctx["disaster"] or (ctx["crime_violence"] and not punished):
            return None
        if low[rs:re_] in ("gunmen", "gunman", "armed men") and not _VIOLENT_ACT.search(low):
            return None
        partisan = ctx.get("partisan_note") or _PARTISAN.search(sentence.text)  # "ZANU PF youths came ... beat them"
        if weak and not (armed or ctx["military"] or _ATTACKERS.search(low) or partisan):
            return None  # "he killed her": a crime story, not political violence ("an MDC supporter was beaten" is)
        if weak and _SUSPECTED.search(low[max(0, rs - 40) : rs]) and not (ctx["nonstate"] or _ATTACKERS.search(low)):
            return None  # "arrested a man suspected of stabbing": a suspect's crime, the police only arrest
        if _FIRED_ON_TOWNS.search(low) and not _ATTACKERS.search(low):
            return det("Shelling/artillery/missile attack", weight * 0.9)
        if low[rs:re_] in _FOUND_DEAD:  # rule detect.found-dead: bodies found, in a note: an attack on civilians
            return None if ctx["crime"] else det("Attack")  # (not a family murder, not a battle)
        target = unarmed_target(low, rs, re_) or target_kind(low, rs, re_)
        side = agent_side(sentence, s, e)
        if target == "armed" or (side == "state" and ctx["nonstate"] and target != "civilian"):
            return det("Armed clash", weight * 0.95, side)
        if target == "civilian" or side == "nonstate" or re.search(r"gunmen|opened fire|open fire", low[rs:re_]):
            return det("Attack", weight, side)
        if weak and not armed and not partisan:
            return None
        if weak and not armed:  # rule detect.partisan-attack: "the ZANU supporter later attacked him"
            return det("Attack", weight, side)
        return det("Attack", weight * 0.8, side)
    return None



def _in_name(text: str, pos: int) -> bool:
    """A trigger word written with a capital inside the sentence is part of a name or a date."""
    word = re.match(r"[\w-]+", text[pos:])
    if word is None or any(ch.isdigit() for ch in word.group()) or word.group().removesuffix("s").isupper():
        return False  # "B-2", "IED", "ATGMs": model names and acronyms (and their plurals) are triggers
    return pos > 0 and text[pos].isupper() and not text[max(0, pos - 2) : pos].strip(" \"'“‘(—-").endswith((".", ":"))


def detect(sentence: Sentence, context: str = "", following: str = "", *, armed_group: bool = False,
           note: str | None = None) -> list[Detection]:
    """The typed event triggers of one sentence, after precedence (at most one per family).

    ``context`` is the text of the neighbouring sentences: an accident or a disaster told
    there vetoes explosions and deaths here too. ``following`` is the next sentence: the
    police's answer to a protest is often told there; ``note``, the other sentences of a short report (an
    ACLED-style note, one event; "" for a one-sentence note, None for longer texts), types a protest by what
    they tell of it. Each detection carries its modality;
    only asserted detections suppress others.
    """
    low = sentence.low
    hits: dict[str, list[tuple[int, int, bool]]] = {}
    text = sentence.text
    present = trigger_scan().present(low)  # the families that may match: one scan of the sentence
    for name, fam in families().items():
        if name not in present:
            continue
        found = [h for h in _hits(fam, low, note is not None) if not _in_name(text, h[0])]
        if found:
            hits[name] = found
    if not hits:
        return []
    cues = cue_patterns()
    plain = _SOURCE.sub(" ", low)  # "police said": the police are the source, not a party
    matched = cue_matches(plain)  # (each cue set's alternatives behind their literals: one scan)
    ctx = {name: name in matched for name in cues}
    ctx["armed_words"] = ctx["nonstate"] or ctx["military"]  # rebels, militants, troops named as such
    ctx["nonstate"] = ctx["nonstate"] or armed_group  # the actors stage named a rebel group or a militia
    ctx["riot"] = "riot" in hits and any(not w for _, _, w in hits["riot"])
    ctx["handover"] = "agreement" in hits or "disrupt" in hits  # "handed over 13 mortar shells"
    # "No clashes were reported." in the next sentence, unless that sentence tells a takeover of its own
    nxt = following.lower()
    ctx["no_fight"] = "no_fight" in matched or (  # (the next sentence's takeover looked for only when it is asked)
        cues["no_fight"].search(nxt) is not None
        and not any(_hits(families()[f], nxt) for f in ("take", "regain", "withdraw")))
    taken = hits.get("take", [])
    # rule note.partisan: a short note about party supporters makes its beatings and assaults political violence
    ctx["partisan_note"] = note is not None and _PARTISAN.search(note) is not None
    if note is not None and not ctx["no_fight"] and any(not _FORCEFUL.match(low[a:b]) for a, b, _ in taken):
        # rule note.no-fight-transfer: a place taken over ("took control", "occupied"; not "seized", "captured")
        # when nothing in the whole note tells of fighting changed hands without a fight
        ctx["no_fight"] = not fought_in(f"{low} {note.lower()}")
    if context:  # an accident, or the harm done, may be told in the next sentence
        around = context.lower()
        ctx["disaster"] = ctx["disaster"] or cues["disaster"].search(around) is not None
        ctx["casualty"] = ctx["casualty"] or cues["casualty"].search(around) is not None

    out: list[Detection] = []
    protest_hits = [h for h in hits.get("protest", []) if not (h[2] and SPOKEN_AT.search(low[: h[0]]))]
    if any(not w for _, _, w in protest_hits):  # rule detect.protest-grievance: "protested against a gang rape"
        hits = {name: kept for name, fam_hits in hits.items()
                if (kept := [h for h in fam_hits
                             if name == "protest" or not GRIEVANCE.search(low[max(0, h[0] - 50) : h[0]])])}
    if any(not w and DEMONSTRATORS.search(low[:s]) for s, _, w in hits.get("property", [])):
        ctx["protester_violence"] = True  # "protesters ransacked the offices": the protest is violent
    strong_protest = [h for h in protest_hits if not h[2]]
    purposeful = ctx["intervention"] or ctx["protester_violence"] or ctx["protest_purpose"]
    marching = [h for h in protest_hits if re.match(r"(?:march|rall|demonstrat)", low[h[0] : h[1]])]
    absorbed: tuple[str, ...] = ()
    objection = OBJECTION.search(low) or WALKOUT.search(low)
    if objection or ("mob" in hits and not strong_protest and any(not w for _, _, w in hits["mob"])):
        protest_hits = strong_protest = marching = []  # an objection; a crowd's lynching is mob violence
    if strong_protest or (protest_hits and purposeful) or (marching and ctx["crowd"]):
        cands = strong_protest or (protest_hits if purposeful else marching)
        if purposeful:  # "shut their shops in a strike called to protest": an asserted hit rather than the called one
            cands = cands + [h for h in protest_hits if h not in cands]
        protest = protest_detection(sentence, cands[0], ctx, following, note)
        protest.modality = modality_of(sentence, protest.start, protest.end)
        for hit in cands[1:]:
            if protest.modality == "asserted":
                break
            other = protest_detection(sentence, hit, ctx, following, note)
            other.modality = modality_of(sentence, other.start, other.end)
            if other.modality == "asserted":
                protest = other
        out.append(protest)
        if protest.modality == "asserted":
            absorbed = PROTEST_ABSORBS
    for name in hits:
        if name != "protest" and name not in absorbed:
            for det in _resolve_family(name, hits[name], sentence, ctx):
                det.modality = modality_of(sentence, det.start, det.end)
                out.append(det)
    if any(d.family != "other" for d in out):  # rule detect.weak-other-alone: gunshots heard, evictions are the
        out = [d for d in out if not (d.family == "other" and d.weak)]  # event only when nothing else is told
    if {d.family for d in out} >= {"withdraw", "take"}:
        # a withdrawal under fire: the takeover is by force; rule detect.taker-over-withdrawal: "X took control of
        # the town after the army withdrew": one change of hands, told by its taker (actor1), not by the side leaving
        out = [d for d in out if d.family != "withdraw"]
    own = suppress(out, background_of(out, sentence))
    return background_last(small_arms_clash(property_or_attack(own, low), low), sentence)



def _resolve_family(fam: str, fam_hits: list[tuple[int, int, bool]], sentence: Sentence,
                    ctx: dict[str, bool]) -> list[Detection]:
    for s, e, weak in fam_hits:  # strong hits first, then in text order
        found = _resolve(fam, sentence, s + sentence.start, e + sentence.start, weak, ctx)
        if found is not None:
            return [found]
    return []

