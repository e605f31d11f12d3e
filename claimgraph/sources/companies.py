"""Company recognition: the registry, legal forms, tickers and scraping debris.

The registry (``data/companies.toml``) holds names, aliases, tickers and the
fiscal-year end. A company that is not in it is still found from a legal form
("Acme Widgets Corp."), a ticker in parentheses ("Acme (ACME)"), scraping
debris ("AcmeACME--") or a reporting verb ("Acme reported ...").

>>> finder = CompanyFinder(load_registry())
>>> [(m.company.name, m.how) for m in finder.find("CoreWeaveCRWV-- signed a deal with OpenAI.")]
[('CoreWeave', 'debris'), ('OpenAI', 'registry')]
"""

from __future__ import annotations

import itertools
import re
import tomllib
import unicodedata
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from claimgraph.errors import ConfigError
from claimgraph.sources.metrics import _read_toml, merge_tables, user_files
from claimgraph.sources.model import Company
from claimgraph.sources.places import is_country, is_place
from claimgraph.sources.report import title_case
from claimgraph.sources.scan import (
    LeadGuarded,
    LiteralStarts,
    Scanner,
    WordStarts,
    factored,
    first_char_alternation,
    start_finder,
)

LEGAL_FORMS = (
    r"Inc|Incorporated|Corp|Corporation|Co|Company|Ltd|Limited|LLC|L\.L\.C|PLC|Plc|plc|Bhd|Berhad|Tbk|AG|SA|S\.A|NV|N\.V|"
    r"Oy|Oyj|AB|ASA|A/S|GmbH|SE|SpA|S\.p\.A|KK|K\.K|Holdings|Group|Bancorp|Technologies|Industries|"
    r"Pty|BV|B\.V|SAS|Sarl|LP|L\.P|Trust|Building\s+Society"
)
# Forms dropped from a display name ("Acme Corp" is "Acme"); "Industries" or "Group" stay part of the name.
STRIP_FORMS = (
    r"Inc|Incorporated|Corp|Corporation|Co|Cos|Company|Ltd|Limited|LLC|L\.L\.C|PLC|Plc|plc|Bhd|Berhad|Tbk|AG|SA|S\.A|NV|N\.V|"
    r"Oy|Oyj|AB|ASA|A/S|AS|a\.s|GmbH|SE|SpA|S\.p\.A|KK|K\.K|Pty|BV|B\.V|SAS|Sarl|LP|L\.P"
)
_STOP_LEAD = {"the", "a", "an", "in", "at", "for", "and", "but", "shares", "analysts", "investors", "of",
              "on", "by", "with", "from", "to", "as", "while", "when", "after", "before", "its", "their",
              "his", "her", "our", "this", "that", "these", "those", "said", "says", "rival", "peer", "competitor", "parent",
              "both", "neither", "unit", "subsidiary", "like", "including"}
# a noun for a kind of company, capitalized at a sentence's start before the name ("Reinsurer Halvorsen Re AG")
_KIND_LEAD = re.compile(r"(?:[A-Z][a-z]*maker|Reinsurer|Insurer|Retailer|Refiner|Grocer|Homebuilder|Shipbuilder|"
                        r"Wholesaler|Conglomerate)")
_NOT_NAMES = {"The", "It", "Its", "This", "That", "These", "Those", "Analysts", "Investors", "Revenue",
              "Shares", "Company", "Management", "Wall", "Street", "Q1", "Q2", "Q3", "Q4", "He", "She",
              "They", "We", "I", "In", "For", "But", "And", "Meanwhile", "However", "Still", "Overall",
              "Consensus", "Sales", "Earnings", "Net", "Total", "Adjusted", "GAAP", "Backlog", "Capex",
              "Debt", "Demand", "Growth", "Guidance", "Margins", "Profit", "Stock", "Stocks", "Markets", "Equities",
              "Futures", "Bonds", "Treasuries", "Yields", "AI", "CEO", "CFO",
              "Nasdaq", "NYSE", "SEC", "Fed", "U.S.", "US", "Reuters", "Bloomberg", "Everyone", "Nobody",
              # discourse adverbs that open a sentence ("Earlier, the company reported ...")
              "Earlier", "Later", "Separately", "Elsewhere", "Also", "Similarly", "Likewise", "Additionally",
              "Furthermore", "Moreover", "Conversely", "Nevertheless", "Nonetheless", "Previously", "Recently",
              "Currently", "Finally", "Instead", "Yesterday", "Today"}
# Words of a call or a results story that are never a company's whole name ("Segment's operating margin
# increased", "Cash generated from operating activities was"), though a name may start with one ("Cash America")
_GENERIC_ALONE = {"Segment", "Segments", "Cash", "Division", "Divisions", "Business", "Businesses", "Operations",
                  "Operating", "Orders", "Bookings", "Pricing", "Volume", "Volumes", "Inventory", "Inventories",
                  "Liquidity", "Expenses", "Income", "Interest", "Capital", "Gross", "Free", "Organic", "Comparable",
                  "Region", "Regions", "International", "Domestic", "Corporate", "Consolidated", "EBITDA", "EPS",
                  "Compared", "Turning", "Moving", "Looking", "Starting", "Year", "Quarter", "Fiscal",
                  # (a results heading's period: "Half-year results for the six months to 31 December")
                  "Half-year", "Full-year", "Half-yearly", "Interim", "Annual", "Quarterly", "Preliminary"}
# Roles and generic nouns that are never a company's name on their own ("Spokeswoman said ...").
_ROLE_WORDS = {"spokeswoman", "spokesman", "spokesperson", "chairman", "chairwoman", "president", "chief", "executive",
               "officer", "director", "analyst", "analysts", "economist", "economists", "minister", "official",
               "officials", "trader", "traders", "dealer", "dealers", "banker", "bankers", "sources", "source",
               "investors", "shareholders", "management", "company", "group", "unit", "division", "board", "government",
               "ministry", "department", "agency", "commission", "court", "judge", "union", "workers", "customers",
               "vice", "treasurer", "controller", "secretary", "governor", "premier", "senator", "representative",
               "ceo", "cfo", "coo", "cto", "chief financial officer", "mr", "mrs", "ms", "dr", "general", "manager",
               "partner", "founder", "owner", "sector", "industry", "market", "markets", "semiconductor", "results"}
# A name: capitalised words, joined by spaces, "&" or lower-case connectors ("Bank of New England").
_CONNECT = (r"(?:[ \t]+(?:of|and|de|du|des|la|le|the|van|von|der|di|del|et|y|for|und|n|fuer|für|voor)[ \t]+|"
            r"[ \t]+|,?[ \t]*&[ \t]*)")
_WORD = r"[A-Z][\w&'’.-]*(?:/[A-Z][\w&'’.-]*)?"  # ("Capital Cities/ABC")
_NAME_RE = rf"{_WORD}(?:{_CONNECT}{_WORD}){{0,6}}"
_LEGAL = re.compile(rf"({_NAME_RE}),?[ \t]+({factored(LEGAL_FORMS)})(?![\w])\.?")
_TICKER_PAREN = re.compile(
    # the name may join its words with lower-case connectors ("Bank of America (BAC)", "Cie de Raffinage (CRD)")
    r"([A-Z][\w&'’.-]*(?:(?:[ \t]+(?:of|and|de|du|des|la|le|van|von|der|di|del|et|y|und))?[ \t]+[A-Z][\w&'’.-]*){0,3})"
    r"(?:,?[ \t]+(?:" + factored(LEGAL_FORMS) + r")\.?)?[ \t]*"
    r"\((?:(?:NASDAQ|Nasdaq|NYSE|NYSE\s+American|AMEX|LSE|TSX|TSE|OTC|ASX|HKEX|Euronext)\s*:\s*)?"
    # (a Reuters instrument code: "(RY.TO)", "(AMZN.O)", "(7203.T)", "(005930.KS)")
    r"([A-Z]{1,5}(?:\.[A-Z]{1,2})?|\d{4,6}\.[A-Z]{1,2})\)"
)
# Wire-service headlines: "ACME INDUSTRIES INC <ACME> 4TH QTR NET"
_ANGLE_TICKER = re.compile(rf"\b({_NAME_RE})[ \t]*<([A-Z]{{1,6}}(?:\.[A-Z]{{1,2}})?)>")
# A wire service's bracketed name of a company without a listed ticker: "merger agreement with the <Bank of
# Sissonville>", "a joint venture of <SNECMA> of France"; a short capitalised code right after a name is that
# name's ticker instead (_ANGLE_TICKER); a bracket closed by the wrong sign is still one ("<Societe Lorraine Chimie)")
_ANGLE_NAME = re.compile(rf"(?<![\w&])<({_NAME_RE}(?:,?[ \t]+(?:{factored(LEGAL_FORMS)})\.?)?)[>)]")
# (its capital opens the pattern and the word boundary before it is a look-behind: a scan for capitals, not a try at
# every position)
_DEBRIS = re.compile(r"([A-Z](?<!\w[A-Z])[A-Za-z0-9&.]*?[a-z0-9])([A-Z]{1,5})-{1,2}(?=[\s,.)]|$)")
# what every match of _DEBRIS and _TICKER_PAREN contains (a cheap search before the full pattern)
_DEBRIS_NEEDS = re.compile(r"-(?<=[A-Z]-)")  # "[A-Z]-", led by its literal (a fast scan)
_PAREN_NEEDS = re.compile(r"\((?:[A-Z]|\d{4,6}\.[A-Z])")
# a legal form as a word: every match of _LEGAL has one right after a space or a tab (see _has_legal_form)
_LEGAL_FORM = re.compile(rf"(?:{factored(LEGAL_FORMS)})(?![\w])")
# People: a name after a role ("analyst Lawrence Adelman", "Analyst Erik Woodring said", "group president
# Francois-Xavier Ortoli") or before one ("John Smith, the company's chief financial officer"). Their names are
# never companies.
_ROLES = (r"analysts?|Analysts?|Spokes(?:man|woman|person)|president|chairman|chairwoman|chief\s+executive(?:\s+officer)?|"
          r"chief\s+financial\s+officer|"
          r"chief\s+operating\s+officer|CEO|CFO|COO|spokes(?:man|woman|person)|director|treasurer|economist|"
          r"official|minister|secretary|governor|vice\s+president|managing\s+director|partner|founder|"
          r"strategist|trader|portfolio\s+manager|head|controller|senator|congress(?:man|woman)|representative|"
          r"lawmaker|judge|professor|mayor|attorney\s+general|Sen\.|Rep\.|Mr\.?|Mrs\.?|Ms\.?|Dr\.?|"
          # the same titles capitalised before a name ("Chief Executive Jane Moreno said"), those no company starts with
          r"Analysts?|President|Chairman|Chairwoman|Chief\s+Executive(?:\s+Officer)?|Chief\s+Financial\s+Officer|"
          r"Chief\s+Operating\s+Officer|Spokes(?:man|woman|person)|Vice\s+President|Managing\s+Director|Economist|"
          r"Strategist|Founder|Prime\s+Minister|Minister|Chancellor|Premier|Senator|Governor|"
          # a capitalised function before "Director" ("Finance Director Hermann Haerri", "Sales Director Ann Roe")
          r"(?:Finance|Financial|Sales|Marketing|Operations|Technical|Research|Executive|Commercial)\s+Director|"
          r"Treasurer|Controller|"
          # ("management board member Eberhard Roth said", "Board member Ann Roe")
          r"(?:(?:[Mm]anagement|[Ss]upervisory|[Ee]xecutive)\s+)?(?:board|Board)\s+(?:member|Member)")
_OFFICE_TITLE = re.compile(r"(?:President|Prime[ \t]+Minister|Minister|Chancellor|Premier|Senator|Governor|King|Queen|"
                           r"Pope)[ \t]")
_HONORIFIC = re.compile(r"(?:Mr|Mrs|Ms|Dr|Sen|Rep)\.?[ \t]")  # ("Mr. Warner said": a surname alone is a person's)
_PERSON_NAME = r"((?:[A-Z][\w'’.-]+|de|van|von|der|la|le|di|da)(?:[ \t]+(?:[A-Z][\w'’.-]+|de|van|von|der|la|le|di|da)){0,3})"
# ("chairman-elect Denys Henderson", "chairman elect Denys Henderson")
# ("director of public credit Mauricio Cabrera", "head of equity research Ann Lee": a role's field in lower case)
_PERSON_AFTER_ROLE = re.compile(rf"\b(?:{factored(_ROLES)})(?:[- ](?:elect|designate))?"
                                rf"(?:[ \t]+(?:of|for)(?:[ \t]+[a-z][\w-]*){{1,3}}(?=[ \t]+[A-Z]))?[ \t]+{_PERSON_NAME}")
