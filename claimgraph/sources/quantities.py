"""Quantities in text: money, percentages, points, multiples, power and counts.

Each quantity becomes a :class:`Value`: an interval ``low``/``high`` in base
units (USD and other ISO 4217 codes, ``percent`` as 16 for 16%, ``pp`` for
percentage points, ``W`` for power, ``x`` for multiples), the qualifier set
by its hedge, and the XBRL precision (``decimals``) of the stated digits.

Hedge tolerances (relative to the stated value):

===============================  ==========  =====================
hedge                            qualifier   interval
===============================  ==========  =====================
about, approximately, ~, some    approximate [v·(1-5%), v·(1+5%)]
nearly, almost, approaching      at_most     [v·(1-5%), v]
under, less than, up to, below   at_most     [v·(1-25%), v]
more than, over, exceed, +       at_least    [v, v·(1+25%)]
X to Y, X-Y, between X and Y     range       [X, Y]
===============================  ==========  =====================

>>> [(q.text, q.value.low, q.value.high, q.value.unit) for q in find_quantities("about $55.6B and 16%")]
[('about $55.6B', 52820000000.0, 58380000000.0, 'USD'), ('16%', 16.0, 16.0, 'percent')]
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from claimgraph.sources.call_measures import change_after_percent
from claimgraph.sources.model import Qualifier, Quantity, Value
from claimgraph.sources.numbers import INDIAN_GROUPS, WORD_NUMBER, digits_of, parse_number, regrouped
from claimgraph.sources.omitted import PESO, conversion, national_currency, noun_after, omitted_currency, omitted_scale
from claimgraph.sources.scan import LeadGuarded, any_word, factored, spelled_out

APPROX_TOL = 0.05
NEAR_TOL = 0.05
OPEN_TOL = 0.25

_CURRENCY = {
    "us$": "USD", "usd": "USD", "$": "USD", "c$": "CAD", "ca$": "CAD", "cad": "CAD", "a$": "AUD", "au$": "AUD",
    "aud": "AUD", "hk$": "HKD", "hkd": "HKD", "euro": "EUR", "nz$": "NZD", "s$": "SGD", "r$": "BRL", "€": "EUR", "eur": "EUR",
    "£": "GBP", "gbp": "GBP", "¥": "JPY", "jpy": "JPY", "chf": "CHF", "₹": "INR", "rs": "INR", "rs.": "INR",
    "inr": "INR", "sek": "SEK", "nok": "NOK", "dkk": "DKK", "cny": "CNY", "rmb": "CNY", "krw": "KRW", "₩": "KRW",

    "$us": "USD", "$a": "AUD", "$c": "CAD", "$nz": "NZD", "nt$": "TWD", "t$": "TWD", "pounds": "GBP", "ls": "LVL",
    "aud$": "AUD", "cad$": "CAD", "can$": "CAD", "nzd$": "NZD", "hkd$": "HKD", "sgd$": "SGD", "sg$": "SGD",
    "x20ac": "EUR",  # the euro sign as some feeds spell it ("x20ac 385 million", "( x20ac ) 47 million")
    "lt": "LTL",
    "pound": "GBP", "yen": "JPY", "e": "EUR",  # "&euro;", "& pound ;" (an HTML entity, tokenised or not), "E36 .4 million"
    "rm": "MYR", "rp": "IDR", "r": "ZAR", "ksh": "KES", "sfr": "CHF", "ffr": "FRF", "dm": "DEM", "dh": "AED", "dhs": "AED",
    "₦": "NGN", "₱": "PHP", "₺": "TRY", "₽": "RUB", "₪": "ILS", "₫": "VND", "฿": "THB", "₴": "UAH",
}
_ISO_CODES = ("NZD", "SGD", "TWD", "BRL", "MXN", "ZAR", "RUB", "PLN", "CZK", "HUF", "TRY", "ISK", "EEK", "LVL", "LTL",
              "PKR", "EGP", "VND", "QAR", "KWD", "KES", "NGN", "BDT", "ARS", "CLP", "UAH", "RON", "BGN", "CNH",
              "THB", "MYR", "IDR", "SAR", "AED", "ILS", "DEM", "FRF", "ITL", "NLG", "BEF", "ESP", "KZT", "HRK")
_CURRENCY.update({c.lower(): c for c in _ISO_CODES})
CURRENCY_CODES = frozenset(c for c in _CURRENCY.values() if len(c) == 3 and c.isupper())  # ("SEK", "NOK", "ZAR" ...)

_CURRENCY_WORD = {
    "dollar": "USD", "dollars": "USD", "dlr": "USD", "dlrs": "USD", "usd": "USD", "euro": "EUR", "euros": "EUR",
    "gbp": "GBP", "jpy": "JPY", "chf": "CHF", "sek": "SEK", "nok": "NOK", "dkk": "DKK", "marks": "DEM", "stg": "GBP",
    "guilders": "NLG", "lire": "ITL",
    "eur": "EUR", "pound": "GBP", "pounds": "GBP", "pounds sterling": "GBP", "sterling": "GBP", "yen": "JPY",
    "yuan": "CNY", "renminbi": "CNY", "franc": "CHF", "francs": "CHF", "rupee": "INR", "rupees": "INR",
    "crowns": "SEK", "kronor": "SEK", "won": "KRW", "mark": "DEM", "cts": "USD", "cents": "USD", "cent": "USD",
    "rand": "ZAR", "roubles": "RUB", "rubles": "RUB", "zlotys": "PLN", "kroons": "EEK", "litas": "LTL", "lats": "LVL",
    "ringgit": "MYR", "baht": "THB", "rupiah": "IDR", "riyals": "SAR", "dirhams": "AED", "shekels": "ILS",
    "forints": "HUF", "forint": "HUF", "koruna": "CZK", "korunas": "CZK", "koruny": "CZK", "hryvnia": "UAH",
    "hryvnias": "UAH", "tenge": "KZT", "kuna": "HRK", "kunas": "HRK",
    "sdrs": "XDR", "sdr": "XDR", "taka": "BDT", "naira": "NGN", "ecus": "XEU",
    # European currency units; the currencies of other countries by a name only they use
    "ecu": "XEU", "guilder": "NLG", "crown": "SEK", "skr": "SEK", "markka": "FIM", "markkaa": "FIM", "zloty": "PLN",
    "pesetas": "ESP", "schillings": "ATS", "escudos": "PTE", "bolivars": "VEB", "cruzados": "BRC", "australs": "ARA",
    "sucres": "ECS", "intis": "PEI", "kwacha": "ZMK", "riyal": "SAR", "drachmas": "GRD", "lei": "RON", "pesos": PESO,
    "reais": "BRL",
}
# "Canadian dlrs", "Swiss francs", "Danish crowns": the nationality names the currency
_NATIONAL = {
    "u.s.": "USD", "u.s": "USD", "us": "USD", "american": "USD", "canadian": "CAD", "australian": "AUD", "new zealand": "NZD",
    "hong kong": "HKD", "singapore": "SGD", "taiwan": "TWD", "new taiwan": "TWD", "swiss": "CHF", "french": "FRF",
    "belgian": "BEF", "luxembourg": "LUF", "swedish": "SEK", "norwegian": "NOK", "danish": "DKK", "japanese": "JPY",
    "chinese": "CNY", "indian": "INR", "south african": "ZAR", "mexican": "MXN", "brazilian": "BRL",
    "south korean": "KRW", "korean": "KRW", "russian": "RUB", "polish": "PLN", "turkish": "TRY", "italian": "ITL",
    "dutch": "NLG", "west german": "DEM", "german": "DEM", "hungarian": "HUF", "czech": "CZK", "estonian": "EEK",
    "latvian": "LVL", "lithuanian": "LTL", "finnish": "FIM", "austrian": "ATS", "spanish": "ESP", "irish": "IEP",
    "h.k.": "HKD", "n.z.": "NZD", "cdn": "CAD", "aust": "AUD", "british": "GBP", "egyptian": "EGP", "lebanese": "LBP",
    "cyprus": "CYP", "romanian": "RON",
}
_NAT_RE = (r"(?:U\.S\.?|US|American|Canadian|Australian|New\s+Zealand|Hong\s+Kong|Singapore|New\s+Taiwan|Taiwan|Swiss|"
           r"French|Belgian|Luxembourg|Swedish|Norwegian|Danish|Japanese|Chinese|Indian|South\s+African|Mexican|"
           r"Brazilian|South\s+Korean|Korean|Russian|Polish|Turkish|Italian|Dutch|West\s+German|German|Hungarian|"
           r"Czech|Estonian|Latvian|Lithuanian|Finnish|Austrian|Spanish|Irish|H\.K\.|N\.Z\.|Cdn|Aust|British|Egyptian|"
           r"Lebanese|Cyprus|Romanian)")
_NAT_NOUN_RE = (r"(?i:dlrs?|dollars?|francs?|crowns?|kronor|kroner|krone|krona|yen|yuan|rupees?|rand|pesos?|reais|real|"
                r"won|roubles?|rubles?|zlotys?|lira|lire|guilders?|marks?|forints?|korunas?|kroons?|lats|litas|"
                r"markkaa|markka|schillings?|pesetas?|punts?|pounds?|lei)")
_SCALE = {
    "thousand": 1e3, "k": 1e3, "million": 1e6, "mln": 1e6, "mn": 1e6, "mio": 1e6, "m": 1e6, "mm": 1e6,
    "billion": 1e9, "bn": 1e9, "bln": 1e9, "b": 1e9, "trillion": 1e12, "tn": 1e12, "tln": 1e12, "trn": 1e12,
    "t": 1e12, "crore": 1e7, "lakh": 1e5, "lakh crore": 1e12, "crores": 1e7, "lakhs": 1e5, "lakh crores": 1e12,
    "lakhs crore": 1e12, "bil": 1e9, "mil": 1e6, "cr": 1e7,
}
# scale words that are one only after a currency ("$4.2 mil", "Rs 12.5 cr"; "5 mm" is a length)
_CUR_SCALES = frozenset({"mm", "bil", "mil", "cr"})
_POWER = {"kw": 1e3, "kilowatt": 1e3, "kilowatts": 1e3, "mw": 1e6, "megawatt": 1e6, "megawatts": 1e6,
          "gw": 1e9, "gigawatt": 1e9, "gigawatts": 1e9, "tw": 1e12, "terawatt": 1e12, "terawatts": 1e12}

_CUR_RE = (r"AUD\$|CAD\$|Can\$|CAN\$|NZD\$|HKD\$|SGD\$|SG\$|"
           r"\$US|\$A|\$C|\$NZ|NT\$|T\$(?=\s?\d)|US\$|USD|C\$|CA\$|CAD|A\$|AU\$|AUD|HK\$|HKD|NZ\$|S\$|R\$|\$|€|EURO|EUR|Euro|"
           r"£|GBP|¥|JPY|CHF|₹|Rs\.?|"
           # Malaysian ringgit, Indonesian rupiah, Swiss and French francs, marks, dirhams, and signs
           r"RM(?=\s?\d)|Rmb(?=\s?\d)|R(?=\d[\d,.]*\s?(?:bn|billion|million|mn|m|trillion|tn)\b)|K[Ss]h\.?(?=\s?\d)|Rp\.?(?=\s?\d)|S[Ff]r\.?(?=\s?\d)|FFr\.?(?=\s?\d)|DM(?=\s?\d)|Dhs?(?=\s?\d)|"
           r"₦|₱|₺|₽|₪|₫|฿|₴|"
           r"INR|SEK|NOK|DKK|CNY|RMB|KRW|₩|pounds(?=\s\d)|Ls(?=\s?\d)|Lt(?=\s?\d)|x20ac|euro(?=\d)|"
           r"\(\s?(?:x20ac|EURO|Euro|€)\s?\)|&\s?(?:euro|pound|yen)\s?;|M(?:EUR|USD|SEK|NOK|DKK|GBP)|" +
           "|".join(_ISO_CODES) + "|E(?=\\d)")
# in lower-cased text (call summaries: "sees fy revenue c$1.2 billion", "rs 1,200 crore", "eur 3.4 billion")
_CUR_LOWER_RE = (r"us\$|c\$|ca\$|a\$|au\$|hk\$|nz\$|s\$|r\$|nt\$|" +
                 "|".join(rf"{c}(?=\s?\d)" for c in ("usd", "eur", "gbp", "jpy", "chf", "inr", "sek", "nok", "dkk", "cny",
                                                     "rmb", "cad", "aud", "hkd", r"rs\.?")))
# Indian grouping ("Rs 1,05,128 crore") only after a rupee sign or before crore/lakh: elsewhere "9,31,000" is a typo
_INDIAN = (r"(?:(?<=Rs)|(?<=Rs )|(?<=Rs\.)|(?<=Rs\. )|(?<=INR )|(?<=₹)|(?<=₹ )|(?<=rs )|(?<=rs\. )|(?<=inr ))"
           + INDIAN_GROUPS + "|" + INDIAN_GROUPS + r"(?=\s?(?:crores?|lakhs?|lacs?|cr)\b)")
# a decimal comma ("5,19 per cent") only before a percent unit
# a last thousands group cut short by a dropped digit ("a loss of 1,732,00 dlrs") only before a currency word
_NUM_RE = (r"\d{1,3}(?: \d{3})+(?= (?:[Ee]uros?|EUR|dollars|dlrs|kronor|crowns)\b)|"  # "250 000 Euros"
           r"\d+\.\d+-\d{1,2}/\d{1,2}(?![\d/])|\d+-\d{1,2}/\d{1,2}(?![\d/])|"
           r"\d{1,3}(?:,\d{3})+,\d{1,2}(?=\s(?:dlrs|dollars|marks|francs|stg|yen|guilders|lire|crowns)\b)|"
           + _INDIAN + "|"
           r"\d{1,3}(?:,\d{3})+(?:\.\d+)?|"
           r"\d+,\d{1,2}(?=\s?(?:per\s?cent|percent|%|pct|million|billion|mln|bln|mn|bn)(?![a-z]))|"
           r"\d{1,2}/(?:2|4|8|16|32|64)(?![\d/])|\d+(?:\.\d+)?<fraction>|\.\d+<vulgar>")
# "1 1/2 percent" (a whole number and a fraction, before a percent unit); "2½%", "½ per cent"
# and a price in eighths after a dollar sign or before cents ("$24 5/8", "down 37 1/2 cents", "1 1/4 dlrs")
_FRACTION_RE = (r"(?: \d{1,2}/(?:2|4|8|16|32)(?=\s?(?:%|per\s?cent|percent|pct|cents?\b|cts\b|dlrs\b|dollars?\b)|"
                r"(?<=\$\d \d/\d)|(?<=\$\d\d \d/\d)|(?<=\$\d\d\d \d/\d)|(?<=\$\d \d/\d\d)|(?<=\$\d\d \d/\d\d))"
                r"(?![\d/])|[½¼¾⅛⅜⅝⅞](?!\d))?")
# what needs the rich pattern: a currency sign after a lower-case letter or a dash, a fraction after a number
_GLUED_PERCENT = re.compile(r"%(?:(?<=[a-z]\d%)|(?<=[a-z]\d\d%)|(?<=[a-z]\d\.\d%)|(?<=[a-z]\d\d\.\d%)|(?<=[a-z]\d\.\d\d%))")
_SPACED_FRACTION = re.compile(r"/(?:(?<=\d \d/)|(?<=\d \d\d/))")
_VULGAR_CHAR = re.compile(r"[½¼¾⅛⅜⅝⅞]")


def _glued_sign(text: str) -> bool:
    """Whether a currency sign follows a lower-case letter, a dash or three capitals ("eps$", "-$", "EPS$"; not "US$").

    >>> [_glued_sign(t) for t in ("eps$0.61", "a -$5 loss", "EPS$1", "US$5", "HK$ 5", "$5 and $6")]
    [True, True, True, False, False, False]
    """
    for sign in "$" if text.isascii() else "$€£¥₹":  # (str.find is faster than a regex scan here)
        i = text.find(sign, 1)
        while i > 0:
            before = text[i - 1]
            if before.islower() or before == "-" or (i >= 3 and text[i - 3:i].isalpha() and text[i - 3:i].isupper()):
                return True
            i = text.find(sign, i + 1)
    return False


def _needs_rich(text: str) -> bool:
    """Whether ``text`` may hold what only the rich atom pattern reads.

    >>> [_needs_rich(t) for t in ("eps$0.61", "-$0.05", "up 1 1/2 pct", "2½%", "sees q3 eps $1", "EPS $1, 1/2")]
    [True, True, True, True, True, False]
    >>> [_needs_rich(t) for t in ("Revenue$5.2bn", "Sales rose12.5% in Q3", "Q3 sales rose 12.5%", "US$5")]
    [True, True, False, False]
    """
    return (text.islower() or _glued_sign(text)
            or ("%" in text and _GLUED_PERCENT.search(text) is not None)
            or ("/" in text and _SPACED_FRACTION.search(text) is not None)
            or (not text.isascii() and _VULGAR_CHAR.search(text) is not None))
_SCALE_RE = (r"trillion|billion|million|thousand|TRILLION|BILLION|MILLION|THOUSAND|Trillion|Billion|Million|Thousand|"
             r"lakhs?\s+crores?|crores?|lakhs?|tln|trn|bln|mln|mio|bn|mn|tn|MM|mm|bil|mil|cr|"
             r"[bBmMkKT](?![a-zA-Z])")
_UNIT_RE = (rf"{_NAT_RE}\s+(?:{_NAT_NOUN_RE}|(?i:cents?|cts?))|"
            r"%|percent(?:age[\s-]+(?:points?|pts?))?|per\s?cent|pct\.?|basis[\s-]+points?|bps|bp|bips|per-cent|"
            r"ppts?(?![a-z])|pp(?![a-z])|¢|p\.c\.|pc(?![a-zA-Z])|x(?![a-zA-Z])|times|-?fold|megawatts?|MW|gigawatts?|GW|kilowatts?|kW|"
            r"terawatts?|TW|dlrs|dlr|dollars?|cts|ct|cents?|(?<=\d)p(?!\w|\.\w)|(?<=\d)c(?![\w\'’]|\.\w)|euros?|Euros?|pounds(?:\s+sterling)?|sterling|yen|yuan|"
            r"renminbi|francs?|rupees?|kronor|won|pence|marks?|stg|guilders|lire|crowns|"
            r"eur|usd|gbp|jpy|chf|sek|nok|dkk|rand|roubles|rubles|zlotys|kroons|litas|lats|ringgit|baht|rupiah|riyals|"
            r"dirhams|shekels|forints?|korun(?:as?|y)|hryvnias?|tenge|kunas?|SDRs?|sdrs?|taka|naira|ECUs?|[Ee]cus?|guilder|crown|skr|SKr|markkaa|markka|zloty|"
            r"pesetas|schillings|escudos|bolivars|cruzados|australs|sucres|intis|kwacha|riyal|drachmas|lei|pesos|reais|"
            r"European\s+[Cc]urrency\s+[Uu]nits?")


def _atom_pattern(rich: bool) -> re.Pattern[str]:
    """The pattern of one number with its currency, scale and unit. The ``rich`` one, for the few texts that need
    it (:func:`_needs_rich`), also reads a currency sign or a percentage glued to a word ("eps$0.61", "rose12%"), a
    minus before the currency ("-$0.05"), lower-case currency codes ("c$", "rs") and fractions ("1 1/2 percent",
    "2½%"); the plain one is faster."""
    head = (r"(?:(?<![\w.,$€£¥/])|(?<=[A-Za-z])(?=[$€£¥₹])|(?<=[a-z])(?=\d+(?:\.\d+)?%))(?P<neg0>-(?=[$€£¥₹]))?"
            if rich else r"(?<![\w.,$€£¥/])(?P<neg0>)")
    cur = factored(_CUR_RE + "|" + _CUR_LOWER_RE) if rich else factored(_CUR_RE)
    num = _NUM_RE.replace("<fraction>", _FRACTION_RE if rich else "").replace(
        "<vulgar>", r"|[½¼¾⅛⅜⅝⅞](?!\d)" if rich else "")
    return re.compile(
        rf"{head}(?P<cur>{cur})?\s?"
        rf"(?P<neg>(?<=[A-Z$€£¥\s(])-)?"
        rf"(?P<num>(?<=[A-Za-z$€£¥-])(?:\d{{1,3}}(?: ,\d{{3}})+(?![\d.])|\d+ \.\d+)|{num})"
        r"(?:(?P<us>US)(?P<usfrac> \.\d+)?(?![A-Za-z]))?"
        rf"(?:[\s-]?(?P<scale>{_SCALE_RE})(?!(?![¹²³⁴⁵⁶⁷⁸⁹⁰])\w))?"  # ("$1.2 billion¹": a footnote mark)
        rf"(?P<plus>\+|-plus(?![\w-]))?(?:[\s-]?(?P<unit>%|(?:{_UNIT_RE})(?![a-zA-Z\d])))?(?P<plus2>\+)?"
        rf"(?:\s?(?P<cur2>USD|EUR|GBP|JPY|CHF|CAD|AUD|CNY|SEK|NOK|DKK|HKD|INR|KRW|{'|'.join(_ISO_CODES)})(?![A-Za-z])"
        r"(?!\s?\d))?"
    )


_ATOM = _atom_pattern(rich=False)
_ATOM_RICH = _atom_pattern(rich=True)
_VULGAR = {"½": 0.5, "¼": 0.25, "¾": 0.75, "⅛": 0.125, "⅜": 0.375, "⅝": 0.625, "⅞": 0.875}
_CHANGE_WORD = re.compile(r"\b(doubl(?:e|ed|es|ing)|tripl(?:e|ed|es|ing)|quadrupl(?:e|ed|es|ing)|"
                          r"halv(?:e|ed|es|ing))\b(?![\s-]+(?:digits?|taxation|dip|whammy|check|standard))",
                          re.IGNORECASE)
_DIGIT = re.compile(r"[0-9½¼¾⅛⅜⅝⅞]")  # (faster than "\d"; for ASCII text)
_DIGIT_ANY = re.compile(r"[\d½¼¾⅛⅜⅝⅞]")
_DECIMAL_COMMA = re.compile(r"\d+,\d{1,2}")
_CHANGE_VALUES = {"doubl": 100.0, "tripl": 200.0, "quadr": 300.0, "halv": -50.0}


def _change_value(word: str) -> float:
    """The percent change a word states ("halved" is -50).

    >>> [_change_value(w) for w in ("doubled", "Halved", "halving", "quadruples")]
    [100.0, -50.0, -50.0, 300.0]
    """
    w = word.lower()
    return next(v for k, v in _CHANGE_VALUES.items() if w.startswith(k))

_HEDGES: list[tuple[str, Qualifier, str]] = [
    (r"no[t]?\s+more\s+than|not\s+(?:above|over|exceeding)", Qualifier.AT_MOST, "open"),  # (before "more than")
    (r"just\s+(?:over|above)|slightly\s+(?:more\s+than|over|above)", Qualifier.AT_LEAST, "near"),
    (r"just\s+(?:under|below)|slightly\s+(?:less\s+than|under|below)|just\s+shy\s+of|shy\s+of",
     Qualifier.AT_MOST, "near"),
    (r"nearly|almost|approaching|close\s+to|closer\s+to|near\s+to|just\s+short\s+of|"
     r"a\s+little\s+(?:under|less\s+than)", Qualifier.AT_MOST, "near"),
    (r"more\s+than|over|above|exceed(?:s|ed|ing)?|at\s+least|north\s+of|upwards\s+of|in\s+excess\s+of|"
     r"greater\s+than|better\s+than|topp(?:ed|ing)|top(?:s)?|surpass(?:es|ed|ing)?|no[t]?\s+less\s+than|not\s+below|not\s+under",
     Qualifier.AT_LEAST, "open"),
    (r"under|less\s+than|below|up\s+to|as\s+much\s+as|as\s+high\s+as|at\s+most|"
     r"fewer\s+than|south\s+of|as\s+many\s+as", Qualifier.AT_MOST, "open"),
    # ("an estimated 5 mln", "estimated at"; not the verb: "Analysts had estimated 2.6 billion kronor" is exact)
    (r"about|approximately|approx\.?|roughly|around|some|circa|ca\.|an\s+estimated|"
     r"(?<!had\s)(?<!has\s)(?<!have\s)(?<!been\s)(?<!analysts\s)(?<!analyst\s)estimated|near|"
     r"in\s+the\s+region\s+of|in\s+the\s+neighbou?rhood\s+of|on\s+the\s+order\s+of|or\s+so|~|≈",
     Qualifier.APPROXIMATE, "approx"),
]
_CHANGE_BEFORE = re.compile(r"\b(?:up|down|rose|fell|rise|fall|increased?|decreased?|gained|lost|jumped|plummeted|"
                            r"dropped|climbed|slid|slipped|grew|declined|surged|soared|tumbled|eased|edged)\b"
                            # ("increased approximately $14 million to $75 million": the hedge is longer than most)
                            r"(?:[^\d]{0,12}|\s+(?:by\s+)?approximately\s+[^\d\s]{0,3})$",
                            re.IGNORECASE)
# a change's old and new level follow "from" after these ("raised its forecast from ... to ...")
_FROM_CHANGE_BEFORE = re.compile(
    r"\b(?:up|down|rose|fell|rise|fall|increased?|decreased?|gained|lost|jumped|plummeted|dropped|climbed|slid|slipped|"
    r"grew|declined|surged|soared|tumbled|eased|edged|rais(?:e|ed|es|ing)|lift(?:s|ed|ing)?|lower(?:s|ed|ing)?|"
    r"cut(?:s|ting)?|boost(?:s|ed|ing)?|revis(?:e|ed|es|ing)|narrow(?:s|ed|ing)?|widen(?:s|ed|ing)?|"
    r"improv(?:e|ed|es|ing)|expand(?:s|ed|ing)?|shr[ai]nk(?:s|ing)?|shrunk|trimm(?:ed|ing)|reduc(?:e|ed|es|ing)|"
    r"increasing|decreasing|chang(?:e|ed|es|ing)|mov(?:e|ed|es|ing))\b[^\d]{0,20}$", re.IGNORECASE)
# "growth of 10% to 14%, up from 7% to 11%": "up from" right after a figure sets it against an earlier range
_FIGURE_UP_FROM = re.compile(r"(?:[\d%]|\b(?:million|billion|thousand|mln|bln|bn|cents?|per\s+share|a\s+share))"
                             r"\s*,?\s*(?:up|down)\s+from\s*$", re.IGNORECASE)
_HEDGE_BEFORE = [(re.compile(rf"(?:^|[\s(,;:])(?:{p})\s*$", re.IGNORECASE), q, k) for p, q, k in _HEDGES]
_RANGE_SEP = re.compile(r"^\s*(?:-|–|—|to|through)\s*$", re.IGNORECASE)
_TIME_NOUN = re.compile(r"^\s*(?:years?|months?|weeks?|days?|hours?|minutes?|quarters?|decades?|"
                        r"-year|-month|-week|-day|-quarter|am|pm|a\.m|p\.m)\b", re.IGNORECASE)
_COUNT_NOUN = re.compile(r"^\s+(?:new\s+|active\s+|paying\s+|full-time\s+)?([a-z][a-z-]{2,})\b")
_COUNTABLE = {"employees", "customers", "users", "subscribers", "stores", "units", "vehicles", "cars",
              "gpus", "servers", "data", "shares", "clients", "workers", "jobs", "people", "deliveries",
              "locations", "sites", "facilities", "centers", "centres", "contracts", "orders", "accounts",
              "members", "restaurants", "branches", "patients", "devices", "chips", "homes", "barrels",
              "tonnes", "tons", "ounces", "passengers", "flights", "aircraft", "planes", "ships", "games",
              "downloads", "subscriptions", "hospitals", "plants", "mines", "wells", "rigs", "screens"}


@dataclass(slots=True)
class _Atom:
    start: int
    end: int
    cur: str | None
    num: float
    digits: str
    scale: float | None
    unit: str | None
    plus: bool


def _decimals(digits: str, multiplier: float) -> int:
    """XBRL decimals of a stated number ("55.6" billion -> -8).

    >>> _decimals("55.6", 1e9), _decimals("12,141,000", 1.0), _decimals("49.23", 1.0)
    (-8, -3, 2)
    >>> _decimals("120,000", 1.0), _decimals("5,000", 1.0), _decimals("1000000", 1.0), _decimals("5", 1e9)
    (-4, -2, -5, -9)
    """
    import math

    plain = digits.replace(",", "")
    if "." in plain:
        d = len(plain.split(".")[1])
    else:
        stripped = plain.rstrip("0")
        # Trailing zeros are an implied precision, not a stated one: they may be significant or rounding. Rounding
        # is read from them, but never to fewer than two significant digits ("5,000" is not 4,500-5,500).
        d = -min(len(plain) - len(stripped), len(plain) - 2) if stripped and len(plain) >= 4 else 0
    return d - round(math.log10(multiplier)) if multiplier > 0 else d


_MINUS_BEFORE = re.compile(r"\b(?:minus(?<!plus or minus)|negative)\s+$", re.IGNORECASE)  # not "plus or minus 2%"


def _minus_before(text: str, start: int) -> re.Match[str] | None:
    """``_MINUS_BEFORE`` in the ten characters before ``start``; an ASCII window without "minus" or "negative" (in
    any case) holds no match, and is answered without the scan."""
    lo = max(0, start - 10)
    window = text[lo:start]
    if window.isascii() and "minus" not in (low := window.lower()) and "negative" not in low:
        return None
    return _MINUS_BEFORE.search(text, lo, start)


# "EUR15-20m": the second number of a range after a currency takes a one-letter scale ("m") too
_DOTTED_FRACTION = re.compile(r"([0-9]+\.[0-9]+)-([0-9]+)/([0-9]+)")
_CUR_NUM_DASH = re.compile(rf"(?:{factored(_CUR_RE)})\s?\d[\d.,]*\s?(?:-|–|to)\s?$")


_CUR_NUM_DASH_SCALED = re.compile(rf"(?:{factored(_CUR_RE)})\s?\d[\d.,]*\s?(?:{_SCALE_RE})?\s?-$")
_LEAD = 24  # a match of _ATOM starts at most this many characters before its first digit ("( x20ac ) 4")


def _atom_matches(text: str) -> Iterator[re.Match[str]]:
    """The matches of ``_ATOM.finditer(text)``, found faster: the scan jumps to a little before the next digit
    (every match has one within ``_LEAD`` characters of its start, so no match is skipped).

    >>> text = "sales of EUR 5 mn and 7% later"
    >>> [m.group(0) for m in _atom_matches(text)] == [m.group(0) for m in _ATOM.finditer(text)]
    True
    """
    pattern = _ATOM_RICH if _needs_rich(text) else _ATOM
    digits = _DIGIT if text.isascii() else _DIGIT_ANY
    pos = 0
    while True:
        digit = digits.search(text, pos)
        if digit is None:
            return
        m = pattern.search(text, max(pos, digit.start() - _LEAD))
        if m is None:
            return
        yield m
        pos = max(m.end(), m.start() + 1)


# "7-11/16 7-3/4 pct": a bid and an offer quoted side by side, the unit after the second only
_MIXED = re.compile(r"\d+-\d{1,2}/\d{1,2}")
_QUOTE_PAIR = re.compile(r"\s\d+-\d{1,2}/\d{1,2}\s?(?:pct|%|per\s?cent|percent)(?![a-zA-Z])")


_ARTICLE_BEFORE = re.compile(r"\b[Aa]n?\s+$")
_SCALED_AFTER = re.compile(r"\s?(?:and|to|-|–)\s?\d+(?:\.\d+)?\s?(?:million|billion|mln|bln|mn|bn|m)\b")
_IN_BEFORE = re.compile(r"(?i)\b(?:in|constant|real|nominal|of)\s+$")


def _atoms(text: str) -> list[_Atom]:
    out = []
    for m in _atom_matches(text):
        digits = m.group("num")
        if m.group("us"):  # "$ 61US million", "$ 22US .71": "US$" split by a tokeniser
            if m.group("cur") != "$":
                continue
            digits += (m.group("usfrac") or "").strip()
        if " " in digits and "/" not in digits:  # "EUR15 .1 m", "EUR106 ,000": a number split by a tokeniser,
            # after a currency only (or a range's dash after one: "EUR 950mn-1 ,000 mn"); "250 000 Euros"
            if not m.group("cur") and not m.group("unit") and not (text[m.start("num") - 1:m.start("num")] == "-"
                                           and _CUR_NUM_DASH_SCALED.search(text, max(0, m.start() - 24), m.start())):
                continue
            digits = digits.replace(" ", "")
        if digits[-1] in _VULGAR:  # "2½%"
            num = float(digits[:-1] or 0) + _VULGAR[digits[-1]]
            digits = repr(num)
        elif "/" in digits:
            if not (m.group("unit") or m.group("cur") or m.group("cur2")
                    or ("-" in digits and (_QUOTE_PAIR.match(text, m.end()) or _FROM_UNIT.match(text, m.end())))):
                continue  # "3/12" is a date, "6-1/8 pct" a number ("to 7-1/2 from 7-3/4 pct" one too)
            if "." in digits:  # "2.11-3/4 dlrs": 2.11 and three quarters of the last digit (2.1175)
                if (dotted := _DOTTED_FRACTION.fullmatch(digits)) is None:
                    continue  # ("0/2 .0", digits of other scripts: no number)
                whole, n, d = dotted.groups()
                step = 10.0 ** -len(whole.partition(".")[2])
                num = round(float(whole) + int(n) / max(int(d), 1) * step, 10)
                digits = repr(num)
            else:
                parsed = parse_number(digits)
                if parsed is None:
                    continue
                num, digits = parsed, digits_of(digits)
        else:
            if "," in digits and _DECIMAL_COMMA.fullmatch(digits):
                digits = digits.replace(",", ".")  # "5,19 per cent"
            elif digits.count(",") > 1:
                digits = regrouped(digits)  # "1,732,00 dlrs": 1,732,000
            try:
                num = float(digits.replace(",", ""))
            except ValueError:
                continue
        start = m.start() if m.group("cur") else m.start("neg") if m.group("neg") else m.start("num")
        if m.group("neg") or m.group("neg0"):
            num, digits = -num, "-" + digits
        elif (minus := _minus_before(text, start)) is not None:
            num, digits, start = -num, "-" + digits, minus.start()  # "minus 3 pct", "negative 2 percent"
        scale_word = m.group("scale")
        cur = m.group("cur") or m.group("cur2")
        scale = None
        end = m.end()
        if scale_word:
            key = " ".join(scale_word.lower().split())
            if (len(scale_word) == 1 or scale_word in _CUR_SCALES) and not cur \
                    and not _CUR_NUM_DASH.search(text, max(0, m.start() - 16), m.start()):
                # "5 m" without a currency is not a scale; keep the bare number.
                end = m.start("scale")
                scale_word = None
            else:
                scale = _SCALE.get(key)
        if cur == "E" and scale is None:
            continue  # "E36 .4 million" is euros; "E85" is no amount
        if cur in ("Euro", "EURO") and scale is None and len(digits) == 1 and not m.group("unit") \
                and not _SCALED_AFTER.match(text, end):
            continue  # "Euro 5 and 6 emission standards" ("between Euro 2 and 3 million" is a range)
        if cur is not None and len(cur) == 4 and cur[0] == "M" and scale is None:
            cur, scale = cur[1:], 1e6  # "MEUR 307.8": millions of euros
        unit = m.group("unit")
        if unit and scale_word is None and m.group("scale") and end < m.start("unit"):
            unit = None
        if end < m.end() and unit is None:
            end = m.end("num") if not m.group("plus") else m.end("plus")
        if unit == "mark" and not (scale and (_ARTICLE_BEFORE.search(text, max(0, start - 4), start)
                                              or noun_after(text, m.end()))):
            if not cur:
                continue  # "a 300 mln mark issue" is money, "the one mln mark" a milestone
            unit, end = None, m.end("scale") if scale_word else m.end("num")  # "around the pounds 4,805 mark"
        after = text[end:end + 1]
        if after and ((after.isalnum() and after not in "¹²³⁴⁵⁶⁷⁸⁹⁰") or after in "'’") and unit is None \
                and not (cur and after.islower() and text[end:end + 4].lower() in ("per ", "a sh")):
            continue  # "3Q25", "Q1'26" parts, "2025-style" tokens ("$0.50per share" is an amount)
        if not unit and not cur and not scale and _TIME_NOUN.match(text[end:end + 12]):
            continue
        if unit and unit.lower().startswith("dollar") and not cur and not scale and len(digits) == 4 \
                and digits[:2] in ("19", "20") and _IN_BEFORE.search(text, max(0, start - 12), start):
            continue  # "in 2019 dollars": a year's prices, no amount
        out.append(_Atom(start, end, cur, num, digits, scale, unit, bool(m.group("plus") or m.group("plus2"))))
    return out


def local_dollar_signs() -> dict[str, re.Pattern[str]]:
    """For each dollar other than the U.S. one, a pattern of its signs in the currency table ("A$", "AU$", "AUD$",
    "$A" for the Australian dollar): a story from that country that uses one means the U.S. dollar by a bare "$".

    >>> signs = local_dollar_signs()
    >>> [bool(signs["AUD"].search(t)) for t in ("rose to A$40.18", "AUD$5", "$A1.2bn", "US$5", "CA$3", "a $5 fee")]
    [True, True, True, False, False, False]
    >>> [bool(signs["CAD"].search(t)) for t in ("C$1.2 billion", "Can$3", "US$5")], "USD" in signs
    ([True, True, False], False)
    """
    signs: dict[str, list[str]] = {}
    for key, code in _CURRENCY.items():
        if code == "USD" or key == "$" or "$" not in key:
            continue
        sign = rf"\b{re.escape(key[:-1])}\$" if key.endswith("$") else rf"\${re.escape(key[1:])}(?=\s?\d)"
        signs.setdefault(code, []).append(sign)
    return {code: re.compile("|".join(alts), re.IGNORECASE) for code, alts in signs.items()}


def _code(cur: str) -> str | None:
    """The ISO code of a currency sign or code as written ("US$", "Rs.", "( x20ac )").

    >>> _code("US$"), _code("Rs."), _code("( x20ac )"), _code("euro")
    ('USD', 'INR', 'EUR', 'EUR')
    >>> _code("& euro ;"), _code("&pound;")
    ('EUR', 'GBP')
    """
    return _CURRENCY.get(cur.strip("()&; ").lower().rstrip("."))


def _national(unit: str) -> str | None:
    """The currency of "canadian dlrs", "swiss francs", "new zealand dollars" (lower case, single spaces).

    >>> [_national(u) for u in ("canadian dlrs", "swiss francs", "danish crowns", "percentage points")]
    ['CAD', 'CHF', 'DKK', None]
    """
    nation = unit.rpartition(" ")[0]
    if nation.startswith("per") or nation.startswith("basis"):
        return None
    return _NATIONAL.get(nation)


# currency names in the singular, money only with a scale ("a 10 mln guilder subsidy")
_DENOMINATIONS = frozenset({"crown", "guilder", "ecu", "riyal"})


# the currency a note names in words ("(in millions of euros)", "in thousands of Canadian dollars", "Swiss francs")
_NAMED_WORDS = sorted((w for w in _CURRENCY_WORD if " " not in w and w not in (
    "dollar", "dollars", "dlr", "dlrs", "cts", "cents", "cent", "real", "usd", "eur", "gbp", "jpy", "chf", "sek", "nok",
    "dkk", "sdr", "sdrs", "stg")), key=len, reverse=True)
_NAMED_CURRENCY = re.compile(rf"(?i)\b(?:(?P<nation>{_NAT_RE})\s+)?(?P<word>{'|'.join(_NAMED_WORDS)}|dollars?|dlrs)\b")


def currency_named(note: str) -> str | None:
    """The currency a short note names in words; a dollar without a nationality names none (the article's dollar).

    >>> currency_named("(in millions of euros)"), currency_named("in thousands of Canadian dollars")
    ('EUR', 'CAD')
    >>> currency_named("(millions of yen, except per share)"), currency_named("in millions of dollars")
    ('JPY', None)
    """
    for m in _NAMED_CURRENCY.finditer(note):
        if m.group("nation"):
            code = _national(" ".join(f"{m.group('nation')} {m.group('word')}".lower().split()))
            if code is not None:
                return code
        word = m.group("word").lower()
        if word not in ("dollar", "dollars", "dlrs"):
            return _CURRENCY_WORD.get(word)
    return None


def _kind_unit(atom: _Atom) -> tuple[str, str, float] | None:
    """The quantity kind, its unit and the multiplier to base units."""
    unit = " ".join((atom.unit or "").lower().split())
    scale = atom.scale or 1.0
    if atom.cur and unit == "%" and not atom.scale:
        return ("percent", "percent", 1.0)  # "to $15.5%": a slip of the pen; the unit is the percent
    if atom.cur:
        return ("money", _code(atom.cur) or "USD", scale)
    if " " in unit and (national := _national(unit)) is not None:
        cents = unit.endswith(("cent", "cents", "ct", "cts"))  # "two U.S. cents", "one Canadian ct"
        return ("money", national, scale * 0.01 if cents else scale)
    if unit in ("cts", "cents", "cent", "ct", "c", "¢"):  # ("91c a share": Australian and New Zealand cents)
        return ("money", "USD", scale * 0.01)
    if unit in ("pence", "p"):
        return ("money", "GBP", scale * 0.01)
    if unit in _CURRENCY_WORD:
        if unit in _DENOMINATIONS and not atom.scale and not atom.cur:
            return None  # "a 500 mln crown loan" is money, "3 crown jewels" not
        return ("money", _CURRENCY_WORD[unit], scale)
    if unit.startswith("european"):
        return ("money", "XEU", scale)
    if unit.startswith("pounds"):
        return ("money", "GBP", scale)
    if unit.startswith("percentage") or unit in ("pp", "ppt", "ppts"):
        return ("points", "pp", 1.0)
    if unit in ("%", "pct", "pct.", "percent", "per cent", "pc", "p.c.") or unit.startswith("per"):
        return ("percent", "percent", 1.0)
    if unit.startswith("basis") or unit in ("bps", "bp", "bips"):
        return ("points", "pp", 0.01)
    if unit in ("x", "times") or unit.endswith("fold"):
        return ("multiple", "x", 1.0)
    if unit in _POWER:
        return ("power", "W", _POWER[unit] * scale)
    if scale != 1.0:
        return ("count", "count", scale)
    return None


_LOWER_WORD_BEFORE = re.compile(r"[a-z][a-z.,]*\s+$")
# what _word_atoms needs: one of these, or "ct" after a space
_WORD_UNITS = ("cent", "pct", "cts", "dlr", "dollar", "euro", "pound", "yen", "mark", "franc", "stg", "pence", "yuan",
               "crown", "kron", "rupee", "rand", "guilder", "lire", "kroon", "basis", "peso", "schilling", "zlot",
               "forint", "rouble", "ruble", "real", "reais", "lira", "peseta", "punt", "korun", "markk", "lats", "litas",
               "won", "ecu", "escudo", "ringgit", "baht", "rupiah", "riyal", "dirham", "shekel", "sdr", "european")
_SPACE_CT = re.compile(r"\sct")
# what a number or a fraction in words holds (or "a" before a percent unit)
_NUMBER_STEMS = ("one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
                 "teen", "twenty", "thirty", "forty", "fifty", "nil", "zero", "half", "halves", "quarter", "third", "a per",
                 "a pct", "a million", "a billion", "a trillion", "hundred")


_NUMERATOR = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
              "nine": 9, "eleven": 11, "thirteen": 13, "fifteen": 15}
_DENOMINATOR = {"hal": 2, "thi": 3, "qua": 4, "eig": 8, "six": 16, "ten": 10}
_OF_ONE = re.compile(r"\sof\s+(?:1|one)\s", re.IGNORECASE)


_WHOLE_AND = re.compile(r"(?i)(?<![\w.,-])(\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?|"
                        r"one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|"
                        r"sixteen|seventeen|eighteen|nineteen)\s+and\s+$")
_OF_AFTER = re.compile(r"\s+of\b", re.IGNORECASE)
_AS_BEFORE = re.compile(r"\b(?:as|is)\s+$", re.IGNORECASE)


def _fraction_atom(text: str, u_start: int, u_end: int, u_text: str) -> _Atom | None:
    """A fraction in words or "a" right before a unit ("half a percentage point", "one-half cent")."""
    m = _FRACTION_BEFORE.search(text, max(0, u_start - 48), u_start)
    if m is None:
        return None
    den = m.group("den")
    start, whole = m.start(), 0.0
    if den is None:  # "a" alone
        if u_text.lower().startswith("cent") or _OF_AFTER.match(text, u_end) \
                or _AS_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            return None  # "as a percent of net sales", "not a cent" are no figures
        num = 1.0
    else:
        numer = m.group("numer")
        if numer is None and den.lower()[:3] not in ("hal", "qua"):
            return None  # "third percent"
        num = _NUMERATOR[(numer or "one").lower()] / _DENOMINATOR[den.lower()[:3]]
        if (w := _WHOLE_AND.search(text, max(0, start - 24), start)) is not None:
            whole = parse_number(w.group(1)) or 0.0  # "eleven and three-quarters pct"
            start = w.start(1)
    num += whole
    digits = repr(num).rstrip("0").rstrip(".") if not num.is_integer() else str(int(num))
    return _Atom(start, u_end, None, num, digits, None, u_text, False)


def _number_atoms(text: str, u_start: int, u_end: int, u_text: str) -> list[_Atom]:
    """A number in words (and the first number of a range in words) right before a unit."""
    m = _WORD_BEFORE.search(text, max(0, u_start - 80), u_start)
    if m is None:
        return []
    word = m.group("num").lower()
    if word in ("a", "an", "half a", "half an") or word.startswith("half"):  # "a billion dollars", "half a billion"
        value: float | None = 0.5 if word.startswith("half") else 1.0
    else:
        value = parse_number(m.group("num"))
    if value is not None and m.group("dec"):  # "twelve point five billion dollars"
        value += float("0." + "".join(str(_ONES.index(d.lower())) for d in m.group("dec").split()))
    if value is None or (m.group("num")[0].isupper() and _LOWER_WORD_BEFORE.search(text, max(0, m.start() - 24),
                                                                                     m.start())):
        return []  # "the Group of Seven dollar accord": a capital mid-sentence names something
    unit = u_text
    if m.group("nat"):
        unit = text[m.start("nat"):u_end]
    elif not _BASE_WORD_UNIT.fullmatch(unit):
        return []  # "two real": a currency noun that needs its nation
    scale = _SCALE.get(m.group("scale").lower()) if m.group("scale") else None
    if scale is None and value != 1 and m.group("nat") and unit.lower().endswith(("dollar", "dlr", "franc")):
        return []  # "two Canadian dollar issues": a denomination, not an amount ("a six dlr per share bid" is)
    out = []
    if unit.lower() == "mark" and not (scale and (_ARTICLE_BEFORE.search(text, max(0, m.start() - 4), m.start())
                                                  or noun_after(text, u_end))):
        return []  # "a three billion mark bond" is money, "the one million mark" a milestone
    num_start = m.start("num")
    if m.group("lo") and m.group("lo").lower().endswith("hundred") and not m.group("loscale") and value < 100 \
            and "and" in text[m.end("lo"):m.start("num")].lower():
        value += parse_number(m.group("lo")) or 0.0  # "one hundred and fifty basis points": one number
        num_start = m.start("lo")
    elif m.group("lo") and (first := parse_number(m.group("lo"))) is not None:
        lo_scale = _SCALE.get(m.group("loscale").lower()) if m.group("loscale") else None
        if first < 10 and m.group("num").lower().endswith("hundred"):
            first *= 100  # "two to three hundred dollars"
        out.append(_Atom(m.start("lo"), m.end("loscale") if lo_scale else m.end("lo"), None, first, str(int(first)),
                         lo_scale, None, False))
    if m.group("half"):  # "one and a half billion dollars"
        value += 0.5
    if scale is None and not value.is_integer():
        return out  # "half a dollar", "point five dollars": no amount said this way
    out.append(_Atom(num_start, u_end, None, value, str(int(value)) if value.is_integer() else repr(value), scale,
                     unit, False))
    return out


# "a quarter-point rate cut", "a half-point rise", "three-quarter-point", "a quarter percentage point" (percentage
# points in a rate's idiom; "half a point" alone may be a share price and is left out)
_POINT_FRACTION = re.compile(r"(?i)(?<![\w-])(?:(?P<three>three)[\s-])?(?P<den>quarter|half)"
                             r"(?:-point|[\s-]percentage[\s-]points?)(?![\w-])")


def _point_fractions(text: str) -> list[_Atom]:
    """Fractions of a percentage point in a rate's idiom.

    >>> [(a.num, a.unit) for a in _point_fractions("a quarter-point cut and a three-quarter-point rise")]
    [(0.25, 'percentage point'), (0.75, 'percentage point')]
    """
    out = []
    for m in _POINT_FRACTION.finditer(text):
        num = (0.25 if m.group("den").lower() == "quarter" else 0.5) * (3 if m.group("three") else 1)
        out.append(_Atom(m.start(), m.end(), None, num, repr(num), None, "percentage point", False))
    return out


def _word_atoms(text: str, low: str | None = None) -> list[_Atom]:
    """Numbers in words with a scale or unit ("two cts", "eighty-five mln dlrs", "one per cent", "five mln Canadian
    dlrs"); fractions in words and "a" before a percent or cent unit ("half a percentage point", "a quarter of a per
    cent", "one-half cent", "three-eighths pct"); the first number of a range in words ("one to two pct", "between
    one and two mln dlrs") is an atom of its own, without a unit, for :func:`_range` to join. The scan looks for the
    units first (few in a text) and reads the words before each.

    >>> [(a.num, a.scale, a.unit) for a in _word_atoms("between one and two mln dlrs")]
    [(1.0, None, None), (2.0, 1000000.0, 'dlrs')]
    >>> [(a.num, a.unit) for a in _word_atoms("down half a percentage point, only a per cent smaller")]
    [(0.5, 'percentage point'), (1.0, 'per cent')]
    >>> [(a.num, a.unit) for a in _word_atoms("cut one-half cent, then three-eighths pct")]
    [(0.5, 'cent'), (0.375, 'pct')]
    >>> _word_atoms("costs as a percent of sales, a percent of which, not a cent, two real")
    []
    >>> t = "rates of eleven and three-quarters pct and 5 and a half pct"
    >>> [(a.num, t[a.start:a.end]) for a in _word_atoms(t)]
    [(11.75, 'eleven and three-quarters pct'), (5.5, '5 and a half pct')]
    """
    low = text.lower() if low is None else low  # (``low``: ``text.lower()``, if the caller has it)
    if len(low) == len(text) and _WORD_UNIT_CUE.search(low) is None:
        return []  # (no unit: the scan below finds nothing; this test is cheaper than the word gates on most sentences)
    if not any_word(low, _NUMBER_STEMS) or \
            not (any_word(low, _WORD_UNITS) or ("ct" in low and _SPACE_CT.search(low))):
        return []
    out: list[_Atom] = []
    # the lower-case scan is three times faster than a case-blind one; it needs the same offsets
    units = _WORD_UNIT_LOW.finditer(low) if len(low) == len(text) else _WORD_UNIT.finditer(text)
    for u in units:
        u_start, u_end = u.span()
        fraction = _fraction_atom(text, u_start, u_end, text[u_start:u_end]) if u.group("pc") else None
        if fraction is not None:
            out.append(fraction)
        else:
            out.extend(_number_atoms(text, u_start, u_end, text[u_start:u_end]))
    return out


_BASE_UNITS = (r"per[\s-]?cent|percent|pct|percentage[\s-]+points?|basis\s+points?|cts|ct|cents?|dlrs?|dollars?|euros?|"
               r"pounds(?:\s+sterling)?|pence|yen|yuan|marks?|francs?|stg|crowns|kronor|rupees|rand|guilders|lire|kroons|"
               r"ecus?|pesos|reais|pesetas|schillings|escudos|markkaa|markka|zloty|ringgit|baht|rupiah|riyals|dirhams|shekels|"
               r"sdrs?|european\s+currency\s+units?")
_BASE_WORD_UNIT = re.compile(_BASE_UNITS, re.IGNORECASE)
# the units a number in words can take ("pc": those a fraction in words can take too)
_WORD_UNIT_RE = (rf"(?<=[\s-])(?P<unit>(?P<pc>per[\s-]?cent|percent|percentage[\s-]+points?|pct|cents?)|"
                 rf"{_BASE_UNITS}|{_NAT_NOUN_RE})(?![a-zA-Z])")
_WORD_UNIT = re.compile(_WORD_UNIT_RE, re.IGNORECASE)
_WORD_UNIT_LOW = re.compile(_WORD_UNIT_RE.replace("(?i:", "(?:"))  # for lower-cased text
# whether _WORD_UNIT_LOW matches somewhere: the same units (every branch, in any order: a match exists where one
# branch matches) grouped by their first letter and led by the space or dash before them, for a fast scan
_PC_UNITS = r"per[\s-]?cent|percent|percentage[\s-]+points?|pct|cents?"
_WORD_UNIT_CUE = re.compile(
    r"[\s-](?:" + factored(f"{_PC_UNITS}|{_BASE_UNITS}|{_NAT_NOUN_RE[len('(?i:'):-1]}") + r")(?![a-zA-Z])")
_IN_STEP = rf"(?<=[\s-])(?P<unit>(?P<pc>{_PC_UNITS})|{_BASE_UNITS}|{_NAT_NOUN_RE})(?![a-zA-Z])"
assert _IN_STEP == _WORD_UNIT_RE and _NAT_NOUN_RE.startswith("(?i:"), "keep _WORD_UNIT_CUE in step with _WORD_UNIT_RE"
_DIGIT_WORD = r"(?:zero|one|two|three|four|five|six|seven|eight|nine)"
_WORD_BEFORE = re.compile(
    rf"(?<![\w-])(?:(?P<lo>{WORD_NUMBER})(?:\s+(?P<loscale>million|billion|trillion|thousand|mln|bln|bn|mn))?"
    rf"\s+(?:to|and)\s+)?(?P<num>{WORD_NUMBER}|(?:half\s+)?an?(?=\s+(?:million|billion|trillion)\b))"
    rf"(?P<half>\s+and\s+a\s+half)?(?:\s+point\s+(?P<dec>{_DIGIT_WORD}(?:\s+{_DIGIT_WORD})?))?"
    rf"(?:[\s-]+(?P<scale>million|billion|trillion|thousand|mln|bln|bn|mn))?[\s-]+(?:(?P<nat>{_NAT_RE})\s+)?$",
    re.IGNORECASE)
_ONES = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
_FRACTION_BEFORE = re.compile(
    r"(?<![\w-])(?P<num>(?:(?P<numer>an?|one|two|three|four|five|six|seven|eight|nine|eleven|thirteen|fifteen)[\s-]+)?"
    r"(?P<den>half|halves|thirds?|quarters?|eighths?|sixteenths?|tenths?)"
    r"(?:\s+of\s+(?:1|one)(?=\s)|(?:\s+of)?(?:\s+an?(?=\s))?)|a)[\s-]+$",
    re.IGNORECASE)


# Accounting negatives: "$(12.1) million", "$ (0.05)"; inside the brackets ("($0.12)") only after a verb or a
# colon, since "182.4 billion won (US$134 million)" is a conversion
_PAREN_NEG = re.compile(
    r"(?:(?P<cur>US\$|C\$|A\$|\$|€|£|¥)\s?\(\s?(?P<num>\d[\d,]*(?:\.\d+)?)\s?\)|"
    r"\((?:(?<=\bwas\s\()|(?<=\bwere\s\()|(?<=\bof\s\()|(?<=\bis\s\()|(?<=:\s\()|(?<=\bto\s\()|(?<=\bwith\s\()|"
    r"(?<=\bvs\s\()|(?<=\bversus\s\())"
    r"\s?(?P<cur2>US\$|C\$|A\$|\$|€|£|¥)\s?(?P<num2>\d[\d,]*(?:\.\d+)?)(?P<in>\s?(?:million|billion|mln|bln|mn|bn|m|b)\b)?\s?\))"
    r"(?:\s?(?P<scale>million|billion|thousand|trillion|mln|bln|mn|bn|m|b|k)\b)?", re.IGNORECASE)


def _paren_negatives(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """Atoms of accounting negatives, in place of the positive atoms found inside them.

    >>> [(a.num, a.scale) for a in _paren_negatives("a loss of $(12.1) million", [])]
    [(-12.1, 1000000.0)]
    """
    if "(" not in text:
        return atoms
    found = []
    for m in _PAREN_NEG.finditer(text):
        digits = m.group("num") or m.group("num2")
        cur = m.group("cur") or m.group("cur2")
        scale_word = (m.group("in") or m.group("scale") or "").strip()
        if len(scale_word) == 1 and m.group("scale"):
            scale_word = ""
        scale = _SCALE.get(scale_word.lower()) if scale_word else None
        end = m.end() if m.group("scale") and scale is not None else (m.end("in") + 1 if m.group("in") else
                                                                      m.end("num") + 1 if m.group("num") else m.end())
        end = min(end, len(text))
        found.append(_Atom(m.start(), end, cur, -float(digits.replace(",", "")), "-" + digits, scale, None, False))
    if not found:
        return atoms
    kept = [a for a in atoms if not any(f.start <= a.start < f.end or a.start <= f.start < a.end for f in found)]
    return sorted(kept + found, key=lambda a: a.start)


# "EUR 105.8 ( 83.4 ) million", "EUR -3.5 ( +1.2 ) million", "EUR 57.7 11.1 million" (the brackets lost), "EUR 0.25
# ( 0.31 )": a figure and the year-earlier one in brackets, sharing the currency and the scale
_PAIR_NUM = r"[-+]?(?:\d{1,3}(?: \d{3})+(?![\d,])(?:\.\d+)?|\d+(?:,\d{3})*(?:\.\d+)?|\d+,\d{1,2})(?![\d,])"
_PRIOR_PAIR = re.compile(
    rf"(?<![\w.,])(?P<cur>{factored(_CUR_RE)})\s?(?P<a>{_PAIR_NUM})\s"
    rf"(?:\(\s?(?P<b>{_PAIR_NUM})\s?\)|(?P<b2>{_PAIR_NUM}))"
    r"(?:\s?(?P<scale>million|mln|mn|m|billion|bln|bn)(?![a-zA-Z]))?")
# what every pair holds, looked for first (each led by a literal, for a fast scan): "1 ( 8", "0.04 -0.0", "7,7 1,4"
_PAIR_CUES = (re.compile(r" \((?<=\d \()\s?[-+]?\d"), re.compile(r"\.\d+ [-+]?\d+\.\d"), re.compile(r",\d{1,2} \d+,\d"))
# each with the literal it starts with, looked for first
_PAIR_CUES_BY_LITERAL = tuple(zip(_PAIR_CUES, (" (", ".", ","), strict=True))
assert all(cue.pattern.startswith(source) for cue, source in zip(_PAIR_CUES, (r" \(", r"\.", ","), strict=True)), \
    "keep the literals in step with the cues"


def _pair_digits(digits: str) -> str:
    d = digits.lstrip("+").replace(" ", "")
    return d.replace(",", ".") if _DECIMAL_COMMA.fullmatch(d.lstrip("-")) else d.replace(",", "")


def _prior_pairs(text: str, atoms: list[_Atom]) -> list[_Atom]:
    """Atoms of a figure and its year-earlier figure in brackets after one currency, in place of the atoms found there.

    >>> [(a.num, a.scale, a.cur) for a in _prior_pairs("was EUR 105.8 ( 83.4 ) million", [])]
    [(105.8, 1000000.0, 'EUR'), (83.4, 1000000.0, 'EUR')]
    >>> [(a.num, a.scale) for a in _prior_pairs("was EUR 2 251.0 ( 1 281.4 ) million and EUR -0.04 -0.06", [])]
    [(2251.0, 1000000.0), (1281.4, 1000000.0), (-0.04, None), (-0.06, None)]
    >>> _prior_pairs("EUR 5 2009, EUR 1.2 ( 2007 ), EUR 3 4 million", [])
    []
    """
    found: list[_Atom] = []
    seen = -1
    cues = [c for cue, literal in _PAIR_CUES_BY_LITERAL if literal in text for c in cue.finditer(text)]
    if not cues:
        return atoms
    cues.sort(key=lambda c: c.start())
    for cue in cues:
        m = _PRIOR_PAIR.search(text, max(seen + 1, cue.start() - 40), cue.end() + 40)
        if m is None or m.start() <= seen:
            continue
        seen = m.end()
        a, b = m.group("a"), m.group("b") or m.group("b2")
        if m.group("b2") and not (("." in a or "," in a) and ("." in b or "," in b)):
            continue  # "EUR 3 4 million": two whole numbers side by side are no pair
        if re.fullmatch(r"(?:19|20)\d\d", b):
            continue  # "EUR 1.2 ( 2007 )": a year
        scale = _SCALE.get(m.group("scale").lower()) if m.group("scale") else None
        da, db = _pair_digits(a), _pair_digits(b)
        b_start = m.start("b") if m.group("b") else m.start("b2")
        found.append(_Atom(m.start(), m.end("a"), m.group("cur"), float(da), da, scale, None, False))
        found.append(_Atom(b_start, m.end(), m.group("cur"), float(db), db, scale, None, False))
    if not found:
        return atoms
    kept = [a for a in atoms if not any(f.start <= a.start < f.end or a.start <= f.start < a.end for f in found)]
    return sorted(kept + found, key=lambda a: a.start)


def find_quantities(text: str, currency: str | None = None, *, bare: bool = True) -> list[Quantity]:
    """Every quantity in ``text``, with ranges merged and hedges applied.

    ``currency`` is the currency of the place the text was filed from (the dateline's, "USD" when there is none);
    when not given it is read from a dateline at the start of ``text``. "dlrs" and "cts" without "U.S." are that
    place's dollars (:func:`local_dollars`), and an amount written without a currency in wire prose ("net income of
    3,321,000") is money in it (:func:`bare_amounts`; ``bare=False`` leaves them out).

    >>> [(q.value.low, q.value.high, q.value.qualifier.value) for q in find_quantities("$12–14 billion")]
    [(12000000000.0, 14000000000.0, 'range')]
    >>> [(q.text, q.value.unit) for q in find_quantities("TORONTO, March 3 - Net profit 1,200,000 dlrs vs 900,000")]
    [('1,200,000 dlrs', 'CAD'), ('900,000', 'CAD')]
    """
    has_digit = (_DIGIT if text.isascii() else _DIGIT_ANY).search(text) is not None
    low = text.lower()
    words = _word_atoms(text, low)
    if "point" in text and (points := _point_fractions(text)):
        words = sorted(words + [p for p in points if not any(w.start < p.end and p.start < w.end for w in words)],
                       key=lambda w: w.start)
    if not has_digit and not words:
        # no atom, accounting negative, bracketed pair, slash quote, bare amount or share price is written without
        # a digit: only the change words ("doubled") are left to find
        changes = _change_words(text, [], low)
        changes.sort(key=lambda q: q.start)
        return changes
    atoms = _atoms(text) if has_digit else []  # every atom has a digit
    atoms = _paren_negatives(text, atoms)
    atoms = _prior_pairs(text, atoms)
    if words:  # a number in words wins over a bare number it covers ("5 and a half pct"), not over an amount
        # ("three-tenths of 1 percent" wins over the "1 percent" it holds)
        words = [w for w in words if not any(a.start < w.end and w.start < a.end and (a.unit or a.cur or a.scale)
                                             and not (w.start <= a.start and _OF_ONE.search(text, w.start, w.end))
                                             for a in atoms)]
        atoms = sorted([a for a in atoms if not any(a.start < w.end and w.start < a.end for w in words)] + words,
                       key=lambda a: a.start)
    out: list[Quantity] = []
    i = 0
    while i < len(atoms):
        a = atoms[i]
        b = atoms[i + 1] if i + 1 < len(atoms) else None
        merged = _range(text, a, b)
        if merged is not None:
            out.append(merged)
            i += 2
            continue
        q = _single(text, _shared_unit(text, a, b) or a)
        if q is None and out:
            q = _compared_level(text, a, out[-1])
        if q is not None:
            out.append(q)
        i += 1
    if out and any(map(text.__contains__, _PHYSICAL_WORDS)):
        out = [q for q in out if not (q.kind == "money" and (_PHYSICAL_AFTER.match(text, q.end) or (
            q.text.lower().endswith(("pounds", "pound")) and _POUNDS_OF.match(text, q.end - len(q.text.split()[-1])))))]
    local = currency or _dateline_currency(text)
    if "/" in text:
        out.extend(_slash_quotes(text, out))
        out.sort(key=lambda q: q.start)
    out = local_dollars(text, out, local)  # before a compared amount takes the currency of the one before it
    out = national_currency(text, out, local)
    _compared_money(text, out)
    omitted_currency(text, out)
    omitted_scale(text, out)
    if _CHANGE_STEMS[0] in low or _CHANGE_STEMS[1] in low or _CHANGE_STEMS[2] in low or _CHANGE_STEMS[3] in low:
        out.extend(_change_words(text, out, low))  # (the test inline: most sentences have none of the stems)
    if "from" in text and (olds := _old_rates(text, out)):
        out.extend(olds)
    if bare and "," in text and (amounts := bare_amounts(text, out, local)):
        out.extend(amounts)
    if bare and "/" in text and (_SHARES_WORD.search(text) or _FRACTION_MOVE.search(text)):
        out.extend(share_prices(text, out, local))
    out.sort(key=lambda q: q.start)
    if len(out) > 1 and " and " in text:
        _shared_hedge(text, out)
    if "flat to" in low:
        _flat_to(text, out)
    return out


# "flat to down 1%", "flat to up 2 percent", "flat to 2%": a range from no change to the figure
_FLAT_TO = re.compile(r"(?i)\bflat\s+to\s+(?:(?:down|up|lower|higher)\s+)?(?:about\s+|around\s+)?$")


def _flat_to(text: str, out: list[Quantity]) -> None:
    """A percentage after "flat to" is the far end of a range that starts at no change (its sign is the clause's).

    >>> [(q.value.low, q.value.high) for q in find_quantities("sales flat to down 1%")]
    [(0.0, 1.0)]
    """
    for n, q in enumerate(out):
        if q.kind == "percent" and q.value.low >= 0 and _FLAT_TO.search(text, max(0, q.start - 30), q.start):
            out[n] = dataclasses.replace(q, value=dataclasses.replace(q.value, low=0.0, qualifier=Qualifier.RANGE))


# "losses of about 57 mln dlrs for the fourth quarter and 68 mln dlrs for the full year": the hedge before the
# first figure holds for the one joined to it (only the period between them, then "and")
_APPROX_LEAD = re.compile(r"(?i)(?:about|approximately|approx\.?|roughly|around)\b")
_SHARED_HEDGE_GAP = re.compile(r"(?i)\s*(?:(?:for|in|during)\s+(?:the\s+)?(?:(?:first|second|third|fourth|full|fiscal|"
                               r"current|latest|past)[\s-]+)*(?:quarter|year|half|(?:six|nine)\s+months|period|"
                               r"(?:19|20)\d\d)(?:\s+(?:19|20)\d\d)?\s*,?\s*)?and\s+")


def _shared_hedge(text: str, out: list[Quantity]) -> None:
    for n in range(1, len(out)):
        a, b = out[n - 1], out[n]
        if a.value.qualifier is Qualifier.APPROXIMATE and b.value.qualifier is Qualifier.EXACT and a.kind == b.kind \
                and a.value.unit == b.value.unit and b.value.point is not None and _APPROX_LEAD.match(a.text) \
                and _SHARED_HEDGE_GAP.fullmatch(text, a.end, b.start):
            low, high = _interval(b.value.point, Qualifier.APPROXIMATE, "approx")
            out[n] = dataclasses.replace(b, value=dataclasses.replace(b.value, low=low, high=high,
                                                                        qualifier=Qualifier.APPROXIMATE))


# "3.65/75 pct", "145.10/20 yen", "563/567 dlrs": a bid and an offer (the offer may give only its last digits)
_SLASH_PAIR = re.compile(r"(?<![\w./,-])(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)/(\d{1,3}(?:,\d{3})+|\d+(?:\.\d+)?)(?![\d/])")
_UNIT_AFTER = re.compile(rf"\s?(?:{_UNIT_RE})(?![a-zA-Z])")
_POWERS_OF_TWO = frozenset({"2", "4", "8", "16", "32", "64"})


def _slash_quotes(text: str, found: list[Quantity]) -> list[Quantity]:
    """Bid-offer quotes written with a slash and one unit after both, as ranges.

    >>> [(q.text, q.value.low, q.value.high, q.value.unit) for q in _slash_quotes("at 332.72/75 francs, 3.98/86 pct", [])]
    [('332.72/75 francs', 332.72, 332.75, 'CHF'), ('3.98/86 pct', 3.86, 3.98, 'percent')]
    >>> _slash_quotes("a 50/50 venture, 3/8 pct, 12/31 dlrs", [])
    []
    """
    out: list[Quantity] = []
    for m in _SLASH_PAIR.finditer(text):
        a, b = m.group(1).replace(",", ""), m.group(2).replace(",", "")  # ("2,355/2,360 stg")
        if "." not in a and "." not in b and (len(a) == 1 or (b in _POWERS_OF_TWO and int(a) < int(b))):
            continue  # "3/8 pct" is a fraction, "1/2" no quote
        if any(q.start < m.end() and m.start() < q.end for q in found):
            continue
        unit = _UNIT_AFTER.match(text, m.end())
        if unit is None:
            continue
        if "." not in b and (len(b) <= len(a.partition(".")[2]) if "." in a else len(b) < len(a)):
            b = a[:len(a) - len(b)] + b  # "332.72/75" offers 332.75, "563/67" 567
        lo, hi = sorted((a, b), key=lambda d: float(d))
        if float(hi) > float(lo) * 1.25:
            continue  # a bid and an offer lie close together ("12/31" is a date)
        atom = _Atom(m.start(), unit.end(), None, float(hi), hi, None, unit.group(0).strip(), False)
        ku = _kind_unit(atom)
        if ku is None or ku[0] == "count":
            continue
        kind, code, mult = ku
        low, high = _scaled(lo, mult), _scaled(hi, mult)
        stated = text[m.start():unit.end()]
        decimals = min(_decimals(lo, mult), _decimals(hi, mult))
        out.append(Quantity(m.start(), unit.end(), stated,
                            Value(low, high, code, stated, Qualifier.RANGE, decimals, (low + high) / 2), kind))
    return out


def _dateline_currency(text: str) -> str:
    """The currency of the place in a dateline at the start of ``text`` ("TORONTO, March 19 -" is CAD), else USD."""
    if not text[:1].isupper() or "-" not in text[:100]:
        return "USD"
    from claimgraph.sources.places import dateline

    place = dateline(text)
    return (place.currency if place else None) or "USD"


_DOLLAR_CURRENCIES = {"CAD", "AUD", "NZD", "HKD", "SGD"}
# ("$412.5m", "about $480 million", "between $480 million and $520 million", "91c" in Sydney: A$)
_DLRS = re.compile(r"(?i)\b(?:dlrs?|dollars?|cts?|cents?)\b|^(?:[a-z]+\s+){0,3}\$|(?<=\d)c$")
_US_IN = re.compile(r"\bU\.?S\b")
_US_BEFORE = re.compile(r"(?i)\b(?:U\.?S\.?|American)\s*$")


# countries whose money is counted in cents without being dollars: "257 cents" in a Johannesburg story are rand cents
_CENT_CURRENCIES = {"ZAR"}
_CENTS = re.compile(r"(?i)\b(?:cts?|cents?)\b|(?<=\d)c$")


def local_dollars(text: str, found: list[Quantity], currency: str) -> list[Quantity]:
    """In a story datelined in a dollar country other than the U.S. ("Montreal, March 18 - ..."), "dlrs" without
    "U.S." are that country's dollars; in South Africa, cents are the rand's.

    >>> s = "Revenues will be about 1.2 billion dlrs, or 900 mln U.S. dlrs."
    >>> [q.value.unit for q in local_dollars(s, find_quantities(s), "CAD")]
    ['CAD', 'USD']
    >>> s = "a dividend of 53 cents, or $0.03"
    >>> [q.value.unit for q in local_dollars(s, find_quantities(s), "ZAR")]
    ['ZAR', 'USD']
    """
    if currency not in _DOLLAR_CURRENCIES and currency not in _CENT_CURRENCIES:
        return found
    words = _DLRS if currency in _DOLLAR_CURRENCIES else _CENTS
    out = []
    us_end = -1  # where the last amount written as U.S. dollars ends
    for q in found:
        if q.value.unit == "USD" and words.search(q.text) and not _US_IN.search(q.text) \
                and not _US_BEFORE.search(text[max(0, q.start - 12):q.start]):
            if not (us_end >= 0 and _COMPARED_WITH.match(text, us_end, q.start)):
                q = dataclasses.replace(q, value=dataclasses.replace(q.value, unit=currency))
            # ("a dividend of 40 U.S. cents a share, up from 16 cents": the amount compared with U.S. cents is too)
        elif q.value.unit == "USD":
            us_end = q.end
        if q.kind == "money" and q.value.unit != "USD":
            us_end = -1
        out.append(q)
    return out


_COMPARED_WITH = re.compile(r"[^.;$]{0,40}?\b(?:from|compared\s+(?:with|to)|versus|vs\.?|against)\s+(?:an?\s+)?"
                            r"[^.;$]{0,12}$", re.IGNORECASE)


_BARE_AMOUNT = LeadGuarded(r"(?<![\w$.,/-])", r"(\d{1,3}(?:,\d{3})+)(?![\w]|[.,]\d)", "$.,/-",
                           needs=r",\d{3}")
# what comes before an amount without a currency: a money noun and "of", "was", "to" ... ("net income of"), a
# results-table label right before it ("profit 130,000", "Net loss 56,000"), or "vs" after an amount of money
_BARE_NOUN = (r"revenues?|revs|sales|(?:net\s+)?income|(?:net\s+|pretax\s+|operating\s+)?(?:profits?|loss(?:es)?)|"
              # ("net" alone as a results label: not "net orders", "net new customers")
              r"earnings|net(?!\s+(?!(?:of|was|were|to|from|rose|fell|increased|decreased|grew|declined|totall?ed|reached|"
              r"came|stood|amounted|jumped|climbed|dropped|surged)\b)[a-z])|charges?|gains?|credits?|provisions?|write-?(?:downs?|offs?)|dividends?|proceeds|"
              r"costs?|expenses?|payments?|extraordinary\s+(?:items?|gain|loss)")
_BARE_LEAD = re.compile(
    rf"(?i)(?P<word>\b\w+\s+)?\b(?P<noun>{_BARE_NOUN})\b(?:[^.;,$]{{0,30}}?\b(?:of|was|were|to|from|totall?ed|"
    rf"reached)\s+(?:a\s+(?:record\s+)?)?|\s+)$")
# "car sales rose to 6,403", "domestic sales of 30,643": sales named by what was sold are units; sales are money
# only after one of these words (or none)
_SALES_BEFORE = frozenset({"net", "total", "gross", "annual", "quarterly", "its", "their", "the", "of", "and", "with",
                           "had", "has", "posted", "reported", "on", "consolidated", "company", "group", "combined",
                           "record", "retail", "in", "year", "qtr", "quarter", "revs", "higher", "lower"})
_VS_LEAD = re.compile(r"(?i)\b(?:vs\.?|versus|against|compared\s+with|from)\s+(?:an?\s+)?(?:(?:profit|loss)\s+)?$")
_BARE_TAIL = re.compile(r"(?:\s*(?:[,.;)]|$|and\b|or\b|vs\b|versus\b|compared\b|from\b|in\b|for\b|a\s+year\b|"
                        r"on\b|including\b|excluding\b|after\b|before\b|last\b|a\s+share\b)|\s+[A-Z]{2,}\b)")


def _money_lead(lead: str) -> bool:
    """Whether ``lead`` ends with a money noun that an amount without a currency can follow ("net income of",
    "Net profit"), not with unit sales ("truck sales were").

    >>> _money_lead("posted net sales of "), _money_lead("Year-to-date truck sales were "), _money_lead("loss ")
    (True, False, True)
    """
    m = _BARE_LEAD.search(lead)
    if m is None:
        return False
    if m.group("noun").lower() != "sales" or m.group("word") is None:
        return True
    word = m.group("word").strip().lower()
    return word in _SALES_BEFORE or (word.isdigit() and len(word) == 4)  # "1986 sales of 549,950"


_SHARES_WORD = re.compile(r"(?i)\b(?:shares?|stock|stocks)\b")
# a share price or move in eighths, as wire stories quoted them before decimals ("at 6-7/8, up 1/8")
_SHARE_FRACTION = re.compile(r"(?<![\w./-])(\d+-\d{1,2}/(?:2|4|8|16|32)|\d{1,2}/(?:2|4|8|16|32))(?![\w/]|-\d|\.\d)")
_PRICE_LEAD = re.compile(r"(?i)\b(?:at|to|up|down|off|from|rose|fell|gained|lost|climbed|climbing|dropped|dropping|"
                         r"slipped|eased|firmed|added|adding|closed|opened|traded|rising|falling|jumped|slid|"
                         r"bid|ask|asked|offered)(?:\s+by|\s+was)?\s+$")
# "Loral Corp climbed 3-3/4 to 48-3/4": a move in eighths and the level it led to, a share price without "shares"
_FRACTION_MOVE = re.compile(r"(?i)\b(?:rose|fell|climbed|gained|lost|dropped|slipped|eased|added|jumped|slid|firmed|"
                            r"advanced|declined|up|down|off)\s+\d+(?:-\d{1,2})?/(?:2|4|8|16|32)\s+(?:to|at)\s+"
                            r"\d+(?:-\d{1,2}/(?:2|4|8|16|32))?(?![\w/.])")
_TO_LEVEL = re.compile(r"\s+to\s+(\d+(?:\.\d+)?)(?![\w/-]|[.,]\d|\s?(?:pct|%|per\s?cent|percent))")
_CANADIAN_EXCHANGE = re.compile(r"\b(?:Toronto|Montreal|Vancouver|Alberta)\s+(?:Stock\s+)?Exchange")


def share_prices(text: str, found: list[Quantity], currency: str) -> list[Quantity]:
    """Share prices and moves in fractions without a currency, in a sentence about shares ("traded at 6-7/8, up
    1/8"): money in ``currency``, or in Canadian dollars on a Canadian exchange.

    >>> [(q.text, q.value.point, q.value.unit) for q in share_prices(
    ...     "Its shares traded on the Toronto Stock Exchange at 6-7/8, up 1/8, in a 50/50 venture due 3/8.", [], "USD")]
    [('6-7/8', 6.875, 'CAD'), ('1/8', 0.125, 'CAD')]
    """
    out: list[Quantity] = []
    unit = "CAD" if _CANADIAN_EXCHANGE.search(text) else currency
    for m in _SHARE_FRACTION.finditer(text):
        if any(q.start < m.end() and m.start() < q.end for q in found):
            continue
        if not _PRICE_LEAD.search(text, max(0, m.start() - 12), m.start()):
            continue
        value = parse_number(m.group(1))
        if value is None or _UNIT_AFTER.match(text, m.end()) or _OF_AFTER.match(text, m.end()):
            continue  # "3/4 of the shares" is a part
        out.append(Quantity(m.start(), m.end(), m.group(1),
                            Value(value, value, unit, m.group(1), decimals=3, point=value), "money"))
        level = _TO_LEVEL.match(text, m.end())  # "fell 3/8 to 160": the level the move led to
        if level is not None and not any(q.start <= level.start(1) < q.end for q in found):
            v = float(level.group(1))
            out.append(Quantity(level.start(1), level.end(1), level.group(1),
                                Value(v, v, unit, level.group(1), decimals=0, point=v), "money"))
    return out


def bare_amounts(text: str, found: list[Quantity], currency: str) -> list[Quantity]:
    """Amounts written without a currency in wire prose and results lines: a digit-grouped number right after a
    money noun and "of", "was", "to" ... ("net income of 3,321,000", "an aftertax charge of 818,000"), right after a
    results label ("vs profit 130,000"), or after "vs" when an amount of money comes before it ("370,000 dlrs vs
    51,000"). It is money in the currency of that amount, else ``currency``. Numbers followed by a unit word ("4,000
    shares") are not.

    >>> [(q.text, q.value.low, q.value.unit) for q in bare_amounts("Tseng posted sales of 549,950, the company said.",
    ...                                                            [], "USD")]
    [('549,950', 549950.0, 'USD')]
    >>> [q.text for q in bare_amounts("It had 1,250 employees and sold 4,000 shares at net 12,500 a year.", [], "USD")]
    ['12,500']
    """
    out: list[Quantity] = []
    for m in _BARE_AMOUNT.finditer(text):
        if any(q.start <= m.start() < q.end or m.start() <= q.start < m.end() for q in found):
            continue
        if not _BARE_TAIL.match(text, m.end()):
            continue
        before = [q for q in [*found, *out] if q.end <= m.start() and q.kind == "money"]  # ("Net 1,234,000 vs 1,000,000")
        lead = text[max(0, m.start() - 60):m.start()]
        if not ((before and _VS_LEAD.search(lead)) or _money_lead(lead)):
            continue
        digits = m.group(1).replace(",", "")
        value = float(digits)
        zeros = len(digits) - len(digits.rstrip("0"))
        unit = before[-1].value.unit if before else currency
        out.append(Quantity(m.start(), m.end(), m.group(1),
                            Value(value, value, unit, m.group(1), decimals=-zeros, point=value), "money"))
    return out


# "$5.9 million to $6.1 million tons" (a slip in a transcript): an amount of a physical unit is no money
_PHYSICAL_WORDS = ("tons", "tonnes", "barrels", "ounces", "bushels", "gallons", "pounds")  # (a cheap pre-check)
# "929 million pounds of copper": a weight ("pounds of debt", "of sterling" are money)
_POUNDS_OF = re.compile(r"(?i)pounds?\s+of\s+(?!(?:sterling|debt|cash|funding|investments?|savings|revenues?|sales|"
                        r"profits?|loss(?:es)?|costs?|spending|capital|assets|income|earnings|orders|contracts|new|"
                        r"which|their|its|his|her|the)\b)[a-z]")
_PHYSICAL_AFTER = re.compile(r"(?i)\s+(?:metric\s+)?(?:tons|tonnes|barrels|ounces|bushels|gallons)\b")
_FROM_BEFORE = re.compile(r"\bfrom\s*$", re.IGNORECASE)


_AND_BETWEEN = re.compile(r"\s+and\s+")
_FROM_BETWEEN = re.compile(r"\s+from\s+")
_TO_BEFORE = re.compile(r"(?i)\bto\s+$")
# "to 7-1/2 from 7-3/4 pct": the new level's unit comes after the old one
_FROM_UNIT = re.compile(r"\s+from\s+\d+(?:\.\d+)?(?:-\d{1,2}/\d{1,2})?\s?(?:pct|%|per\s?cent|percent)(?![a-zA-Z])")
_BETWEEN_BEFORE = re.compile(r"(?i)\b(?:between|range\s+of)\s*$")


def _shared_unit(text: str, a: _Atom, b: _Atom | None) -> _Atom | None:
    """"rose from 5 to 7 per cent", "from $1.10 to $1.25 billion": the old level takes the unit, currency and scale
    of the new one (a change's two levels, which :func:`_range` leaves apart)."""
    if b is None or a.unit or a.scale or not (b.unit or b.cur or b.scale):
        return None
    if not a.cur and b.unit and not b.cur and _AND_BETWEEN.fullmatch(text, a.end, b.start) and not _is_year(a) \
            and (ku := _kind_unit(b)) is not None and ku[0] in ("money", "percent", "points") \
            and not _BETWEEN_BEFORE.search(text, max(0, a.start - 12), a.start):
        # "rose 12 and 15 pct respectively", "51 and 42 eur price targets": two figures, one unit after both
        return _Atom(a.start, a.end, None, a.num, a.digits, b.scale, b.unit, a.plus)
    if _FROM_BETWEEN.fullmatch(text, a.end, b.start) and _TO_BEFORE.search(text, max(0, a.start - 6), a.start) \
            and not _is_year(a) and "," not in a.digits and a.num > 0 and 0.5 <= b.num / a.num <= 2:
        # "cut its prime rate to 7-1/2 from 7-3/4 pct", "rose to 12 from 10 mln dlrs": the new level, then the old
        return _Atom(a.start, a.end, b.cur, a.num, a.digits, b.scale, b.unit, a.plus)
    if not _FROM_BEFORE.search(text, max(0, a.start - 8), a.start) or \
            not _TO_BETWEEN.match(text[a.end:b.start]):
        return None
    if a.cur and b.cur and _code(a.cur) != _code(b.cur):
        return None
    return _Atom(a.start, a.end, a.cur or b.cur, a.num, a.digits, b.scale, b.unit, a.plus)


_COMPARED_BEFORE = re.compile(r"\b(?:from|compared\s+(?:with|to)|against|versus|vs\.?)\s+(?:an?\s+)?$", re.IGNORECASE)


def _compared_money(text: str, found: list[Quantity]) -> None:
    """"EUR 5.2 million from 3.1 million", "a EUR1.49 million loss compared with a 1.70 million profit": a scaled
    number compared with an amount of money before it in the sentence is in the same currency (in place)."""
    money: str | None = None
    for n, q in enumerate(found):
        if q.kind == "money":
            money = money if conversion(text, q, money) else q.value.unit
        elif q.kind == "count" and money is not None and _COMPARED_BEFORE.search(text, max(0, q.start - 20), q.start):
            noun = _COUNT_NOUN.match(text[q.end:q.end + 40])
            if noun is not None and noun.group(1).lower() in _COUNTABLE:
                money = None
                continue
            found[n] = dataclasses.replace(q, kind="money", value=dataclasses.replace(q.value, unit=money))
        elif q.kind == "count":
            money = None  # "EUR 5 mn; output was 2.05 mln tons against 3.59 mln": compared with the count


_MONTH_BEFORE = re.compile(r"\b(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec|JAN|FEB|MAR|APR|MAY|JUN|JUL|AUG|SEP|OCT|"
                           r"NOV|DEC)[a-zA-Z]*\.?\s*$")
_LABEL_BEFORE = re.compile(r"(?i)\b(?:paragraphs?|paras?|grafs?|pages?|items?|notes?|slides?|tables?|sections?|"
                           r"chapters?|footnotes?|exhibits?|lines?|columns?|figures?|appendix|no\.|number|#)\s*$")
_EARLIER_AFTER = re.compile(r"\s*,?\s*(?:previously|before|earlier|prior)\b", re.IGNORECASE)


def _compared_level(text: str, a: _Atom, before: Quantity) -> Quantity | None:
    """"141.04 yen against 169.03 a year earlier": a plain decimal compared with an amount of money just before it is
    in the same currency (whole numbers may be counts or years; they are left alone)."""
    if a.cur or a.unit or a.scale or "." not in a.digits or a.digits.startswith("-") or before.kind != "money" \
            or a.start - before.end > 40 or text[a.end:a.end + 1] in ("/", "%") \
            or not _COMPARED_BEFORE.search(text, max(0, a.start - 20), a.start):
        return None
    v = _scaled(a.digits, 1.0)
    return Quantity(a.start, a.end, a.digits, Value(v, v, before.value.unit, a.digits, Qualifier.EXACT,
                                                    _decimals(a.digits, 1.0), v), "money")


# (compiled once: a module-level re.search looks its pattern up in re's cache on every call)
_TO_BETWEEN = re.compile(r"\s*to\s*$", re.IGNORECASE)
_BETWEEN_END = re.compile(r"(?:between|range\s+of)\s*$")
_AND_ONLY = re.compile(r"^\s*(?:and|&)\s*$")  # ("between $1.99 & $2.07": the ampersand of a summary)
_FROM_END = re.compile(r"\bfrom\s*$")
_TO_ONLY = re.compile(r"^\s*to\s*$", re.IGNORECASE)


def _range(text: str, a: _Atom, b: _Atom | None) -> Quantity | None:
    """``a`` and ``b`` as one range ("$10 to $15 billion", "between one and two mln dlrs", "20 % -40 %"), or None.

    >>> _range("through Dec. 31 to EUR 47 million", *_atoms("through Dec. 31 to EUR 47 million")) is None
    True
    """
    if b is None:
        return None
    if not (a.unit or a.cur or a.scale) and _MONTH_BEFORE.search(text, max(0, a.start - 12), a.start):
        return None  # "through Dec. 31 to EUR 47 million": a day of the month, not the start of a range
    if not (a.unit or a.cur or a.scale) and _LABEL_BEFORE.search(text, max(0, a.start - 14), a.start):
        return None  # "Corrects revenue in paragraph 2 to $4.1 billion": a paragraph's number, not a range's start
    between = text[a.end:b.start]
    if text[b.end:b.end + 1] == "/" and text[b.end + 1:b.end + 2].isdigit():
        return None  # "about one yen to 141.25/35 yen": the second number opens a bid-offer quote
    if b.digits.startswith("-") and not between.strip() and text[b.start:b.start + 1] == "-" and 0 <= a.num < -b.num:
        # "EUR 0.8 -1.2 million": the dash is the range's, not a minus sign
        between, b = between + "-", _Atom(b.start + 1, b.end, b.cur, -b.num, b.digits[1:], b.scale, b.unit, b.plus)
    before = text[max(0, a.start - 12):a.start].lower()
    # "between X and Y", "in the range of X and Y"
    is_between = bool(_BETWEEN_END.search(before)) and _AND_ONLY.match(between)
    if not is_between and not _RANGE_SEP.match(between) and \
            not (between == " " and _QUOTE_PAIR.match(text, a.end) and _MIXED.fullmatch(text, a.start, a.end)):
        return None
    if a.num > b.num:
        return None
    if _FROM_END.search(before) and _TO_ONLY.match(between) \
            and _FROM_CHANGE_BEFORE.search(text[max(0, a.start - 40):a.start].rsplit("from", 1)[0]) \
            and not _EARLIER_AFTER.match(text, b.end) \
            and not _FIGURE_UP_FROM.search(text, max(0, a.start - 30), a.start):
        return None  # "rose from 5 to 7 per cent", "raised from $2.6 billion to $2.7 billion": the old and the new
        # level, not a range ("up from 5% to 6% previously" is the earlier range; "up from $3.95-$4.05" one range)
    if (a.unit or a.cur or a.scale) and _TO_ONLY.match(between) and \
            _CHANGE_BEFORE.search(text[max(0, a.start - 30):a.start]) and not _EARLIER_AFTER.match(text, b.end) \
            and not _close_percents(a, b) and not _FIGURE_UP_FROM.search(text, max(0, a.start - 30), a.start):
        return None  # "down 2.30 pct to 14.01 eur": a change and the level it leads to ("climbed 0.50 to 1.00 dlr"
        # without a unit on the first number is a range, and so is "sees revenue down 14% to 17%")
    if (a.unit and not a.cur and b.cur) or (b.unit and not b.cur and a.cur):
        return None  # "9% to $21.3 billion" is a change and a level, not a range
    if (a.cur or a.scale) and _TO_ONLY.match(between) and change_after_percent(text, a.start):
        return None  # "increased 5% or $24 million to $500 million": the change's amount and the level reached
    if before.rstrip().endswith(" by") and _TO_ONLY.match(between) and a.num > 0 \
            and b.num * (b.scale or a.scale or 1) > 5 * a.num * (a.scale or b.scale or 1):
        return None  # "improved revenues by EUR 3.5 mn to EUR 160.4 mn": a change and a level ("by 10 to 15 pct")
    if a.unit and b.unit and a.unit.lower() != b.unit.lower():
        return None
    if a.cur and b.cur and _code(a.cur) != _code(b.cur):
        return None
    first_scale = a.scale if a.scale is not None else b.scale
    if a.scale is None and b.scale is not None and a.num * b.scale > b.num * b.scale:
        return None
    lo_atom = _Atom(a.start, a.end, a.cur or b.cur, a.num, a.digits, first_scale, a.unit or b.unit, False)
    hi_atom = _Atom(b.start, b.end, b.cur or a.cur, b.num, b.digits, b.scale or a.scale, b.unit or a.unit, b.plus)
    ku_lo, ku_hi = _kind_unit(lo_atom), _kind_unit(hi_atom)
    if ku_lo is None or ku_hi is None or ku_lo[0] != ku_hi[0]:
        return None
    kind, unit, mult = ku_hi
    start = a.start
    if is_between and (at := text.rfind("between", max(0, a.start - 12), a.start)) >= 0:
        start = at
    low, high = _scaled(a.digits, ku_lo[2]), _scaled(b.digits, mult)
    if kind == "count" and (_is_year(a) or _is_year(b)):
        return None
    decimals = min(_decimals(a.digits, ku_lo[2]), _decimals(b.digits, mult))
    value = Value(low, high, unit, text[start:b.end], Qualifier.RANGE, decimals, (low + high) / 2)
    hedge = _hedge(text, start)
    if hedge is not None:
        h_start, qualifier, _ = hedge
        start = h_start
        if qualifier is Qualifier.APPROXIMATE:
            value = Value(low, high, unit, text[start:b.end], Qualifier.RANGE, decimals, (low + high) / 2)
    return Quantity(start, b.end, text[start:b.end],
                    Value(value.low, value.high, unit, text[start:b.end], Qualifier.RANGE, decimals, value.point),
                    kind)


_OLD_RATE = re.compile(r"\s+from\s+(\d+(?:\.\d+)?(?:-\d{1,2}/\d{1,2})?)(?![\d/a-zA-Z%]|[.,]\d|"
                       r"\s?(?:pct|percent|per\s?cent|mln|bln|billion|million|thousand|trillion|mn|bn|dlrs?|cts|"
                       r"cents?|points?|basis|pc|p\.c\.|[a-z]+\s+(?:pct|percent|per\s?cent))\b)")
_AT_TO_BEFORE = re.compile(r"(?i)\b(?:to|at)\s+$")


def _old_rates(text: str, found: list[Quantity]) -> list[Quantity]:
    """"raised its prime rate to 7-3/4 pct from 7-1/2", "yields fell to 6.26 pct from 6.28": the old rate after a
    percentage the rate moved to, without its unit, is a percentage too (a number close to it: not "up 8.8 pct from
    111,743", "rose four pct from 1985").

    >>> [(q.text, q.value.point) for q in find_quantities("cut it to 7-3/4 pct from 7-1/2, and to 8 pct from 1986")]
    [('7-3/4 pct', 7.75), ('7-1/2', 7.5), ('8 pct', 8.0)]
    """
    out: list[Quantity] = []
    for q in found:
        if q.kind != "percent" or q.value.qualifier is not Qualifier.EXACT or q.value.point is None \
                or not _AT_TO_BEFORE.search(text, max(0, q.start - 6), q.start):
            continue
        m = _OLD_RATE.match(text, q.end)
        if m is None or any(x.start <= m.start(1) < x.end for x in found):
            continue
        v = parse_number(m.group(1))
        if v is None or not 0 < q.value.point / 2 <= v <= q.value.point * 2 or re.fullmatch(r"(?:19|20)\d\d", m.group(1)):
            continue
        out.append(Quantity(m.start(1), m.end(1), m.group(1),
                            Value(v, v, "percent", m.group(1), Qualifier.EXACT, _decimals(digits_of(m.group(1)), 1.0), v),
                            "percent"))
    return out


def _close_percents(a: _Atom, b: _Atom) -> bool:
    """Two percentages of one range after a change word ("down 14% to 17%"), not a change and a level ("rose 0.5% to
    5.5%"): both in percent, the second at most twice the first."""
    pct = ("%", "pct", "percent", "per cent")
    return bool(a.unit and b.unit and a.unit.lower() in pct and b.unit.lower() in pct and 0 < a.num < b.num <= 2 * a.num)


def _scaled(digits: str, mult: float) -> float:
    """``digits`` times ``mult`` without binary rounding noise (1.009 billion is 1009000000).

    >>> _scaled("1.009", 1e9), _scaled("12,141", 1.0), _scaled("5.25", 0.01), _scaled("0.1", 3.0)
    (1009000000.0, 12141.0, 0.0525, 0.3)
    """
    plain = digits.replace(",", "")
    power = _POWERS.get(mult)
    if power is not None and len(plain) <= 17 and plain.isascii() \
            and (plain[1:] if plain[:1] == "-" else plain).replace(".", "", 1).isdigit():
        # a power of ten moves the decimal point: the product is exact, and the float read from "1.009e9" is the
        # same nearest float (Decimal's product would round only past 28 digits)
        return float(f"{plain}e{power}")
    return float(Decimal(plain) * Decimal(repr(mult)))


# the scales that are powers of ten, as exponents: a product with one of them is read by float() alone
_POWERS = {10.0 ** k: k for k in range(-6, 16) if Decimal(repr(10.0 ** k)) == Decimal(10) ** k}


def _is_year(atom: _Atom) -> bool:
    return not atom.cur and not atom.unit and not atom.scale and atom.digits.isdigit() and \
        1800 <= atom.num <= 2100 and len(atom.digits) == 4


_OR_MORE = re.compile(r"^\s*(?:or\s+more|and\s+up|plus)\b", re.IGNORECASE)


def _single(text: str, a: _Atom) -> Quantity | None:
    ku = _kind_unit(a)
    if ku is None:
        noun = _COUNT_NOUN.match(text[a.end:a.end + 40])
        if noun is None or noun.group(1).lower() not in _COUNTABLE or _is_year(a):
            return None
        ku = ("count", "count", 1.0)
    kind, unit, mult = ku
    v = _scaled(a.digits, mult)
    decimals = _decimals(a.digits, mult)
    start, qualifier, mode = a.start, Qualifier.EXACT, ""
    hedge = _hedge(text, a.start)
    if hedge is not None:
        start, qualifier, mode = hedge
    if a.plus or _OR_MORE.match(text[a.end:a.end + 12]):
        qualifier, mode = Qualifier.AT_LEAST, "open"
    low, high = _interval(v, qualifier, mode)
    stated = text[start:a.end]
    return Quantity(start, a.end, stated, Value(low, high, unit, stated, qualifier, decimals, v), kind)


_TOLERANCES = {"approx": APPROX_TOL, "near": NEAR_TOL, "open": OPEN_TOL}


def _interval(v: float, qualifier: Qualifier, mode: str) -> tuple[float, float]:
    tol = _TOLERANCES.get(mode, 0.0)
    spread = abs(v) * tol
    if qualifier is Qualifier.APPROXIMATE:
        return (v - spread, v + spread)
    if qualifier is Qualifier.AT_MOST:
        return (v - spread, v)
    if qualifier is Qualifier.AT_LEAST:
        return (v, v + spread)
    return (v, v)


# The last word of every hedge phrase of _HEDGES: a window that ends with another word has no hedge.
_HEDGE_LAST = frozenset({
    "over", "above", "than", "under", "below", "of", "nearly", "almost", "approaching", "to", "exceed", "exceeds",
    "exceeded", "exceeding", "least", "topped", "topping", "top", "tops", "surpass", "surpasses", "surpassed",
    "surpassing", "as", "most", "about", "approximately", "approx", "roughly", "around", "some", "circa", "ca",
    "estimated", "near", "so"})
_HEDGE_LONGEST = max(map(len, _HEDGE_LAST))
_ASCII_LETTERS = frozenset("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz")



def _hedge_endings() -> dict[str, tuple[str, ...]]:
    """Every phrase of _HEDGES that ends with a letter, written out (:func:`~claimgraph.sources.scan.spelled_out`; a
    run of whitespace as one space, in lower case), by its last word."""
    out: dict[str, list[str]] = {}
    for source, _, _ in _HEDGES:
        spelled = spelled_out(source, re.IGNORECASE)
        assert spelled is not None, source
        for phrase in spelled:
            i = len(phrase)
            while i and phrase[i - 1] in _ASCII_LETTERS:
                i -= 1
            if i < len(phrase):
                out.setdefault(phrase[i:].lower(), []).append(phrase.lower())
    assert set(out) <= _HEDGE_LAST, set(out) - _HEDGE_LAST
    return {word: tuple(phrases) for word, phrases in out.items()}


# A hedge that ends with a word, in an ASCII window, is one of these phrases at the end of the window's tail with its
# whitespace runs made one space (and lower-cased): a tail that ends with none of those of its last word has no hedge
# (in other text, IGNORECASE also matches "ſ" and "ı" to ASCII letters: the patterns decide there)
_HEDGE_ENDINGS = _hedge_endings()
_HEDGE_BY_LAST = {word: [step for step, (source, _, _) in zip(_HEDGE_BEFORE, _HEDGES, strict=True)
                         if any(p.lower() in phrases for p in spelled_out(source, re.IGNORECASE) or ())]
                  for word, phrases in _HEDGE_ENDINGS.items()}


# verbs whose "up" is a particle ("go up", "tick up"): "up to" after them is the level reached, not a ceiling
_UP_PARTICLE = re.compile(r"(?i)\b(?:go(?:es|ne|ing)?|went|mov(?:e|es|ed|ing)|push(?:es|ed|ing)?|shot|shoot(?:s|ing)?|"
                          r"jump(?:s|ed|ing)?|tick(?:s|ed|ing)?|edg(?:e|es|ed|ing)|inch(?:es|ed|ing)?|cre(?:ep|eps|pt)|"
                          r"bump(?:s|ed|ing)?|ramp(?:s|ed|ing)?|step(?:s|ped|ping)?|br(?:ing|ings|ought)|"
                          r"g[oe]t(?:s|ting)?|come|came|comes|coming)\s+$")


def _hedge(text: str, start: int) -> tuple[int, Qualifier, str] | None:
    window = text[max(0, start - 40):start]
    tail = window.rstrip()
    if not tail:
        return None
    hedges = _HEDGE_BEFORE
    if tail[-1] not in "~≈.":
        i = len(tail)  # the run of ASCII letters that ends the window (at most one letter longer than a hedge word)
        while i and tail[i - 1] in _ASCII_LETTERS and len(tail) - i <= _HEDGE_LONGEST:
            i -= 1
        last = tail[i:].lower()
        if i == len(tail) or last not in _HEDGE_LAST:
            return None
        if window.isascii():
            if not " ".join(tail.lower().split()).endswith(_HEDGE_ENDINGS.get(last, ())):
                return None  # ("revenue of", "rose to": the words before are no hedge's)
            hedges = _HEDGE_BY_LAST[last]  # (the patterns with a phrase that ends with that word, in their order)
    for pattern, qualifier, mode in hedges:
        m = pattern.search(window)
        if m:
            if m.group().lstrip(" (,;:").lower().startswith("up") and _UP_PARTICLE.search(window, 0, m.start() + 1):
                return None  # "Sales would go up to six billion", "ticked up to 4.5%": up belongs to the verb
            hstart = max(0, start - 40) + m.start()
            while hstart < start and not (text[hstart].isalnum() or text[hstart] in "~≈"):
                hstart += 1
            return (hstart, qualifier, mode)
    return None


# the pre-check of _change_words: one of these in the lower-cased sentence
_CHANGE_STEMS = ("doubl", "tripl", "quadrupl", "halv")


def _change_words(text: str, found: list[Quantity], lower: str | None = None) -> list[Quantity]:
    out: list[Quantity] = []
    if not any_word(text.lower() if lower is None else lower, _CHANGE_STEMS):
        return out
    for m in _CHANGE_WORD.finditer(text):
        if any(q.start <= m.start() < q.end for q in found):
            continue
        v = _change_value(m.group(1))
        start, qualifier, mode = m.start(), Qualifier.EXACT, ""
        hedge = _hedge(text, m.start())
        if hedge is not None:
            start, qualifier, mode = hedge
        low, high = _interval(v, qualifier, mode)
        stated = text[start:m.end()]
        out.append(Quantity(start, m.end(), stated, Value(low, high, "percent", stated, qualifier, 0, v),
                            "multiple", change_word=m.group(1).lower()))
    return out
