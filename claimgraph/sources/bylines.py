"""Bylines as pages and exports write them, turned into clean author names with a kind.

A byline string may carry "By", a dateline ("Jane Doe Nov. 6, 2023 3:03 PM"), a job title ("Jane Doe, Senior
Correspondent"), several names ("Jane Doe, John Roe and Ann Poe"), an outlet ("Jane Doe, CNN"), a profile URL,
a handle (``@jdoe``) or a CMS placeholder (``username``, ``admin``). :func:`split_byline` keeps only the
names; :func:`authors_from` cleans a list of candidates, gives each a kind (organisation credits such as wire
services, desks and "Staff" stay organisations) and leaves out the publisher when it is credited as if it
were an author.

>>> [(a.name, a.kind.value) for a in authors_from(["By Jane Doe and JOHN ROE, Reuters"])]
[('Jane Doe', 'person'), ('John Roe', 'person')]
>>> [(a.name, a.kind.value) for a in authors_from(["By Reuters Staff"])]
[('Reuters Staff', 'organization')]
"""

from __future__ import annotations

import html as htmllib
import re
from collections.abc import Iterable

from claimgraph.sources.model import Author, AuthorKind

_LEAD = re.compile(
    r"^\s*(?:(?:written|posted|reported|reporting|story|text|words|compiled|analysis|opinion|commentary|review|"
    r"interview|essay|photos?\s+and\s+text)\s+by|(?:ein\s+|eine\s+)?(?:kommentar|analyse|gastbeitrag|kolumne)\s+von|"
    r"(?:with\s+)?(?:additional\s+)?contributions?\s+(?:from|by)|"
    r"by|from|authors?|writers?|(?:contributors?|columnists?|text|texto|texte|words|story)(?=\s*:)|byline|reporters?|"
    r"por|par|door|"
    r"(?:autor(?:ka)?|auteur|autore|autores|forfatter|författare|kirjoittaja|yazar)(?=\s*:)|"
    r"بقلم|كتب|מאת|作者|撰文|記者|记者|글|"
    r"(?-i:[Vv]on|di)(?=\s+[A-ZÀ-Þ]\S*\s+[A-ZÀ-Þ]))\b"
    r"\s*[:：\-–—]?\s*",
    re.IGNORECASE)
_MONTH = (r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|"
          r"oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)")
_DATE_START = re.compile(
    rf"(?:\b(?:updated|published|posted|modified|last\s+updated|on)\b\s*:?\s*)?(?:\b{_MONTH}\.?\s+\d|"
    r"\b(?:mon|tue|wed|thu|fri|sat|sun)[a-z]*\.?,?\s+(?:\d|" + _MONTH + r")|\d{1,4}[/.-]\d{1,2}[/.-]\d{1,4}|"
    r"\d{1,2}:\d{2}|\b\d{1,2}\s+" + _MONTH + r"\b|\b\d+\s+(?:minutes?|hours?|days?|weeks?)\s+ago\b|"
    r"\b(?:updated|published|posted)\b|\b\d{4}\s*年|"
    r"\b(?:edited|editing|reviewed|fact[- ]checked|illustrations?|photos?|photographs|graphics|video|"
    r"additional\s+reporting|produced|translated)\s+by\b|"
    r"\b(?:photos?|photography|pictures?|illustrations?|graphics|video|images?|fotos?)\s*:)",
    re.IGNORECASE)
# a byline after the date it opens with, and a preposition left before a date cut off
LEAD_AFTER_DATE = re.compile(r"\s(?:(?:posted|written)\s+by|by|von|par|por|door)\s+(?=[A-ZÀ-Þ])", re.IGNORECASE)
_DANGLING = re.compile(r"\s+(?:at|on|am|um|le|el|il|em|à|a\s+las|alle|op)\s*$", re.IGNORECASE)
_AFFILIATION = re.compile(r"\s+(?:for|in|at)\s+(?:the\s+)?[A-Z][\w.&'’-]*(?:\s+[A-Z][\w.&'’-]*){0,3}\s*$")
_JOB = re.compile(
    r"\b(?:reporter|correspondent|editor|writer|columnist|contributor|contributing|producer|analyst|"
    r"senior|chief|deputy|associate|assistant|director|manager|host|anchor|photographer|intern|fellow|"
    r"professor|researcher|special\s+to|for\s+the|freelance|journalist|author\s+of|founder|ceo|president|"
    r"head\s+of|team\s+lead|engineer|developer|designer|strategist|economist)\b",
    re.IGNORECASE)