# _PERSON_NAME with its first word's alternatives led by one character class (a pattern that starts with one is
# scanned for fast; the alternatives and their order are unchanged)
_PERSON_NAME_SCAN = _PERSON_NAME.replace(
    r"((?:[A-Z][\w'’.-]+|de|van|von|der|la|le|di|da)",
    r"((?:[A-Zdvl](?:(?<=[A-Z])[\w'’.-]+|(?<=d)(?:e|er|i|a)|(?<=v)(?:an|on)|(?<=l)(?:a|e)))", 1)
assert _PERSON_NAME_SCAN != _PERSON_NAME
_ROLE_AFTER_COMMA = rf",[ \t]+(?:a|an|the|its|who\s+is)?[ \t]*(?:[\w'’-]+[ \t]+){{0,3}}(?:{_ROLES})\b"
# (tried only where a word of the text begins with a role's first word: the \b-led scan stopped at every position)
_PERSON_AFTER_ROLE_SCAN = WordStarts(_PERSON_AFTER_ROLE)
_PERSON_BEFORE_ROLE = re.compile(rf"{_PERSON_NAME_SCAN}{_ROLE_AFTER_COMMA}")
# what every match of _PERSON_BEFORE_ROLE has from its comma on (led by the comma: a fast scan), looked for first
_ROLE_AFTER_COMMA_NEEDS = re.compile(_ROLE_AFTER_COMMA)
_REPORTING_VERBS = ("reported|posted|said|announced|delivered|generated|recorded|expects|forecast|raised|cut|lowered|"
                    "trimmed|narrowed|swung|booked|disclosed|earned|lost|carried")
# an appositive that says what the subject is, between it and its verb ("CFM International, a joint venture of
# <SNECMA> of France and General Electric Co said")
APPOSITIVE = (r",[ \t]+(?:an?[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:venture|unit|subsidiary|affiliate|division|"
              r"company|firm|maker|manufacturer|producer|group|bank|carrier|retailer|concern|operator|provider|"
              r"supplier|insurer|lender|partnership|developer|utility|airline|chain|distributor|miner|refiner|"
              r"railroad|brokerage|consortium)|"
              # ("Sainsbury's, its nearest rival, last month reported"; not "Further, the company disclosed")
              r"(?:its|their|the)[ \t]+(?:[\w-]+[ \t]+){0,3}?(?:rivals?|competitors?|peers?|parent|owner))"
              r"\b[^.;:\n]{0,80}?,?")
# a subject introduced as a rival ("Rival Baltic Lines reported", "Larger rival Maersk said"), and a time between
# the subject and its verb ("Baltic Lines last week reported", "Acme on Thursday posted")
_RIVAL_LEAD = (r"(?:(?:[Ll]arger|[Ss]maller|[Bb]igger|[Cc]losest|[Mm]ain|[Ff]ellow|[Ll]ocal)[ \t]+)?"
               r"(?:[Rr]ivals?|[Cc]ompetitors?|[Pp]eers?)[ \t]+")
# a description before the name, led by a nationality ("Irish low-cost carrier Shannonair said", "Norwegian oil
# producer Nordvik said"): the noun says what kind of company follows
_DESCRIBED_LEAD = (r"(?!(?:Investment|Research|Brokerage|Data|Rating)\b)[A-Z][a-z]+(?:-[a-z]+)?(?:[ \t]+[a-z][\w-]*){0,2}[ \t]+"
                   r"(?:carrier|airline|lender|bank|insurer|miner|"
                   r"retailer|grocer|refiner|utility|conglomerate|automaker|carmaker|chipmaker|drugmaker|steelmaker|"
                   r"maker|producer|manufacturer|developer|operator|supplier)[ \t]+")
_SUBJECT_TIME = (r"(?:[ \t]+(?:last|this|earlier[ \t]+this)[ \t]+(?:week|month|year|quarter)|"
                 r"[ \t]+(?:on[ \t]+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday))?")
# (not "also": "Stritch also said" is the chairman named before)
_REPORTING = re.compile(
    # (a sentence starts at the text's start, after a full stop, a line break or a dateline's dash)
    rf"(?:^|[.;:]\s+|\n|-(?<=[ \t]-)[ \t]+)(?:{_RIVAL_LEAD}|{_DESCRIBED_LEAD})?"
    rf"([A-Z][\w&'’.-]+(?:[ \t]+(?:&[ \t]+|(?<=Bank[ \t])of[ \t]+)?"
    rf"[A-Z][\w&'’.-]+){{0,2}})"
    # (or a relative clause on it: "Shannonair, which reported a record first-half profit")
    rf"(?:{APPOSITIVE}|,[ \t]+which)?{_SUBJECT_TIME}[ \t]+(?:{factored(_REPORTING_VERBS)})\b"
)

# A name in the possessive before a financial noun: "Wipro's profit fell", "Larkspur's third-quarter revenue".
_FINANCIAL_NOUNS = (r"revenues?|sales|turnover|profits?|earnings|income|loss(?:es)?|margins?|EPS|shares|stock|"
                    r"market\s+value|market\s+capitali[sz]ation|market\s+cap|dividends?|orders|bookings|backlog|results|"
                    r"outlook|guidance|forecast|"
                    r"operating\s+(?:profit|income|loss|margin)|net|debt|cash\s+flow|valuation")
# (found from the apostrophe, a literal a scan finds fast, then the name read backwards from it; the pattern opens on
# the apostrophe in both branches, "'s" and a plural's "s'", so that the engine scans for it rather than trying
# every position)
# ("Wipro's profit"; a plural name's "Goldman Sachs' earnings")
_POSSESSIVE_TAIL = re.compile(rf"['’](?:s|(?<=s['’]))[ \t]+(?:[\w-]+[ \t]+){{0,2}}?(?:{_FINANCIAL_NOUNS})\b")
_SHARES_OF = re.compile(r"[Ss](?<!\w[Ss])hares\s+(?:of|in)\s+"
                        r"([A-Z][\w&.-]*[A-Za-z0-9](?:[ \t]+(?:&[ \t]+)?[A-Z][\w&.-]*[A-Za-z0-9]){0,2})"
                        r"(?=[ \t]+(?:rose|fell|closed|ended|were|was|jumped|dropped|slid|gained|lost|climbed|tumbled|"
                        r"surged|soared|sank|slumped|rallied|traded|have|had|are|opened|edged|added)\b|[,.])")
# a name that "it" right after stands for, a company by what it did: "exited Wexford Brands after it cut its guidance"
_ANTECEDENT = re.compile(r"(?<![\w&'’.-])([A-Z][\w&'’.-]*[A-Za-z0-9](?:[ \t]+[A-Z][\w&'’.-]*[A-Za-z0-9]){0,3}),?[ \t]+"
                         r"(?:after|when|because|since|before)[ \t]+it[ \t]+(?:cut|raised|lowered|reported|posted|"
                         r"forecast|missed|beat|warned|lifted|trimmed|slashed|reduced)\b")
_IT_LEADS = ("after", "when", "because", "since", "before")
_IT_VERB = re.compile(r"(?:cut|raised|lowered|reported|posted|forecast|missed|beat|warned|lifted|trimmed|slashed|"
                      r"reduced)\b")


def _antecedents(text: str) -> list[re.Match[str]]:
    """The matches of ``_ANTECEDENT`` in ``text``, looked for only around each " it " (a scan of the whole text cost
    0.1 ms a kilobyte).

    >>> [m.group(1) for m in _antecedents("We exited Wexford Brands after it cut its guidance. It rose.")]
    ['Wexford Brands']
    """
    out: list[re.Match[str]] = []
    i = text.find(" it ")
    while i >= 0:
        m = _ANTECEDENT.search(text, max(0, i - 80), i + 40) \
            if text[max(0, i - 8):i].endswith(_IT_LEADS) and _IT_VERB.match(text, i + 4) else None
        if m is not None and m.end() > i and (not out or out[-1].start() != m.start()):
            out.append(m)
        i = text.find(" it ", i + 4)
    return out


# (its name, and a holder's below, may join its words with a particle: "rival Carnes del Plata")
# (a customer or supplier too: "its customer Maison Bati"; set off by commas: "its main rival, Ellisford Bio, said",
# "its biggest customer, electric-vehicle maker Zhenfeng Motors, reported")
_RIVAL = re.compile(r"\b(?:[Rr]ivals?|[Pp]eers?|[Cc]ompetitors?|[Cc]ompetitor|customers?|clients?|suppliers?)"
                    r"(?:[ \t]+|,[ \t]+(?:(?:[a-z][\w-]*|U\.S\.|U\.K\.)[ \t]+){0,3}(?=[A-Z][^,.;\n]{0,50},))"
                    r"([A-Z][\w&.'’-]*[A-Za-z0-9]"
                    r"(?:[ \t]+(?:(?:de|del|do|da|dos|das|la|van|von|der|di|du)[ \t]+)?(?:[A-Z][\w&.'’-]*[A-Za-z0-9]|A|&)){0,3})")
# what a customer, or a company set off by commas, must be followed by to be taken as one: its own report or a
# possessive ("its customer Maison Bati, the distributor, last week reported", "systems supplier Uponor's net sales";
# not "one customer, Vietnam Airlines, where we have 12 aircraft")
_OWN_REPORT_AFTER = re.compile(rf"[ \t]*['’][ \t]*s\b|(?:,[^,.;\n]{{1,60}},|,)?[ \t]+(?:(?:last|this|on|earlier)[ \t]+\w+[ \t]+)?"
                               rf"(?:{_REPORTING_VERBS}|had|has|reports|posts|says)\b")
_RIVAL_WORDS = ("rival", "peer", "competitor", "customer", "client", "supplier")


def _rival_possible(text: str) -> bool:
    """Whether ``_RIVAL`` may match ``text`` (False: it cannot): an ASCII text without one of its words in lower
    case has no match. (A case-blind search for them at every position cost more than the scan it spared
    once ``_RIVAL_SCAN`` tries the pattern only where its words are.)"""
    return not text.isascii() or any(map(text.lower().__contains__, _RIVAL_WORDS))


# (tried only where ``str.find`` finds one of its opening words: the \b-led scan was tried at every position)
_RIVAL_SCAN = LiteralStarts(_RIVAL)


_HOLDER = re.compile(r"(?:^|[.;:]\s+|\n|,[ \t]+|\b(?:said|that|and)[ \t]+)"
                     r"([A-Z][\w&.'’-]*[A-Za-z0-9](?:[ \t]+(?:and[ \t]+|&[ \t]+|(?:de|del|do|da|dos|das|la|van|von|der|di|du)"
                     r"[ \t]+)?[A-Z][\w&.'’-]*[A-Za-z0-9]){0,3})"
                     # ("Broadcom, which reports next week, has a market value of")
                     r"(?:,[ \t]+(?:which|who)[ \t]+[^,.;:\n]{1,60},)?"
                     r"[ \t]+(?:has|had|made|ended[ \t]+(?:19|20)\d\d[ \t]+with)[ \t]+"
                     r"(?:[\w-]+[ \t]+){0,4}?(?:" + _FINANCIAL_NOUNS + r"|assets|deposits|loans|pre-?tax|operating)\b")
_HOLDER_NEEDS = re.compile(r"\b(?:has|had|made|ended)\b")
_HOLDER_WORDS = ("ha", "made", "ended")  # (every match of _HOLDER_NEEDS holds one)
# _HOLDER_NEEDS led by its first characters (a fast scan; "h(?<!\wh)" is "\bh")
_HOLDER_NEEDS_SCAN = re.compile(r"(?:h(?<!\wh)a[sd]|m(?<!\wm)ade|e(?<!\we)nded)\b")
_holder_finder: list[re.Pattern[str] | None] = []  # (set up on first use)