_PLACEHOLDER = re.compile(
    r"^(?:user(?:name)?|admin(?:istrator)?|author|authors|editor|writer|guest|anonymous|unknown|null|none|"
    r"undefined|webmaster|root|test|default|n/?a|nobody|by|and|staff\s*writer\s*name)$",
    re.IGNORECASE)
ORG_WORDS = re.compile(
    r"\b(?:staff|desk|newsroom|editorial|editors|team|bureau|wire|agency|agencies|news|press|service|"
    r"media|network|magazine|journal|times|post|herald|tribune|gazette|daily|weekly|radio|tv|television|"
    r"group|company|corp(?:oration)?|inc|ltd|llc|gmbh|foundation|institute|association|society|council|"
    r"ministry|department|office|university|contributors|organi[sz]ations?|reuters|bloomberg|associated\s+press|afp|ap|"
    r"upi|dpa|efe|ansa|xinhua|kyodo|yonhap|tass|pti|ians|aap|cnet|cnn|bbc|abc|nbc|cbs|npr|pbs)\b|"
    r"\.(?:com|org|net|co|io)\b|[社局网網报報]$|新聞|新闻|通信|通讯|電視|电视",
    re.IGNORECASE)
# news agencies and wires, whose copy a site runs under their name instead of a byline
NEWS_AGENCY = re.compile(
    r"\b(?:reuters|bloomberg|associated\s+press|ap|afp|dpa|efe|ansa|xinhua|kyodo|jiji|yonhap|tass|ria|pti|ians|aap|"
    r"apa|anp|belga|ctk|pap|sda|ats|tt|ntb|ritzau|stt|news\s+agency|agencies|wire\s+services?|news\s+services?)\b",
    re.IGNORECASE)
_CJK = r"\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af"
_DESK = re.compile(rf"^[{_CJK}]{{1,8}}(?:部|支局|総局|局|支社|부|팀|국)\s+(?=[{_CJK}])")
_CREDENTIAL = re.compile(r"(?:ph\.?\s?d|m\.?d|d\.?o|r\.?n|j\.?d|mba|mph|msc|ma|cfa|cpa|esq|frcp|dds|np|pa-c)\.?",
                         re.IGNORECASE)
_HONORIFIC = re.compile(r"^(?:mr|mrs|ms|mx|dr|prof|professor)\.?\s+(?=[A-ZÀ-Þ])", re.IGNORECASE)
_PARTICLES = {"de", "van", "von", "der", "den", "da", "di", "du", "la", "le", "del", "dos", "bin", "al", "y", "e"}
_LEGAL_TAIL = re.compile(r",\s*((?:inc|ltd|llc|plc|gmbh|ag|s\.a|corp|co|lp|llp|pty|n\.v|b\.v)\b\.?)(?=\s*(?:$|[,;|&]|and\b))",
                         re.IGNORECASE)
_REPORT_SOURCE = r"(?:staff|wire|wire\s+services?|news\s+services?|news\s+agenc(?:y|ies)|agenc(?:y|ies))"
_REPORTS_CREDIT = re.compile(  # "Staff and wire reports", "From wire, staff reports": the desk's credit, not names
    rf"\b{_REPORT_SOURCE}(?:\s*,\s*{_REPORT_SOURCE})*\s*(?:,\s*)?(?:and\s+|,\s*){_REPORT_SOURCE}\s+reports?\b",
    re.IGNORECASE)
_SEPARATORS = re.compile(r"\s*(?:;|\||·|•|/|\s&\s|&|\band\b|\bwith\b|\bund\b|\bet\b|\by\b|\be\b|、|،|\s+و\s*)\s*",
                         re.IGNORECASE)