def _holders(text: str) -> list[re.Match[str]]:
    """``_HOLDER.finditer(text)``, found faster: a match starts at the text's start or where its other openings (a
    stop, a line break, a comma, "said", "that", "and") can begin, and is tried only there (``start_finder``).

    >>> [m.group(1) for m in _holders("Acme has sales of 5. Later, Beta Corp had revenue of 4")]
    ['Acme', 'Beta Corp']
    """
    if not _holder_finder:
        source = _HOLDER.pattern.replace("(?:^|[.;:]", "(?:[.;:]", 1)
        _holder_finder.append(start_finder(source, _HOLDER.flags) if source != _HOLDER.pattern else None)
    finder = _holder_finder[0]
    if finder is None:
        return list(_HOLDER.finditer(text))
    # (a match reads its name and verb on one line: only the lines with a verb are scanned; the verbs are found with
    # str.find, a few more than the words, which a scan for them, stopping at every "e", took longer to find)
    verbs = sorted(at for word in _HOLDER_VERBS for at in _finds(text, word))
    if not verbs:
        return []  # (every match has one)
    out, pos = [], 1
    if (m := _HOLDER.match(text, 0)) is not None:  # every branch at the start, "^" among them
        out.append(m)
        pos = m.end()
    for lo, hi in verb_lines(text, (at for at in verbs if at >= pos)):
        pos = max(pos, lo)
        while (at := finder.search(text, pos, hi)) is not None:
            if (m := _HOLDER.match(text, at.start(), hi)) is None:  # (cannot happen: the finder tried it)
                pos = at.start() + 1
                continue
            out.append(m)
            pos = m.end()
    return out


_HOLDER_VERBS = ("has", "had", "made", "ended")  # (every match of _HOLDER has one as a word)


def _finds(text: str, word: str) -> list[int]:
    """Where ``word`` stands in ``text`` (``str.find``, overlaps included)."""
    out = []
    at = text.find(word)
    while at >= 0:
        out.append(at)
        at = text.find(word, at + 1)
    return out


def verb_lines(text: str, verbs: Iterable[int]) -> list[tuple[int, int]]:
    """The stretches of ``text`` where a match of a pattern that opens a sentence, then reads a subject and its verb
    on one line, can start and end: for each line with one of ``verbs`` (offsets, in order), from the last character
    before the line that is not a space (a match opening on "." with spaces and line breaks after it) to the end of
    the next line with text (what follows the verb may read "\\s": "market\\nvalue"); stretches that meet are one.
    A pattern whose subject and verb never read a line break ("[ \\t]", "[^.;:\\n]") and whose tail ends on that
    next line at the latest has the same matches in these stretches (``pattern.finditer(text, lo, hi)``, a start
    before ``hi`` on the verb's line) as in the whole text: a line break after a match reads as the end of the text.

    >>> text = "Revenue rose.\\n\\nAcme has sales of 5.\\nNo verb here.\\nBeta had a loss."
    >>> [text[a:b] for a, b in verb_lines(text, [20, 54])]
    ['.\\n\\nAcme has sales of 5.\\nNo verb here.\\nBeta had a loss.']
    >>> [text[a:b] for a, b in verb_lines(text, [54])]
    ['.\\nBeta had a loss.']
    """
    out: list[tuple[int, int]] = []
    line_end = -1
    n = len(text)
    for v in verbs:
        if v < line_end:
            continue  # (the line already taken)
        line_start = text.rfind("\n", 0, v) + 1
        line_end = text.find("\n", v)
        if line_end < 0:
            line_end = n
        lo = line_start - 1
        while lo > 0 and text[lo].isspace():
            lo -= 1
        lo = max(lo, 0)
        nxt = line_end
        while nxt < n and text[nxt].isspace():
            nxt += 1
        hi = text.find("\n", nxt) if nxt < n else n
        hi = n if hi < 0 else hi
        if out and lo <= out[-1][1]:
            out[-1] = (out[-1][0], max(hi, out[-1][1]))
        else:
            out.append((lo, hi))
    return out


_POSSESSIVE_NAME = re.compile(r"(?<![\w&'’.-])([A-Z][\w&.-]*[A-Za-z0-9](?:[ \t]+(?:&[ \t]+)?[A-Z][\w&.-]*[A-Za-z0-9]){0,2})$")
# the company an analyst's target or rating is for: "raised its price target on Broadcom", "a buy rating on Tesco"
# (led by the words' first letters, the word boundary before them a look-behind: "\b(?:price[ \t]+target|target[ \t]+
# price|price[ \t]+objective|rating|recommendation)", scanned for rather than tried at every position)
_TARGET_ON = re.compile(r"[ptr](?<!\w[ptr])(?:(?<=p)rice[ \t]+(?:target|objective)|(?<=t)arget[ \t]+price|"
                        r"(?<=r)(?:ating|ecommendation))s?[ \t]+"
                        r"(?:on|for)[ \t]+(?:shares[ \t]+of[ \t]+)?([A-Z][\w&.'’-]*[A-Za-z0-9]"
                        r"(?:[ \t]+(?:&[ \t]+)?[A-Z][\w&.'’-]*[A-Za-z0-9]){0,2})")
# every match of _TARGET_ON holds "target", "objective" or a word that starts "rating" or "recommendation" ("operating"
# holds "rating" but starts no such word)
_TARGET_WORD = re.compile(r"r(?<!\wr)(?:ating|ecommendation)")


def _target_possible(text: str) -> bool:
    return "target" in text or "objective" in text or _TARGET_WORD.search(text) is not None


_TIME_WORDS = {"today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
               "sunday", "january", "february", "march", "april", "may", "june", "july", "august", "september",
               "october", "november", "december", "this", "last", "next", "year", "quarter", "week", "month",
               "wall", "street", "world", "nation", "country", "industry", "sector", "market", "city", "state"}
_DAY_WORDS = {"today", "yesterday", "tomorrow", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday",
              "sunday"}

# _REPORTING without its "^" branch: a pattern that starts with a character class is scanned for fast, and only
# the start of the text can match through "^"
_REPORTING_INNER = re.compile(_REPORTING.pattern.replace(r"(?:^|[.;:]\s+|", r"(?:[.;:]\s+|", 1))
assert _REPORTING_INNER.pattern != _REPORTING.pattern
_REPORTING_SCAN = Scanner(_REPORTING_INNER)  # (the same matches: it is case-sensitive, so the text is its own lower)
assert not _REPORTING_INNER.flags & re.IGNORECASE


# a market report's mover: a name opening a sentence (or after "Among gainers,") whose shares moved by a percentage
# ("Among gainers, Orlov Freight rose 6.2% after ...", "Nvidia added 1.1%"); not an index, a commodity or a currency
_MOVER = re.compile(
    r"(?:^|[.;:]\s+|\n|(?:Among|Of)[ \t]+(?:the[ \t]+)?(?:\w+[ \t]+)?(?:gainers|losers|decliners|advancers|movers)"
    r"[^,.;\n]{0,30},[ \t]+|On[ \t]+the[ \t]+(?:upside|downside),[ \t]+)"
    # ("Elsewhere, Brightwater Airlines fell 6.4% after reporting": a sentence opening on a discourse adverb)
    r"(?:(?:Elsewhere|Meanwhile|Separately|Among[ \t]+other[ \t]+stocks|In[ \t]+other[ \t]+stocks),[ \t]+)?"
    # (a description may lead the name: "Dutch lender Oostbank rose 4.2% after posting")
    rf"(?:{_DESCRIBED_LEAD})?([A-Z][\w&.-]+(?:[ \t]+[A-Z][\w&.-]+){{0,2}})[ \t]+(?:shares[ \t]+)?"
    r"(?:rose|fell|gained|added|jumped|climbed|advanced|surged|soared|rallied|slid|dropped|lost|tumbled|sank|"
    r"declined|slumped|plunged|eased|shed)[ \t]+(?:as[ \t]+much[ \t]+as[ \t]+|about[ \t]+|nearly[ \t]+|almost[ \t]+)?"
    r"\d+(?:\.\d+)?[ \t]?(?:%|percent\b|per[ \t]?cent\b|pct\b)")
_MARKET_WORDS = frozenset({
    "index", "indexes", "indices", "average", "composite", "dow", "nasdaq", "s&p", "nikkei", "topix", "dax", "ftse",
    "cac", "hang", "seng", "kospi", "stoxx", "sensex", "nifty", "ibovespa", "tsx", "asx", "crude", "brent", "oil",
    "gold", "silver", "copper", "platinum", "wheat", "corn", "dollar", "euro", "yen", "yuan", "sterling", "pound",
    "franc", "rupee", "bitcoin", "ether", "treasury", "treasuries", "bund", "bunds", "gilt", "gilts", "yield",
    "yields", "bonds", "futures", "shares", "stocks", "equities", "markets", "market", "sector", "benchmark",
    "exports", "imports", "sales", "revenue", "profit", "earnings", "prices", "inflation", "output", "gdp",
    "the", "it", "its", "they", "he", "she", "this", "that", "which", "volume", "trading", "turnover", "revenues",
    "costs", "expenses", "orders", "values", "taxes", "traffic", "operations", "product", "production", "deposits",
    "loans", "assets", "reserves", "income", "spending", "payrolls", "employment", "unemployment", "rates"})
_SHARES_WORD = re.compile(r"(?i)\b(?:shares|stocks?|stock\s+market|equities|traded|trading)\b")
_MARKET_REPORT = re.compile(r"\b(?:[Ii]ndex|[Ii]ndexes|[Ii]ndices|Dow|Nasdaq|S&P|FTSE|Nikkei|DAX|STOXX|Stoxx|"
                            r"[Bb]enchmark|[Gg]ainers|[Ll]osers|Wall\s+Street)\b")
# (the words each gate needs, looked for with ``in`` first: a regex scan of every article costs more)
_MARKET_NEEDS = ("index", "Index", "indices", "Dow", "Nasdaq", "S&P", "FTSE", "Nikkei", "DAX", "STOXX", "Stoxx",
                 "enchmark", "ainers", "osers", "Wall Street")
_SHARES_NEEDS = ("shares", "Shares", "SHARES", "stock", "Stock", "STOCK", "equities", "Equities", "trad", "Trad")
_PERCENT_NEEDS = ("%", "percent", "pct", "per cent", "Percent", "PCT")


def _market_report(text: str) -> bool:
    """Whether ``text`` is a market report: an index, gainers or Wall Street, shares, and a percentage move."""
    return any(w in text for w in _MARKET_NEEDS) and any(w in text for w in _SHARES_NEEDS) \
        and any(w in text for w in _PERCENT_NEEDS) and _MARKET_REPORT.search(text) is not None \
        and _SHARES_WORD.search(text) is not None and _MOVER_NEEDS.search(text) is not None


_MOVER_NEEDS = re.compile(r"\d[ \t]?(?:%|percent|per[ \t]?cent|pct)")


# a subject after a sentence's opening adverbial: "In the year to end-February, Superdrug reported pretax profits",
# "Meanwhile, Ostara Analog reported revenue of"
_LEAD_REPORTING = re.compile(
    r"(?:^|[.;:]\s+|\n)(?:(?:In|For|During|Last|This|Earlier|At|By|Over|On)\b[^,.;:\n]{0,60}|"
    # a discourse adverb ("Meanwhile, Ostara Analog reported", "Separately on Thursday, ...")
    r"(?:Meanwhile|Separately|Elsewhere|Also|However|Similarly|Likewise|Still|Overall|Additionally|Furthermore|"
    r"Conversely|Nevertheless|Nonetheless|Yesterday|Today|Later|Previously)(?:[ \t]+on[ \t]+[A-Z]\w+)?),[ \t]+"
    rf"([A-Z][\w&'’.-]+(?:[ \t]+[A-Z][\w&'’.-]+){{0,2}})(?:{APPOSITIVE})?[ \t]+"
    r"(?:reported|posted|earned|lost|recorded|booked|said|had|made|sold)\b")
_LEAD_REPORTING_NEEDS = re.compile(r", [A-Z]")
# (the same matches, tried only where a match can start: 3.6x faster on real 5 KB articles)
_LEAD_REPORTING_SCAN = Scanner(_LEAD_REPORTING)


def _reporting(text: str) -> list[re.Match[str]]:
    """The matches of ``_REPORTING.finditer(text)``, found faster.

    >>> [m.group(1) for m in _reporting("Acme reported gains. Beta Corp said so.")]
    ['Acme', 'Beta Corp']
    >>> [m.group(1) for m in _reporting("EVANDALE, Ohio, April 13 - CFM International, a joint venture of <SNECMA> "
    ...                                 "of France and General Electric Co said it received an order")]
    ['CFM International']
    """
    first = _REPORTING.match(text)
    out = [first] if first is not None else []
    out.extend(_REPORTING_SCAN.finditer(text, text, first.end() if first is not None else 0))
    return out


@dataclass(frozen=True, slots=True)
class CompanyMention:
    """A company named at ``start:end`` of a text, and how it was recognised."""

    start: int
    end: int
    company: Company
    how: str  # registry | ticker | bracketed | unit | debris | legal_form | reporting_verb | possessive | alias | deal


@dataclass
class Registry:
    """Known companies by id, with a lookup from every name, alias and ticker."""

    companies: dict[str, Company]
    by_name: dict[str, str] = field(default_factory=dict)
    by_ticker: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        for company in self.companies.values():
            for name in (company.name, *company.aliases):
                self.by_name.setdefault(_name_key(name), company.id)
            for ticker in company.tickers:
                self.by_ticker.setdefault(ticker, company.id)

    def lookup(self, name: str) -> Company | None:
        cid = self.by_name.get(_name_key(name))
        return self.companies.get(cid) if cid else None


_TRAILING_CONNECTOR = re.compile(r"(?:,?\s+(?:and|AND|&))+$")


# the head of the name of a government body, an international organisation, a union or a newspaper
_INSTITUTION_HEADS = frozenset({
    "department", "ministry", "ministries", "organization", "organisation", "agency", "bureau", "commission",
    "council", "office", "association", "federation", "confederation", "institute", "university", "committee",
    "parliament", "congress", "senate", "government", "daily", "court", "tribunal", "secretariat", "cabinet",
    "embassy", "police", "army", "navy", "treasury", "customs", "statistics", "department's", "ministry's"})
_INSTITUTION_LEADS = frozenset({"ministry", "department", "bureau", "minister", "council", "commission",
                                "government", "governor", "president", "chancellor", "secretary"})


def _name_key(name: str) -> str:
    name = re.sub(rf",?\s+(?:{STRIP_FORMS})\.?$", "", name.strip(), flags=re.IGNORECASE)
    return " ".join(name.lower().replace("’", "'").split())


# Wire abbreviations of name words: "MARION LABS" and "Marion Laboratories" are one company.
_ABBREVIATIONS = {"labs": "laboratories", "lab": "laboratory", "intl": "international", "int'l": "international",
                  "natl": "national", "mfg": "manufacturing", "inds": "industries", "assocs": "associates",
                  "svcs": "services", "sys": "systems", "hldgs": "holdings", "prods": "products",
                  "pptys": "properties", "comms": "communications", "finl": "financial", "svgs": "savings",
                  "bk": "bank", "amer": "american", "corp": "", "cos": "companies",
                  # ("Vistara Pharma" in a headline over "Vistara Pharmaceuticals Ltd": one company)
                  "pharma": "pharmaceuticals", "pharmaceutical": "pharmaceuticals"}


_POSSESSIVE_END = re.compile(r"'s\b")  # "macy's": "Macy's Inc" and a headline's "Macy's profit" link


def _link_key(key: str) -> str:
    """A name key with wire abbreviations spelled out, for linking the forms of one name.

    >>> _link_key("marion labs"), _link_key("resorts intl"), _link_key("macy's")
    ('marion laboratories', 'resorts international', 'macy')
    """
    return " ".join(w for w in (_ABBREVIATIONS.get(t, t) for t in _POSSESSIVE_END.sub("", key).split()) if w)


# Trailing words that name a company's legal form or its holding structure, not the company: "Acme Corp",
# "Acme Holdings Ltd" and "Acme" are one company (compared with their dots, slashes and case dropped).
_KEY_FORMS = frozenset({
    "inc", "incorporated", "corp", "corporation", "co", "cos", "company", "companies", "ltd", "limited", "llc",
    "plc", "ag", "sa", "nv", "se", "spa", "gmbh", "bv", "oy", "oyj", "ab", "asa", "as", "kk", "pty", "lp", "sas",
    "sarl", "bhd", "berhad", "tbk", "holdings", "holding", "group"})
_KEY_PAREN = re.compile(r"\(\s*([^()]*)\s*\)")
_KEY_DOTCOM = re.compile(r"\.com\b")
_KEY_TICKER = re.compile(r"<[^<>]*>")
_KEY_SPLIT = re.compile(r"[\s,&+/;:]+")
_KEY_DROP = re.compile(r"[^\w]+")


@lru_cache(maxsize=65536)
def company_key(name: str) -> str:
    """The identity of a company across spellings: the key the analysis groups claims by.

    The name is compared without case and accents, with wire abbreviations spelled out (:func:`_link_key`:
    "Labs", "Intl", "Hldgs", a possessive), without a leading "The", without "&"/"and", without punctuation
    and spaces ("Wal-Mart" is "Walmart"), without a ".com" ending, and without legal forms and holding words at
    its end ("Inc", "Corp", "Co", "Ltd", "Plc", "AG", "SA", "NV", "SE", "SpA", "Holdings", "Group", in any
    number, also in parentheses: "Cheung Kong (Holdings) Ltd"). A name that is only a legal form keeps it
    ("The Limited").

    >>> company_key("Amazon.com Inc"), company_key("AMAZON.COM INC"), company_key("Amazon.com"), company_key("Amazon")
    ('amazon', 'amazon', 'amazon', 'amazon')
    >>> company_key("Cheung Kong (Holdings) Ltd"), company_key("Cheung Kong"), company_key("IVACO"), company_key("Ivaco Inc")
    ('cheungkong', 'cheungkong', 'ivaco', 'ivaco')
    >>> company_key("The Procter & Gamble Co"), company_key("Procter and Gamble"), company_key("MARION LABS")
    ('proctergamble', 'proctergamble', 'marionlaboratories')

    Distinct companies stay apart: the words that tell them apart are never dropped, and a name is never matched
    by its start, so a subsidiary named after its parent ("Ford Motor Credit") is not its parent ("Ford Motor"),
    nor is a country unit in parentheses ("Ford Motor Co (Canada)"):

    >>> [company_key(n) for n in ("General Motors Corp", "General Mills Inc", "Bank of America", "Bank of Montreal")]
    ['generalmotors', 'generalmills', 'bankofamerica', 'bankofmontreal']
    >>> company_key("Ford Motor Co"), company_key("Ford Motor Credit Co"), company_key("Ford Motor Co (Canada)")
    ('fordmotor', 'fordmotorcredit', 'fordmotorcanada')
    >>> company_key("The Limited"), company_key("Limited Inc"), company_key("Société Générale SA")
    ('limited', 'limited', 'societegenerale')

    A partnership's legal form, spelled out or abbreviated, is a legal form too:

    >>> sorted({company_key(n) for n in ("Acme Systems MLP", "Acme Systems Master Limited Partnership",
    ...                                   "Acme Systems L.P.", "ACME SYSTEMS MASTER LP")})
    ['acmesystems']
    """
    text = name.casefold() if name.isascii() else \
        unicodedata.normalize("NFKD", name.replace("’", "'")).encode("ascii", "ignore").decode().casefold()
    if "<" in text:
        text = _KEY_TICKER.sub(" ", text)
    if ".com" in text:
        text = _KEY_DOTCOM.sub("", text)
    inner: list[str] = []
    if "(" in text:
        # A parenthesised legal form is dropped ("(Holdings)"); other parentheses are part of the name
        # ("(Canada)"), put after the name with its legal forms dropped.
        inner = [m for m in _KEY_PAREN.findall(text) if _KEY_DROP.sub("", m) not in _KEY_FORMS]
        text = _KEY_PAREN.sub(" ", text)
    words = _key_words(text)
    if len(words) > 1 and words[0] == "the":
        words = words[1:]
    while len(words) > 1 and (words[-1] in _KEY_FORMS or _partnership_end(words)):
        words[-_partnership_end(words) or -1:] = []
    if inner:
        words += _key_words(" ".join(inner))
    return "".join(words) or " ".join(name.casefold().split())


# A partnership's legal form: "Master Limited Partnership", "Limited Partnership" and their abbreviations ("MLP",
# "LP", "L.P.", "Master LP"): one form however it is written
_PARTNERSHIP_ENDS = (("master", "limited", "partnership"), ("limited", "partnership"), ("master", "lp"), ("mlp",))


def _partnership_end(words: list[str]) -> int:
    """How many of ``words``' last words write a partnership's legal form (0: none; the name keeps one word).

    >>> _partnership_end(["acme", "master", "limited", "partnership"]), _partnership_end(["acme", "mlp"])
    (3, 1)
    >>> _partnership_end(["master", "lp"]), _partnership_end(["acme", "partnership"])
    (0, 0)
    """
    for form in _PARTNERSHIP_ENDS:
        if len(words) > len(form) and tuple(words[-len(form):]) == form:
            return len(form)
    return 0


def _key_words(text: str) -> list[str]:
    """The words of a name with wire abbreviations spelled out (:func:`_link_key`) and punctuation dropped."""
    out = []
    for w in _link_key(" ".join(_KEY_SPLIT.split(text))).split():
        if not w.isalnum():
            w = _KEY_DROP.sub("", w).replace("_", "")
        if w and w != "and":
            out.append(w)
    return out


def slug(name: str) -> str:
    """An IRI-safe identifier from a name.

    >>> slug("Weights & Biases, Inc."), slug("Société Générale")
    ('weights-biases-inc', 'societe-generale')
    """
    ascii_name = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    out = re.sub(r"[^a-z0-9]+", "-", ascii_name.lower()).strip("-")
    return out or "x" + format(abs(hash(name)) % 10**8, "d")


def _fye(value: Any, source: str, cid: str) -> tuple[int, int]:
    if value is None:
        return (12, 31)
    m = re.match(r"^(\d{1,2})-(\d{1,2})$", str(value))
    if not m or not (1 <= int(m.group(1)) <= 12 and 1 <= int(m.group(2)) <= 31):
        raise ConfigError(f"{source}: company '{cid}' has fiscal_year_end '{value}'; use MM-DD, e.g. 06-30")
    return (int(m.group(1)), int(m.group(2)))


@lru_cache(maxsize=8)
def load_registry(extra: str | None = None) -> Registry:
    """The bundled registry merged with ``./claimgraph-companies.toml``, ``$CLAIMGRAPH_COMPANIES`` and ``extra``.

    :raises ConfigError: for an unreadable or invalid registry file.
    """
    text = (resources.files("claimgraph.sources") / "data" / "companies.toml").read_text(encoding="utf-8")
    data = tomllib.loads(text)
    for path in user_files(extra, "CLAIMGRAPH_COMPANIES", "claimgraph-companies.toml"):
        merge_tables(data, _read_toml(Path(path), "company registry", "CLAIMGRAPH_COMPANIES"),
                     append=("aliases", "tickers"))
    companies = {}
    for cid, spec in data.items():
        if not isinstance(spec, dict) or "name" not in spec:
            raise ConfigError(f"company registry: entry '{cid}' needs a name")
        companies[cid] = Company(
            id=cid, name=spec["name"], aliases=tuple(spec.get("aliases", [])),
            tickers=tuple(spec.get("tickers", [])), fiscal_year_end=_fye(spec.get("fiscal_year_end"), "registry", cid),
        )
    return Registry(companies)


_PATTERNS_OF: dict[int, tuple[Registry, LeadGuarded, LeadGuarded | None]] = {}


def _registry_patterns(registry: Registry) -> tuple[LeadGuarded, LeadGuarded | None]:
    """The registry's names and tickers as two compiled patterns, built once per registry."""
    cached = _PATTERNS_OF.get(id(registry))
    if cached is not None and cached[0] is registry:
        return cached[1], cached[2]
    names = sorted({n for c in registry.companies.values() for n in (c.name, *c.aliases)}, key=len, reverse=True)
    named = LeadGuarded(r"(?<![\w&])", "(" + first_char_alternation((n, re.escape(n)) for n in names)
                        + r")(?:'s|’s)?(?![\w&])", "&")
    tickers = sorted(registry.by_ticker, key=len, reverse=True)
    ticked = LeadGuarded(r"(?<![\w$])", "(" + first_char_alternation((t, re.escape(t)) for t in tickers) + r")(?![\w])",
                         "$") if tickers else None
    if len(_PATTERNS_OF) > 16:
        _PATTERNS_OF.clear()
    _PATTERNS_OF[id(registry)] = (registry, named, ticked)
    return named, ticked