def author_kind(name: str) -> AuthorKind:
    """Organisation for credits such as wire services, desks, "Staff" and outlets; person otherwise.

    >>> author_kind("National Desk").value, author_kind("Lauren del Valle").value, author_kind("新华社").value
    ('organization', 'person', 'organization')
    """
    if re.match(r"^\s*AI\s+(?:Writing\s+)?Agent\b", name, re.IGNORECASE):
        return AuthorKind.SOFTWARE
    if ORG_WORDS.search(name):
        return AuthorKind.ORGANIZATION
    letters = [w for w in re.findall(r"[A-Za-z]+", name) if len(w) >= 3]
    if letters and all(w.isupper() for w in letters) and len(letters) <= 2 and " " not in name.strip():
        return AuthorKind.ORGANIZATION  # a single all-capitals token is an outlet's code, not a person
    return AuthorKind.PERSON


def clean_name(raw: str) -> str | None:
    """One name from a byline fragment, or ``None`` for a placeholder, a handle, a URL or a sentence.

    >>> clean_name("By JEREMY HERB  Updated 3:03 PM EST, Mon November 6, 2023"), clean_name("@jdoe")
    ('Jeremy Herb', None)
    >>> clean_name("Jane Doe, Senior Correspondent"), clean_name("username")
    ('Jane Doe', None)
    """
    text = htmllib.unescape(raw)
    text = re.sub(r"<[^>]{0,300}>", " ", text)
    text = " ".join(text.split()).strip(" ,.;:|-–—•·")
    if not text or re.match(r"^(?:https?://|www\.)", text, re.IGNORECASE):
        return None
    text = re.sub(r"\S+@\S+\.\w+", " ", text)  # e-mail addresses
    text = re.sub(r"(?:^|\s)@\w+", " ", text)  # handles
    text = re.sub(r"https?://\S+", " ", text)
    for _ in range(2):
        text = _LEAD.sub("", text).strip(" ,.;:|-–—")
    m = _DATE_START.search(text)
    if m:
        text = text[:m.start()]
    text = re.sub(r"\s*\((?:[^()]*)\)\s*", " ", text)  # "(CNN)", "(@jdoe)", "(Reuters)" after a name
    text = _HONORIFIC.sub("", text.strip())
    text = re.sub(r"^the\s+(?=[A-Z])", "", text)  # "By the Associated Press"
    text = _before_sentence(text)
    parts = [p.strip() for p in text.split(",")]
    if len(parts) > 1 and (not parts[1] or _JOB.search(parts[1]) or parts[1].lower() == parts[1]):
        text = parts[0]
    text = re.sub(r"\s+[-–—]\s+.*$", "", text) if _JOB.search(text) else text
    if len(text.split()) >= 4:
        text = _AFFILIATION.sub("", text)  # "Jane Doe in London", "Jane Doe for The Daily Planet"
        caps = re.match(r"^((?:[A-Z][A-Z.'’-]+\s+){1,3}[A-Z][A-Z.'’-]+)\s+(?=[A-Z]?[a-z])", text)
        if caps:
            text = caps.group(1)  # "JANE DOE Associated Press": the name in capitals, then the affiliation
    text = " ".join(text.split()).strip(" ,.;:|-–—'\"")
    text = re.sub(r"\s*(?:기자|특파원|記者|记者|特派员|特派員|通讯员|通訊員|編集委員|論説委員)$", "", text)
    text = _DESK.sub("", text)  # "経済部 山田太郎": the desk, then the reporter
    if (not text or _PLACEHOLDER.match(text) or re.fullmatch(r"[a-z]{1,3}", text) or not re.search(r"\w", text)
            or re.fullmatch(r"[\d\W_]+", text)):
        return None
    words = text.split()
    if len(words) > 6 and not ORG_WORDS.search(text):
        return None  # a sentence, not a name
    if len(words) == 1 and re.fullmatch(r"[a-z0-9_.]+", text) and re.search(r"[\d_.]", text):
        return None  # a user name such as "jdoe_82"
    if text.isupper() and any(len(w) > 3 for w in words) and not ORG_WORDS.search(text):
        text = " ".join(_title_word(w) for w in words)
    return text


def is_job_title(text: str) -> bool:
    """A short line that is a job title ("Business Editor", "Senior Correspondent, Asia"), not a name.

    >>> is_job_title("Business Editor"), is_job_title("Jane Doe")
    (True, False)
    """
    return len(text.split()) <= 6 and _JOB.search(text) is not None