class CompanyFinder:
    """Finds company mentions in one article, learning new names as it goes."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        self.found: dict[str, Company] = {}
        self.renamed: dict[str, Company] = {}
        self.people: set[str] = set()
        self.parts: set[str] = set()  # brands, units and divisions of a company the article names (``learn_parts``)
        self.known_as: dict[str, str] = {}  # a second name the article gives a company ("known as Foxconn"): the first
        # companies whose name was given whole, with its legal form, in a wire headline ("INTERMEDICS INC"): a body
        # name that adds a word to it is another company ("Intermedics Intraocular Inc", a subsidiary)
        self.complete: set[str] = set()
        self._names, self._tickers = _registry_patterns(registry)

    def plausible(self, name: str) -> bool:
        """Whether ``name`` can be a company's name (not a stop word, a role or a generic noun)."""
        words = name.split()
        return bool(words) and words[0] not in _NOT_NAMES and words[0].lower() not in _STOP_LEAD \
            and not all(w.lower() in _ROLE_WORDS for w in words)

    def company(self, name: str, ticker: str | None = None) -> Company | None:
        """The company of a name (and ticker): the registry's, one found earlier in the article, or a new one."""
        return self._company(name, ticker)

    def _company(self, name: str, ticker: str | None = None) -> Company | None:
        # ("Macy's" keeps its apostrophe; "Wipro's profit" and "Goldman Sachs' (GS.N) earnings" lose the possessive)
        name = re.sub(r"(?:'s|’s|(?<=s)['’]|(?<=[A-Z])['’]S)$", "", name.strip(" ,.")).strip()  # ("WOOLWORTH'S")
        words = name.split()
        while words and words[0].lower() in _STOP_LEAD:
            words.pop(0)
        if len(words) > 1 and _KIND_LEAD.fullmatch(words[0]):
            words.pop(0)  # "Reinsurer Halvorsen Re AG said", "Toolmaker Verrick Inc": what the company is, no name
        if not words:
            return None
        if len(words) > 2 and words[0].lower() in _ROLE_WORDS and "of" in words[1:-1]:
            # "Analyst James Voytko of PaineWebber Group Inc": the firm after the person, not the three together
            words = words[len(words) - 1 - words[::-1].index("of") + 1:]
        name = " ".join(words)
        if ticker and ticker in self.registry.by_ticker:
            return self.registry.companies[self.registry.by_ticker[ticker]]
        known = self.registry.lookup(name)
        if known is not None:
            return known
        if self.known_as and (first := self.known_as.get(_link_key(_name_key(name)))) is not None \
                and first != name:
            return self._company(first)  # "Foxconn" after "Hon Hai Precision Industry Co Ltd, known as Foxconn"
        short = _name_key(name)
        if not short or name in _NOT_NAMES or name in _GENERIC_ALONE or (len(short) < 2 and name != ticker) \
                or ("/" in name and not re.search(rf"\b(?:{LEGAL_FORMS})\b\.?$", name)) or is_place(name):
            # (a slash joins two names only in a company's own name with its legal form, "Capital Cities/ABC Inc",
            # not a wire column's label: "WALL STREET STOCKS/AMES DEPT STORES <ADS>")
            return None
        if self.people and not ticker and not re.search(rf"\b(?:{LEGAL_FORMS})\b\.?$", name):
            tokens = [w.lower().strip(".,") for w in words]
            if tokens[-1] in self.people or all(t in self.people for t in tokens):
                return None  # a person named in the article ("De Groote said")
        if all(w.lower() in _ROLE_WORDS for w in words):
            return None
        if (central := _CENTRAL_BANK.match(name)) is not None and (central.group(1) or (
                is_country(central.group(2)) and central.group(2).lower() != "america")):
            return None  # "Bank of England", "Reserve Bank of India": a central bank, no company ("Bank of America" is)
        if self.parts and name.lower() in self.parts:
            return None  # "Gucci, its biggest brand": a part of a company, whose figures are not a company's
        if (words[-1].lower() in _INSTITUTION_HEADS or words[0].lower() in _INSTITUTION_LEADS) \
                and not re.search(rf"\b(?:{LEGAL_FORMS})\b\.?$", name):
            return None  # "Commerce Department", "International Cocoa Organization", "China Daily": no company
        display = re.sub(rf",?\s+(?:{STRIP_FORMS})\.?$", "", name, flags=re.IGNORECASE).strip()
        # (all the forms at the end of a name of two words or more: "Minghai Automobile Co Ltd"; "News Corp Ltd"
        # keeps its "Corp")
        if len(whole := re.sub(rf"(?:,?\s+(?:{STRIP_FORMS})\.?)+$", "", name, flags=re.IGNORECASE).split()) >= 2:
            display = " ".join(whole)
        display = _TRAILING_CONNECTOR.sub("", display) or display  # "Morgan Stanley and Co": "Morgan Stanley"
        if display.isupper() and len(display) > 5:
            display = title_case(display)  # "ACME INDUSTRIES" from a wire headline
        short = _link_key(short)
        for company in list(self.found.values()):
            if is_short_form(name, company.name) or any(is_short_form(name, a) for a in company.aliases):
                return company  # "TCS" after "Tata Consultancy Services Ltd", "TSMC" after "... Manufacturing Co"
            if not company.in_registry and (is_short_form(company.name, display) or is_short_form(company.name, name)):
                # a headline's "ICI <ICI>" or "TSMC", then the body's "Imperial Chemical Industries PLC" or "Taiwan
                # Semiconductor Manufacturing Co": the full name is the company's, the initials an alias
                return self._upgrade(company, display, name, ticker)
            known_key = _link_key(_name_key(company.name))
            if known_key == short or known_key.startswith(short + " "):
                if known_key == short and display != company.name and display.replace("’", "'").endswith("'s") \
                        and name != display:
                    return self._upgrade(company, display, name, ticker)  # "Macy" (a headline's), then "Macy's Inc"
                return company  # "Toyota" and "Toyota Motor" are one company
            if short.startswith(known_key + " "):
                if (company.id in self.complete and not _AND_NEXT_NAME.match(short, len(known_key))) \
                        or _NATIONAL_ARM.search(short, len(known_key)):
                    continue  # ("Ford Motor Co of Canada" after "Ford Motor Co": its Canadian company)
                if len(short.split()) == len(known_key.split()) + 1 and not display.isupper():
                    return self._upgrade(company, display, name, ticker)  # "TSENG" is "Tseng Laboratories Inc"
                return company
            if not company.in_registry and company.id not in self.complete and not display.isupper() \
                    and _INITIALS_LEAD.fullmatch(short[:len(short) - len(known_key)]) is not None \
                    and short.endswith(" " + known_key):
                return self._upgrade(company, display, name, ticker)  # a headline's "ACME", then "J.B. Acme Co"
            if not company.in_registry and company.id not in self.complete and not display.isupper() \
                    and spread_within(company.name, display):
                # a headline's "FORD CANADA <FC>", then the body's "Ford Motor Co of Canada Ltd": the full name
                return self._upgrade(company, display, name, ticker)
        company = Company(id=slug(display), name=display, aliases=(name,) if name != display else (),
                          tickers=(ticker,) if ticker else (), in_registry=False)
        self.found[company.id] = company
        return company

    def _upgrade(self, old: Company, display: str, name: str, ticker: str | None) -> Company:
        """The fuller name of a company first seen by a shorter one (a headline's "TSENG", then the body's
        "Tseng Laboratories Inc"): the fuller one becomes its name, the shorter one an alias."""
        aliases = tuple(dict.fromkeys(a for a in (old.name, *old.aliases, name) if a != display))
        tickers = tuple(dict.fromkeys((*old.tickers, *((ticker,) if ticker else ()))))
        new = Company(id=slug(display), name=display, aliases=aliases, tickers=tickers, in_registry=False)
        del self.found[old.id]
        self.found[new.id] = new
        self.renamed[old.id] = new
        return new

    def current(self, company: Company | None) -> Company | None:
        """``company`` under its latest name in this article (see :meth:`_upgrade`)."""
        seen = 0
        while company is not None and company.id in self.renamed and seen < 10:
            company, seen = self.renamed[company.id], seen + 1
        return company

    def learn_people(self, text: str) -> None:
        """Remember the people an article names, so that their names are never taken for companies."""
        before = _PERSON_BEFORE_ROLE.finditer(text) if _ROLE_AFTER_COMMA_NEEDS.search(text) else iter(())
        for matches in (_PERSON_AFTER_ROLE_SCAN.finditer(text), before):
            for m in matches:
                # ("said CFO Martina Keller. Ruhrwerk continues": the name ends with its sentence)
                name = re.split(r"(?<=[a-z]{2})\.[ \t]", m.group(1), maxsplit=1)[0]
                words = [re.sub(r"['’]s?$", "", w) for w in re.split(r"[ \t]+", name) if w[:1].isupper()]
                # ("Mr. Warner said", "President Reagan's budget": a surname alone after an honorific or a title of
                # office is a person's)
                least = 1 if _HONORIFIC.match(m.group(0)) or _OFFICE_TITLE.match(m.group(0)) else 2
                if least <= len(words) <= 4 and not re.search(rf"\b(?:{LEGAL_FORMS})\b", m.group(1)) \
                        and self.registry.lookup(m.group(1)) is None:
                    self.people.update(w.lower().strip(".,") for w in words)

    def learn_parts(self, text: str) -> None:
        """Remember the names the article gives as a company's brand, unit or division ("Gucci, its biggest brand",
        "Waymo, Alphabet's self-driving unit", "its Jeep brand", "its cloud unit, Google Cloud"), so that they are
        never taken for companies. A name with a legal form ("its subsidiary Acme Bank Ltd") stays a company.

        >>> f = CompanyFinder(load_registry())
        >>> f.learn_parts("Kering said sales at Gucci, its biggest brand, fell. Its Bottega Veneta label grew.")
        >>> sorted(f.parts)
        ['bottega veneta', 'gucci']
        """
        # (each pattern runs only around a part noun it could end or start at: a name-led scan of the whole text
        # cost a millisecond)
        for start, end in _part_nouns(text):
            before = text[max(0, start - 60):start]
            if not _PART_OWNER_NEAR.search(before):
                continue  # (every pattern has "its", "their" or a possessive shortly before the noun)
            patterns = [p for p, possible in (
                (_PART_APPOSITIVE, ", " in before), (_PART_NAMED, _CAPITAL_WORD_END.search(before) is not None),
                (_PART_AFTER_NOUN, _CAPITAL_NEXT.match(text, end) is not None)) if possible]
            for m in (m for pattern in patterns for m in pattern.finditer(text, max(0, start - 110),
                                                                          min(len(text), end + 70))):
                if _PART_DEAL.search(text, max(0, m.start() - 40), m.start()):
                    continue  # "agreed to sell its Marlow Logistics unit": a company of its own in a deal
                name = m.group("name").strip()
                if len(name) > 1 and not re.search(rf"\b(?:{LEGAL_FORMS})\b\.?$", name) \
                        and self.registry.lookup(name) is None and self.plausible(name) and not is_place(name):
                    self.parts.add(name.lower())

    def learn_known_as(self, text: str) -> None:
        """Remember a second name the article gives a company ("Hon Hai Precision Industry Co Ltd, known as
        Foxconn", "Alphabet Inc, Google's parent" is not one), so that both are one company.

        >>> f = CompanyFinder(load_registry())
        >>> f.learn_known_as("Hon Hai Precision Industry Co Ltd, known as Foxconn, said")
        >>> f.company("Foxconn").name
        'Hon Hai Precision Industry'
        """
        if "known as" not in text and "trading as" not in text and "formerly" not in text:
            return
        for m in _KNOWN_AS.finditer(text):
            first, second = m.group("first").strip(), m.group("second").strip()
            while (bare := re.sub(rf",?\s+(?:{STRIP_FORMS})\.?$", "", first, flags=re.IGNORECASE)) != first:
                first = bare  # ("Hon Hai Precision Industry Co Ltd": both forms)
            if self.plausible(first) and self.plausible(second) and not is_place(second) \
                    and self.registry.lookup(second) is None:
                self.known_as[_link_key(_name_key(second))] = first

    def learn_short_names(self, text: str) -> None:
        """Remember a full legal name the article gives a company already named shortly (by the headline): "Nordische
        Aluminium AG, Nordalu, plans" or "Nordische Aluminium AG <NDAL.Z> (Nordalu)" after "NORDALU SHARES FALL". The
        full name is then that company's, under the short name the headline (and other articles' headlines) use;
        so is a short name (not initials) the article goes on to use.

        >>> f = CompanyFinder(load_registry())
        >>> _ = f.company("Nordalu")
        >>> f.learn_short_names("Nordische Aluminium AG, Nordalu, plans to cut its capital.")
        >>> f.company("Nordische Aluminium AG").name
        'Nordalu'
        """
        if "(" not in text and ", " not in text:
            return
        for m in _short_named(text):
            first, second = m.group("first").strip(), m.group("paren") or m.group("comma")
            key = _link_key(_name_key(second))
            if not key or key == _link_key(_name_key(first)) or second.isupper():
                continue  # (initials, "(CRD)", are the full name's short form already: ``is_short_form``)
            if is_place(second) or second.lower() in _DAY_WORDS or not self.plausible(second):
                continue  # ("Acme Tool Corp, Houston, said": its place, not its name)
            again = re.compile(rf"(?<![\w-]){re.escape(second)}(?![\w-])", re.IGNORECASE)
            if not any(_link_key(_name_key(n)) == key for c in self.found.values() for n in (c.name, *c.aliases)) \
                    and not any(not m.start() <= a.start() < m.end() for a in again.finditer(text)):
                continue  # (a name the article does not go on with is no short name of the company)
            if self.plausible(first) and not is_place(first) and self.registry.lookup(first) is None:
                self.known_as.setdefault(_link_key(_name_key(first)), second)

    def find(self, text: str) -> list[CompanyMention]:
        """All company mentions in ``text``, in order, without overlaps."""
        self.learn_people(text)
        self.learn_parts(text)
        self.learn_known_as(text)
        self.learn_short_names(text)
        raw: list[CompanyMention] = []
        for m in _DEBRIS.finditer(text) if _DEBRIS_NEEDS.search(text) else ():
            c = self._company(m.group(1), m.group(2))
            if c is not None:
                raw.append(CompanyMention(m.start(), m.end(), c, "debris"))
        if "<" in text:
            for m in _ANGLE_TICKER.finditer(text):
                c = self._company(m.group(1), m.group(2))
                if c is not None:
                    raw.append(CompanyMention(m.start(1), m.end(), c, "ticker"))
            for m in _ANGLE_NAME.finditer(text):
                c = self._company(m.group(1)) if self.plausible(m.group(1)) else None
                if c is not None:
                    raw.append(CompanyMention(m.start(1), m.end(1), c, "bracketed"))
        for m in _TICKER_PAREN.finditer(text) if _PAREN_NEEDS.search(text) else ():
            c = self._company(m.group(1), m.group(2))
            if c is not None:
                raw.append(CompanyMention(m.start(1), m.end(), c, "ticker"))
        for m in _legal_forms(text):
            form, name, start = m.group(2), m.group(1), m.start(1)
            if (joined := _PLACE_AND.match(name)) is not None and is_place(joined.group(1)):
                name, start = name[joined.end():], start + joined.end()  # "of France and General Electric Co"
            if (owner := _PLACE_OWNS.match(name)) is not None and is_place(owner.group(1)):
                name, start = name[owner.end():], start + owner.end()  # "South Korea's Hanseong Chemical Co Ltd"
            if ". " in name and (cut := _SENTENCE_END_IN.search(name)) is not None:
                name, start = name[cut.end():], start + cut.end()  # "in New York. Acme Corp shares fell"
            # ("Macy's Inc", "McDonald's Corp": a possessive before the legal form is the name's own)
            own = name.endswith(("'s", "’s"))
            c = self._company(name if re.fullmatch(STRIP_FORMS, form) and not own and "/" not in name
                              else f"{name} {form}")
            if c is not None:
                raw.append(CompanyMention(start, m.end(), c, "legal_form"))
                if _link_key(_name_key(c.name)) == _link_key(_name_key(name)):
                    # "Canadian Pacific Ltd's principal aim ... sold Canadian Pacific Airlines Ltd": a name given with
                    # its legal form is the whole name; a longer one starting with it is another company (a unit)
                    self.complete.add(c.id)
        for m in self._names.finditer(text):
            c = self.registry.lookup(m.group(1))
            if c is not None:
                raw.append(CompanyMention(m.start(1), m.end(1), c, "registry"))
        if self._tickers is not None:
            for m in self._tickers.finditer(text):
                c = self.registry.companies[self.registry.by_ticker[m.group(1)]]
                raw.append(CompanyMention(m.start(), m.end(), c, "ticker"))
        lead = _LEAD_REPORTING_SCAN.finditer(text, text) if _LEAD_REPORTING_NEEDS.search(text) else ()
        for m in itertools.chain(_reporting(text), lead):
            name, start = m.group(1), m.start(1)
            if name.split()[0].lower() in _DAY_WORDS:
                continue  # "Tristate Utilities Inc. Tuesday reported": the day of the verb, not its subject
            if (owner := _PLACE_OWNS.match(name)) is not None and is_place(owner.group(1)):
                name, start = name[owner.end():], start + owner.end()  # "Germany's Brandholt AG said"
            c = self._company(name)
            if c is not None:
                raw.append(CompanyMention(start, m.end(1), c, "reporting_verb"))
        # (only in a market report: a trade report's "Re-exports fell 11.6 pct" or a call's "Americas rose 5%" is no
        # company's move)
        movers = _MOVER.finditer(text) if _market_report(text) else ()
        for m in movers:
            name = m.group(1)
            # (a common noun at a sentence's start is written in lower case elsewhere: "Revenues rose 5%" beside
            # "revenues"; a money-supply line's "Total M2" holds a digit)
            if any(w.strip(".") in _MARKET_WORDS for w in re.split(r"[\s-]+", name.lower())) or name.endswith(("'s", "’s")) \
                    or any(ch.isdigit() for ch in name) or not self.plausible(name) or is_place(name) \
                    or _REGION_WORD.match(name) or name.split()[0].lower() in _TIME_WORDS \
                    or re.search(rf"(?<![\w-]){re.escape(name.split()[0].lower())}(?![\w-])", text) is not None:
                continue
            c = self._company(name)
            if c is not None:
                raw.append(CompanyMention(m.start(1), m.end(1), c, "reporting_verb"))
        for m in _DEAL_OBJECT_SCAN.finditer(text) if _deal_object_possible(text) else ():
            # "to buy Pinecrest Bakeries for $1.2 billion", "its takeover of Lakeshore Networks": the target
            name = m.group(1)
            if name.endswith(("'s", "’s")) or not self.plausible(name) or is_place(name) or _REGION_WORD.match(name) \
                    or (re.fullmatch(r"[A-Z][a-z]+(?:an|ese|ish|ch|i|ic)", name) is not None
                        and _DESCRIBED_NAME_AFTER.match(text, m.end(1))):
                continue  # ("a stake in Uruguayan rival Carnes del Plata": an adjective of the description)
            c = self._company(name)
            if c is not None:
                raw.append(CompanyMention(m.start(1), m.end(1), c, "deal"))
        for m in _UNIT_OF_SCAN.finditer(text, text) if " of" in text else ():
            name = m.group(1).strip()
            c = self._company(name) if self.plausible(name) and not _REGION_WORD.match(name) else None
            if c is not None:  # "the Delta Pump unit of Gamma Industries Inc": a company of its own
                raw.append(CompanyMention(m.start(1), m.start(1) + len(name), c, "unit"))
        for m in _YEAR_FOR.finditer(text) if " year for " in text else ():
            # "Fiscal 2025 was another strong year for Kittering Brands." (a letter to shareholders)
            c = self._company(m.group(1)) if self.plausible(m.group(1)) and not is_place(m.group(1)) else None
            if c is not None:
                raw.append(CompanyMention(m.start(1), m.end(1), c, "reporting_verb"))
        raw.extend(self._learned(text))
        raw.extend(self._possessives(text, raw))
        return _without_overlaps(raw)

    def _possessives(self, text: str, known: list[CompanyMention]) -> list[CompanyMention]:
        """Names in the possessive before a financial noun ("Wipro's profit") that no other mention covers, and
        their other mentions in the text."""
        out: list[CompanyMention] = []
        before = set(self.found)
        for tail in _POSSESSIVE_TAIL.finditer(text) if "s" in text and ("'" in text or "’" in text) else ():
            m = _POSSESSIVE_NAME.search(text, max(0, tail.start() - 80), tail.start())
            if m is None:
                continue
            words = m.group(1).split()
            if words[0].lower() in _TIME_WORDS or words[-1].lower() in _TIME_WORDS or not self.plausible(m.group(1)) \
                    or any(k.start < m.end(1) and m.start(1) < k.end for k in known):
                continue
            c = self._company(m.group(1))
            if c is not None:
                out.append(CompanyMention(m.start(1), m.end(1), c, "possessive"))
        for m in _RIVAL_SCAN.finditer(text) if _rival_possible(text) else ():
            # "while rival Pret A Manger, which is privately owned, said sales rose 9pc": a company by what it is
            words = m.group(1).split()
            if words[0] in _NOT_NAMES or words[-1].lower() in _TIME_WORDS or not self.plausible(m.group(1)) \
                    or is_place(m.group(1)) or any(k.start < m.end(1) and m.start(1) < k.end for k in [*known, *out]) \
                    or ((m.group(0)[0] in "cs" or "," in m.group(0)) and not _OWN_REPORT_AFTER.match(text, m.end(1))):
                continue
            c = self._company(m.group(1))
            if c is not None:
                out.append(CompanyMention(m.start(1), m.end(1), c, "possessive"))
        for m in _holders(text):  # (nothing without has/had/made/ended, which _holders looks for first)
            # "Northern Engineering had sales of approximately 6.5 mln dlrs", "In 1986, Pneumo Abex had operating
            # income of": a company named as the holder of a result, without a legal form or a reporting verb
            words = m.group(1).split()
            if words[0].lower() in _TIME_WORDS or words[-1].lower() in _TIME_WORDS or words[0] in _NOT_NAMES \
                    or not self.plausible(m.group(1)) or is_place(m.group(1)) \
                    or any(k.start < m.end(1) and m.start(1) < k.end for k in [*known, *out]):
                continue
            c = self._company(m.group(1))
            if c is not None:
                out.append(CompanyMention(m.start(1), m.end(1), c, "possessive"))
        for m in _antecedents(text):
            # "We exited Wexford Brands after it cut its guidance": the company "it" stands for, by what it did
            words = m.group(1).split()
            if words[0] in _NOT_NAMES or words[0].lower() in _TIME_WORDS or words[-1].lower() in _TIME_WORDS \
                    or not self.plausible(m.group(1)) or is_place(m.group(1)) \
                    or any(k.start < m.end(1) and m.start(1) < k.end for k in [*known, *out]):
                continue
            c = self._company(m.group(1))
            if c is not None:
                out.append(CompanyMention(m.start(1), m.end(1), c, "possessive"))
        for m in _TARGET_ON.finditer(text) if _target_possible(text) else ():
            # "Jefferies raised its price target on Burberry": Burberry, not the broker
            words = m.group(1).split()
            if words[0] in _NOT_NAMES or words[0].lower() in _TIME_WORDS or not self.plausible(m.group(1)) \
                    or is_place(m.group(1)) or any(k.start < m.end(1) and m.start(1) < k.end for k in [*known, *out]):
                continue
            c = self._company(m.group(1))
            if c is not None:
                out.append(CompanyMention(m.start(1), m.end(1), c, "possessive"))
        for m in _SHARES_OF.finditer(text) if "hares " in text else ():
            # "Shares of Foxconn closed up 0.5%": the company whose stock moved
            words = m.group(1).split()
            if words[0].lower() in _TIME_WORDS or not self.plausible(m.group(1)) \
                    or any(k.start < m.end(1) and m.start(1) < k.end for k in [*known, *out]):
                continue
            c = self._company(m.group(1))
            if c is not None:
                out.append(CompanyMention(m.start(1), m.end(1), c, "possessive"))
        for cid in set(self.found) - before:
            company = self.found[cid]
            out.extend(CompanyMention(a, b, company, "alias") for a, b in _whole_word_spans(company.name, text))
        return out

    def _learned(self, text: str) -> list[CompanyMention]:
        """Later mentions of the companies found so far, by name, alias, or the short form the article gave in
        parentheses ("Cie de Raffinage-Distribution (CRD)", then "CRD's sales")."""
        out: list[CompanyMention] = []
        for company in self.found.values():
            short = (t for t in company.tickers if _SHORT_FORM.fullmatch(t) and t not in _NOT_NAMES)
            first = _first_word(company)
            for name in {company.name, *company.aliases, *short}:
                # (a one-word name that a capitalised word goes on from, "rival Haldane Trucks said" after "Haldane
                # reported", is read whole by the scans below)
                out.extend(CompanyMention(a, b, company, "alias") for a, b in _whole_word_spans(name, text)
                           if " " in name or name != company.name or not _longer_name(text, b))
            if first:  # (not the first word of a longer name: "Kongsberg Drafting's sales" is read whole)
                out.extend(CompanyMention(a, b, company, "alias") for a, b in _whole_word_spans(first, text)
                           if not _NAME_GOES_ON.match(text, b))
        return out