_JOB_NOUN = re.compile(r"\b(?:reporter|correspondent|editor|writer|columnist|contributor|producer|analyst|journalist|"
                       r"photographer|intern|fellow|economist|strategist|director|manager|host|anchor)s?\s*$",
                       re.IGNORECASE)


def _ends_in_job(text: str) -> bool:
    """A job title of up to four words ending in a job noun ("Business Correspondent", "Staff Writer"), not a name
    after a title ("Chief Economist John Roe"); a bare "Staff" after names ("Jane Doe and John Roe / Staff")."""
    text = text.strip(" .,;:")
    return "," not in text and len(text.split()) <= 4 and (_JOB_NOUN.search(text) is not None
                                                           or _STAFF.fullmatch(text) is not None)


_STAFF = re.compile(r"(?:the\s+)?staff", re.IGNORECASE)


def _a_place(piece: str) -> bool:
    """A city, region or country set after a name ("Von Anna Schmidt, Frankfurt"): where the reporter writes from."""
    from claimgraph.sources.places import is_place

    piece = piece.strip(" .;:")
    return 0 < len(piece.split()) <= 3 and is_place(piece)


def _before_sentence(text: str) -> str:
    """The name before a sentence about the person ("Jane Doe can be reached at ..." is "Jane Doe"): a capitalised
    name followed by two lower-case words that are no name particles."""
    words = text.split()
    for n in range(1, len(words) - 1):
        first, second = words[n], words[n + 1]
        if (first[:1].islower() and second[:1].islower() and first not in _PARTICLES and second not in _PARTICLES
                and not ORG_WORDS.search(" ".join(words[:n + 1]))
                and all(w[:1].isupper() or w in _PARTICLES for w in words[:n]) and words[0][:1].isupper()):
            return " ".join(words[:n])
    return text


def _title_word(word: str) -> str:
    return "-".join(p[:1] + p[1:].lower() for p in word.split("-"))


def split_byline(raw: str) -> list[str]:
    """The names in one byline string, cleaned, in order.

    >>> split_byline("By Jeremy Herb, Lauren del Valle and Kara Scannell, CNN")
    ['Jeremy Herb', 'Lauren del Valle', 'Kara Scannell', 'CNN']
    >>> split_byline("Doe, Jane")
    ['Jane Doe']
    """
    text = htmllib.unescape(" ".join(raw.split()))
    text = re.sub(r"\s*\([^()]*\)", " ", text)  # "(CNN)", "(@jdoe)", "(Brad)", "(jdoe@gazette.test)"
    text = re.sub(r"(?:https?://|www\.)\S+|\S+@\S+\.\w+", " ", text)  # links and e-mail addresses
    text = _LEAD.sub("", text.strip())
    if _DATE_START.match(text) and (lead := LEAD_AFTER_DATE.search(text)) is not None:
        text = text[lead.end():]  # "07.11.2024 09:15 Uhr Von Anna Schmidt": the date, then the byline
    m = _DATE_START.search(text)
    if m and m.start() > 0:
        text = _DANGLING.sub("", text[:m.start()])  # ("Posted by Jane Doe at 9:15 AM": not "Jane Doe at")
    # "Doe, Jane" (family name first) is one name; "Jane Doe, John Roe" is two.
    # "Doe, Jane; Roe, John" (library style, as Dublin Core and citation tags write it) is two such names.
    text = "; ".join(_uninvert(part) for part in text.split(";"))
    text = _LEGAL_TAIL.sub(lambda m: "\u0001 " + m.group(1), text)  # "Acme Pumps, Inc." is one name
    text = _REPORTS_CREDIT.sub(lambda m: m.group(0).replace(" and ", "\u0002").replace(",", "\u0003"), text)
    out: list[str] = []
    for chunk in _SEPARATORS.split(text):
        if out and _ends_in_job(chunk):
            continue  # "Jane Doe | Business Correspondent": the title after the name
        pieces = [p.replace("\u0001", ",") for p in chunk.split(",") if p.strip()]
        for n, piece in enumerate(pieces):
            if n and (_JOB.search(piece) or _CREDENTIAL.fullmatch(piece.strip()) or _a_place(piece)
                      or _STAFF.fullmatch(piece.strip())):
                continue  # "Jane Doe, Senior Reporter", "Jane Doe, CFA", "Anna Schmidt, Frankfurt"
            if "\u0002" in piece or "\u0003" in piece:  # "staff and wire reports": one credit
                whole = " ".join(piece.replace("\u0002", " and ").replace("\u0003", ",").split()).strip(" ,.")
                name = whole[:1].upper() + whole[1:] if whole else None
            else:
                name = clean_name(piece)
            if name and name not in out:
                out.append(name)
    return out