_SHORT_FORM = re.compile(r"[A-Z][A-Z&]{1,5}")


_WORD_AT = re.compile(r"[\w&'’.-]+")


def _longer_name(text: str, end: int) -> bool:
    """Whether a capitalised word that is no day, month or legal form follows ``end`` ("Haldane Trucks")."""
    m = _NAME_GOES_ON.match(text, end)
    if m is None:
        return False
    word = _WORD_AT.match(text, m.end() - 1)
    w = word.group(0).strip(".") if word else ""
    return w.lower() not in _DAY_WORDS and w.lower() not in _TIME_WORDS \
        and re.fullmatch(rf"(?:{LEGAL_FORMS}|{STRIP_FORMS})", w) is None


# the company a deal is for, named after its verb or noun: "would acquire Pinecrest Bakeries in a deal", "agreed to
# buy Lakeshore Networks", "takeover of Superdrug"
_DEAL_OBJECT = re.compile(
    r"\b(?:acquire|acquires|acquired|acquiring|buy|buys|buying|bought|purchase|purchases|purchased|merge\s+with|"
    r"(?:takeover|acquisition|purchase|buyout)\s+of|(?:bid|offer)\s+for|stake\s+in|"
    # "agreed to sell its Marlow Logistics unit to": the unit sold, a company of its own
    r"(?:sell|sells|selling|sold|spin\s+off|spins\s+off|spun\s+off|divest|divests|divested)(?=[ \t]+its[ \t]+[A-Z])"
    r"(?:[ \t]+its)?)[ \t]+(?:(?:U\.S\.|U\.K\.)[ \t]+(?=rival\b))?(?:rival[ \t]+)?"  # ("buy U.S. rival Pell Gases")
    r"([A-Z][\w&'’.-]*[A-Za-z0-9](?:[ \t]+(?:[A-Z][\w&'’.-]*[A-Za-z0-9]|&)){0,3})")
# a description and the name after a deal's first capitalised word, a nationality's adjective: "stake in Uruguayan
# rival Carnes", "acquire Dutch sensor maker Vreeland" (not "acquire Vreeland from Halvard", "a stake in Ragutis
# through A. Le Coq")
_DESCRIBED_NAME_AFTER = re.compile(r"(?:[ \t]+(?!(?:for|from|in|at|to|and|with|on|by|as|of|or|the|a|an|its|their|which|"
                                   r"that|who|said|says|will|would|last|this|next|earlier|later)\b)[a-z][\w-]*){1,3}"
                                   r"[ \t]+[A-Z]")
# (a gate: one of these in the lower-cased text, looked for as substrings; a case-blind alternation scanned slowly)
_DEAL_OBJECT_WORDS = ("acqui", "buy", "bought", "purchas", "merge", "takeover", "bid", "offer", "stake", "sell", "sold",
                      "spin", "spun", "divest")


# (the same matches, tried only where one of the verbs or nouns is: 3x faster on real 5 KB articles)
_DEAL_OBJECT_SCAN = LiteralStarts(_DEAL_OBJECT)


def _deal_object_possible(text: str) -> bool:
    """Whether ``text`` may hold a deal's object (cheap: substrings of the lower-cased text)."""
    low = text.lower()
    return any(w in low for w in _DEAL_OBJECT_WORDS)
# the first word of a company's name that stands for it later in an article ("Pinecrest Bakeries" then "Pinecrest,
# which is owned by ..., generated revenue of"; "Lakeshore Networks Ltd." then "Lakeshore, based in Kingston,
# reported"), unless it is a word many names start with
_NAME_GOES_ON = re.compile(r"[ \t]+[A-Z]")
_DISTINCT_FIRST = re.compile(r"[A-Z][a-z][a-z-]{2,}")
_GENERIC_FIRST = frozenset({
    "general", "american", "national", "united", "first", "international", "royal", "new", "great", "british",
    "canadian", "pacific", "atlantic", "western", "eastern", "northern", "southern", "north", "south", "east", "west",
    "central", "continental", "federal", "standard", "global", "world", "european", "asian", "japan", "china",
    "china's", "mutual", "citizens", "security", "commercial", "industrial", "public", "southwest", "northwest",
    "southeast", "northeast", "midwest", "metropolitan", "community", "home", "union", "allied", "consolidated",
    "associated", "universal", "capital", "financial", "investors", "peoples", "people's", "farmers", "merchants",
    "texas", "florida", "california", "bank", "banco", "banque", "compagnie", "societe", "cie", "grupo",
    "deutsche", "nippon", "korea", "hong", "san", "santa", "saint", "fort", "port", "lake", "mount", "old", "big",
    "little", "red", "blue", "green", "black", "white", "golden", "silver", "star", "sun", "city", "state", "county",
    "energy", "power", "oil", "gas", "petroleum", "steel", "mining", "resources", "health", "medical", "data",
    "digital", "advanced", "applied", "integrated", "technology", "technologies", "systems", "computer", "air",
    "american's", "premier", "prime", "summit", "pioneer", "liberty", "heritage", "frontier", "atlas", "delta",
    "alpha", "omega", "apex", "top", "best", "telecom", "media", "trans", "inter", "euro", "the",
})


def _first_word(company: Company) -> str | None:
    """The distinct first word of a company's name found in the text (see ``_DISTINCT_FIRST``), else None."""
    if company.in_registry:
        return None
    words = company.name.split()
    if len(words) < 2 or not _DISTINCT_FIRST.fullmatch(words[0]) or words[0].lower() in _GENERIC_FIRST \
            or words[1][:1].islower() or is_place(words[0]):
        return None
    return words[0]
# "the Delta Pump unit of", "its Booker wholesale arm" is a segment (lower-case words), not this
_UNIT_OF = re.compile(r"\bthe[ \t]+((?:[A-Z][\w&'’.-]*[ \t]+){1,4}?)(?:unit|division|subsidiary|affiliate)[ \t]+of\b")
# a year as the subject of a sentence about a company ("2024 was a year of progress for Marlowe & Finch Holdings.")
_YEAR_FOR = re.compile(r"(?:^|[.;:]\s+|\n)(?:[Ff]iscal\s+)?(?:19|20)\d\d\s+(?:was|has\s+been)\s+(?:a|an|another)\s+"
                       r"[^.;\n]{0,40}?\byear\s+for\s+([A-Z][\w&'’.-]*[A-Za-z0-9](?:[ \t]+(?:&[ \t]+)?[A-Z][\w&'’.-]*"
                       r"[A-Za-z0-9]){0,3})(?=[ \t]*[.,;])")
_UNIT_OF_SCAN = Scanner(_UNIT_OF)  # (led by "the": a fast scan)
_REGION_WORD = re.compile(r"(?:North|South|East|West|Central|Northern|Southern|Eastern|Western|European|Asian|"
                          r"American|U\.?S\.?|UK|International|Domestic|Global|Latin|Pacific|Canadian|Japanese|"
                          r"Chinese|German|French|British)\b")
_SENTENCE_END_IN = re.compile(r"^.*(?<![A-Z])(?<!\bBros)(?<!\bMfg)(?<!\bIntl)(?<!\bNatl)(?<!\bAssn)(?<!\bDept)"
                              r"(?<=[a-z]{2})\.[ \t]+(?=[A-Z])")
_PLACE_OWNS = re.compile(r"([A-Z][\w.-]*(?:[ \t]+[A-Z][\w.-]*)?)['’]s[ \t]+(?=[A-Z])")
_PLACE_AND = re.compile(r"([A-Z][\w.'’-]*(?:[ \t]+[A-Z][\w.'’-]*)?)[ \t]+and[ \t]+(?=[A-Z])")


# "Hon Hai Precision Industry Co Ltd, known as Foxconn", "(also known as Foxconn)", "trading as", "formerly"
_KNOWN_AS = re.compile(rf"(?P<first>{_NAME_RE}(?:,?[ \t]+(?:{factored(LEGAL_FORMS)})\.?)*)[ \t]*[,(][ \t]*"
                       r"(?:(?:also|better|commonly|widely|popularly)[ \t]+)?(?:known[ \t]+as|trading[ \t]+as|"
                       r"formerly(?:[ \t]+known[ \t]+as)?)[ \t]+(?:the[ \t]+)?"
                       r"(?P<second>[A-Z][\w&'’.-]*(?:[ \t]+[A-Z][\w&'’.-]*){0,3})")
# (a complete name followed by "and" starts a list of companies, "deals with Hooli and Vandelay Industries", not a unit's
# longer name)
_AND_NEXT_NAME = re.compile(r" (?:and|&) ")
# a full legal name and the short one the article goes on with, in brackets or set off by commas, after its ticker:
# "Nordische Aluminium AG <NDAL.Z> (Nordalu)", "Nordische Aluminium AG, Nordalu, said"
_SHORT_NAMED = re.compile(rf"(?P<first>{_NAME_RE})(?:,?[ \t]+(?:{factored(LEGAL_FORMS)})\.?)+[ \t]*"
                          r"(?:<[^<>\n]{1,12}>[ \t]*)?(?:\((?P<paren>[A-Z][\w&'’-]+)\)|,[ \t]+(?P<comma>[A-Z][\w&'’-]+),)")
_CENTRAL_BANK = re.compile(r"(?:(Reserve|Central|People['’]s|Federal[ \t]+Reserve)[ \t]+)?Bank[ \t]+of[ \t]+"
                           r"(?:the[ \t]+)?([A-Z][\w .'’-]*)$")
# a brand, unit or division named as a company's part (``CompanyFinder.learn_parts``)
_PART_NOUNS = ("brand", "label", "unit", "division", "subsidiary", "arm", "chain", "segment", "franchise", "studio",
               "imprint", "marque")
_PART_NOUN = rf"(?:{'|'.join(_PART_NOUNS)})s?\b"
_CAPITAL_WORD_END = re.compile(r"[A-Z][\w&'’.-]*[ \t]+$")
_CAPITAL_NEXT = re.compile(r",?[ \t]+[A-Z]")
_PART_OWNER_NEAR = re.compile(r"\b(?:[Ii]ts|[Tt]heir)\b|['’]s?\s")


def _part_nouns(text: str) -> list[tuple[int, int]]:
    """Where the part nouns (and their plurals) stand as words in ``text``, in order (found with ``str.find``: a
    regular expression of the alternation tried every position of a transcript, 0.7 ms).

    >>> _part_nouns("its Jeep brand and two units, not the army")
    [(9, 14), (23, 28)]
    """
    out = []
    for noun in _PART_NOUNS:
        i = text.find(noun)
        while i >= 0:
            end = i + len(noun)
            if end < len(text) and text[end] == "s":
                end += 1
            if (i == 0 or not (text[i - 1].isalnum() or text[i - 1] in "_-")) \
                    and (end == len(text) or not (text[end].isalnum() or text[end] in "_-")):
                out.append((i, end))
            i = text.find(noun, i + 1)
    return sorted(out)
_PART_NAME = r"(?P<name>[A-Z][\w&'’.-]*(?:[ \t]+[A-Z][\w&'’.-]*){0,3})"
_PART_OWNER = r"(?:[Ii]ts|[Tt]heir|the[ \t]+(?:company|group|firm)['’]s|[A-Z][\w&.-]*(?:[ \t]+[A-Z][\w&.-]*){0,2}['’]s?)"
# "Gucci, its biggest brand", "Waymo, Alphabet's self-driving unit"
_PART_APPOSITIVE = re.compile(rf"{_PART_NAME},[ \t]+{_PART_OWNER}[ \t]+(?:[\w-]+[ \t]+){{0,3}}?{_PART_NOUN}")
# "its Jeep brand", "its luxury Gucci label", "Kering's Bottega Veneta label"
_PART_NAMED = re.compile(rf"{_PART_OWNER}[ \t]+(?:[a-z][\w-]*[ \t]+){{0,2}}{_PART_NAME}[ \t]+{_PART_NOUN}")
_PART_DEAL = re.compile(r"(?i)\b(?:sell|sells|selling|sold|sale|buy|buys|bought|acquir\w+|spin\w*|spun|divest\w*|"
                        r"dispos\w+|float\w*|list(?:ing)?|merg\w+|carve\w*|separat\w+|IPO|offer\w*)\b[^.;]*$")