def _uninvert(text: str) -> str:
    """ "Doe, Jane" as "Jane Doe"; anything else as it is."""
    inverted = re.fullmatch(r"\s*([A-Z][\w'’-]+),\s*([A-Z][\w.'’-]*(?:\s+(?:[A-Z][\w.'’-]*|"
                            r"de|van|von|der|den|da|di|du|la|le|del|dos|bin))*)\s*", text)
    if inverted and not ORG_WORDS.search(text) and not _JOB.search(text):
        return f"{inverted.group(2)} {inverted.group(1)}"
    return text


def _compact(name: str) -> str:
    return re.sub(r"[^\w]", "", name.lower().removeprefix("the "))


def same_name(a: str, b: str) -> bool:
    """Names equal apart from case, spaces, punctuation and a leading "The".

    >>> same_name("The New York Times", "new york times"), same_name("CNN", "CNN Arabic")
    (True, False)
    """
    return bool(_compact(a)) and _compact(a) == _compact(b)


def authors_from(candidates: Iterable[str | Author], *, publisher: str | None = None) -> list[Author]:
    """Clean, split and classify byline candidates; an outlet credited next to people is dropped, and the
    publisher is never an author when someone else is credited.

    >>> [a.name for a in authors_from(["Jane Doe | The Daily Planet"], publisher="The Daily Planet")]
    ['Jane Doe']
    >>> [(a.name, a.kind.value) for a in authors_from([Author("Associated Press", AuthorKind.PERSON)])]
    [('Associated Press', 'organization')]
    """
    out: list[Author] = []
    for cand in candidates:
        if isinstance(cand, Author):
            names = (split_byline(cand.name) if _SEPARATORS.search(cand.name) or "," in cand.name
                     else [clean_name(cand.name)])
            given: AuthorKind | None = cand.kind
        else:
            names = split_byline(cand)
            given = None
        for name in names:
            if not name:
                continue
            if publisher:
                name = _without_outlet(name, publisher)
            kind = author_kind(name)
            if given is AuthorKind.ORGANIZATION or given is AuthorKind.SOFTWARE:
                kind = given
            if not any(same_name(a.name, name) for a in out):
                out.append(Author(name, kind))
    people = [a for a in out if a.kind is not AuthorKind.ORGANIZATION]
    if people:
        out = [a for a in out if a.kind is not AuthorKind.ORGANIZATION or not _is_outlet(a.name, publisher)]
    if publisher and len(out) > 1:
        out = [a for a in out if not same_name(a.name, publisher)] or out
    return out


def _without_outlet(name: str, publisher: str) -> str:
    """A name with the outlet and job title after it removed ("Mark Doe BuzzFeed News Reporter" → "Mark Doe").

    >>> _without_outlet("Mark Doe BuzzFeed News Reporter", "BuzzFeed")
    'Mark Doe'
    """
    words = name.split()
    first = _compact(publisher.split()[0]) if publisher.split() else ""
    for n in range(2, len(words)):
        if first and _compact(words[n]) == first and ORG_WORDS.search(" ".join(words[n:]) + " news") is not None:
            return " ".join(words[:n])
    return name


def _is_outlet(name: str, publisher: str | None) -> bool:
    """An organisation credited beside people is the outlet (dropped) unless it is a wire or desk credit."""
    if re.search(r"\b(?:staff|desk|newsroom|bureau|team|contributors)\b", name, re.IGNORECASE):
        return False
    return publisher is None or same_name(name, publisher) or len(name.split()) <= 3