# "its cloud unit, Google Cloud", "its subsidiary Acme Bank"
_PART_AFTER_NOUN = re.compile(rf"\b(?:[Ii]ts|[Tt]heir)[ \t]+(?:[a-z][\w-]*[ \t]+){{0,2}}{_PART_NOUN},?[ \t]+{_PART_NAME}")


def _has_legal_form(text: str) -> bool:
    """Whether ``text`` has a legal form right after a space or a tab, as every match of ``_LEGAL`` has (a cheap
    test before that scan, which tries a name at every capital letter). A form holds no space, so no form that
    follows one can start inside another form's match.

    >>> _has_legal_form("Acme Corp."), _has_legal_form("AcmeCorp and Incas")
    (True, False)
    """
    return any(m.start() and text[m.start() - 1] in " \t" for m in _LEGAL_FORM.finditer(text))


def _legal_forms(text: str) -> list[re.Match[str]]:
    """``_LEGAL.finditer(text)``, found faster: a match (a name and its legal form) holds no line break, and its form
    follows a space or a tab, so only the lines with such a form are scanned (the scan tried a name at every capital
    letter of the article).

    >>> [m.group(1) for m in _legal_forms("Revenue rose.\\nAcme Widgets Corp said\\nand Beta AG, too")]
    ['Acme Widgets', 'Beta']
    """
    return _on_form_lines(_LEGAL, text)


_SPACED_FORMS: tuple[str, list[re.Match[str]]] = ("", [])  # (the latest text, its forms after a space or a tab)


def _spaced_forms(text: str) -> list[re.Match[str]]:
    """The matches of ``_LEGAL_FORM`` in ``text`` right after a space or a tab, found once for a text (the short
    names and the legal-form names of ``CompanyFinder.find`` both need them).

    >>> [m.group() for m in _spaced_forms("AcmeCorp and Beta Inc, Gamma\\tAG")]
    ['Inc', 'AG']
    """
    global _SPACED_FORMS
    if _SPACED_FORMS[0] is not text:
        _SPACED_FORMS = (text, [m for m in _LEGAL_FORM.finditer(text) if m.start() and text[m.start() - 1] in " \t"])
    return _SPACED_FORMS[1]


def _on_form_lines(pattern: re.Pattern[str], text: str) -> list[re.Match[str]]:
    """``pattern.finditer(text)`` as a list, for a pattern whose every match holds a legal form right after a space
    or a tab and never reads a line break: only the lines with such a form are scanned."""
    out: list[re.Match[str]] = []
    line_end = -1
    for form in _spaced_forms(text):
        at = form.start()
        if at < line_end:
            continue  # (its line already scanned)
        line_start = text.rfind("\n", 0, at) + 1
        line_end = text.find("\n", at)
        if line_end < 0:
            line_end = len(text)
        out.extend(pattern.finditer(text, line_start, line_end))
    return out


def _short_named(text: str) -> list[re.Match[str]]:
    """``_SHORT_NAMED.finditer(text)`` as a list, found faster: a match holds a legal form right after a space or a
    tab and no line break (but for a form "Building\\nSociety", when the whole text is scanned), so only the lines
    with such a form are scanned (the scan tried a name at every capital letter of the article, 0.2 ms).

    >>> [m.group("first", "comma") for m in _short_named("Sales rose.\\nNordische Aluminium AG, Nordalu, said")]
    [('Nordische Aluminium', 'Nordalu')]
    """
    if any("\n" in form.group() for form in _spaced_forms(text)):
        return list(_SHORT_NAMED.finditer(text))
    return _on_form_lines(_SHORT_NAMED, text)


def initials(name: str) -> str:
    """The initials of a name of several capitalised words, connectors left out ("Tata Consultancy Services":
    "TCS"), "" for a single word.

    >>> initials("Tata Consultancy Services"), initials("Bank of British Columbia"), initials("Infosys")
    ('TCS', 'BBC', '')
    """
    words = [w for w in name.split() if w[:1].isupper()]
    return "".join(w[0] for w in words) if len(words) >= 2 else ""


_INITIALS_LEAD = re.compile(r"(?:[a-z]\.\s?)+\s")  # a name's leading initials, as keyed ("j.b. ", "j. b. ")
# the words after a known company's name that make another one, its arm in a country: "Ford Motor Co of Canada"
_NATIONAL_ARM = re.compile(r"\s(?:(?:co|company|corp|corporation|inc)\s+)?of\s+(?!america\b)[a-z]+(?:\s+[a-z]+)?$")


def spread_within(short: str, full: str) -> bool:
    """Whether the words of ``short`` (two or more) are words of ``full`` in the same order, ``full`` has more of
    them, and both start and end on the same word: a wire headline's shortening ("Ford Canada" of "Ford Motor Co of
    Canada", "Bank Montreal" of "Bank of Montreal").

    >>> spread_within("Ford Canada", "Ford Motor Co of Canada"), spread_within("Ford Canada", "Ford Motor Co")
    (True, False)
    >>> spread_within("Acme", "Acme Foods"), spread_within("Acme Foods", "Acme Frozen Foods")
    (False, True)
    """
    a, b = short.lower().split(), full.lower().split()
    if len(a) < 2 or len(b) <= len(a) or a[0] != b[0] or a[-1] != b[-1]:
        return False
    rest = iter(b[1:-1])
    return all(w in rest for w in a[1:-1])


def is_short_form(name: str, full: str) -> bool:
    """Whether ``name`` is the initials of ``full`` written in capitals ("TCS" of "Tata Consultancy Services")."""
    return 2 <= len(name) <= 5 and name.isalpha() and name.isupper() and (
        initials(full) == name or _particle_initials(full) == name)


def _particle_initials(name: str) -> str:
    """The initials of a name with the particles some languages write into them ("Bank fuer Gemeinwirtschaft":
    "BFG", as "BfG"), "" when it has none.

    >>> _particle_initials("Bank fuer Gemeinwirtschaft"), _particle_initials("Bank of Boston")
    ('BFG', '')
    """
    words = name.split()
    if not any(w.lower() in _INITIAL_PARTICLES for w in words):
        return ""
    return "".join(w[0].upper() for w in words if w[:1].isupper() or w.lower() in _INITIAL_PARTICLES)


_INITIAL_PARTICLES = {"fuer", "für", "voor"}  # (German, Dutch: "for"; their abbreviations keep them: "BfG")


def _is_word_char(ch: str) -> bool:
    """What ``\\w`` or ``&`` matches in a str pattern."""
    return ch.isalnum() or ch in "_&"


def _whole_word_spans(name: str, text: str) -> list[tuple[int, int]]:
    """Where ``name`` occurs in ``text`` with no word character or "&" on either side: the matches of
    ``(?<![\\w&])NAME(?![\\w&])``, found with ``str.find`` (no pattern to compile for every new name).

    >>> _whole_word_spans("Acme", "Acme, AcmeCo and Acme& Acme")
    [(0, 4), (23, 27)]
    """
    if not name:
        return [(m.start(), m.end()) for m in re.finditer(r"(?<![\w&])(?![\w&])", text)]
    out = []
    n, pos = len(name), text.find(name)
    while pos >= 0:
        end = pos + n
        if (pos == 0 or not _is_word_char(text[pos - 1])) and (end == len(text) or not _is_word_char(text[end])):
            out.append((pos, end))
            pos = text.find(name, end)
        else:
            pos = text.find(name, pos + 1)
    return out


def _without_overlaps(mentions: list[CompanyMention]) -> list[CompanyMention]:
    mentions.sort(key=lambda m: (m.start, -(m.end - m.start)))
    out: list[CompanyMention] = []
    for m in mentions:
        if out and m.start < out[-1].end:
            continue
        out.append(m)
    return out


# a company named as where a commentator works ("said Park Sin-bom, a director of Lucky Securities Co", "analyst Jane
# Doe at Orbit Capital Markets", "economists at Harbor Bank"): the speaker's firm, not what the article is about
_AFFILIATION_BEFORE = re.compile(
    r"\b(?:analysts?|economists?|strategists?|traders?|dealers?|brokers?|(?:portfolio|fund)\s+managers?|"
    r"an?\s+director|an?\s+(?:senior\s+)?(?:vice\s+president|partner))(?:[ \t]+[A-Z][\w'’.-]+){0,3},?[ \t]+"
    r"(?:of|at|with|from)[ \t]+(?:the[ \t]+)?$", re.IGNORECASE)


# (the same named together with the person: "Analyst James Voytko of PaineWebber Group Inc")
_AFFILIATION_LED = re.compile(r"(?:analysts?|economists?|strategists?)(?:[ \t]+[A-Z][\w'’.-]+){1,3}[ \t]+(?:of|at|with)[ \t]+",
                              re.IGNORECASE)


# a story told by commentators ("..., economists said." in its lead) and a person named with the firm they work for
# in it ("Peter Hale of Carrow Securities Inc expects a one pct rise"): that firm is a commentator's too
# ("some economists believe that ...", "analysts expect")
_COMMENTATORS_SAID = re.compile(r"\b(?:economists|analysts|traders|dealers|strategists)\s+(?:said|say|says|believe[sd]?|"
                                r"expect(?:s|ed)?|predict(?:s|ed)?|think|thought|warn(?:s|ed)?|forecast)\b")
_PERSON_OF = re.compile(r"(?<![\w.])[A-Z][a-z]+(?:[ \t]+[A-Z]\.)?[ \t]+[A-Z][a-z][\w'’-]*[ \t]+of[ \t]+(?:the[ \t]+)?"
                        r"(?:[A-Z][\w&'’.-]*(?:[ \t]+[A-Z][\w&'’.-]*){0,2},?[ \t]+)?$")  # ("of Smith Barney, Harris Upham")

# (the same read as one name with the person: "Robert Hale of Carrow Securities Co")
_PERSON_LED = re.compile(r"[A-Z][a-z]+(?:[ \t]+[A-Z]\.)?[ \t]+[A-Z][a-z][\w'’-]*[ \t]+of[ \t]+")


def speakers_firms(text: str, mentions: list[CompanyMention]) -> set[str]:
    """The ids of the companies the text names only as where a commentator works.

    >>> s = "Spending will rise, economists said. Peter Hale of Carrow Securities Inc expects a 1 pct rise in income."
    >>> found = CompanyFinder(load_registry()).find(s)
    >>> [m.company.id in speakers_firms(s, found) for m in found]
    [True]
    """
    named: dict[str, bool] = {}
    commentary = _COMMENTATORS_SAID.search(text, 0, 600) is not None
    for m in mentions:
        only = _AFFILIATION_BEFORE.search(text, max(0, m.start - 80), m.start) is not None \
            or _AFFILIATION_LED.match(text, m.start) is not None \
            or (commentary and (_PERSON_OF.search(text, max(0, m.start - 40), m.start) is not None
                                or _PERSON_LED.match(text, m.start) is not None))
        named[m.company.id] = named.get(m.company.id, True) and only
    return {cid for cid, only in named.items() if only}


def main_company(mentions: list[CompanyMention], title_mentions: list[CompanyMention]) -> Company | None:
    """The company an article is about: most mentions, with the title counting triple.

    >>> c = load_registry().companies["coreweave"]
    >>> main_company([CompanyMention(0, 1, c, "registry")], []).name
    'CoreWeave'
    """
    score: Counter[str] = Counter()
    by_id: dict[str, Company] = {}
    for n, m in enumerate(mentions):
        by_id[m.company.id] = m.company
        score[m.company.id] += 1.0 + (0.5 if n < 3 else 0)  # type: ignore[assignment]
    for m in title_mentions:
        by_id.setdefault(m.company.id, m.company)
        score[m.company.id] += 3  # type: ignore[assignment]
    if not score:
        return None
    best = max(score.items(), key=lambda kv: (kv[1], -_first_index(mentions, kv[0])))[0]
    return by_id[best]


def _first_index(mentions: list[CompanyMention], cid: str) -> int:
    for m in mentions:
        if m.company.id == cid:
            return m.start
    return 10**9
